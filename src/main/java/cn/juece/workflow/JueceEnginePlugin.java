package cn.juece.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
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
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import cn.juece.access.EngineGrants;
import cn.juece.decision.DecisionService;
import cn.juece.decision.StageTracker;

/**
 * Our engine plugin. (1) A parse listener attaches, to every user task, the preparation listener
 * (create), the rule check (complete), the holder check (assignment), the guard of its party and dates (update)
 * and the step's close on cancellation (delete), and to the lifecycle's call activities, milestones and end events the stage
 * tracker: rules on every path without touching each .bpmn by hand. (2) After the engine is built it
 * deploys bpmn/ (processes and the task form) with short resource names, unchanged files filtered out.
 * Listener beans are looked up lazily: they depend on engine services, which depend on this plugin.
 */
@Component
class JueceEnginePlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(JueceEnginePlugin.class);
    private static final Set<String> DEPLOYED_EXTENSIONS = Set.of("bpmn", "dmn", "form", "html");
    static final String DEPLOYMENT_NAME = "juece";
    /** Processes whose business key is not a decision number: their features attach their own task listeners. */
    public static final Set<String> NOT_ABOUT_ONE_DECISION = Set.of("annual-catalogue");

    private final ObjectProvider<TaskPreparationListener> preparation;
    private final ObjectProvider<TaskCompletionListener> completion;
    private final ObjectProvider<StageTracker> stageTracker;
    private final ObjectProvider<TaskAssignmentListener> assignment;
    private final ObjectProvider<TaskUpdateListener> update;
    private final ObjectProvider<Steps> steps;
    private final ObjectProvider<EngineGrants> grants;
    private final ObjectProvider<DecisionService> decisions;

    JueceEnginePlugin(ObjectProvider<TaskPreparationListener> preparation,
                      ObjectProvider<TaskCompletionListener> completion,
                      ObjectProvider<StageTracker> stageTracker,
                      ObjectProvider<TaskAssignmentListener> assignment,
                      ObjectProvider<TaskUpdateListener> update,
                      ObjectProvider<Steps> steps,
                      ObjectProvider<EngineGrants> grants,
                      ObjectProvider<DecisionService> decisions) {
        this.grants = grants;
        this.decisions = decisions;
        this.preparation = preparation;
        this.completion = completion;
        this.stageTracker = stageTracker;
        this.assignment = assignment;
        this.update = update;
        this.steps = steps;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        listeners.add(new RulesOnEveryPath());
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            DeploymentBuilder deployment = engine.getRepositoryService().createDeployment()
                    .name(DEPLOYMENT_NAME).source("juece").enableDuplicateFiltering(true);
            int count = 0;
            for (Resource r : resolver.getResources("classpath*:bpmn/**/*.*")) {
                String url = r.getURL().toString();
                String name = url.substring(url.lastIndexOf("/bpmn/") + "/bpmn/".length());
                String ext = name.substring(name.lastIndexOf('.') + 1);
                if (!r.isReadable() || !DEPLOYED_EXTENSIONS.contains(ext)) {
                    continue;
                }
                try (InputStream in = r.getInputStream()) {
                    deployment.addInputStream(name, in);
                    count++;
                }
            }
            if (count > 0) {
                var result = deployment.deployWithResult();
                log.info("Deployed {} BPMN/form resources as deployment {}", count, result.getId());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read bpmn/ from the classpath", e);
        }
    }

    private final class RulesOnEveryPath extends AbstractBpmnParseListener {

        private final TaskListener onCreate = (DelegateTask t) -> preparation.getObject().notify(t);
        private final TaskListener onComplete = (DelegateTask t) -> completion.getObject().notify(t);
        private final TaskListener onAssignment = (DelegateTask t) -> assignment.getObject().notify(t);
        private final TaskListener onUpdate = (DelegateTask t) -> update.getObject().notify(t);
        private final TaskListener onDelete = (DelegateTask t) -> steps.getObject().cancelled(t.getId());
        private final ExecutionListener tracker = (DelegateExecution e) -> stageTracker.getObject().notify(e);

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity pd
                    && NOT_ABOUT_ONE_DECISION.contains(pd.getKey())) {
                return;
            }
            var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
            definition.addTaskListener(TaskListener.EVENTNAME_CREATE, onCreate);
            definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, onComplete);
            definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, onAssignment);
            definition.addTaskListener(TaskListener.EVENTNAME_UPDATE, onUpdate);
            definition.addTaskListener(TaskListener.EVENTNAME_DELETE, onDelete);
        }

        /** Every decision process (the lifecycle and its stages) grants its instance to the units with a role. */
        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            if (NOT_ABOUT_ONE_DECISION.contains(processDefinition.getKey())) {
                return;
            }
            processDefinition.addListener(ExecutionListener.EVENTNAME_START, (DelegateExecution e) ->
                    grants.getObject().grantInstance(decisions.getObject().of(e), e.getProcessInstanceId()));
        }

        @Override
        public void parseCallActivity(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (isLifecycle(activity)) {
                activity.addListener(ExecutionListener.EVENTNAME_START, tracker);
            }
        }

        @Override
        public void parseEndEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (isLifecycle(activity)) {
                activity.addListener(ExecutionListener.EVENTNAME_START, tracker);
            }
        }

        /** The lifecycle's milestones: how the procedure ended, before the archive (Art. 59). */
        @Override
        public void parseIntermediateThrowEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (isLifecycle(activity)) {
                activity.addListener(ExecutionListener.EVENTNAME_START, tracker);
            }
        }

        private boolean isLifecycle(ActivityImpl activity) {
            return activity.getProcessDefinition() instanceof ProcessDefinitionEntity pd
                    && DecisionService.LIFECYCLE_PROCESS.equals(pd.getKey());
        }
    }
}
