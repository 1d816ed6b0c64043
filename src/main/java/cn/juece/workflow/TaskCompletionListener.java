package cn.juece.workflow;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.stereotype.Component;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.DecisionVariables;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;

/**
 * On every user task's completion, whatever the path (Tasklist's submit-form, engine REST, /api, a test
 * calling the task service): the rule check of {@link TaskRules} and the audit entry, inside the engine's
 * transaction. A refusal throws, and the engine rolls back the whole step. Attached by the parse
 * listener to every user task, not by hand in each file (STACK-NOTES).
 */
@Component
class TaskCompletionListener implements TaskListener {

    private final TaskRules rules;
    private final DecisionService decisions;
    private final Directory directory;
    private final AuditTrail audit;

    TaskCompletionListener(TaskRules rules, DecisionService decisions, Directory directory, AuditTrail audit) {
        this.rules = rules;
        this.decisions = decisions;
        this.directory = directory;
        this.audit = audit;
    }

    @Override
    public void notify(DelegateTask task) {
        Decision decision = decisions.get(task.getExecution().getProcessBusinessKey());
        Map<String, String> outcomes = TaskOutcomes.of(task.getBpmnModelElementInstance());
        DecisionVariables vars = DecisionVariables.of(task);
        List<String> groups = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).toList();
        Actor actor = directory.currentActor();
        rules.checkCompletion(decision, task.getTaskDefinitionKey(), task.getName(), groups, task.getAssignee(),
                outcomes, vars.outcome(), vars.reason(), actor);
        String reason = vars.reason();
        audit.record(actor, decision.id(), decision.number(), AuditAction.TASK_COMPLETED,
                "办理“" + task.getName() + "”，结果：" + outcomes.get(vars.outcome())
                        + (reason == null || reason.isBlank() ? "" : "；理由：" + reason.strip()));
    }
}
