package cn.juece.deadline;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.calendar.PeriodKind;
import cn.juece.calendar.Periods;
import cn.juece.calendar.StatutoryPeriod;
import cn.juece.calendar.Strictness;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.notification.Outbox;
import cn.juece.support.AppClock;
import cn.juece.workflow.StepDates;
import cn.juece.workflow.Steps;
import cn.juece.workflow.TaskDates;
import cn.juece.access.Responsibilities;
import org.springframework.beans.factory.ObjectProvider;
import cn.juece.workflow.TaskEdits;
import cn.juece.support.RuleViolation;

/**
 * The statutory period of each step whose user task names one ({@code camunda:property name="period"}):
 * opened when the task is created (due date and follow-up date set from the period table), checked when it
 * closes (a minimum holds it until its earliest close, unless a "一般" minimum was shortened with the
 * approval of the acting unit's head), moved by pauses (Art. 42, 44), reminded and escalated by the
 * task's timeout timers. See docs/deadlines.md.
 */
@Service
public class StepPeriods implements TaskDates, StepDates {

    private static final Logger log = LoggerFactory.getLogger(StepPeriods.class);

    public static final String PROPERTY = "period";
    /** The period of Art. 42 supplementing: a SUPPLEMENT pause longer than it is recorded as late. */
    static final String SUPPLEMENT_PERIOD = "LEGALITY_SUPPLEMENT";
    static final DateTimeFormatter CN_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final StepPeriodRepository repository;
    private final Periods periods;
    private final DecisionService decisions;
    private final TaskService taskService;
    private final ManagementService managementService;
    private final Directory directory;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final AppClock clock;
    private final int reminderWorkingDays;
    private final int minReason;
    private final Responsibilities responsibilities;
    private final ObjectProvider<Steps> steps;
    private final ObjectProvider<PeriodStarts> starts;
    private final ObjectProvider<DeadlineChanges> changes;

    StepPeriods(StepPeriodRepository repository, Periods periods, DecisionService decisions, TaskService taskService,
                ManagementService managementService, Directory directory, AuditTrail audit, Outbox outbox, AppClock clock,
                @Value("${juece.periods.reminder-working-days:2}") int reminderWorkingDays,
                @Value("${juece.rules.substantive-reason-min-length:10}") int minReason,
                Responsibilities responsibilities, ObjectProvider<Steps> steps, ObjectProvider<PeriodStarts> starts,
                ObjectProvider<DeadlineChanges> changes) {
        this.starts = starts;
        this.changes = changes;
        this.minReason = minReason;
        this.responsibilities = responsibilities;
        this.steps = steps;
        this.repository = repository;
        this.periods = periods;
        this.decisions = decisions;
        this.taskService = taskService;
        this.managementService = managementService;
        this.directory = directory;
        this.audit = audit;
        this.outbox = outbox;
        this.clock = clock;
        this.reminderWorkingDays = reminderWorkingDays;
    }

    public int reminderWorkingDays() {
        return reminderWorkingDays;
    }

    // ---- the task's life ---------------------------------------------------------------------------

    /**
     * The day a step's period counts from: the day a feature names for it ({@link PeriodStarts}, e.g. the issuance
     * of the decision document for the publication of the opinions' adoption), else the day the step opens.
     */
    public LocalDate countedFrom(long decisionId, String taskKey) {
        return starts.orderedStream().map(s -> s.startOf(decisionId, taskKey)).flatMap(java.util.Optional::stream)
                .findFirst().orElse(clock.today());
    }

