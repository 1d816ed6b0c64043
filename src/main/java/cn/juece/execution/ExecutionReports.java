package cn.juece.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.access.DecisionAccess;
import cn.juece.access.Responsibilities;
import cn.juece.access.Responsible;
import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.calendar.Periods;
import cn.juece.calendar.WorkingDayCalendar;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.DecisionVariables;
import cn.juece.dossier.Material;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;
import cn.juece.dossier.MaterialVersion;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.notification.Outbox;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;
import cn.juece.workflow.AsEngine;
import cn.juece.workflow.Step;
import cn.juece.workflow.StepDates;
import cn.juece.workflow.Steps;
import cn.juece.workflow.TaskActions;
import cn.juece.workflow.TaskDates;
import cn.juece.workflow.TaskEdits;

/**
 * Art. 53, 62: the execution units' periodic reports. Each report period of each unit is a step of that unit
 * ({@code execution-report}) whose due day is the cycle's day from the organ's first report day, moved to the next
 * working day when it is a rest day (a report due on 2025-10-01 is due on 2025-10-09). A reminder goes to the unit
 * before the due day; a report still missing at 24:00 of its due day escalates by mail to the unit's head and the
 * decision organ and shows in supervision. Also the BPMN's {@code executionReports} bean (the schedule on the flow
 * into the step, the step's creation and its two timeout timers).
 */
@Service("executionReports")
public class ExecutionReports implements TaskDates, StepDates {

    static final String REPORT_TASK = "execution-report";
    static final String DUE_AT = "reportDueAt";
    static final String REMINDER_AT = "reportReminderAt";
    static final String OVERDUE_AT = "reportOverdueAt";
    static final String PERIOD = "reportPeriod";
    static final int MAX_CONTENT = 4000;
    static final int MAX_SUMMARY = 2000;

    private final JdbcClient jdbc;
    private final DecisionService decisions;
    private final DecisionAccess access;
    private final Responsibilities responsibilities;
    private final ExecutionPlan plans;
    private final WorkingDayCalendar calendar;
    private final MaterialService materials;
    private final Steps steps;
    private final ObjectProvider<TaskActions> tasks;
    private final ObjectProvider<ExecutionDecisions> executionDecisions;
    private final TaskService taskService;
    private final ManagementService management;
    private final AsEngine asEngine;
    private final Directory directory;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final AppClock clock;
    private final int reminderWorkingDays;

