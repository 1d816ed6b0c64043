package cn.juece.workflow;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.juece.access.EngineGrants;

/**
 * Brings a database written before steps were kept (DECISIONS.md 22) in line, once, at start-up: every open task
 * of a decision gets its step row, and the task authorizations Camunda granted with UPDATE (which let a clerk
 * reassign a step, add groups or move dates) become READ + TASK_WORK. Nothing to do on a new database.
 */
@Component
@Order(15)
class StepsUpgrade implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StepsUpgrade.class);

    private final AuthorizationService authorizations;
    private final TaskService taskService;
    private final RuntimeService runtime;
    private final StepRepository repository;
    private final Steps steps;
    private final EngineGrants grants;
    private final TransactionTemplate tx;

    StepsUpgrade(AuthorizationService authorizations, TaskService taskService, RuntimeService runtime,
                 StepRepository repository, Steps steps, EngineGrants grants, TransactionTemplate tx) {
        this.authorizations = authorizations;
        this.taskService = taskService;
        this.runtime = runtime;
        this.repository = repository;
        this.steps = steps;
        this.grants = grants;
        this.tx = tx;
    }

    @Override
    public void run(ApplicationArguments args) {
        int rewritten = tx.execute(s -> {
            int n = 0;
            for (Authorization a : authorizations.createAuthorizationQuery().resourceType(Resources.TASK)
                    .hasPermission(Permissions.UPDATE).list()) {
                if (!"*".equals(a.getResourceId())) {
                    a.removePermission(Permissions.UPDATE);
                    a.addPermission(TaskPermissions.READ);
                    a.addPermission(TaskPermissions.TASK_WORK);
                    authorizations.saveAuthorization(a);
                    n++;
                }
            }
            return n;
        });
        Set<String> decisions = new LinkedHashSet<>();
        tx.executeWithoutResult(s -> {
            for (Task task : taskService.createTaskQuery().list()) {
                if (repository.byTask(task.getId()).isPresent()) {
                    continue;
                }
                var instance = runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
                if (instance == null || instance.getBusinessKey() == null || instance.getBusinessKey().endsWith("-ML")) {
                    continue; // the annual catalogue's tasks are not a decision's steps
                }
                steps.of(task);
                decisions.add(instance.getBusinessKey());
            }
        });
        tx.executeWithoutResult(s -> decisions.forEach(grants::sync));
        Integer described = tx.execute(s -> steps.describeOldSteps(id -> taskService.createTaskQuery().taskId(id).singleResult()));
        if (described != null && described > 0) {
            log.info("Work lists: {} open step(s) given the group they are offered to", described);
        }
        if (rewritten > 0 || !decisions.isEmpty()) {
            log.info("Upgraded to steps kept by the dossier: {} task authorization(s) narrowed to TASK_WORK, {} decision(s) given step rows",
                    rewritten, decisions.size());
        }
    }
}
