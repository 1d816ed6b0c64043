package cn.juece.workflow;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;

import cn.juece.access.Responsibilities;
import cn.juece.access.Responsible;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.DecisionVariables;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * The steps of decisions as the dossier keeps them (DECISIONS.md 22, 24): opened when the engine creates a user
 * task, closed when it completes or is cancelled. Who may act on a step is its party resolved from the dossier now
 * ({@link #responsibleGroups}); a step's round says which evidence is new ({@link #roundStartsAfter}).
 */
@Service
public class Steps {

    private final StepRepository repository;
    private final DecisionService decisions;
    private final Responsibilities responsibilities;
    private final RepositoryService repositoryService;
    private final RuntimeService runtimeService;
    private final AppClock clock;
    private final Map<String, Optional<Responsible>> partyCache = new ConcurrentHashMap<>();
    private final Map<String, String> processKeys = new ConcurrentHashMap<>();

    Steps(StepRepository repository, DecisionService decisions, Responsibilities responsibilities,
          RepositoryService repositoryService, RuntimeService runtimeService, AppClock clock) {
        this.repository = repository;
        this.decisions = decisions;
        this.responsibilities = responsibilities;
        this.repositoryService = repositoryService;
        this.runtimeService = runtimeService;
        this.clock = clock;
    }

    /** On the task's creation: the step row with its party, subject unit and round. */
    Step open(DelegateTask task, Decision d) {
        UserTask element = (UserTask) task.getBpmnModelElementInstance();
        Responsible party = Responsible.ofExpression(element == null ? null : element.getCamundaCandidateGroups());
        String subject = subjectVariable(party) == null ? null : (String) task.getExecution().getVariable(subjectVariable(party));
        Step step = insert(d, task.getId(), task.getProcessInstanceId(), task.getProcessDefinitionId(), task.getTaskDefinitionKey(),
                task.getName(), party, subject, task.getAssignee());
        if (task.getDueDate() != null) {
            // a due date the BPMN gives at creation (an execution report's day): work lists and supervision sort by it
            repository.dueAt(task.getId(), java.time.OffsetDateTime.ofInstant(task.getDueDate().toInstant(), cn.juece.support.AppClock.ZONE));
        }
        return step;
    }

    private Step insert(Decision d, String taskId, String processInstanceId, String processDefinitionId, String taskKey,
                        String name, Responsible party, String subject, String assignee) {
        int round = repository.rounds(d.id(), taskKey, subject) + 1;
        String group = party == null ? null : responsibilities.groups(d, party, subject).stream().findFirst().orElse(null);
        repository.insert(d.id(), taskId, processInstanceId, processDefinitionId, processKeyOf(processDefinitionId), taskKey,
                name, party, subject, group, round, assignee, clock.now());
        return repository.byTask(taskId).orElseThrow();
    }

    private String processKeyOf(String processDefinitionId) {
        return processKeys.computeIfAbsent(processDefinitionId, id -> repositoryService.getProcessDefinition(id).getKey());
    }

    /** The step's task was updated: keep its due date with the step (issue 17). */
    void dueChanged(String taskId, java.util.Date due) {
        repository.dueAt(taskId, due == null ? null : java.time.OffsetDateTime.ofInstant(due.toInstant(), AppClock.ZONE));
    }

    /** The step is now offered to this group (the projection of its party after a change of units, Art. 12). */
    void offeredTo(Step step, String group) {
        repository.offeredTo(step.id(), group);
    }

    /** Open steps written before the work list was kept get their group and process (start-up upgrade). */
    int describeOldSteps(java.util.function.Function<String, Task> taskById) {
        int n = 0;
        for (Step s : repository.openWithoutGroup()) {
            Task task = taskById.apply(s.taskId());
            if (task == null) {
                continue;
            }
            Decision d = decisions.get(s.decisionId());
            repository.describeProcess(s.id(), task.getProcessDefinitionId(), processKeyOf(task.getProcessDefinitionId()));
            if (s.party() != null) {
                repository.offeredTo(s.id(), responsibleGroups(s, d).get(0));
            }
            n++;
        }
        return n;
    }

    /** The step of an open task (written now for a task created before steps were kept). */
    public Step of(Task task) {
        return repository.byTask(task.getId()).orElseGet(() -> {
            Decision d = decisions.get(runtimeService.createProcessInstanceQuery()
                    .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
            Responsible party = partyOf(task.getProcessDefinitionId(), task.getTaskDefinitionKey());
            String subject = subjectVariable(party) == null ? null
                    : (String) runtimeService.getVariable(task.getExecutionId(), subjectVariable(party));
            return insert(d, task.getId(), task.getProcessInstanceId(), task.getProcessDefinitionId(), task.getTaskDefinitionKey(),
                    task.getName(), party, subject, task.getAssignee());
        });
    }

    /** The step of a task in a listener (the row exists from the task's creation, or is written now). */
    Step of(DelegateTask task, Decision d) {
        return repository.byTask(task.getId()).orElseGet(() -> open(task, d));
    }

    public Optional<Step> byTask(String taskId) {
        return repository.byTask(taskId);
    }

    public List<Step> ofDecision(long decisionId) {
        return repository.ofDecision(decisionId);
    }

    /** The groups that act on the step now, from the dossier (never from the task's identity links). */
    public List<String> responsibleGroups(Step step, Decision d) {
        if (step.party() == null) {
            throw new RuleViolation("STEP_PARTY_UNKNOWN", "环节“" + step.taskName() + "”未声明办理单位，请联系系统管理员。");
        }
        return responsibilities.groups(d, step.party(), step.subjectUnit());
    }

    /**
     * Evidence for this round of the step must be newer than this material version id: the newest version in the
     * dossier when the previous round of the same step closed (0 in the first round).
     */
    public long roundStartsAfter(Step step) {
        return repository.previousWatermark(step.decisionId(), step.taskKey(), step.subjectUnit(), step.id()).orElse(0L);
    }

    void assigned(Step step, String assignee) {
        repository.assigned(step.id(), assignee);
    }

    void completed(Step step, String by, String actedFor, String outcome, String reason, long watermark) {
        repository.completed(step.id(), by, actedFor, outcome, reason, watermark, clock.now());
    }

    /** The reasons the decision's closed steps were given, by step id (those without one are left out). */
    public java.util.Map<Long, String> reasons(long decisionId) {
        return repository.reasons(decisionId);
    }

    void cancelled(String taskId) {
        repository.cancelled(taskId, clock.now());
    }

    /**
     * The variable naming the one unit of a per-unit party's step (a consulted unit, Art. 16; a co-unit, Art. 42; an
     * execution unit, Art. 53).
     */
    private static String subjectVariable(Responsible party) {
        if (party == Responsible.CONSULTED_UNIT) {
            return DecisionVariables.CONSULTED_UNIT;
        }
        if (party == Responsible.EXECUTION_UNIT) {
            return DecisionVariables.EXECUTION_UNIT;
        }
        return party == Responsible.CO_UNIT ? DecisionVariables.COUNTERSIGN_UNIT : null;
    }

    private Responsible partyOf(String processDefinitionId, String taskKey) {
        return partyCache.computeIfAbsent(processDefinitionId + "/" + taskKey, k -> {
            var element = repositoryService.getBpmnModelInstance(processDefinitionId).getModelElementById(taskKey);
            return Optional.ofNullable(element instanceof UserTask u ? Responsible.ofExpression(u.getCamundaCandidateGroups()) : null);
        }).orElse(null);
    }
}
