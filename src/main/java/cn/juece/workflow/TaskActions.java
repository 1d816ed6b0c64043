package cn.juece.workflow;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.access.DecisionAccess;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.DecisionVariables;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * Steps as the application's own paths (/api, pages) see and complete them. Who may act and see is the dossier's
 * (DECISIONS.md 22, 23): checked here and, on every path, by the completion listener, which knows the person from the
 * request (Spring Security) when the engine has no authentication, as on these paths.
 */
@Service
public class TaskActions {

    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final org.camunda.bpm.engine.ManagementService managementService;
    private final DecisionService decisions;
    private final DecisionAccess access;
    private final Directory directory;
    private final TaskRules rules;
    private final Steps steps;
    private final StepRepository stepRows;
    private final cn.juece.access.Responsibilities responsibilities;
    private final org.springframework.beans.factory.ObjectProvider<StepDates> stepDates;

    TaskActions(org.springframework.beans.factory.ObjectProvider<StepDates> stepDates, cn.juece.access.Responsibilities responsibilities, TaskService taskService, RepositoryService repositoryService,
                org.camunda.bpm.engine.ManagementService managementService, DecisionService decisions, DecisionAccess access, Directory directory, TaskRules rules, Steps steps,
                StepRepository stepRows) {
        this.stepRows = stepRows;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.managementService = managementService;
        this.decisions = decisions;
        this.access = access;
        this.directory = directory;
        this.rules = rules;
        this.steps = steps;
        this.responsibilities = responsibilities;
        this.stepDates = stepDates;
    }

    /**
     * Completes a step with its outcome and short reason. The one rule check (TaskRules.checkCompletion) is made by the
     * completion listener, in this transaction, as on every other path (Tasklist, engine REST); its refusal rolls the
     * completion back and reaches the caller as the rule's 4xx. It is not made here a second time (issue 17: the same
     * gates, materials and rounds were read twice per step). The engine gets no authentication: who may complete is the
     * dossier's answer (DECISIONS.md 22), which the listener knows from the request's person; the engine's own
     * authorization check repeated it with several queries per step.
     */
    @Transactional
    public void complete(String taskId, String outcome, String reason) {
        open(taskId);   // unknown, or a decision the person may not see: TASK_NOT_FOUND before the engine is asked (DECISIONS.md 23)
        Map<String, Object> vars = new HashMap<>();
        vars.put(DecisionVariables.OUTCOME, outcome);
        vars.put(DecisionVariables.REASON, reason == null ? "" : reason.strip());
        taskService.complete(taskId, vars);
    }

    /** The person acting now claims an unheld step of their party (the assignment listener checks who may). */
    @Transactional
    public TaskView claim(String taskId) {
        return assign(taskId, directory.currentActor().id());
    }

    /**
     * Hands a step to a colleague of its party, or releases it ({@code toUser} null): by its holder, the head of
     * the responsible unit or an administrator; recorded in the audit trail (DECISIONS.md 22).
     */
    @Transactional
    public TaskView handOver(String taskId, String toUser) {
        return assign(taskId, toUser == null || toUser.isBlank() ? null : toUser.strip());
    }

    private TaskView assign(String taskId, String user) {
        Task task = find(taskId);
        // No engine authentication: the assignment listener decides who may, from the dossier, for every path.
        taskService.setAssignee(task.getId(), user);
        return view(find(taskId));
    }

    /** The people of the step's party: whom it may be handed to (DECISIONS.md 22). */
    public List<cn.juece.identity.Person> colleagues(TaskView task) {
        return directory.peopleIn(task.candidateGroups());
    }

    /**
     * Whether the person may complete the step now: the one rule check's answer on who acts (TaskRules.mayAct: the
     * step's party resolved from the dossier, and its holder if one of them holds it), asked without completing.
     */
    public boolean mayComplete(Decision decision, TaskView task, Actor actor) {
        if (!decision.isOpen() || !actor.inAnyGroup(task.candidateGroups())) {
            return false;
        }
        try {
            rules.mayAct(decision, open(task.id()).stepOr(steps), task.assignee(), actor);
            return true;
        } catch (RuleViolation refused) {
            return false;
        }
    }

