package cn.juece.deadline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseUtil;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives every user task that names a period ({@code <camunda:property name="period" value="CODE"/>}) its
 * statutory period, without a listener written by hand in each file: on create the period is opened (due
 * date, follow-up date), when the activity ends (completed or cancelled) it is closed. The BPMN names the
 * period, never its length (docs/deadlines.md).
 */
@Component
class DeadlineEnginePlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<StepPeriods> stepPeriods;

    DeadlineEnginePlugin(ObjectProvider<StepPeriods> stepPeriods) {
        this.stepPeriods = stepPeriods;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        listeners.add(new PeriodsOnUserTasks());
    }

    static String periodOf(Element element) {
        Map<String, String> props = BpmnParseUtil.parseCamundaExtensionProperties(element);
        return props == null ? null : props.get(StepPeriods.PROPERTY);
    }

    private final class PeriodsOnUserTasks extends AbstractBpmnParseListener {

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            String code = periodOf(element);
            if (code == null || code.isBlank()) {
                return;
            }
            String period = code.strip();
            var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            definition.addTaskListener(TaskListener.EVENTNAME_CREATE, (DelegateTask t) -> stepPeriods.getObject().open(t, period));
            String taskKey = activity.getId();
            activity.addListener(ExecutionListener.EVENTNAME_END,
                    (DelegateExecution e) -> stepPeriods.getObject().closeStep(e.getProcessBusinessKey(), taskKey));
        }
    }
}