    ExecutionReports(JdbcClient jdbc, DecisionService decisions, DecisionAccess access, Responsibilities responsibilities,
                     ExecutionPlan plans, WorkingDayCalendar calendar, MaterialService materials, Steps steps,
                     ObjectProvider<TaskActions> tasks, ObjectProvider<ExecutionDecisions> executionDecisions,
                     TaskService taskService, ManagementService management, AsEngine asEngine, Directory directory,
                     Outbox outbox, AuditTrail audit, AppClock clock,
                     @Value("${juece.periods.reminder-working-days:2}") int reminderWorkingDays) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.access = access;
        this.responsibilities = responsibilities;
        this.plans = plans;
        this.calendar = calendar;
        this.materials = materials;
        this.steps = steps;
        this.tasks = tasks;
        this.executionDecisions = executionDecisions;
        this.taskService = taskService;
        this.management = management;
        this.asEngine = asEngine;
        this.directory = directory;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.reminderWorkingDays = reminderWorkingDays;
    }

    /** One report period of one unit: when it is due, and what the unit reported and the organ published. */
    public record Period(long id, long decisionId, int runNo, String unitCode, int periodNo, LocalDate scheduledOn,
                         LocalDate dueOn, int pausedDays, String taskId, OffsetDateTime openedAt, OffsetDateTime remindedAt,
                         OffsetDateTime escalatedAt, String content, Boolean finalReport, Long reportVersionId,
                         String reportedBy, String reportedFor, OffsetDateTime reportedAt, String publicSummary,
                         String publishedBy, OffsetDateTime publishedAt) {

        public boolean reported() {
            return reportedAt != null;
        }

        /** Reported after 24:00 of the due day, or still missing after it (Art. 62). */
        public boolean late(LocalDate today) {
            return reported() ? reportedAt.toLocalDate().isAfter(dueOn) : today.isAfter(dueOn);
        }

        /** REPORTED, REPORTED_LATE, DUE (waiting, not yet late) or OVERDUE. */
        public String state(LocalDate today) {
            return reported() ? (late(today) ? "REPORTED_LATE" : "REPORTED") : late(today) ? "OVERDUE" : "DUE";
        }

        public String stateLabel(LocalDate today) {
            return switch (state(today)) {
                case "REPORTED" -> "按期报告";
                case "REPORTED_LATE" -> "逾期报告";
                case "OVERDUE" -> "逾期未报告";
                default -> "待报告";
            };
        }
    }

    // ---- the BPMN: the schedule, the step, its timers -----------------------------------------------------

    /**
     * On the flow into a unit's report step: the period's due day and its timers, as local variables the step's
     * due date and timeout timers read (they are created before the step's own listeners run).
     */
    public void schedule(DelegateExecution execution) {
        Decision d = decisions.of(execution);
        String unit = (String) execution.getVariable(DecisionVariables.EXECUTION_UNIT);
        ExecutionPlan.Plan plan = requirePlan(d);
        int period = count(d.id(), plan.runNo(), unit) + 1;
        LocalDate due = dueOn(d, plan, period);
        execution.setVariableLocal(PERIOD, period);
        execution.setVariableLocal(DUE_AT, Date.from(Periods.endOfDay(due).toInstant()));
        execution.setVariableLocal(REMINDER_AT, reminderAt(d, due));
        execution.setVariableLocal(OVERDUE_AT, Date.from(Periods.endOfDay(due).toInstant()));
    }

    /** The step is created: its period row. */
    public void opened(DelegateTask task) {
        Decision d = decisions.of(task.getExecution());
        String unit = (String) task.getExecution().getVariable(DecisionVariables.EXECUTION_UNIT);
        int period = ((Number) task.getExecution().getVariable(PERIOD)).intValue();
        ExecutionPlan.Plan plan = requirePlan(d);
        LocalDate scheduled = plan.cycle().scheduled(plan.firstReportOn(), period);
        jdbc.sql("""
                INSERT INTO juece.execution_report_period (decision_id, run_no, unit_code, period_no, scheduled_on, due_on,
                                                           paused_days, task_id, opened_at)
                VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)""")
                .params(d.id(), plan.runNo(), unit, period, scheduled, dueOn(d, plan, period), task.getId(), clock.now()).update();
    }

    /** The reminder: the configured working days before the due day, 09:00, to the unit. */
    public void remind(DelegateTask task) {
        byTask(task.getId()).filter(p -> !p.reported() && p.remindedAt() == null).ifPresent(p -> {
            Decision d = decisions.get(p.decisionId());
            jdbc.sql("UPDATE juece.execution_report_period SET reminded_at = ? WHERE id = ?").params(clock.now(), p.id()).update();
            outbox.toGroups(d.id(), "EXECUTION_REPORT_REMINDER", List.of(Groups.unit(p.unitCode())),
                    "【执行情况报告提醒】" + d.number() + " 第" + p.periodNo() + "期报告应于" + p.dueOn() + "前报送",
                    "决策事项：" + d.title() + "（" + d.number() + "）\n执行单位：" + directory.unitName(p.unitCode()) + "\n第"
                            + p.periodNo() + "期执行情况报告应于" + cn(p.dueOn()) + "24时前报送决策机关（第五十三条）。",
                    outbox.link("/decisions/" + d.number() + "/execution#reports"));
            audit.record(Actor.system(), d.id(), d.number(), AuditAction.EXECUTION_REPORT_REMINDER,
                    directory.unitName(p.unitCode()) + "第" + p.periodNo() + "期执行情况报告将于" + cn(p.dueOn()) + "到期，已提醒");
        });
    }

    /** The report is missing at 24:00 of its due day: escalated to the unit's head and the decision organ (Art. 62). */
    public void overdue(DelegateTask task) {
        byTask(task.getId()).filter(p -> !p.reported() && p.escalatedAt() == null).ifPresent(p -> {
            Decision d = decisions.get(p.decisionId());
            jdbc.sql("UPDATE juece.execution_report_period SET escalated_at = ? WHERE id = ?").params(clock.now(), p.id()).update();
            String unit = directory.unitName(p.unitCode());
            outbox.toGroups(d.id(), "EXECUTION_REPORT_OVERDUE",
                    List.of(Groups.unitHead(p.unitCode()), Groups.decisionOrgan(d.organCode())),
                    "【执行情况报告逾期】" + unit + "未按期报告" + d.number() + "执行情况",
                    "决策事项：" + d.title() + "（" + d.number() + "）\n执行单位：" + unit + "\n第" + p.periodNo() + "期执行情况报告应于"
                            + cn(p.dueOn()) + "24时前报送，至今未报送。\n依第五十三条、第六十二条，决策执行单位不得拒不执行、推诿执行、"
                            + "拖延执行；请单位负责人督促报送，决策机关予以督查。",
                    outbox.link("/decisions/" + d.number() + "/execution#reports"));
            audit.record(Actor.system(), d.id(), d.number(), AuditAction.EXECUTION_REPORT_OVERDUE, unit + "第" + p.periodNo()
                    + "期执行情况报告于" + cn(p.dueOn()) + "到期未报送，已报" + directory.groupName(Groups.unitHead(p.unitCode()))
                    + "和" + directory.groupName(Groups.decisionOrgan(d.organCode())) + "（第六十二条）");
        });
    }

    // ---- the unit's report and the organ's publication ------------------------------------------------------

    /**
     * Art. 53: the unit reports on its current period (what was done, problems, next steps); {@code finalReport}
     * when its task is done (with its 决策执行情况报告 uploaded). With {@code complete} the unit's step closes at once
     * (REPORTED, or COMPLETED for the final report), through the same rule check as Tasklist.
     *
     * @param unitCode the unit reporting, when the person acts for more than one; else null
     */
    @Transactional
    public Period report(String number, String unitCode, String content, boolean finalReport, boolean complete) {
        Decision d = access.visible(number);
        Actor actor = directory.currentActor();
        if (!d.isOpen()) {
            throw DecisionService.closed(d, "报告执行情况");
        }
        String unit = actingUnit(d, actor, unitCode);
        Step step = openStep(d, unit).orElseThrow(() -> new RuleViolation("EXECUTION_REPORT_NOT_DUE",
                directory.unitName(unit) + "当前没有待报告的报告期（第五十三条）。"));
        executionDecisions.getObject().requireNotSuspended(d);
        String text = content == null ? "" : content.strip();
        if (text.isEmpty()) {
            throw RuleViolation.badRequest("EXECUTION_REPORT_CONTENT_REQUIRED",
                    "请填写本期执行情况：任务进展、存在的问题和下一步安排（第五十三条）。");
        }
        if (text.length() > MAX_CONTENT) {
            throw RuleViolation.badRequest("EXECUTION_REPORT_TOO_LONG", "执行情况不超过" + MAX_CONTENT + "字；详细报告请作为《决策执行情况报告》上传。");
        }
        Period p = byTask(step.taskId()).orElseThrow();
        Long version = unitVersion(d, unit, steps.roundStartsAfter(step)).map(MaterialVersion::id).orElse(null);
        jdbc.sql("""
                UPDATE juece.execution_report_period SET content = ?, final_report = ?, report_version_id = ?, reported_by = ?,
                       reported_for = ?, reported_at = ? WHERE id = ?""")
                .params(text, finalReport, version, actor.id(), Groups.unit(unit), clock.now(), p.id()).update();
        audit.record(actor, Groups.unit(unit), d.id(), d.number(), AuditAction.EXECUTION_REPORTED, directory.unitName(unit)
                + (finalReport ? "报告执行任务完成（总结报告）" : "报告第" + p.periodNo() + "期执行情况") + "：" + text
                + (materials.cite(d.id(), version) == null ? "" : "；附" + materials.cite(d.id(), version)) + "（第五十三条）", null);
        if (complete) {
            tasks.getObject().complete(step.taskId(), finalReport ? "COMPLETED" : "REPORTED", null);
        }
        return byId(p.id()).orElseThrow();
    }

    /** What the decision organ chooses to publish of a report on the portal (its own words, Art. 52's openness). */
    @Transactional
    public Period publish(String number, long periodId, String summary) {
        Decision d = access.visible(number);
        Actor actor = access.require(d, "公开决策执行情况", "第五十二条", Responsible.DECISION_ORGAN, Responsible.GOV_OFFICE);
        Period p = byId(periodId).filter(x -> x.decisionId() == d.id()).orElseThrow(() -> RuleViolation.notFound(
                "EXECUTION_REPORT_NOT_FOUND", "该决策事项没有这一期执行情况报告。"));
        if (!p.reported()) {
            throw new RuleViolation("EXECUTION_REPORT_NOT_REPORTED", "这一期执行情况尚未报告，不能公开。");
        }
        String text = summary == null ? "" : summary.strip();
        if (text.isEmpty()) {
            throw RuleViolation.badRequest("PUBLIC_SUMMARY_REQUIRED", "请填写向社会公开的执行进展（不含依法不予公开的内容）。");
        }
        if (text.length() > MAX_SUMMARY) {
            throw RuleViolation.badRequest("PUBLIC_SUMMARY_TOO_LONG", "公开的执行进展不超过" + MAX_SUMMARY + "字。");
        }
        jdbc.sql("UPDATE juece.execution_report_period SET public_summary = ?, published_by = ?, published_at = ? WHERE id = ?")
                .params(text, actor.id(), clock.now(), p.id()).update();
        audit.record(actor, d.id(), d.number(), AuditAction.EXECUTION_REPORT_PUBLISHED, "公开" + directory.unitName(p.unitCode())
                + "第" + p.periodNo() + "期执行情况：" + text);
        return byId(p.id()).orElseThrow();
    }

    // ---- gates -------------------------------------------------------------------------------------------

    /** The unit has recorded its report for this period's step. */
    boolean hasReport(String taskId) {
        return taskId != null && byTask(taskId).map(Period::reported).orElse(false);
    }

    /** The newest 决策执行情况报告 the unit provided after the given material version (its step's round). */
    Optional<MaterialVersion> unitVersion(Decision d, String unit, long after) {
        String group = Groups.unit(unit);
        return materials.materials(d.id()).stream().filter(m -> m.type() == MaterialType.EXECUTION_REPORT)
                .flatMap((Material m) -> m.versions().stream())
                .filter(v -> group.equals(v.providedFor()) && v.id() > after)
                .max(Comparator.comparingLong(MaterialVersion::id));
    }

    // ---- suspension: the reports' timers pause, then move ----------------------------------------------------

    /** Art. 55: execution is suspended: the report steps' timers stop (their steps are refused meanwhile). */
    void suspendTimers(Decision d) {
        asEngine.run(() -> reportTimers(d).stream().filter(j -> !j.isSuspended()).forEach(j -> management.suspendJobById(j.getId())));
    }

    /**
     * Execution resumes after {@code workingDays} whole working days of suspension (DECISIONS.md 13): each open
     * report's due day, its step's due date and its timers move by as many working days; the timers run again.
     */
    void resumeTimers(Decision d, int workingDays) {
        asEngine.run(() -> moveAndActivate(d, workingDays));
    }

    /** As the engine: the person who resumed (e.g. in Tasklist) may not read the units' steps. */
    private void moveAndActivate(Decision d, int workingDays) {
        for (Period p : periods(d.id())) {
            if (p.reported() || taskService.createTaskQuery().taskId(p.taskId()).count() == 0) {
                continue;
            }
            LocalDate due = calendar.forOrgan(d.organCode()).addWorkingDays(p.dueOn(), workingDays);
            jdbc.sql("UPDATE juece.execution_report_period SET due_on = ?, paused_days = ? WHERE id = ?")
                    .params(due, p.pausedDays() + workingDays, p.id()).update();
            Date dueAt = Date.from(Periods.endOfDay(due).toInstant());
            TaskEdits.ours(() -> taskService.setDueDate(p.taskId(), dueAt));
        }
        reportTimers(d).forEach(j -> {
            if (workingDays > 0 && j.getDuedate() != null) {
                management.setJobDuedate(j.getId(), shift(d, j.getDuedate(), workingDays));
            }
            if (j.isSuspended()) {
                management.activateJobById(j.getId());
            }
        });
    }

    /** The reminder and escalation timers of the decision's open report steps. */
    List<Job> reportTimers(Decision d) {
        return plans.stageInstance(d).map(pi -> management.createJobQuery().processInstanceId(pi.getId()).activityId(REPORT_TASK)
                .timers().list()).orElse(List.of());
    }

    private Date shift(Decision d, Date at, int workingDays) {
        LocalDateTime t = LocalDateTime.ofInstant(at.toInstant(), AppClock.ZONE);
        return Date.from(ZonedDateTime.of(calendar.forOrgan(d.organCode()).addWorkingDays(t.toLocalDate(), workingDays), t.toLocalTime(), AppClock.ZONE).toInstant());
    }

    // ---- dates the steps show and keep ----------------------------------------------------------------------

    @Override
    public TaskDates.Expected expected(String taskId) {
        return byTask(taskId).map(p -> new TaskDates.Expected(Date.from(Periods.endOfDay(p.dueOn()).toInstant()), null))
                .orElse(new TaskDates.Expected(null, null));
    }

    @Override
    public List<StepDates.StepDate> of(String taskId, String taskKey, long decisionId) {
        if (!REPORT_TASK.equals(taskKey)) {
            return List.of();
        }
        return byTask(taskId).filter(p -> !p.reported())
                .map(p -> List.of(new StepDates.StepDate(StepDates.StepDate.DEADLINE, "报告期限", p.dueOn()))).orElse(List.of());
    }

    // ---- reading -----------------------------------------------------------------------------------------

    public List<Period> periods(long decisionId) {
        return jdbc.sql("SELECT * FROM juece.execution_report_period WHERE decision_id = ? ORDER BY run_no, period_no, id")
                .param(decisionId).query((rs, i) -> map(rs)).list();
    }

    /** The scope's report periods that are or were late (Art. 62), for supervision, newest due first. */
    public List<Period> late(cn.juece.decision.DecisionScope scope) {
        if (scope.isEmpty()) {
            return List.of();
        }
        LocalDate today = clock.today();
        return scope.bind(jdbc.sql("SELECT * FROM juece.execution_report_period WHERE due_on < :today AND " + scope.where("decision_id")
                        + " ORDER BY due_on DESC, id")).param("today", today)
                .query((rs, i) -> map(rs)).list().stream().filter(p -> p.late(today)).toList();
    }

    public Optional<Period> byTask(String taskId) {
        return jdbc.sql("SELECT * FROM juece.execution_report_period WHERE task_id = ?").param(taskId).query((rs, i) -> map(rs)).optional();
    }

    public Optional<Period> byId(long id) {
        return jdbc.sql("SELECT * FROM juece.execution_report_period WHERE id = ?").param(id).query((rs, i) -> map(rs)).optional();
    }

    /** The unit's open report step. */
    public Optional<Step> openStep(Decision d, String unit) {
        return steps.ofDecision(d.id()).stream()
                .filter(s -> s.isOpen() && REPORT_TASK.equals(s.taskKey()) && unit.equals(s.subjectUnit())).findFirst();
    }

    /** The execution unit the person reports for: the one given, or their only one among the decision's units. */
    String actingUnit(Decision d, Actor actor, String unitCode) {
        List<String> units = plans.units(d.id()).stream().map(ExecutionPlan.UnitTask::unitCode)
                .filter(u -> actor.isSystem() ? Objects.equals(u, unitCode) : actor.groups().contains(Groups.unit(u))).toList();
        if (unitCode != null && !unitCode.isBlank()) {
            if (!units.contains(unitCode.strip())) {
                throw notExecutionUnit(d, actor);
            }
            return unitCode.strip();
        }
        if (units.isEmpty()) {
            throw notExecutionUnit(d, actor);
        }
        return units.get(0);
    }

    RuleViolation notExecutionUnit(Decision d, Actor actor) {
        List<String> groups = responsibilities.groups(d, List.of(Responsible.EXECUTION_UNIT));
        return RuleViolation.forbidden("NOT_EXECUTION_UNIT", "执行情况由决策执行单位（"
                + (groups.isEmpty() ? "尚未明确" : responsibilities.names(groups)) + "）报告（第五十三条、第五十四条），您（"
                + actor.name() + "）不属于该决策事项的执行单位。");
    }

    private int count(long decisionId, int run, String unit) {
        return jdbc.sql("SELECT COUNT(*) FROM juece.execution_report_period WHERE decision_id = ? AND run_no = ? AND unit_code = ?")
                .params(decisionId, run, unit).query(Integer.class).single();
    }

    private ExecutionPlan.Plan requirePlan(Decision d) {
        return plans.plan(d.id()).filter(ExecutionPlan.Plan::complete).orElseThrow(() -> new RuleViolation(
                "EXECUTION_REPORT_CYCLE_MISSING", "尚未确定定期报告执行情况的周期和首次报告日（第五十三条）。"));
    }

    /** The cycle's day of the period, moved to the next working day when it is a rest day. */
    /** Counted on the decision's organ's calendar (issue 15, Art. 64). */
    LocalDate dueOn(Decision d, ExecutionPlan.Plan plan, int period) {
        return calendar.forOrgan(d.organCode()).workingDayOnOrAfter(plan.cycle().scheduled(plan.firstReportOn(), period));
    }

    private Date reminderAt(Decision d, LocalDate due) {
        ZonedDateTime at = calendar.forOrgan(d.organCode()).addWorkingDays(due, -reminderWorkingDays).atTime(Periods.REMINDER_TIME).atZone(AppClock.ZONE);
        ZonedDateTime now = clock.now().atZoneSameInstant(AppClock.ZONE);
        return Date.from((at.isBefore(now) ? now : at).toInstant());
    }

    static String cn(LocalDate d) {
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    private static Period map(ResultSet rs) throws SQLException {
        Object fin = rs.getObject("final_report");
        return new Period(rs.getLong("id"), rs.getLong("decision_id"), rs.getInt("run_no"), rs.getString("unit_code"),
                rs.getInt("period_no"), rs.getObject("scheduled_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                rs.getInt("paused_days"), rs.getString("task_id"), time(rs, "opened_at"), time(rs, "reminded_at"),
                time(rs, "escalated_at"), rs.getString("content"), fin == null ? null : rs.getBoolean("final_report"),
                rs.getObject("report_version_id", Long.class), rs.getString("reported_by"), rs.getString("reported_for"),
                time(rs, "reported_at"), rs.getString("public_summary"), rs.getString("published_by"), time(rs, "published_at"));
    }

    static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime();
    }
}