    /** Whether the person may hand the step over or release it: its holder, the responsible unit's head, an administrator. */
    public boolean mayHandOver(TaskView task, Actor actor) {
        return task.assignee() != null && (task.assignee().equals(actor.id())
                || actor.inAnyGroup(List.of(cn.juece.identity.Groups.ADMIN, cn.juece.identity.Groups.OPERATOR))
                || task.candidateGroups().stream().flatMap(g -> responsibilities.headsOf(g).stream()).anyMatch(actor.groups()::contains));
    }

    public TaskView get(String taskId) {
        Found found = open(taskId);
        return found.step() != null ? view(found.task(), found.step(), found.decision()) : view(found.task());
    }

    /**
     * Whether the task is a step of a decision's procedure (it has a step row), as opposed to a task of a process about
     * no one decision (the annual catalogue's), which its own feature completes ({@link OtherProcessTasks}).
     */
    public boolean isDecisionStep(String taskId) {
        return steps.byTask(taskId).isPresent();
    }

    /**
     * Open steps of one decision (all its stage processes share the business key), each seen with its step row and
     * the decision already at hand: one query for the rows instead of the engine's variables per task (issue 17).
     */
    public List<TaskView> openTasks(Decision decision) {
        Map<String, Step> rows = new HashMap<>();
        steps.ofDecision(decision.id()).forEach(st -> rows.put(st.taskId(), st));
        return taskService.createTaskQuery().processInstanceBusinessKey(decision.number()).orderByTaskCreateTime().asc()
                .list().stream().map(t -> rows.containsKey(t.getId()) ? view(t, rows.get(t.getId()), decision) : view(t)).toList();
    }

    /** How far past the page a long work list is counted (issue 17): beyond it the page says "at least" (tests lower it). */
    static int countAhead = 200;

