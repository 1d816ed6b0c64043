package cn.juece.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.DecisionVariables;

/**
 * On every user task's creation: clears the previous step's outcome and reason (so that a step can only
 * close with an outcome submitted for it), labels the task with the decision's number and title (shown on every
 * Tasklist card to whoever may read the task; the stage's process carries them too, for an instance started before
 * processes were labelled from their start), opens the step's row (its party, round) and writes the task's
 * description.
 */
@Component
class TaskPreparationListener implements TaskListener {

    private final DecisionService decisions;
    private final Steps steps;

    TaskPreparationListener(DecisionService decisions, Steps steps) {
        this.decisions = decisions;
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        execution.removeVariable(DecisionVariables.OUTCOME);
        execution.removeVariable(DecisionVariables.REASON);
        Decision d = decisions.get(execution.getProcessBusinessKey());
        if (!execution.hasVariable(DecisionVariables.DECISION_NUMBER)) {
            DecisionVariables.of(execution.getProcessInstance()).label(d);
        }
        DecisionVariables.of(task).labelLocally(d);
        steps.open(task, d);
        task.setDescription("决策编号：" + d.number() + "；决策事项：" + d.title()
                + "。详细材料和办理要求见决策案卷：/decisions/" + d.number());
    }
}
