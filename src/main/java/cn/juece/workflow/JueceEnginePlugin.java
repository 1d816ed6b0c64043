package cn.juece.workflow;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
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
import org.camunda.bpm.engine.repository.Deployment;
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
 * and the step's close on cancellation (delete), to the lifecycle's call activities, milestones and end events the stage
 * tracker, and to the start of every process of a decision its label (number and title): rules on every path
 * without touching each .bpmn by hand. (2) After the engine is built it
 * deploys bpmn/ (processes and the task form) with short resource names, as a whole and only when it changed.
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
    private final ObjectProvider<DecisionLabels> labels;

    JueceEnginePlugin(ObjectProvider<TaskPreparationListener> preparation,
                      ObjectProvider<TaskCompletionListener> completion,
                      ObjectProvider<StageTracker> stageTracker,
                      ObjectProvider<TaskAssignmentListener> assignment,
                      ObjectProvider<TaskUpdateListener> update,
                      ObjectProvider<Steps> steps,
                      ObjectProvider<EngineGrants> grants,
                      ObjectProvider<DecisionService> decisions,
                      ObjectProvider<DecisionLabels> labels) {
        this.grants = grants;
        this.decisions = decisions;
        this.preparation = preparation;
        this.completion = completion;
        this.stageTracker = stageTracker;
        this.assignment = assignment;
        this.update = update;
        this.steps = steps;
        this.labels = labels;
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

    /**
     * Deploys bpmn/ as one whole deployment whenever anything in it changed, and not at all otherwise. Never only
     * the changed files: a task's form (embedded:deployment:forms/…) is looked up in its process definition's own
     * deployment, so a form changed alone would never reach a task, and a process changed alone would find no form.
     * A database whose latest deployment lacks some file (written by the earlier changed-only deployment) gets a
     * whole one again.
     */
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            var resolver = new PathMatchingResourcePatternResolver();
            for (Resource r : resolver.getResources("classpath*:bpmn/**/*.*")) {
                String url = r.getURL().toString();
                String name = url.substring(url.lastIndexOf("/bpmn/") + "/bpmn/".length());
                String ext = name.substring(name.lastIndexOf('.') + 1);
                if (!r.isReadable() || !DEPLOYED_EXTENSIONS.contains(ext)) {
                    continue;
                }
                try (InputStream in = r.getInputStream()) {
                    files.put(name, in.readAllBytes());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read bpmn/ from the classpath", e);
        }
        if (files.isEmpty()) {
            return;
        }
        RepositoryService repository = engine.getRepositoryService();
        Deployment latest = repository.createDeploymentQuery().deploymentName(DEPLOYMENT_NAME)
                .orderByDeploymentTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
        if (latest != null && holdsExactly(repository, latest.getId(), files)) {
            return;
        }
        DeploymentBuilder deployment = repository.createDeployment().name(DEPLOYMENT_NAME).source("juece");
        files.forEach((name, bytes) -> deployment.addInputStream(name, new ByteArrayInputStream(bytes)));
        var result = deployment.deployWithResult();
        log.info("Deployed {} BPMN/form resources as deployment {}", files.size(), result.getId());
    }

    private static boolean holdsExactly(RepositoryService repository, String deploymentId, Map<String, byte[]> files) {
        if (!new HashSet<>(repository.getDeploymentResourceNames(deploymentId)).equals(files.keySet())) {
            return false;
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            try (InputStream in = repository.getResourceAsStream(deploymentId, file.getKey())) {
                if (!Arrays.equals(in.readAllBytes(), file.getValue())) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    private final class RulesOnEveryPath extends AbstractBpmnParseListener {

        private final TaskListener onCreate = (DelegateTask t) -> preparation.getObject().notify(t);
        private final TaskListener onComplete = (DelegateTask t) -> completion.getObject().notify(t);
        private final TaskListener onAssignment = (DelegateTask t) -> assignment.getObject().notify(t);
        private final TaskListener onUpdate = (DelegateTask t) -> update.getObject().notify(t);
        private final TaskListener onDelete = (DelegateTask t) -> steps.getObject().cancelled(t.getId());
        private final ExecutionListener tracker = (DelegateExecution e) -> stageTracker.getObject().notify(e);
        private final ExecutionListener label = (DelegateExecution e) -> labels.getObject().onProcessStart(e);

        private final ExecutionListener grant = (DelegateExecution e) ->
                grants.getObject().grantInstance(decisions.getObject().of(e), e.getProcessInstanceId());

        /**
         * Every decision process (the lifecycle and its stages), when it starts: labelled with the decision's number
         * and title (Tasklist, Cockpit), and granted to the units with a role in the decision (DECISIONS.md 23).
         */
        @Override
        public void parseProcess(Element element, ProcessDefinitionEntity definition) {
            if (!NOT_ABOUT_ONE_DECISION.contains(definition.getKey())) {
                definition.addListener(ExecutionListener.EVENTNAME_START, label);
                definition.addListener(ExecutionListener.EVENTNAME_START, grant);
            }
        }

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
