package cn.juece.deadline;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.springframework.stereotype.Component;

import cn.juece.support.RuleViolation;

/**
 * The reminder and escalation of a step's period, as task-listener timeout timers in the .bpmn
 * (DECISIONS.md 14): they never stop the step and vanish when the task completes. The timer's date and
 * the listener read the period the task names ({@code camunda:property name="period"}), so the two
 * listeners are the same in every file:
 * <pre>
 * &lt;camunda:taskListener expression="${periodTimers.remind(task)}" event="timeout" id="period-reminder"&gt;
 *   &lt;bpmn:timerEventDefinition&gt;&lt;bpmn:timeDate&gt;${periodTimers.reminderAt(execution)}&lt;/bpmn:timeDate&gt;…
 * &lt;camunda:taskListener expression="${periodTimers.escalate(task)}" event="timeout" id="period-escalation"&gt;
 *   &lt;bpmn:timerEventDefinition&gt;&lt;bpmn:timeDate&gt;${periodTimers.escalationAt(execution)}&lt;/bpmn:timeDate&gt;…
 * </pre>
 */
@Component("periodTimers")
public class PeriodTimers {

    private final StepPeriods stepPeriods;

    PeriodTimers(StepPeriods stepPeriods) {
        this.stepPeriods = stepPeriods;
    }

    /** {@code juece.periods.reminder-working-days} working days before the last day, at 09:00. */
    public Date reminderAt(DelegateExecution execution) {
        return stepPeriods.reminderAt(periodOf(execution), execution.getProcessBusinessKey(), execution.getCurrentActivityId());
    }

    /** The end of the period: 23:59:59 of its last day. */
    public Date escalationAt(DelegateExecution execution) {
        return stepPeriods.escalationAt(periodOf(execution), execution.getProcessBusinessKey(), execution.getCurrentActivityId());
    }

    public void remind(DelegateTask task) {
        stepPeriods.remind(task);
    }

    public void escalate(DelegateTask task) {
        stepPeriods.escalate(task);
    }

    static String periodOf(DelegateExecution execution) {
        FlowElement element = execution.getBpmnModelElementInstance();
        if (element != null && element.getExtensionElements() != null) {
            for (CamundaProperties props : element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list()) {
                for (CamundaProperty p : props.getCamundaProperties()) {
                    if (StepPeriods.PROPERTY.equals(p.getCamundaName())) {
                        return p.getCamundaValue().strip();
                    }
                }
            }
        }
        throw new RuleViolation("PERIOD_NOT_NAMED", "环节" + execution.getCurrentActivityId()
                + "的提醒或督办计时器需要在 BPMN 中以 camunda:property name=\"period\" 指明法定期限。");
    }
}
