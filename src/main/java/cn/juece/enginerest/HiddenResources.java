package cn.juece.enginerest;

import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import cn.juece.access.DecisionAccess;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.identity.Directory;

/**
 * For the engine REST's answers (DECISIONS.md 23): a task or process instance of a decision the person may not see
 * is answered as an unknown id (404), not with the 403 that would tell it exists.
 */
@Component
class HiddenResources {

    private final TaskService tasks;
    private final HistoryService history;
    private final IdentityService identity;
    private final DecisionService decisions;
    private final DecisionAccess access;
    private final Directory directory;

    HiddenResources(TaskService tasks, HistoryService history, IdentityService identity, DecisionService decisions,
                    DecisionAccess access, Directory directory) {
        this.tasks = tasks;
        this.history = history;
        this.identity = identity;
        this.decisions = decisions;
        this.access = access;
        this.directory = directory;
        EngineRestErrors.hideWith(this::hidden);
    }

    boolean hidden(String resourceType, String id) {
        if (id == null || id.isBlank() || "*".equals(id)) {
            return false;
        }
        var actor = directory.currentActor();
        Authentication acting = identity.getCurrentAuthentication();
        identity.clearAuthentication();   // look the resource up as the engine, whatever the person may read
        try {
            Optional<Decision> d = switch (resourceType) {
                case "Task" -> Optional.ofNullable(tasks.createTaskQuery().taskId(id).singleResult())
                        .flatMap(t -> businessKey(t.getProcessInstanceId()));
                case "ProcessInstance", "HistoricProcessInstance" -> businessKey(id);
                default -> Optional.empty();
            };
            return d.isPresent() && !access.maySee(actor, d.get());
        } finally {
            if (acting != null) {
                identity.setAuthentication(acting);
            }
        }
    }

    private Optional<Decision> businessKey(String processInstanceId) {
        HistoricProcessInstance pi = history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        return pi == null ? Optional.empty() : decisions.find(pi.getBusinessKey());
    }
}
