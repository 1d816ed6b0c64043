package cn.juece.workflow;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.DecisionVariables;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.support.AppClock;

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
    private final ObjectProvider<StepCompletionHandler> handlers;
    private final HistoryService history;
    private final AppClock clock;

    TaskCompletionListener(TaskRules rules, DecisionService decisions, Directory directory, AuditTrail audit,
                           ObjectProvider<StepCompletionHandler> handlers, HistoryService history, AppClock clock) {
        this.rules = rules;
        this.decisions = decisions;
        this.directory = directory;
        this.audit = audit;
        this.handlers = handlers;
        this.history = history;
        this.clock = clock;
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
        List<StepCompletionHandler> concerned = handlers.orderedStream().filter(h -> h.handles(task.getTaskDefinitionKey())).toList();
        if (!concerned.isEmpty()) {
            int round = (int) history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(decision.number())
                    .taskDefinitionKey(task.getTaskDefinitionKey()).finished().count() + 1;
            String actedFor = groups.stream().filter(g -> actor.groups().contains(g)).findFirst().orElse(null);
            var step = new StepCompletion(decision, task.getId(), task.getTaskDefinitionKey(), task.getName(),
                    vars.outcome(), outcomes.get(vars.outcome()), reason == null ? null : reason.strip(), actor, actedFor,
                    round, clock.now());
            concerned.forEach(h -> h.completed(step));
        }
        audit.record(actor, decision.id(), decision.number(), AuditAction.TASK_COMPLETED,
                "办理“" + task.getName() + "”，结果：" + outcomes.get(vars.outcome())
                        + (reason == null || reason.isBlank() ? "" : "；理由：" + reason.strip()));
    }
}
