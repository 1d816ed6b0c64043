package cn.juece.compliance;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import cn.juece.decision.Stage;
import cn.juece.workflow.TaskOutcomes;

/**
 * The path a decision can take, read from the .bpmn files in bpmn/ (the same files the engine runs; no second copy):
 * each stage's user tasks in order, whether a task lies on every way through its stage, the named flow that leads to
 * a task taken only on some ways ("仅在…时办理"), and whether one stage must be passed to reach another.
 */
@Component
class ProcessMap {

    static final String LIFECYCLE = "decision-lifecycle";

    /**
     * A user task of a stage as the BPMN declares it.
     *
     * @param mandatory whether every way from the stage's start to its end passes this task
     * @param when      the named flow(s) that lead to the task when it is not mandatory, e.g. "审查结论：具体规定不合法"
     */
    record TaskInfo(Stage stage, String key, String name, Map<String, String> outcomes, boolean mandatory, String when) {
    }

    private final List<TaskInfo> tasks = new ArrayList<>();
    private final Map<Stage, List<String>> stageCalls = new LinkedHashMap<>();
    private final Map<Stage, String> stageWhen = new LinkedHashMap<>();
    private Graph lifecycle;

    ProcessMap() {
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn")) {
                try (InputStream in = r.getInputStream()) {
                    read(Bpmn.readModelFromStream(in));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read bpmn/ from the classpath", e);
        }
        tasks.sort(Comparator.comparing((TaskInfo t) -> t.stage().number()));
    }

    private void read(BpmnModelInstance model) {
        for (Process p : model.getModelElementsByType(Process.class)) {
            Graph g = new Graph(p);
            if (LIFECYCLE.equals(p.getId())) {
                lifecycle = g;
                for (CallActivity c : model.getModelElementsByType(CallActivity.class)) {
                    Stage s = Stage.ofProcessKey(c.getCalledElement());
                    if (s != null && c.getParentElement() == p) {
                        stageCalls.computeIfAbsent(s, k -> new ArrayList<>()).add(c.getId());
                        stageWhen.putIfAbsent(s, g.when(c));
                    }
                }
                continue;
            }
            Stage stage = Stage.ofProcessKey(p.getId());
            if (stage == null) {
                continue;
            }
            for (UserTask t : g.documentOrder(UserTask.class)) {
                boolean mandatory = !g.reachesEndAvoiding(Set.of(t));
                tasks.add(new TaskInfo(stage, t.getId(), t.getName(), TaskOutcomes.of(t), mandatory, mandatory ? null : g.when(t)));
            }
        }
    }

    List<TaskInfo> tasks() {
        return tasks;
    }

    Optional<TaskInfo> task(String key) {
        return tasks.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    /** Whether every way through the lifecycle to {@code later} passes {@code stage} (so reaching it without is a skip). */
    boolean mustPrecede(Stage stage, Stage later) {
        if (lifecycle == null || !stageCalls.containsKey(stage) || !stageCalls.containsKey(later)) {
            return false;
        }
        Set<FlowNode> removed = lifecycle.nodes(stageCalls.get(stage));
        Set<FlowNode> reached = lifecycle.reachableAvoiding(removed);
        return lifecycle.nodes(stageCalls.get(later)).stream().noneMatch(reached::contains);
    }

    /** The named flow leading to the stage in the lifecycle ("需要", "同意或原则同意"), or null. */
    String stageWhen(Stage stage) {
        return stageWhen.get(stage);
    }

    /** One process as a graph of flow nodes (boundary events follow the activity they are attached to). */
    private static final class Graph {

        private final Process process;
        private final Map<FlowNode, List<FlowNode>> next = new LinkedHashMap<>();
        private final Map<FlowNode, List<SequenceFlow>> incoming = new LinkedHashMap<>();

        Graph(Process process) {
            this.process = process;
            for (FlowNode n : process.getChildElementsByType(FlowNode.class)) {
                List<FlowNode> out = new ArrayList<>();
                n.getOutgoing().forEach(f -> out.add(f.getTarget()));
                next.put(n, out);
                incoming.put(n, new ArrayList<>(n.getIncoming()));
            }
            for (BoundaryEvent b : process.getChildElementsByType(BoundaryEvent.class)) {
                next.computeIfAbsent(b.getAttachedTo(), k -> new ArrayList<>()).add(b);
            }
        }

        <T extends FlowNode> List<T> documentOrder(Class<T> type) {
            return new ArrayList<>(process.getChildElementsByType(type));
        }

        Set<FlowNode> nodes(Collection<String> ids) {
            Set<FlowNode> found = new HashSet<>();
            next.keySet().stream().filter(n -> ids.contains(n.getId())).forEach(found::add);
            return found;
        }

        Set<FlowNode> reachableAvoiding(Set<? extends FlowNode> removed) {
            Set<FlowNode> seen = new HashSet<>();
            Deque<FlowNode> todo = new ArrayDeque<>();
            for (StartEvent s : process.getChildElementsByType(StartEvent.class)) {
                if (!removed.contains(s)) {
                    todo.add(s);
                }
            }
            while (!todo.isEmpty()) {
                FlowNode n = todo.poll();
                if (!seen.add(n)) {
                    continue;
                }
                for (FlowNode m : next.getOrDefault(n, List.of())) {
                    if (!removed.contains(m) && !seen.contains(m)) {
                        todo.add(m);
                    }
                }
            }
            return seen;
        }

        boolean reachesEndAvoiding(Set<? extends FlowNode> removed) {
            Set<FlowNode> reached = reachableAvoiding(removed);
            return process.getChildElementsByType(EndEvent.class).stream().anyMatch(reached::contains);
        }

        /** The nearest named flows leading to the node, with their gateway's name: "审查结论：具体规定不合法". */
        String when(FlowNode node) {
            List<String> names = new ArrayList<>();
            Set<FlowNode> seen = new HashSet<>();
            Deque<FlowNode> todo = new ArrayDeque<>(List.of(node));
            while (!todo.isEmpty() && names.isEmpty()) {
                FlowNode n = todo.poll();
                if (!seen.add(n)) {
                    continue;
                }
                for (SequenceFlow f : incoming.getOrDefault(n, List.of())) {
                    if (f.getName() != null && !f.getName().isBlank()) {
                        String gateway = f.getSource().getName();
                        String name = (gateway == null || gateway.isBlank() ? "" : gateway.strip().replaceAll("[？?]$", "") + "：") + f.getName().strip();
                        if (!names.contains(name)) {
                            names.add(name);
                        }
                    } else {
                        todo.add(f.getSource());
                    }
                }
                if (n instanceof BoundaryEvent b) {
                    todo.add(b.getAttachedTo());
                }
            }
            return names.isEmpty() ? null : String.join("或", names);
        }
    }
}
