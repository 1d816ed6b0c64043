package cn.juece.operations;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.Execution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.catalogue.CatalogueService;
import cn.juece.decision.DecisionService;
import cn.juece.operations.EngineOperations.Match;

/**
 * Which decisions' runs (or catalogues') an engine operation touches. A run is known by its business key: a
 * decision's number (the lifecycle and each stage process it calls) or a catalogue's key (GX-2026-ML).
 * Called without an engine authentication (the gate runs before the engine's authentication filters), so
 * it sees every instance.
 */
@Component
class AffectedRuns {

    /** A decision or a catalogue whose run an operation touches. */
    record Run(String key, Long decisionId) {
    }

    /**
     * What an operation names. {@code found}: the id in the path exists (or the operation names its runs in
     * the body); {@code runs}: the decisions and catalogues among them. An existing instance of another
     * process has found true and no runs: not a decision's run.
     */
    record Affected(boolean found, Set<Run> runs) {
        static Affected none() {
            return new Affected(false, Set.of());
        }
    }

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final ManagementService management;
    private final HistoryService history;
    private final DecisionService decisions;
    private final CatalogueService catalogues;

    AffectedRuns(RuntimeService runtime, TaskService tasks, ManagementService management, HistoryService history,
                 DecisionService decisions, CatalogueService catalogues) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.history = history;
        this.decisions = decisions;
        this.catalogues = catalogues;
    }

    /** The runs named in the path; for operations naming them in the body, see {@link #named(Match, JsonNode)}. */
    Affected inPath(Match match) {
        String id = match.id();
        return switch (match.operation().target()) {
            case INSTANCE -> ofInstance(id);
            case EXECUTION -> Optional.ofNullable(runtime.createExecutionQuery().executionId(id).singleResult())
                    .map(Execution::getProcessInstanceId).map(this::ofInstance).orElse(Affected.none());
            case TASK -> Optional.ofNullable(tasks.createTaskQuery().taskId(id).singleResult())
                    .map(t -> t.getProcessInstanceId() == null ? new Affected(true, Set.of()) : ofInstance(t.getProcessInstanceId()))
                    .orElse(Affected.none());
            case JOB -> Optional.ofNullable(management.createJobQuery().jobId(id).singleResult())
                    .map(j -> j.getProcessInstanceId() == null ? new Affected(true, Set.of()) : ofInstance(j.getProcessInstanceId()))
                    .orElse(Affected.none());
            case HISTORIC_INSTANCE -> ofHistoricInstance(id);
            case HISTORIC_VARIABLE -> Optional.ofNullable(history.createHistoricVariableInstanceQuery().variableId(id).singleResult())
                    .map(v -> v.getProcessInstanceId() == null ? new Affected(true, Set.of()) : ofHistoricInstance(v.getProcessInstanceId()))
                    .orElse(Affected.none());
            default -> Affected.none();
        };
    }

    /** The runs an operation names in its body (instances listed, a message's or signal's receivers, a start). */
    Set<Run> named(Match match, JsonNode body) {
        Set<Run> runs = new LinkedHashSet<>();
        switch (match.operation().target()) {
            case LISTED_INSTANCES -> ids(body.path("processInstanceIds")).forEach(id -> runs.addAll(ofInstance(id).runs()));
            case LISTED_HISTORIC_INSTANCES -> ids(body.path("processInstanceIds")).forEach(id -> runs.addAll(ofHistoricInstance(id).runs()));
            case MESSAGE -> {
                String instance = text(body, "processInstanceId");
                String key = text(body, "businessKey");
                if (instance != null) {
                    runs.addAll(ofInstance(instance).runs());
                }
                if (key != null) {
                    run(key).ifPresent(runs::add);
                }
                if (instance == null && key == null) {
                    runs.addAll(waiting("message", text(body, "messageName")));
                }
            }
            case SIGNAL -> {
                String execution = text(body, "executionId");
                if (execution != null) {
                    Execution e = runtime.createExecutionQuery().executionId(execution).singleResult();
                    if (e != null) {
                        runs.addAll(ofInstance(e.getProcessInstanceId()).runs());
                    }
                } else {
                    runs.addAll(waiting("signal", text(body, "name")));
                }
            }
            case START -> Optional.ofNullable(text(body, "businessKey")).flatMap(this::run).ifPresent(runs::add);
            default -> {
            }
        }
        return runs;
    }

    /** Whether the body names its instances by a query rather than one by one. */
    static boolean namesInstancesByQuery(JsonNode body) {
        return !body.path("processInstanceQuery").isMissingNode() && !body.path("processInstanceQuery").isNull()
                || !body.path("historicProcessInstanceQuery").isMissingNode() && !body.path("historicProcessInstanceQuery").isNull();
    }

    /** The decision or catalogue of a business key, if it is one. */
    Optional<Run> run(String key) {
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        var decision = decisions.find(key);
        if (decision.isPresent()) {
            return Optional.of(new Run(decision.get().number(), decision.get().id()));
        }
        return catalogues.find(key).map(c -> new Run(c.key(), null));
    }

    private Affected ofInstance(String instanceId) {
        ProcessInstance pi = runtime.createProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        if (pi == null) {
            return Affected.none();
        }
        String key = pi.getBusinessKey();
        if ((key == null || key.isBlank()) && pi.getRootProcessInstanceId() != null && !pi.getRootProcessInstanceId().equals(pi.getId())) {
            ProcessInstance root = runtime.createProcessInstanceQuery().processInstanceId(pi.getRootProcessInstanceId()).singleResult();
            key = root == null ? null : root.getBusinessKey();
        }
        return new Affected(true, run(key).map(Set::of).orElse(Set.of()));
    }

    private Affected ofHistoricInstance(String instanceId) {
        HistoricProcessInstance hpi = history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult();
        if (hpi == null) {
            return Affected.none();
        }
        String key = hpi.getBusinessKey();
        if ((key == null || key.isBlank()) && hpi.getRootProcessInstanceId() != null && !hpi.getRootProcessInstanceId().equals(hpi.getId())) {
            HistoricProcessInstance root = history.createHistoricProcessInstanceQuery()
                    .processInstanceId(hpi.getRootProcessInstanceId()).singleResult();
            key = root == null ? null : root.getBusinessKey();
        }
        return new Affected(true, run(key).map(Set::of).orElse(Set.of()));
    }

    /** The runs of the instances waiting for a message or signal of that name. */
    private Set<Run> waiting(String type, String name) {
        Set<Run> runs = new LinkedHashSet<>();
        if (name == null) {
            return runs;
        }
        for (EventSubscription s : runtime.createEventSubscriptionQuery().eventType(type).eventName(name).list()) {
            if (s.getProcessInstanceId() != null) {
                runs.addAll(ofInstance(s.getProcessInstanceId()).runs());
            }
        }
        return runs;
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(n -> {
                if (n.isTextual() && !n.asText().isBlank()) {
                    ids.add(n.asText());
                }
            });
        }
        return ids;
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.path(field);
        return n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }
}