    /** On the task's creation: counts the period from its first day, stores it, sets the due and follow-up dates. */
    void open(DelegateTask task, String code) {
        Decision d = decisions.get(task.getExecution().getProcessBusinessKey());
        // counted on the decision's organ's calendar (issue 15, Art. 64): the national one plus its own days
        Periods periods = periodsOf(d);
        StatutoryPeriod p = periods.period(code);
        LocalDate today = countedFrom(d.id(), task.getTaskDefinitionKey());
        LocalDate end = periods.end(p, today);
        LocalDate earliest = periods.earliestClose(code, today);
        String group = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).findFirst().orElse(null);
        repository.open(d.id(), task.getId(), task.getTaskDefinitionKey(), task.getName(), group, code, today, end, earliest,
                provisionalYears(today, end, earliest));
        // A minimum (e.g. legality review >= 7 working days) is no deadline: the step has no due date, and its
        // follow-up date is the earliest close (issue 11: deadlines that mean what they say).
        Date due = p.kind() == PeriodKind.MINIMUM ? null : Date.from(Periods.endOfDay(end).toInstant());
        Date followUp = followUp(periods, p, end, earliest);
        task.setDueDate(due);
        task.setFollowUpDate(followUp);
        repository.byTask(task.getId()).ifPresent(s -> repository.taskDates(s.id(), due, followUp));
    }

    /**
     * The years without a holiday notice that dates counted from {@code start} to {@code end} (and the earliest close)
     * depend on, comma-separated; null when none (issue 16: such dates are provisional, 暂定).
     */
    String provisionalYears(LocalDate start, LocalDate end, LocalDate earliest) {
        LocalDate last = earliest != null && earliest.isAfter(end) ? earliest : end;
        var years = periods.calendar().provisionalYears(start, last);
        return years.isEmpty() ? null : years.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
    }

    /** The follow-up date Tasklist shows: a deadline's reminder day, or a minimum's earliest close. */
    private Date followUp(Periods periods, StatutoryPeriod p, LocalDate end, LocalDate earliest) {
        LocalDate day = p.kind() == PeriodKind.MINIMUM && earliest != null ? earliest : reminderDay(periods, end);
        return Date.from(day.atTime(Periods.REMINDER_TIME).atZone(AppClock.ZONE).toInstant());
    }

    /** A deadline ending on or before this day is "soon due": within the reminder window from today. */
    public LocalDate soonDueLimit(LocalDate today) {
        return periods.calendar().addWorkingDays(today, reminderWorkingDays);
    }

    LocalDate reminderDay(Periods periods, LocalDate end) {
        return periods.calendar().addWorkingDays(end, -reminderWorkingDays);
    }

    /** The periods counted on the decision's organ's calendar (issue 15, Art. 64). */
    private Periods periodsOf(Decision d) {
        return periods.forOrgan(d.organCode());
    }

    private Periods periodsOf(long decisionId) {
        return periodsOf(decisions.get(decisionId));
    }

    /** When the step's activity ends (completed, or cancelled with its process). */
    void closeStep(String decisionNumber, String taskKey) {
        Decision d = decisions.get(decisionNumber);
        repository.closeStep(d.id(), taskKey, clock.now());
    }

    /**
     * The dates the period mechanism gave the task (the task-update guard refuses other changes); both null for
     * a step without a period. A period opened before these were kept answers with its computed dates.
     */
    @Override
    public TaskDates.Expected expected(String taskId) {
        return repository.taskDates(taskId).map(d -> d[0] == null && d[1] == null
                        ? repository.byTask(taskId).map(s -> {
                            StatutoryPeriod p = periods.period(s.periodCode());
                            return new TaskDates.Expected(Date.from(Periods.endOfDay(s.endOn()).toInstant()),
                                    followUp(periodsOf(s.decisionId()), p, s.endOn(), s.earliestClose()));
                        }).orElseThrow()
                        : new TaskDates.Expected(d[0], d[1]))
                .orElse(new TaskDates.Expected(null, null));
    }

    /** The step's deadline (办理期限) or, for a minimum, its earliest close (最早可办结). */
    @Override
    public List<StepDates.StepDate> of(String taskId, String taskKey, long decisionId) {
        return repository.byTask(taskId).filter(StepPeriod::isOpen).map(this::dates).orElse(List.of());
    }

    /** A work-list page's dates in one query (issue 17). */
    @Override
    public java.util.Map<String, List<StepDates.StepDate>> ofAll(List<StepDates.Of> steps) {
        java.util.Map<String, List<StepDates.StepDate>> all = new java.util.HashMap<>();
        repository.openByTasks(steps.stream().map(StepDates.Of::taskId).toList()).forEach(s -> all.put(s.taskId(), dates(s)));
        return all;
    }

    private List<StepDates.StepDate> dates(StepPeriod s) {
        StatutoryPeriod p = periods.period(s.periodCode());
        return p.kind() == PeriodKind.MINIMUM
                ? List.of(new StepDates.StepDate(StepDates.StepDate.EARLIEST_CLOSE, "最早可办结", s.earliestClose(), s.provisional()))
                : List.of(new StepDates.StepDate(StepDates.StepDate.DEADLINE, "办理期限", s.endOn(), s.provisional()));
    }

    // ---- the gate: a minimum holds the step ----------------------------------------------------------

    /** Whether the step may close today: no minimum, the minimum has run, or an approved shortening exists. */
    boolean mayClose(long decisionId, String taskKey) {
        return repository.openFor(decisionId, taskKey)
                .map(s -> s.earliestClose() == null || !clock.today().isBefore(s.earliestClose()) || repository.hasDeviation(s.id()))
                .orElse(true);
    }

    /** "本环节依第四十四条一般不少于7个工作日，最早可于2024年10月12日办结" and what to do. */
    String refusal(long decisionId, String taskKey) {
        StepPeriod s = repository.openFor(decisionId, taskKey).orElseThrow();
        StatutoryPeriod p = periods.period(s.periodCode());
        boolean general = p.strictness() == Strictness.GENERAL;
        return "本环节依" + p.article() + (general ? "一般" : "") + "不少于" + p.length() + unit(p) + "，最早可于"
                + CN_DATE.format(s.earliestClose()) + "办结"
                + (s.pausedDays() > 0 ? "（已扣除暂停计算的" + s.pausedDays() + "个工作日）" : "")
                + (general ? "。确需缩短的，须由本单位负责人批准并记录理由（在决策案卷中“期限”部分办理）。" : "。");
    }

    private static String unit(StatutoryPeriod p) {
        return switch (p.unit()) {
            case WORKING_DAYS -> "个工作日";
            case CALENDAR_DAYS -> "日";
        };
    }

    // ---- deviations (DECISIONS.md 12) ----------------------------------------------------------------

    /** The acting unit's head approves shortening a "一般" minimum, with a reason; the gate then accepts the step. */
    @Transactional
    public PeriodDeviation shorten(String taskId, String reason) {
        Actor actor = directory.currentActor();
        StepPeriod s = running(taskId);
        StatutoryPeriod p = periods.period(s.periodCode());
        if (p.kind() != PeriodKind.MINIMUM || s.earliestClose() == null) {
            throw RuleViolation.badRequest("PERIOD_NOT_MINIMUM", "“" + p.nameZh() + "”不是最短期限，无需缩短。");
        }
        if (p.strictness() != Strictness.GENERAL) {
            throw new RuleViolation("PERIOD_STRICT", "“" + p.nameZh() + "”（" + p.article() + "）不是“一般不少于”的期限，不得缩短。");
        }
        if (reason == null || reason.isBlank()) {
            throw RuleViolation.badRequest("DEVIATION_REASON_REQUIRED", "缩短“" + p.nameZh() + "”须写明理由（" + p.article() + "“一般不少于”）。");
        }
        if (reason.length() > 500) {
            throw RuleViolation.badRequest("REASON_TOO_LONG", "理由不超过500字；详细说明请作为材料上传到决策案卷。");
        }
        Decision d = decisions.get(s.decisionId());
        List<String> groups = responsibleGroups(taskId, d);
        if (!mayShorten(actor, groups)) {
            throw RuleViolation.forbidden("DEVIATION_NOT_UNIT_HEAD", "缩短“" + p.nameZh() + "”须由办理单位（"
                    + responsibilities.names(groups) + "）负责人批准；您（" + actor.name() + "）不是该单位负责人。");
        }
        if (reason.strip().length() < minReason) {
            throw RuleViolation.badRequest("DEVIATION_REASON_TOO_SHORT", "缩短“" + p.nameZh() + "”的理由过于简略（不少于"
                    + minReason + "字）：请写明需要缩短的具体情形（如紧急情形及其依据，" + p.article() + "）。");
        }
        repository.addDeviation(s.id(), d.id(), p.code(), reason.strip(), actor.id(), actor.name(), clock.now());
        audit.record(actor, d.id(), d.number(), AuditAction.PERIOD_SHORTENED, "“" + s.taskName() + "”的" + p.nameZh() + "（"
                + p.article() + "一般不少于" + p.length() + unit(p) + "，原最早办结日" + CN_DATE.format(s.earliestClose())
                + "）经单位负责人批准缩短；理由：" + reason.strip());
        outbox.toGroups(d.id(), "PERIOD_SHORTENED", List.of(justiceGroup(d)),
                "【期限缩短】" + d.number() + " " + d.title() + "：" + s.taskName(),
                d.title() + "（" + d.number() + "）的“" + s.taskName() + "”缩短了" + p.nameZh() + "（" + p.article()
                        + "一般不少于" + p.length() + unit(p) + "）。\n批准人：" + actor.name() + "\n理由：" + reason.strip(),
                outbox.link("/decisions/" + d.number() + "#periods"));
        return repository.deviations(d.id()).stream().filter(x -> x.stepPeriodId() == s.id()).reduce((a, b) -> b).orElseThrow();
    }

    /**
     * Whether the person may approve shortening a "一般" minimum of a step acted on by these groups (DECISIONS.md 12): the
     * head of the acting unit ({@link cn.juece.access.Responsibilities#headsOf}).
     */
    public boolean mayShorten(Actor actor, List<String> stepGroups) {
        return actor.inAnyGroup(stepGroups.stream().flatMap(g -> responsibilities.headsOf(g).stream()).toList());
    }

    /** Whether the person may record a pause on this step: the legality review only, by its party (Art. 42, 44). */
    public boolean mayPause(Actor actor, List<String> stepGroups, String periodCode) {
        return PAUSABLE_PERIOD.equals(periodCode) && (actor.isSystem() || actor.inAnyGroup(stepGroups));
    }

    /**
     * The only period the rule lets time run outside of: the legality review's. The supplement (Art. 42) and the
     * investigation, symposiums, hearings, public comment and the advisers' and lawyers' opinions (Art. 44) are "不计算在
     * 合法性审查期限内" — no other step's period is paused on those grounds.
     */
    static final String PAUSABLE_PERIOD = "LEGALITY_REVIEW";

    /** Who acts on the step now, from the dossier (DECISIONS.md 22). */
    private List<String> responsibleGroups(String taskId, Decision d) {
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw RuleViolation.taskNotFound(taskId);
        }
        return steps.getObject().responsibleGroups(steps.getObject().of(task), d);
    }

    // ---- pauses (DECISIONS.md 13) --------------------------------------------------------------------

    /**
     * Records time the rule does not count on a running step: the last day (and a minimum's earliest close)
     * moves by the whole working days of the pause; so do the task's due and follow-up dates and its timers.
     */
    @Transactional
    public PeriodPause pause(String taskId, PauseKind kind, LocalDate start, LocalDate end, String reason) {
        return pause(taskId, kind, start, end, reason, true);
    }

    /**
     * The same pause, recorded as part of another party's completed act rather than by the step's own group: the
     * lead unit's Art. 42 supplement, received, pauses the justice bureau's review from the request to that day.
     */
    @Transactional
    public PeriodPause pauseOnBehalf(String taskId, PauseKind kind, LocalDate start, LocalDate end, String reason) {
        return pause(taskId, kind, start, end, reason, false);
    }

    private PeriodPause pause(String taskId, PauseKind kind, LocalDate start, LocalDate end, String reason, boolean byStepGroup) {
        Actor actor = directory.currentActor();
        StepPeriod s = running(taskId);
        if (!PAUSABLE_PERIOD.equals(s.periodCode())) {
            throw new RuleViolation("PAUSE_NOT_LEGALITY_REVIEW", "“" + s.taskName() + "”的期限不能暂停计算：补送材料（第四十二条）以及调查核实、"
                    + "座谈会、听证会、公开征求意见、法律顾问和公职律师论证的时间（第四十四条），只不计算在合法性审查期限内。");
        }
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        List<String> groups = responsibleGroups(taskId, decisions.get(s.decisionId()));
        if (byStepGroup && !(actor.isSystem() || actor.inAnyGroup(groups))) {
            throw RuleViolation.forbidden("TASK_NOT_YOUR_GROUP", "“" + s.taskName() + "”由" + responsibilities.names(groups)
                    + "办理，您（" + actor.name() + "）无权记录暂停计算的时间。");
        }
        if (kind == null) {
            throw RuleViolation.badRequest("PAUSE_KIND_REQUIRED", "请选择暂停计算的事由（第四十二条补送材料，或第四十四条调查核实、座谈会、听证会、公开征求意见、法律顾问和公职律师论证）。");
        }
        if (start == null || end == null) {
            throw RuleViolation.badRequest("PAUSE_RANGE_INVALID", "请填写暂停计算的开始日期和结束日期。");
        }
        if (start.isBefore(s.startedOn())) {
            throw RuleViolation.badRequest("PAUSE_BEFORE_STEP", "暂停开始日期不能早于本环节开始之日（" + CN_DATE.format(s.startedOn()) + "）。");
        }
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw RuleViolation.badRequest("PAUSE_REASON_REQUIRED", "请写明暂停计算的理由（不超过500字），如补送材料的通知文号或座谈会时间。");
        }
        Periods periods = periodsOf(s.decisionId());
        int days = periods.pausedWorkingDays(start, end);
        LocalDate newEnd = periods.calendar().addWorkingDays(s.endOn(), days);
        LocalDate newEarliest = s.earliestClose() == null ? null : periods.calendar().addWorkingDays(s.earliestClose(), days);
        repository.moved(s.id(), newEnd, newEarliest, s.pausedDays() + days);
        repository.provisional(s.id(), provisionalYears(s.startedOn(), newEnd, newEarliest));
        Decision d = decisions.get(s.decisionId());
        // Art. 42: materials are supplemented within LEGALITY_SUPPLEMENT (3 working days) of the request.
        String lateNote = null;
        if (kind == PauseKind.SUPPLEMENT && periods.isLate(SUPPLEMENT_PERIOD, start, end)) {
            StatutoryPeriod sp = periods.period(SUPPLEMENT_PERIOD);
            lateNote = "超过" + sp.article() + "规定的" + sp.length() + unit(sp) + "补送期限（应于"
                    + CN_DATE.format(periods.end(SUPPLEMENT_PERIOD, start)) + "前补送）";
        }
        repository.addPause(s.id(), d.id(), kind.name(), start, end, reason.strip(), days, s.endOn(), newEnd, lateNote,
                actor.id(), clock.now());
        if (days > 0 && task != null) {
            StatutoryPeriod p = periods.period(s.periodCode());
            Date due = p.kind() == PeriodKind.MINIMUM ? null : Date.from(Periods.endOfDay(newEnd).toInstant());
            Date followUp = followUp(periods, p, newEnd, newEarliest);
            repository.taskDates(s.id(), due, followUp);
            TaskEdits.ours(() -> {
                taskService.setDueDate(taskId, due);
                taskService.setFollowUpDate(taskId, followUp);
            });
            for (Job job : managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers().list()) {
                if (Objects.equals(job.getExecutionId(), task.getExecutionId()) && job.getDuedate() != null) {
                    managementService.setJobDuedate(job.getId(), shift(periods, job.getDuedate(), days));
                }
            }
        }
        audit.record(actor, d.id(), d.number(), AuditAction.PERIOD_PAUSED, "“" + s.taskName() + "”暂停计算" + kind.label()
                + "的时间（" + kind.article() + "）：" + CN_DATE.format(start) + "至" + CN_DATE.format(end) + "，计" + days
                + "个工作日；期限届满日由" + CN_DATE.format(s.endOn()) + "顺延至" + CN_DATE.format(newEnd) + "；理由：" + reason.strip()
                + (lateNote == null ? "" : "；" + lateNote));
        return repository.pauses(d.id()).stream().reduce((a, b) -> b).orElseThrow();
    }

    /**
     * Counts a running step's period again from the day of an act other than the task's creation (Art. 34: the
     * experts' research time runs from the day the materials reach them): the first counted day is the day after
     * {@code start}, the last day and the earliest close follow (paused working days kept), and so do the task's due
     * and follow-up dates and its timers. A {@code start} not later than the day the period now counts from changes
     * nothing (the period never counts from an earlier day than it did).
     *
     * @param why what happened on {@code start}, for the audit entry (e.g. "向专家提供论证材料")
     * @return the step's period as it now stands, empty when the step has no running period
     */
    @Transactional
    public java.util.Optional<StepPeriod> restartFrom(long decisionId, String taskKey, LocalDate start, String why) {
        var open = repository.openFor(decisionId, taskKey);
        if (open.isEmpty() || !start.isAfter(open.get().startedOn())) {
            return open;
        }
        StepPeriod s = open.get();
        Periods periods = periodsOf(decisionId);
        StatutoryPeriod p = periods.period(s.periodCode());
        LocalDate newEnd = periods.calendar().addWorkingDays(periods.end(p, start), s.pausedDays());
        LocalDate earliest = periods.earliestClose(p.code(), start);
        LocalDate newEarliest = earliest == null ? null : periods.calendar().addWorkingDays(earliest, s.pausedDays());
        int moved = periods.calendar().workingDaysBetween(s.endOn(), newEnd);
        repository.restarted(s.id(), start, newEnd, newEarliest);
        repository.provisional(s.id(), provisionalYears(start, newEnd, newEarliest));
        Date due = Date.from(Periods.endOfDay(newEnd).toInstant());
        Date followUp = followUp(periods, p, newEnd, newEarliest);
        repository.taskDates(s.id(), due, followUp);
        Task task = taskService.createTaskQuery().taskId(s.taskId()).singleResult();
        if (task != null) {
            TaskEdits.ours(() -> {
                taskService.setDueDate(task.getId(), due);
                taskService.setFollowUpDate(task.getId(), followUp);
            });
            for (Job job : managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers().list()) {
                if (Objects.equals(job.getExecutionId(), task.getExecutionId()) && job.getDuedate() != null && moved > 0) {
                    managementService.setJobDuedate(job.getId(), shift(periods, job.getDuedate(), moved));
                }
            }
        }
        Decision d = decisions.get(decisionId);
        audit.record(d.id(), d.number(), AuditAction.PERIOD_RESTARTED, "“" + s.taskName() + "”的" + p.nameZh() + "（" + p.article()
                + "）自" + why + "之日（" + CN_DATE.format(start) + "）的次日起算：届满日由" + CN_DATE.format(s.endOn()) + "改为"
                + CN_DATE.format(newEnd) + (newEarliest == null ? "" : "，最早可于" + CN_DATE.format(newEarliest) + "办结"));
        return repository.byTask(s.taskId());
    }

    // ---- issue 16: recomputed when the holiday notice of a provisional year is loaded -------------------

    /**
     * An administrator loaded the holiday notice of a year (the calendar already counts with it, in the same
     * transaction): every open step whose dates were counted provisionally over that year is counted again from the
     * day it counts from, its paused working days kept; the row, the task's due and follow-up dates and its reminder
     * and escalation timers move; each step gets an audit entry (changed or confirmed) and a row of
     * {@link DeadlineChanges}, shown to the step's group and mailed to it when the date moved.
     */
    @org.springframework.context.event.EventListener
    @Transactional
    public void onHolidayNoticeLoaded(cn.juece.calendar.HolidayNoticeLoaded loaded) {
        if (loaded.isOrganDay()) {
            // issue 15: one organ's own day changed: its open steps counted over that day, provisional or not
            for (StepPeriod s : repository.openOfOrgan(loaded.organ())) {
                LocalDate last = s.earliestClose() != null && s.earliestClose().isAfter(s.endOn()) ? s.earliestClose() : s.endOn();
                if (loaded.concerns(loaded.organ(), s.startedOn(), last)) {
                    recompute(s, loaded);
                }
            }
            return;
        }
        for (StepPeriod s : repository.openProvisional()) {
            if (s.provisionalYearList().contains(loaded.year())) {
                recompute(s, loaded);
            }
        }
    }

    private void recompute(StepPeriod s, cn.juece.calendar.HolidayNoticeLoaded loaded) {
        Periods periods = periodsOf(s.decisionId());
        StatutoryPeriod p = periods.period(s.periodCode());
        var calendar = periods.calendar();
        LocalDate newEnd = calendar.addWorkingDays(periods.end(p, s.startedOn()), s.pausedDays());
        LocalDate earliest = periods.earliestClose(p.code(), s.startedOn());
        LocalDate newEarliest = earliest == null ? null : calendar.addWorkingDays(earliest, s.pausedDays());
        String years = provisionalYears(s.startedOn(), newEnd, newEarliest);
        Decision d = decisions.get(s.decisionId());
        boolean minimum = p.kind() == PeriodKind.MINIMUM;
        LocalDate shownBefore = minimum ? s.earliestClose() : s.endOn();
        LocalDate shownAfter = minimum ? newEarliest : newEnd;
        String what = "“" + s.taskName() + "”的" + (minimum ? "最早可办结日" : "办理期限");
        boolean changed = !newEnd.equals(s.endOn()) || !Objects.equals(newEarliest, s.earliestClose());
        String detail;
        if (changed) {
            int moved = calendar.workingDaysBetween(s.endOn(), newEnd);
            repository.restarted(s.id(), s.startedOn(), newEnd, newEarliest);
            Date due = minimum ? null : Date.from(Periods.endOfDay(newEnd).toInstant());
            Date followUp = followUp(periods, p, newEnd, newEarliest);
            repository.taskDates(s.id(), due, followUp);
            Task task = taskService.createTaskQuery().taskId(s.taskId()).singleResult();
            if (task != null) {
                TaskEdits.ours(() -> {
                    taskService.setDueDate(task.getId(), due);
                    taskService.setFollowUpDate(task.getId(), followUp);
                });
                Date reminder = Date.from(reminderDay(periods, newEnd).atTime(Periods.REMINDER_TIME).atZone(AppClock.ZONE).toInstant());
                Date escalation = Date.from(Periods.endOfDay(newEnd).toInstant());
                for (Job job : managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers().list()) {
                    if (!Objects.equals(job.getExecutionId(), task.getExecutionId()) || job.getDuedate() == null) {
                        continue;
                    }
                    // the period's own timers (docs/deadlines.md): the reminder at 09:00, the escalation at 23:59:59
                    var at = LocalDateTime.ofInstant(job.getDuedate().toInstant(), AppClock.ZONE).toLocalTime();
                    Date to = at.equals(Periods.REMINDER_TIME) ? reminder : at.equals(Periods.END_OF_DAY) ? escalation
                            : moved == 0 ? null : shift(periods, job.getDuedate(), moved);
                    if (to != null && !to.equals(job.getDuedate())) {
                        managementService.setJobDuedate(job.getId(), to);
                    }
                }
            }
            detail = what + "按" + loaded.basis() + "重新计算：由" + CN_DATE.format(shownBefore) + "改为"
                    + CN_DATE.format(shownAfter) + "（" + p.nameZh() + "，" + p.article() + "，" + p.length() + unit(p)
                    + "，自" + CN_DATE.format(s.startedOn()) + "次日起算"
                    + (s.pausedDays() > 0 ? "，顺延暂停计算的" + s.pausedDays() + "个工作日" : "") + "）"
                    + (years == null ? "" : "；仍涉及尚无节假日安排的" + years + "年，仍为暂定");
        } else {
            detail = what + CN_DATE.format(shownBefore) + "经按" + loaded.basis() + "核对不变"
                    + (years == null ? "，不再为暂定" : "；仍涉及尚无节假日安排的" + years + "年，仍为暂定");
        }
        repository.provisional(s.id(), years);
        audit.record(loaded.actor(), d.id(), d.number(), AuditAction.PERIOD_RECOMPUTED, detail + "（依据：" + loaded.source() + "）");
        changes.getObject().record(d, loaded.year(), loaded.isOrganDay() ? loaded.basis() : null, DeadlineChanges.STEP, what, s.candidateGroup(), shownBefore, shownAfter,
                changed, detail);
    }

    /** The same time of day, that many working days later. */
    private Date shift(Periods periods, Date due, int workingDays) {
        LocalDateTime at = LocalDateTime.ofInstant(due.toInstant(), AppClock.ZONE);
        LocalDate day = periods.calendar().addWorkingDays(at.toLocalDate(), workingDays);
        return Date.from(ZonedDateTime.of(day, at.toLocalTime(), AppClock.ZONE).toInstant());
    }

    private StepPeriod running(String taskId) {
        if (taskService.createTaskQuery().taskId(taskId).count() == 0 && repository.byTask(taskId).isEmpty()) {
            throw RuleViolation.taskNotFound(taskId);
        }
        StepPeriod s = repository.byTask(taskId).orElseThrow(() -> RuleViolation.notFound("PERIOD_NOT_RUNNING",
                "该环节没有法定期限：" + taskId + "。"));
        if (!s.isOpen()) {
            throw new RuleViolation("PERIOD_NOT_RUNNING", "“" + s.taskName() + "”已办结，不能再记录期限的暂停或缩短。");
        }
        return s;
    }

    String justiceGroup(Decision d) {
        return Groups.unit(directory.organ(d.organCode()).justiceUnit());
    }

    // ---- reminders and escalations (DECISIONS.md 14), called by the task's timeout timers -----------

    void remind(DelegateTask task) {
        repository.byTask(task.getId()).filter(StepPeriod::isOpen).ifPresent(s -> {
            if (!repository.markReminded(s.id(), clock.now())) {
                return;
            }
            Decision d = decisions.get(s.decisionId());
            StatutoryPeriod p = periods.period(s.periodCode());
            String due = CN_DATE.format(s.endOn());
            int mails = outbox.toGroups(d.id(), "PERIOD_REMINDER", List.of(s.candidateGroup()),
                    "【期限提醒】" + s.taskName() + "应于" + due + "前办结（" + d.number() + "）",
                    "决策事项：" + d.title() + "（" + d.number() + "）\n环节：" + s.taskName() + "\n期限：" + p.nameZh() + "，"
                            + p.article() + "，" + p.length() + unit(p) + "，" + due + "届满。\n请在期限内办结。",
                    outbox.link("/camunda/app/tasklist/default/#/?task=" + task.getId()));
            log.info("Period reminder: {} ({}) ends {}, {} mails queued", s.taskName(), s.periodCode(), s.endOn(), mails);
            audit.record(Actor.system(), d.id(), d.number(), AuditAction.PERIOD_REMINDER,
                    "“" + s.taskName() + "”的" + p.nameZh() + "将于" + due + "届满，已提醒" + directory.groupName(s.candidateGroup()));
        });
    }

    void escalate(DelegateTask task) {
        repository.byTask(task.getId()).filter(StepPeriod::isOpen).ifPresent(s -> {
            if (!repository.markEscalated(s.id(), clock.now())) {
                return;
            }
            Decision d = decisions.get(s.decisionId());
            StatutoryPeriod p = periods.period(s.periodCode());
            String head = Groups.unitHead(s.candidateGroup());
            String justice = justiceGroup(d);
            int mails = outbox.toGroups(d.id(), "PERIOD_ESCALATION", List.of(head, justice),
                    "【期限届满督办】" + s.taskName() + "已到期未办结（" + d.number() + "）",
                    "决策事项：" + d.title() + "（" + d.number() + "）\n环节：" + s.taskName() + "（办理单位："
                            + directory.groupName(s.candidateGroup()) + "）\n期限：" + p.nameZh() + "，" + p.article() + "，于"
                            + CN_DATE.format(s.endOn()) + "届满，尚未办结。\n依第六十条至第六十三条，请单位负责人督促办理，司法行政部门予以监督。",
                    outbox.link("/decisions/" + d.number() + "#periods"));
            log.info("Period escalation: {} ({}) ended {}, {} mails queued", s.taskName(), s.periodCode(), s.endOn(), mails);
            audit.record(Actor.system(), d.id(), d.number(), AuditAction.PERIOD_ESCALATED,
                    "“" + s.taskName() + "”的" + p.nameZh() + "于" + CN_DATE.format(s.endOn()) + "届满未办结，已报"
                            + directory.groupName(head) + "和" + directory.groupName(justice));
        });
    }

    /** When the reminder timer fires: the configured working days before the period's last day, 09:00. */
    Date reminderAt(String code, String decisionNumber, String taskKey) {
        Decision d = decisions.get(decisionNumber);
        Periods periods = periodsOf(d);
        LocalDate end = periods.end(code, countedFrom(d.id(), taskKey));
        return Date.from(reminderDay(periods, end).atTime(Periods.REMINDER_TIME).atZone(AppClock.ZONE).toInstant());
    }

    /** When the escalation timer fires: the period's end, 23:59:59 of its last day. */
    Date escalationAt(String code, String decisionNumber, String taskKey) {
        Decision d = decisions.get(decisionNumber);
        return Date.from(Periods.endOfDay(periodsOf(d).end(code, countedFrom(d.id(), taskKey))).toInstant());
    }

    // ---- views -----------------------------------------------------------------------------------------

    // the scope's facts, for supervision and the annual figures (Art. 60–63; issue 17: never every organ's rows)

    /** The scope's periods escalated to the unit's head and the justice bureau (DECISIONS.md 14). */
    public List<StepPeriod> escalated(cn.juece.decision.DecisionScope scope) {
        return repository.escalated(scope);
    }

    /** The scope's periods whose last day falls within these days, both included. */
    public List<StepPeriod> ending(cn.juece.decision.DecisionScope scope, LocalDate from, LocalDate to) {
        return repository.ending(scope, from, to);
    }

    /** The scope's pauses recorded after the period had ended (with their note). */
    public List<PeriodPause> latePauses(cn.juece.decision.DecisionScope scope) {
        return repository.latePauses(scope);
    }

    /** The scope's approved shortenings of a "一般不少于" period (DECISIONS.md 12). */
    public List<PeriodDeviation> deviations(cn.juece.decision.DecisionScope scope) {
        return repository.deviations(scope);
    }

    public List<StepPeriod> forDecision(long decisionId) {
        return repository.forDecision(decisionId);
    }

    /** What loaded holiday notices did to the decision's provisional deadlines (issue 16). */
    public List<DeadlineChanges.DeadlineChange> changes(long decisionId) {
        return changes.getObject().forDecision(decisionId);
    }

    public List<PeriodPause> pauses(long decisionId) {
        return repository.pauses(decisionId);
    }

    public List<PeriodDeviation> deviations(long decisionId) {
        return repository.deviations(decisionId);
    }

    /** Whether the engine has this open task (an unknown id is answered as such, DECISIONS.md 23). */
    public boolean taskExists(String taskId) {
        return taskService.createTaskQuery().taskId(taskId).count() > 0;
    }

    public java.util.Optional<StepPeriod> ofTask(String taskId) {
        return repository.byTask(taskId);
    }

    public StatutoryPeriod period(String code) {
        return periods.period(code);
    }

    /** For pages and /api: a step's period with its names and dates. */
    public Map<String, Object> describe(StepPeriod s) {
        StatutoryPeriod p = periods.period(s.periodCode());
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("taskId", s.taskId());
        m.put("taskKey", s.taskKey());
        m.put("step", s.taskName());
        m.put("periodCode", p.code());
        m.put("periodName", p.nameZh());
        m.put("article", p.article());
        m.put("kind", p.kind().name());
        m.put("general", p.strictness() == Strictness.GENERAL);
        m.put("length", p.length() + unit(p));
        m.put("startedOn", s.startedOn());
        m.put("endOn", s.endOn());
        m.put("earliestClose", s.earliestClose());
        m.put("pausedDays", s.pausedDays());
        m.put("state", s.state());
        m.put("remindedAt", s.remindedAt());
        m.put("escalatedAt", s.escalatedAt());
        m.put("provisional", s.provisional());
        m.put("provisionalYears", s.provisionalYearList());
        return m;
    }
}
