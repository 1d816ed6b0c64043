package cn.juece.workflow;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.DecisionVariables;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * Steps as the application's own paths (/api, pages) see and complete them. Completing sets the engine's
 * current authentication to the person (then clears it), so Camunda authorizations and the completion
 * listener see who acts.
 */
@Service
public class TaskActions {

    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final DecisionService decisions;
    private final Directory directory;
    private final TaskRules rules;

    TaskActions(TaskService taskService, RepositoryService repositoryService, IdentityService identityService,
                DecisionService decisions, Directory directory, TaskRules rules) {
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.decisions = decisions;
        this.directory = directory;
        this.rules = rules;
    }

    /** Completes a step with its outcome and short reason, after the same rule check the listener makes. */
    @Transactional
    public void complete(String taskId, String outcome, String reason) {
        Actor actor = directory.currentActor();
        Task task = find(taskId);
        TaskView view = view(task);
        Decision decision = decisions.get(view.decisionNumber());
        rules.checkCompletion(decision, view.taskKey(), view.name(), view.candidateGroups(), view.assignee(),
                view.outcomes(), outcome, reason, actor);
        Map<String, Object> vars = new HashMap<>();
        vars.put(DecisionVariables.OUTCOME, outcome);
        vars.put(DecisionVariables.REASON, reason == null ? "" : reason.strip());
        identityService.setAuthentication(actor.id(), actor.groups());
        try {
            taskService.complete(taskId, vars);
        } finally {
            identityService.clearAuthentication();
        }
    }

    public TaskView get(String taskId) {
        return view(find(taskId));
    }

    /** Open steps of one decision (all its stage processes share the business key). */
    public List<TaskView> openTasks(Decision decision) {
        return taskService.createTaskQuery().processInstanceBusinessKey(decision.number()).orderByTaskCreateTime().asc()
                .list().stream().map(this::view).toList();
    }

    /** Open steps the person may act on: their groups' and their own. */
    public List<TaskView> tasksOf(Actor actor) {
        if (actor.groups().isEmpty()) {
            return List.of();
        }
        return taskService.createTaskQuery().or().taskCandidateGroupIn(actor.groups()).taskAssignee(actor.id()).endOr()
                .list().stream()
                .map(this::view).sorted(Comparator.comparing(TaskView::created)).toList();
    }

    public List<TaskRules.ChecklistItem> checklist(Decision decision) {
        return openTasks(decision).stream()
                .flatMap(t -> rules.checklist(decision, t.taskKey(), t.name()).stream()).toList();
    }

    private Task find(String taskId) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw RuleViolation.notFound("TASK_NOT_FOUND", "任务不存在或已办结：" + taskId + "。请刷新待办列表。");
        }
        return task;
    }

    TaskView view(Task task) {
        List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                .map(IdentityLink::getGroupId).filter(Objects::nonNull).distinct().toList();
        FlowElement element = repositoryService.getBpmnModelInstance(task.getProcessDefinitionId())
                .getModelElementById(task.getTaskDefinitionKey());
        String processKey = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
        Object number = taskService.getVariable(task.getId(), DecisionVariables.DECISION_NUMBER);
        Object title = taskService.getVariable(task.getId(), DecisionVariables.DECISION_TITLE);
        return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                number == null ? null : number.toString(), title == null ? null : title.toString(), processKey,
                groups, groups.stream().map(directory::groupName).toList(), task.getAssignee(),
                time(task.getCreateTime()), time(task.getDueDate()), TaskOutcomes.of(element));
    }

    private static OffsetDateTime time(Date d) {
        return d == null ? null : OffsetDateTime.ofInstant(d.toInstant(), AppClock.ZONE);
    }
}