    /** A deployed step's outcomes (its BPMN never changes), by process definition and task key. */
    private final java.util.Map<String, Map<String, String>> outcomesByElement = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * One page of the person's work list (issue 17): the open steps offered to their groups or held by them, from our
     * own steps, never by loading or counting every task: each group's first rows up to the page's end are read in
     * index order (V220) and merged, the count stops {@link #countAhead} rows past the page, and the page's rows,
     * dates and group names are read once per page. The annual catalogue's few steps head the first page.
     *
     * @param sort  "due" (the period's day, else the task's due date, soonest first) or "created" (oldest first)
     * @param stage a stage (its process), or null
     */
    public cn.juece.support.Page<TaskView> workList(Actor actor, int page, int size, String sort, cn.juece.decision.Stage stage,
                                                    String decisionNumber) {
        if (actor.groups().isEmpty()) {
            return new cn.juece.support.Page<>(List.of(), 0, page, size);
        }
        String processKey = stage == null ? null : stage.processKey();
        String number = decisionNumber == null || decisionNumber.isBlank() ? null : decisionNumber.strip();
        boolean byDue = "due".equals(sort);
        List<TaskView> others = page == 0 && stage == null && number == null ? catalogueTasks(actor) : List.of();
        List<StepRepository.WorkRow> rows;
        long total;
        boolean atLeast = false;
        if (number != null) {
            // one decision's steps: few, sorted in the query
            rows = stepRows.workListOfDecision(actor.groups(), actor.id(), processKey, number, byDue, page * size, size);
            total = stepRows.countWorkListOfDecision(actor.groups(), actor.id(), processKey, number);
        } else {
            int end = page * size + size;
            long cap = (long) end + countAhead;
            java.util.Map<Long, StepRepository.WorkKey> keys = new java.util.LinkedHashMap<>();
            total = 0;
            for (String group : new java.util.TreeSet<>(actor.groups())) {
                stepRows.groupKeys(group, processKey, byDue, end).forEach(k -> keys.putIfAbsent(k.id(), k));
                long n = stepRows.countGroup(group, processKey, cap);
                atLeast |= n >= cap;
                total += n;
            }
            List<StepRepository.WorkKey> held = stepRows.heldKeys(actor.id(), actor.groups(), processKey, (int) cap);
            held.forEach(k -> keys.putIfAbsent(k.id(), k));
            atLeast |= held.size() >= cap;
            total += held.size();
            if (atLeast) {
                total = Math.max(cap, total);
            }
            java.util.Comparator<StepRepository.WorkKey> byCreation = java.util.Comparator
                    .comparing((StepRepository.WorkKey k) -> k.createdAt().toInstant()).thenComparingLong(StepRepository.WorkKey::id);
            List<Long> ids = keys.values().stream()
                    .sorted(byDue ? java.util.Comparator.comparing(StepRepository.WorkKey::day).thenComparing(byCreation) : byCreation)
                    .skip((long) page * size).limit(size).map(StepRepository.WorkKey::id).toList();
            java.util.Map<Long, StepRepository.WorkRow> byId = new java.util.HashMap<>();
            stepRows.workRows(ids).forEach(r -> byId.put(r.stepId(), r));
            rows = ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
        }
        List<TaskView> items = new java.util.ArrayList<>(others);
        items.addAll(views(rows));
        return new cn.juece.support.Page<>(items, total + others.size(), page, size, atLeast);
    }

    /**
     * The open steps of processes not about one decision (the annual catalogue) that the person holds, or that their
     * groups may claim and no one holds yet (as the engine's {@code taskCandidateGroupIn}): they have no step row, so
     * the engine is asked. A native query on the engine's tables (public API, table names from the engine): the
     * engine's task query evaluated its whole dynamic mapping for this on every first page, 18 % of a work-list
     * request's CPU on PostgreSQL (issue 17).
     */
    private List<TaskView> catalogueTasks(Actor actor) {
        var query = taskService.createNativeTaskQuery();
        String keys = parameters(query, "key", JueceEnginePlugin.NOT_ABOUT_ONE_DECISION);
        String groups = parameters(query, "group", actor.groups());
        query.parameter("user", actor.id());
        return query.sql("SELECT RES.* FROM " + engineTables().task() + " RES JOIN " + engineTables().definition() + " D ON D.ID_ = RES.PROC_DEF_ID_"
                        + " WHERE D.KEY_ IN (" + keys + ") AND (RES.ASSIGNEE_ = #{user} OR (RES.ASSIGNEE_ IS NULL AND EXISTS ("
                        + "SELECT 1 FROM " + engineTables().identityLink() + " I WHERE I.TASK_ID_ = RES.ID_ AND I.TYPE_ = 'candidate'"
                        + " AND I.GROUP_ID_ IN (" + groups + "))))"
                        + " ORDER BY RES.CREATE_TIME_, RES.ID_")
                .list().stream().map(this::view).toList();
    }

    /** Binds each value as a named parameter of the native query and returns the list for its {@code IN (...)}. */
    private static String parameters(org.camunda.bpm.engine.task.NativeTaskQuery query, String name, java.util.Collection<String> values) {
        StringBuilder list = new StringBuilder();
        int i = 0;
        for (String value : new java.util.TreeSet<>(values)) {
            list.append(i == 0 ? "" : ", ").append("#{").append(name).append(i).append('}');
            query.parameter(name + i++, value);
        }
        return list.toString();
    }

    /** The engine's table names, with any configured prefix (camunda.bpm.database.table-prefix), asked once. */
    private record EngineTables(String task, String definition, String identityLink) {
    }

    private EngineTables engineTables() {
        EngineTables t = tables;
        if (t == null) {
            // the identity-link table has no API type to ask by: it takes the task table's prefix
            String task = managementService.getTableName(Task.class);
            String prefix = task.substring(0, task.length() - "ACT_RU_TASK".length());
            t = new EngineTables(task, managementService.getTableName(org.camunda.bpm.engine.repository.ProcessDefinition.class),
                    prefix + "ACT_RU_IDENTITYLINK");
            tables = t;
        }
        return t;
    }

    private volatile EngineTables tables;

    /**
     * Work-list rows as people see them, without asking the engine for the tasks: each feature's dates for the whole
     * page at once ({@link StepDates#ofAll}), group names once per group. A step without a period day (a deadline or
     * earliest close) shows the due date its task carries as its deadline (e.g. an execution report's, a step whose
     * due date the BPMN gives).
     */
    private List<TaskView> views(List<StepRepository.WorkRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<StepDates.Of> of = rows.stream().map(r -> new StepDates.Of(r.taskId(), r.taskKey(), r.decisionId())).toList();
        java.util.Map<String, List<StepDates.StepDate>> dates = new java.util.HashMap<>();
        stepDates.orderedStream().forEach(s -> s.ofAll(of).forEach((task, list) ->
                dates.computeIfAbsent(task, t -> new java.util.ArrayList<>()).addAll(list)));
        java.util.Map<String, String> groupNames = new java.util.HashMap<>();
        return rows.stream().map(r -> {
            Map<String, String> outcomes = outcomes(r.processDefinitionId(), r.taskKey());
            List<StepDates.StepDate> own = withTaskDue(dates.getOrDefault(r.taskId(), List.of()), r.dueAt());
            OffsetDateTime due = own.stream().filter(x -> x.kind().equals(StepDates.StepDate.DEADLINE)).findFirst()
                    .map(x -> cn.juece.calendar.Periods.endOfDay(x.date()).toOffsetDateTime()).orElse(null);
            List<String> groups = r.responsibleGroup() == null ? List.of() : List.of(r.responsibleGroup());
            return new TaskView(r.taskId(), r.taskKey(), r.taskName(), r.decisionNumber(), r.decisionTitle(), r.processKey(),
                    groups, groups.stream().map(g -> groupNames.computeIfAbsent(g, directory::groupName)).toList(), r.assignee(),
                    r.createdAt(), due, outcomes, own);
        }).toList();
    }

    /** The step's dates, and when none is a period day (deadline or earliest close), its task's due date as its deadline. */
    static List<StepDates.StepDate> withTaskDue(List<StepDates.StepDate> dates, OffsetDateTime taskDue) {
        boolean periodDay = dates.stream().anyMatch(x -> !x.kind().equals(StepDates.StepDate.WINDOW_END));
        if (periodDay || taskDue == null) {
            return dates;
        }
        List<StepDates.StepDate> all = new java.util.ArrayList<>(dates);
        all.add(new StepDates.StepDate(StepDates.StepDate.DEADLINE, "办理期限",
                taskDue.atZoneSameInstant(cn.juece.support.AppClock.ZONE).toLocalDate()));
        return all;
    }

    public List<TaskRules.ChecklistItem> checklist(Decision decision) {
        return taskService.createTaskQuery().processInstanceBusinessKey(decision.number()).orderByTaskCreateTime().asc()
                .list().stream().flatMap(t -> rules.checklist(decision, steps.of(t), outcomesOf(t)).stream()).toList();
    }

    private Task find(String taskId) {
        return open(taskId).task();
    }

    /** An open task with its step row and decision (both null for a task about no one decision: the annual catalogue's). */
    private record Found(Task task, Step step, Decision decision) {

        /** The step row, or the one written now for a decision's task that has none yet ({@link Steps#of(Task)}). */
        Step stepOr(Steps steps) {
            return step != null ? step : steps.of(task);
        }
    }

    /**
     * The open task, if the person acting now may see its decision: an unknown task and one of a decision they may
     * not see get the same answer (DECISIONS.md 23). The task is read by a native query on its id and its decision
     * from the dossier's step row (issue 17: the engine's task query and its variable read were about a tenth of a
     * step's request time); a task without a step row (the annual catalogue's) is asked of the engine as before.
     */
    private Found open(String taskId) {
        Task task = taskService.createNativeTaskQuery()
                .sql("SELECT RES.* FROM " + engineTables().task() + " RES WHERE RES.ID_ = #{id}").parameter("id", taskId)
                .singleResult();
        if (task == null) {
            throw RuleViolation.taskNotFound(taskId);
        }
        Step step = steps.byTask(taskId).orElse(null);
        Decision d = null;
        if (step != null) {
            d = decisions.get(step.decisionId());
        } else if (!JueceEnginePlugin.NOT_ABOUT_ONE_DECISION.contains(processKey(task))) {
            String key = businessKey(task);
            d = key == null ? null : decisions.get(key);
        }
        if (d != null && !access.maySee(directory.currentActor(), d)) {
            throw RuleViolation.taskNotFound(taskId);
        }
        return new Found(task, step, d);
    }

    private String businessKey(Task task) {
        Object number = taskService.getVariable(task.getId(), DecisionVariables.DECISION_NUMBER);
        if (number != null) {
            return number.toString();
        }
        return null;
    }

    private String processKey(Task task) {
        return repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
    }

    /** The outcomes the step's BPMN element declares, code to Chinese label. */
    private Map<String, String> outcomesOf(Task task) {
        return outcomes(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
    }

    /**
     * The outcomes of a deployed step, read from its BPMN model once per process definition and task key (a deployed
     * definition never changes; issue 17: each task view asked the engine for the model, a command of its own).
     */
    private Map<String, String> outcomes(String processDefinitionId, String taskKey) {
        return outcomesByElement.computeIfAbsent(processDefinitionId + "#" + taskKey,
                k -> java.util.Collections.unmodifiableMap(TaskOutcomes.of(
                        repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(taskKey))));
    }

    TaskView view(Task task) {
        Step step = steps.byTask(task.getId()).orElse(null);
        if (step != null) {
            return view(task, step, decisions.get(step.decisionId()));
        }
        String processKey = processKey(task);
        Object number = taskService.getVariable(task.getId(), DecisionVariables.DECISION_NUMBER);
        if (JueceEnginePlugin.NOT_ABOUT_ONE_DECISION.contains(processKey) || number == null) {
            Object title = taskService.getVariable(task.getId(), DecisionVariables.DECISION_TITLE);
            List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId).filter(java.util.Objects::nonNull).distinct().toList();
            return view(task, processKey, number == null ? null : number.toString(), title == null ? null : title.toString(), groups,
                    List.of());
        }
        // a step of a decision whose row is not written yet: written now (Steps.of)
        Decision d = decisions.get(number.toString());
        return view(task, steps.of(task), d);
    }

    /** A step of a decision as people see it: its party and dates from the dossier (DECISIONS.md 22). */
    private TaskView view(Task task, Step step, Decision d) {
        String processKey = step.processKey() != null ? step.processKey() : processKey(task);
        return view(task, processKey, d.number(), d.title(), steps.responsibleGroups(step, d),
                stepDates.orderedStream().flatMap(s -> s.of(task.getId(), task.getTaskDefinitionKey(), d.id()).stream()).toList());
    }

    private TaskView view(Task task, String processKey, String number, String title, List<String> groups, List<StepDates.StepDate> dates) {
        return new TaskView(task.getId(), task.getTaskDefinitionKey(), task.getName(), number, title, processKey,
                groups, groups.stream().map(directory::groupName).toList(), task.getAssignee(),
                time(task.getCreateTime()), time(task.getDueDate()), outcomes(task.getProcessDefinitionId(), task.getTaskDefinitionKey()), dates);
    }

    private static OffsetDateTime time(Date d) {
        return d == null ? null : OffsetDateTime.ofInstant(d.toInstant(), AppClock.ZONE);
    }
}
