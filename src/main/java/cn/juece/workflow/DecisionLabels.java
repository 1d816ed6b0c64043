package cn.juece.workflow;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.DecisionVariables;

/**
 * Every process instance and every open task of a decision carries the decision's number and title
 * ({@link DecisionVariables#DECISION_NUMBER}, {@link DecisionVariables#DECISION_TITLE}): Tasklist shows them on each
 * card and searches and sorts by them, Cockpit shows the title beside the business key. A process instance is
 * labelled when it starts (the parse listener attaches {@link #onProcessStart}), a task when it is created
 * ({@link TaskPreparationListener}). At start-up, a database written before then is brought in line, once:
 * running instances and open tasks without their label get it. Nothing to do on a new database.
 */
@Component
@Order(16)
class DecisionLabels implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DecisionLabels.class);

    private final DecisionService decisions;
    private final RuntimeService runtime;
    private final TaskService taskService;
    private final RepositoryService repository;
    private final TransactionTemplate tx;

    DecisionLabels(DecisionService decisions, RuntimeService runtime, TaskService taskService,
                   RepositoryService repository, TransactionTemplate tx) {
        this.decisions = decisions;
        this.runtime = runtime;
        this.taskService = taskService;
        this.repository = repository;
        this.tx = tx;
    }

    /** A process of a decision starts: the lifecycle from its registration, a stage when the lifecycle calls it. */
    void onProcessStart(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        if (number == null || execution.hasVariableLocal(DecisionVariables.DECISION_TITLE)) {
            return;
        }
        decisions.find(number).ifPresent(d -> DecisionVariables.of(execution).label(d));
    }

    @Override
    public void run(ApplicationArguments args) {
        int[] counts = tx.execute(s -> {
            Set<String> labelledInstances = new HashSet<>();
            Set<String> labelledTasks = new HashSet<>();
            for (VariableInstance v : runtime.createVariableInstanceQuery()
                    .variableName(DecisionVariables.DECISION_TITLE).list()) {
                if (v.getTaskId() != null) {
                    labelledTasks.add(v.getTaskId());
                } else if (v.getProcessInstanceId() != null && v.getProcessInstanceId().equals(v.getExecutionId())) {
                    labelledInstances.add(v.getProcessInstanceId());
                }
            }
            int instances = 0;
            for (ProcessInstance pi : runtime.createProcessInstanceQuery().list()) {
                if (!labelledInstances.contains(pi.getId()) && aboutOneDecision(pi.getProcessDefinitionId())) {
                    Decision d = decision(pi.getBusinessKey());
                    if (d != null) {
                        runtime.setVariables(pi.getId(), Map.of(DecisionVariables.DECISION_NUMBER, d.number(),
                                DecisionVariables.DECISION_TITLE, d.title()));
                        instances++;
                    }
                }
            }
            int tasks = 0;
            for (Task task : taskService.createTaskQuery().list()) {
                if (labelledTasks.contains(task.getId()) || task.getProcessInstanceId() == null
                        || !aboutOneDecision(task.getProcessDefinitionId())) {
                    continue;
                }
                ProcessInstance pi = runtime.createProcessInstanceQuery()
                        .processInstanceId(task.getProcessInstanceId()).singleResult();
                Decision d = pi == null ? null : decision(pi.getBusinessKey());
                if (d != null) {
                    taskService.setVariablesLocal(task.getId(), Map.of(DecisionVariables.DECISION_NUMBER,
                            d.number(), DecisionVariables.DECISION_TITLE, d.title()));
                    tasks++;
                }
            }
            return new int[] {instances, tasks};
        });
        if (counts[0] > 0 || counts[1] > 0) {
            log.info("Labelled {} running process instance(s) and {} open task(s) with their decision's number and title",
                    counts[0], counts[1]);
        }
    }

    private boolean aboutOneDecision(String processDefinitionId) {
        return !JueceEnginePlugin.NOT_ABOUT_ONE_DECISION.contains(
                repository.getProcessDefinition(processDefinitionId).getKey());
    }

    private Decision decision(String number) {
        return number == null ? null : decisions.find(number).orElse(null);
    }
}
