package cn.juece.catalogue;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The catalogue's hooks into the engine, without editing another stage's BPMN: (1) the rule check and
 * preparation listeners on every user task of annual-catalogue (the decision task listeners skip that
 * process, its business key is not a decision number); (2) on stage-launch's end event end-launched, the
 * check whether the launched matter is in the published catalogue (DECISIONS.md 2).
 */
@Component
class CatalogueEnginePlugin extends AbstractProcessEnginePlugin {

    static final String LAUNCH_PROCESS = "stage-launch";
    static final String LAUNCHED_END = "end-launched";

    private final ObjectProvider<CatalogueService> service;

    CatalogueEnginePlugin(ObjectProvider<CatalogueService> service) {
        this.service = service;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        listeners.add(new Hooks());
    }

    private final class Hooks extends AbstractBpmnParseListener {

        private final TaskListener onCreate = (DelegateTask t) -> service.getObject().onTaskCreated(t);
        private final TaskListener onComplete = (DelegateTask t) -> service.getObject().onTaskCompleted(t);
        private final ExecutionListener onLaunched = (DelegateExecution e) -> service.getObject().onLaunched(e);

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (CatalogueService.PROCESS.equals(key(activity))) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
                definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, onComplete);
            }
        }

        @Override
        public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (LAUNCH_PROCESS.equals(key(activity)) && LAUNCHED_END.equals(activity.getId())) {
                activity.addListener(ExecutionListener.EVENTNAME_START, onLaunched);
            }
        }

        private static String key(ActivityImpl activity) {
            return activity.getProcessDefinition() instanceof ProcessDefinitionEntity pd ? pd.getKey() : null;
        }
    }
}
