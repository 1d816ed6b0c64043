package cn.juece.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.audit.MaterialRef;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.DecisionVariables;
import cn.juece.dossier.MaterialService;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.support.AppClock;

/**
 * On every user task's completion, whatever the path (Tasklist's submit-form, engine REST, /api, a test
 * calling the task service): the rule check of {@link TaskRules}, the facts features keep for the step, the step's
 * row and the audit entry, inside the engine's transaction. A refusal throws, and the engine rolls back the whole
 * step. Attached by the parse listener to every user task, not by hand in each file (STACK-NOTES).
 */
@Component
class TaskCompletionListener implements TaskListener {

    private final TaskRules rules;
    private final DecisionService decisions;
    private final Directory directory;
    private final AuditTrail audit;
    private final ObjectProvider<StepCompletionHandler> handlers;
    private final Steps steps;
    private final MaterialService materials;
    private final AppClock clock;

    TaskCompletionListener(TaskRules rules, DecisionService decisions, Directory directory, AuditTrail audit,
                           ObjectProvider<StepCompletionHandler> handlers, Steps steps, MaterialService materials, AppClock clock) {
        this.rules = rules;
        this.decisions = decisions;
        this.directory = directory;
        this.audit = audit;
        this.handlers = handlers;
        this.steps = steps;
        this.materials = materials;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        Decision decision = decisions.get(task.getExecution().getProcessBusinessKey());
        Map<String, String> outcomes = TaskOutcomes.of(task.getBpmnModelElementInstance());
        DecisionVariables vars = DecisionVariables.of(task);
        Step step = steps.of(task, decision);
        Actor actor = directory.currentActor();
        String actedFor = rules.checkCompletion(decision, step, task.getAssignee(), outcomes, vars.outcome(), vars.reason(), actor);
        String reason = vars.reason() == null || vars.reason().isBlank() ? null : vars.reason().strip();
        List<StepCompletionHandler> concerned = handlers.orderedStream().filter(h -> h.handles(task.getTaskDefinitionKey())).toList();
        if (!concerned.isEmpty()) {
            var completion = new StepCompletion(decision, task.getId(), task.getTaskDefinitionKey(), task.getName(),
                    vars.outcome(), outcomes.get(vars.outcome()), reason, actor, actedFor, step.round(), clock.now());
            concerned.forEach(h -> h.completed(completion));
        }
        steps.completed(step, actor.id(), actedFor, vars.outcome(), reason, materials.newestVersionId(decision.id()));
        // The entry names the group the person acted for and the materials in force when the step closed (Art. 60).
        List<MaterialRef> inForce = materials.materials(decision.id()).stream().filter(m -> m.latest() != null)
                .map(m -> new MaterialRef(m.id(), m.latest().id(), m.latest().versionNo(), m.latest().sha256())).toList();
        audit.record(actor, actedFor, decision.id(), decision.number(), AuditAction.TASK_COMPLETED,
                "办理“" + task.getName() + "”，结果：" + outcomes.get(vars.outcome()) + (reason == null ? "" : "；理由：" + reason)
                        + (step.round() > 1 ? "（第" + step.round() + "轮）" : ""), inForce);
    }
}
