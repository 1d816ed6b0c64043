package cn.juece.execution;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.juece.access.DecisionAccess;
import cn.juece.access.Responsibilities;
import cn.juece.access.Responsible;
import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.calendar.Periods;
import cn.juece.decision.Decision;
import cn.juece.identity.Actor;
import cn.juece.identity.Groups;
import cn.juece.meeting.MeetingRecords;
import cn.juece.notification.Outbox;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;
import cn.juece.workflow.AsEngine;
import cn.juece.workflow.Step;
import cn.juece.workflow.TaskActions;

/**
 * Art. 55, 57: no change or stop of a decision in execution without a legal ground and the decision organ's decision
 * at its meeting. The organ's steps that decide it (研究决定继续执行、停止执行或者修改决策; 中止执行期间的决定; 研究评估报告
 * 并决定) close with STOP, MODIFY or RESUME only once the decision is recorded for that step: the legal ground (the
 * Art. 54 situation, or the evaluation's conclusion, Art. 57) and the meeting of the meetings register
 * (cn.juece.meeting) at which it was taken: of the decision's organ, held, with the decision on its agenda and the
 * executive head's decision recorded (Art. 50). In an emergency the executive head — not a clerk — first
 * suspends execution (先决定中止执行): the units' report steps and their timers pause at once and the organ's follow-up
 * step opens. After a suspension, stop or modification the units record what they do to limit losses.
 */
@Service
public class ExecutionDecisions {

    static final String ADJUST_TASK = "execution-adjust";
    static final String SUSPENDED_TASK = "execution-suspended";
    static final String RESOLVE_TASK = "evaluation-resolve";
    static final String REVIEW_MESSAGE = "execution-review";
    static final String SUSPEND_MESSAGE = "execution-suspend";
    /** The organ's steps whose outcomes below need a recorded decision. */
    static final Set<String> DECIDING_TASKS = Set.of(ADJUST_TASK, SUSPENDED_TASK, RESOLVE_TASK);
    static final Set<String> RECORDED_OUTCOMES = Set.of("STOP", "MODIFY", "RESUME");
    static final int MAX_GROUND = 2000;
    static final int MAX_MEASURE = 2000;

    private final JdbcClient jdbc;
    private final DecisionAccess access;
    private final Responsibilities responsibilities;
    private final ExecutionPlan plans;
    private final ExecutionReports reports;
    private final ObjectProvider<TaskActions> tasks;
    private final RuntimeService runtime;
    private final AsEngine asEngine;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final AppClock clock;
    private final Periods periods;
    private final ObjectProvider<MeetingRecords> meetings;
    private final cn.juece.identity.Directory directory;
    private final int minReason;

    ExecutionDecisions(JdbcClient jdbc, DecisionAccess access, Responsibilities responsibilities,
                       ExecutionPlan plans, ExecutionReports reports, ObjectProvider<TaskActions> tasks, RuntimeService runtime,
                       AsEngine asEngine, Outbox outbox, AuditTrail audit, AppClock clock, Periods periods,
                       ObjectProvider<MeetingRecords> meetings, cn.juece.identity.Directory directory, @Value("${juece.rules.substantive-reason-min-length:10}") int minReason) {
        this.jdbc = jdbc;
        this.access = access;
        this.responsibilities = responsibilities;
        this.plans = plans;
        this.reports = reports;
        this.tasks = tasks;
        this.runtime = runtime;
        this.asEngine = asEngine;
        this.outbox = outbox;
        this.audit = audit;
        this.clock = clock;
        this.periods = periods;
        this.meetings = meetings;
        this.directory = directory;
        this.minReason = minReason;
    }

    /** What was decided. */
    public enum Kind {
        SUSPEND("中止执行"), RESUME("恢复执行"), STOP("停止执行"), MODIFY("修改决策");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The legal ground (法定事由): the situations of Art. 54, or the evaluation's conclusion (Art. 57). */
    public enum Ground {
        PROBLEM_FOUND("决策存在问题", "第五十四条"),
        CIRCUMSTANCES_CHANGED("客观情况发生重大变化", "第五十四条"),
        FORCE_MAJEURE("决策执行中发生不可抗力", "第五十四条"),
        EVALUATION("决策后评估认为需要停止执行或者修改", "第五十七条");

        private final String label;
        private final String article;

        Ground(String label, String article) {
            this.label = label;
            this.article = article;
        }

        public String label() {
            return label;
        }

        public String article() {
            return article;
        }

        static Ground parse(String code) {
            if (code == null || code.isBlank()) {
                return null;
            }
            try {
                return valueOf(code.strip());
            } catch (IllegalArgumentException e) {
                throw RuleViolation.badRequest("EXECUTION_GROUND_INVALID", "法定事由“" + code.strip() + "”无效，可选：决策存在问题（PROBLEM_FOUND）、"
                        + "客观情况发生重大变化（CIRCUMSTANCES_CHANGED）、不可抗力（FORCE_MAJEURE）、后评估结论（EVALUATION）。");
            }
        }
    }

    /** One decision on the decision in execution, public with its ground (the portal shows it). */
    public record Record(long id, long decisionId, Kind kind, Ground groundKind, String ground, Long meetingId, String meetingName,
                         LocalDate meetingOn, String taskId, String decidedBy, String decidedFor, OffsetDateTime decidedAt) {

        public String meeting() {
            return meetingName == null ? null : meetingName + (meetingOn == null ? "" : "（" + meetingOn + "）");
        }
    }

    /** What was done to avoid or reduce losses and adverse effects (Art. 55). */
    public record Measure(long id, long decisionId, Long executionDecisionId, String content, String recordedBy,
                          String recordedFor, OffsetDateTime recordedAt) {
    }

    // ---- the executive head's emergency suspension ---------------------------------------------------------

    /**
     * Art. 55: in an emergency the executive head first decides to suspend execution. The units' report steps and
     * their timers pause at once; the organ's step to decide on resumption, stop or modification opens.
     */
    @Transactional
    public Record suspend(String number, String groundCode, String ground) {
        Decision d = access.visible(number);
        Actor actor = access.require(d, "情况紧急时先决定中止执行", "第五十五条", Responsible.EXECUTIVE_HEAD);
        requireWorking(d, "中止执行");
        if (suspended(d.id())) {
            throw new RuleViolation("EXECUTION_ALREADY_SUSPENDED", "该决策已中止执行，正待决策机关研究决定恢复、停止或者修改（第五十五条）。");
        }
        Ground g = requireGround(groundCode, ground);
        long id = insert(d, Kind.SUSPEND, g, ground.strip(), null, null, actor, Groups.executiveHead(d.organCode()));
        var pi = plans.stageInstance(d).orElseThrow();
        asEngine.run(() -> runtime.createMessageCorrelation(SUSPEND_MESSAGE).processInstanceId(pi.getId()).correlate());
        reports.suspendTimers(d);
        audit.record(actor, Groups.executiveHead(d.organCode()), d.id(), d.number(), AuditAction.EXECUTION_SUSPENDED,
                "情况紧急，行政首长先决定中止执行（第五十五条）；事由：" + g.label() + "；" + ground.strip()
                        + "。各执行单位的报告待办及其计时暂停，待决策机关研究决定", null);
        List<String> notified = new java.util.ArrayList<>(List.of(Groups.decisionOrgan(d.organCode())));
        plans.units(d.id()).forEach(u -> notified.add(Groups.unit(u.unitCode())));
        outbox.toGroups(d.id(), "EXECUTION_SUSPENDED", notified, "【中止执行】" + d.number() + " " + d.title(),
                "行政首长" + actor.name() + "决定先行中止执行（第五十五条）。\n事由：" + g.label() + "\n" + ground.strip()
                        + "\n请各执行单位停止执行并采取有效措施避免或者减轻损失；决策机关研究决定恢复执行、停止执行或者修改决策。",
                outbox.link("/decisions/" + d.number() + "/execution#decisions"));
        return byId(id).orElseThrow();
    }

    // ---- the organ's decision at its meeting ----------------------------------------------------------------

    /**
     * Art. 55, 57: records the organ's decision (STOP, MODIFY, or RESUME after a suspension) for its open step, with
     * the legal ground and the meeting; with {@code complete} the step closes with it at once.
     *
     * @param taskId    the organ's step (研究决定…, 中止执行期间…, 研究评估报告并决定); null: the one open
     * @param meetingId the meeting of the meetings register that decided ({@link #requireMeeting})
     */
    @Transactional
    public Record record(String number, String taskId, String kindCode, String groundCode, String ground, Long meetingId,
                         boolean complete) {
        Decision d = access.visible(number);
        Actor actor = access.require(d, "研究决定停止执行、修改决策或者恢复执行", "第五十五条", Responsible.DECISION_ORGAN);
        Kind kind = parseKind(kindCode);
        Step step = deciding(d, taskId, kind);
        if (kind == Kind.SUSPEND || (kind == Kind.RESUME && !SUSPENDED_TASK.equals(step.taskKey()))) {
            throw RuleViolation.badRequest("EXECUTION_DECISION_INVALID", "“" + step.taskName() + "”可以决定："
                    + (SUSPENDED_TASK.equals(step.taskKey()) ? "恢复执行、停止执行或者修改决策。" : "停止执行或者修改决策。"));
        }
        Ground g = requireGround(groundCode, ground);
        MeetingRecords.Meeting m = requireMeeting(d, kind, meetingId);
        String meeting = m.name();
        LocalDate meetingOn = m.date();
        String group = responsibilities.actingFor(actor, responsibilities.groups(d, List.of(Responsible.DECISION_ORGAN)));
        long id = insert(d, kind, g, ground.strip(), m, step.taskId(), actor, group);
        audit.record(actor, group, d.id(), d.number(), AuditAction.EXECUTION_DECISION_RECORDED, "决策机关" + meeting + "（" + meetingOn
                + "，会议记录第" + m.id() + "号）研究决定" + kind.label() + "（第五十五条" + (RESOLVE_TASK.equals(step.taskKey()) ? "、第五十七条" : "") + "）；法定事由："
                + g.label() + "（" + g.article() + "）；" + ground.strip(), null);
        if (complete) {
            tasks.getObject().complete(step.taskId(), kind.name(), meeting + "研究决定" + kind.label());
        }
        return byId(id).orElseThrow();
    }

    /**
     * Art. 55, 57, 50: the meeting that decided: it exists, is a meeting of the decision's organ, has been held, has
     * the decision in execution on its agenda, and its record has the executive head's decision on it, not 不同意.
     */
    MeetingRecords.Meeting requireMeeting(Decision d, Kind kind, Long meetingId) {
        if (meetingId == null) {
            throw RuleViolation.badRequest("EXECUTION_MEETING_REQUIRED", kind.label() + "须经决策机关会议研究决定（第五十五条、第五十七条：决策机关常务会议或者全体会议）："
                    + "请选择会议管理中已召开并记录研究决定的会议。");
        }
        MeetingRecords records = meetings.getObject();
        MeetingRecords.Meeting m = records.find(meetingId).orElseThrow(() -> RuleViolation.badRequest("EXECUTION_MEETING_NOT_FOUND",
                "会议记录中没有编号为" + meetingId + "的会议：请选择会议管理中已召开的常务会议或者全体会议。"));
        if (!m.organCode().equals(d.organCode())) {
            throw new RuleViolation("EXECUTION_MEETING_OTHER_ORGAN", m.name() + "不是本决策机关（" + directory.organ(d.organCode()).name() + "）的会议，不能据以"
                    + kind.label() + "（第五十五条）。");
        }
        if (m.date().isAfter(clock.today())) {
            throw new RuleViolation("EXECUTION_MEETING_NOT_HELD", m.name() + "定于" + m.date() + "召开，尚未召开：请在会议研究决定后记录" + kind.label() + "。");
        }
        MeetingRecords.Item item = records.executionItem(m.id(), d.id()).orElseThrow(() -> new RuleViolation("EXECUTION_MEETING_NOT_ON_AGENDA",
                "《" + d.title() + "》的执行问题未列入" + m.name() + "的议题：请由政府办公室将其列入会议议题并记录研究情况（第四十八条、第五十条、第五十五条）。"));
        if (item.headDecision() == null) {
            throw new RuleViolation("EXECUTION_MEETING_NOT_RECORDED", m.name() + "对《" + d.title() + "》执行问题的研究尚未记录行政首长的决定"
                    + "（第五十条）：请政府办公室先完成会议记录。");
        }
        if ("REJECTED".equals(item.headDecision())) {
            throw new RuleViolation("EXECUTION_MEETING_REJECTED", m.name() + "对《" + d.title() + "》执行问题的研究，行政首长的决定为“不同意”"
                    + "（第五十条），不能据以" + kind.label() + "。");
        }
        return m;
    }

    /** A meeting the organ's decision form offers: held, of the organ; ready when it decided on this decision in execution. */
    public record MeetingChoice(long id, String label, boolean ready) {
    }

    /** The organ's held meetings, those that decided on this decision in execution first (Art. 50, 55). */
    public List<MeetingChoice> meetingChoices(Decision d) {
        MeetingRecords records = meetings.getObject();
        List<MeetingChoice> ready = new java.util.ArrayList<>(), other = new java.util.ArrayList<>();
        for (MeetingRecords.Meeting m : records.held(d.organCode())) {
            var item = records.executionItem(m.id(), d.id());
            String state = item.isEmpty() ? "未列入本事项执行问题" : item.get().headDecision() == null ? "本事项的研究尚未记录行政首长决定"
                    : "行政首长决定：" + MeetingRecords.label(item.get().headDecision());
            boolean ok = item.isPresent() && item.get().headDecision() != null && !"REJECTED".equals(item.get().headDecision());
            (ok ? ready : other).add(new MeetingChoice(m.id(), m.name() + "（" + m.date() + "，" + state + "）", ok));
        }
        ready.addAll(other);
        return ready;
    }

    /** The organ asks itself to study the execution (opens "研究决定继续执行、停止执行或者修改决策" if not open). */
    @Transactional
    public boolean requestReview(String number) {
        Decision d = access.visible(number);
        Actor actor = access.require(d, "提请研究决策执行中的问题", "第五十五条", Responsible.DECISION_ORGAN);
        requireWorking(d, "提请研究");
        boolean opened = openReview(d);
        if (opened) {
            audit.record(actor, d.id(), d.number(), AuditAction.EXECUTION_REVIEW_REQUESTED, "决策机关提请研究决策执行情况，决定继续执行、停止执行或者修改决策（第五十五条）");
        }
        return opened;
    }

    /** Opens the organ's review step unless one is open (an incident report, or the organ's own request). */
    boolean openReview(Decision d) {
        if (plans.openStep(d, ADJUST_TASK).isPresent()) {
            return false;
        }
        var pi = plans.stageInstance(d).orElseThrow();
        asEngine.run(() -> runtime.createMessageCorrelation(REVIEW_MESSAGE).processInstanceId(pi.getId()).correlate());
        return true;
    }

    /** Art. 55: what an execution unit (or the organ) did to avoid or reduce losses after a suspension, stop or modification. */
    @Transactional
    public Measure addMeasure(String number, String content) {
        Decision d = access.visible(number);
        Actor actor = access.require(d, "记录避免或者减轻损失的措施", "第五十五条", Responsible.EXECUTION_UNIT, Responsible.DECISION_ORGAN);
        Record latest = latest(d.id()).orElseThrow(() -> new RuleViolation("EXECUTION_MEASURE_NOT_DUE",
                "尚无中止执行、停止执行或者修改决策的决定；第五十五条要求在此类决定作出后采取措施避免或者减轻损失。"));
        String text = content == null ? "" : content.strip();
        if (text.isEmpty()) {
            throw RuleViolation.badRequest("EXECUTION_MEASURE_REQUIRED", "请写明采取的措施（第五十五条：避免或者减轻经济损失和不良影响）。");
        }
        if (text.length() > MAX_MEASURE) {
            throw RuleViolation.badRequest("EXECUTION_MEASURE_TOO_LONG", "措施不超过" + MAX_MEASURE + "字；详细方案请作为材料上传。");
        }
        String group = responsibilities.actingFor(actor, responsibilities.groups(d, List.of(Responsible.EXECUTION_UNIT, Responsible.DECISION_ORGAN)));
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO juece.execution_measure (decision_id, execution_decision_id, content, recorded_by, recorded_for, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(d.id(), latest.id(), text, actor.id(), group, clock.now()).update(keys, "id");
        audit.record(actor, group, d.id(), d.number(), AuditAction.EXECUTION_MEASURE_RECORDED, "针对" + latest.kind().label()
                + "的决定采取措施避免或者减轻损失（第五十五条）：" + text, null);
        return measures(d.id()).stream().filter(m -> m.id() == keys.getKey().longValue()).findFirst().orElseThrow();
    }

    // ---- what closing the organ's step does ---------------------------------------------------------------

    /**
     * The organ resumed execution: the report steps' dates move by the working days of the suspension, timers run.
     * Done just before the step's transaction commits, in commands of their own: within the completing command,
     * activating a job (a bulk update of its revision) and moving its due date (an update of the cached job) clash
     * (OptimisticLockingException).
     */
    void resumed(Decision d) {
        Record suspension = records(d.id()).stream().filter(r -> r.kind() == Kind.SUSPEND).reduce((a, b) -> b).orElseThrow();
        int days = periods.forOrgan(d.organCode()).pausedWorkingDays(suspension.decidedAt().toLocalDate(), clock.today());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public int getOrder() {
                // before supervision's counts (decision.DecisionTally), which take their row locks last
                return LOWEST_PRECEDENCE - 1;
            }

            @Override
            public void beforeCommit(boolean readOnly) {
                reports.resumeTimers(d, days);
            }
        });
    }

    // ---- checks for gates and other acts ---------------------------------------------------------------------

    /**
     * The gate of an organ's step (Art. 55, 57): these outcomes close it only once the decision is recorded for it
     * with its legal ground and meeting.
     */
    public cn.juece.workflow.StageGate recordedGate(String taskKey, Set<String> outcomes, String article) {
        return new cn.juece.workflow.StageGate(taskKey, outcomes, article, "EXECUTION_DECISION_NOT_RECORDED",
                "已记录法定事由和研究决定的决策机关会议（名称或届次、日期）",
                ctx -> ctx.outcome() == null ? outcomes.stream().anyMatch(o -> recordedFor(ctx.taskId(), o))
                        : recordedFor(ctx.taskId(), ctx.outcome()),
                ctx -> "非因法定事由并经法定程序，不得变更或者停止执行依法作出的重大行政决策（" + article + "）：请先在决策执行页面"
                        + "记录法定事由和研究决定的决策机关会议（名称或届次、日期），再办理。");
    }

    /** The decision for this step with this outcome is recorded (legal ground and meeting). */
    public boolean recordedFor(String taskId, String outcome) {
        return taskId != null && jdbc.sql("SELECT COUNT(*) FROM juece.execution_decision WHERE task_id = ? AND kind = ?")
                .params(taskId, outcome).query(Integer.class).single() > 0;
    }

    /** Suspended: the latest decision is a suspension not yet followed by the organ's decision. */
    public boolean suspended(long decisionId) {
        return latest(decisionId).map(r -> r.kind() == Kind.SUSPEND).orElse(false);
    }

    void requireNotSuspended(Decision d) {
        if (suspended(d.id())) {
            throw new RuleViolation("EXECUTION_SUSPENDED", "该决策已由行政首长决定中止执行（第五十五条），各执行单位的报告暂停，"
                    + "待决策机关研究决定恢复执行后再报告。");
        }
    }

    private void requireWorking(Decision d, String what) {
        if (!plans.working(d)) {
            throw new RuleViolation("EXECUTION_NOT_RUNNING", "该决策事项不在执行中（第五十三条），不能" + what + "。");
        }
    }

    private Step deciding(Decision d, String taskId, Kind kind) {
        List<Step> open = plans.stepsOf(d).stream().filter(s -> s.isOpen() && DECIDING_TASKS.contains(s.taskKey())
                && (taskId == null || taskId.isBlank() || s.taskId().equals(taskId.strip()))).toList();
        if (open.isEmpty()) {
            throw new RuleViolation("EXECUTION_DECISION_NOT_DUE", "决策机关现在没有研究决定" + kind.label()
                    + "的待办环节：执行单位报告问题、决策机关提请研究、行政首长中止执行或者后评估报告提交后，方可研究决定（第五十五条、第五十七条）。");
        }
        return open.get(0);
    }

    private Ground requireGround(String groundCode, String ground) {
        Ground g = Ground.parse(groundCode);
        if (g == null) {
            throw RuleViolation.badRequest("EXECUTION_GROUND_REQUIRED", "非因法定事由，不得变更或者停止执行依法作出的重大行政决策（第五十五条）："
                    + "请选择法定事由（决策存在问题、客观情况发生重大变化、不可抗力或者后评估结论）。");
        }
        if (ground == null || ground.strip().length() < minReason) {
            throw RuleViolation.badRequest("EXECUTION_GROUND_REQUIRED", "请写明法定事由的具体情形以及为了公共利益的需要（不少于" + minReason
                    + "字，第五十五条）。");
        }
        if (ground.strip().length() > MAX_GROUND) {
            throw RuleViolation.badRequest("EXECUTION_GROUND_TOO_LONG", "法定事由说明不超过" + MAX_GROUND + "字。");
        }
        return g;
    }

    private static Kind parseKind(String code) {
        try {
            return Kind.valueOf(code == null ? "" : code.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest("EXECUTION_DECISION_INVALID", "决定须为停止执行（STOP）、修改决策（MODIFY）或者恢复执行（RESUME）。");
        }
    }

    private long insert(Decision d, Kind kind, Ground g, String ground, MeetingRecords.Meeting meeting, String taskId,
                        Actor actor, String decidedFor) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO juece.execution_decision (decision_id, kind, ground_kind, ground, meeting_id, meeting_name, meeting_on, task_id,
                                                      decided_by, decided_for, decided_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), kind.name(), g.name(), ground, meeting == null ? null : meeting.id(), meeting == null ? null : meeting.name(),
                        meeting == null ? null : meeting.date(), taskId, actor.id(), decidedFor, clock.now())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    // ---- reading ---------------------------------------------------------------------------------------------

    public List<Record> records(long decisionId) {
        return jdbc.sql("SELECT * FROM juece.execution_decision WHERE decision_id = ? ORDER BY id").param(decisionId)
                .query((rs, i) -> new Record(rs.getLong("id"), rs.getLong("decision_id"), Kind.valueOf(rs.getString("kind")),
                        Ground.valueOf(rs.getString("ground_kind")), rs.getString("ground"), rs.getObject("meeting_id", Long.class),
                        rs.getString("meeting_name"),
                        rs.getObject("meeting_on", LocalDate.class), rs.getString("task_id"), rs.getString("decided_by"),
                        rs.getString("decided_for"), ExecutionReports.time(rs, "decided_at")))
                .list();
    }

    public Optional<Record> byId(long id) {
        return jdbc.sql("SELECT decision_id FROM juece.execution_decision WHERE id = ?").param(id).query(Long.class).optional()
                .flatMap(decisionId -> records(decisionId).stream().filter(r -> r.id() == id).findFirst());
    }

    /** The latest decision that changes how execution stands (a suspension, resumption, stop or modification). */
    public Optional<Record> latest(long decisionId) {
        List<Record> all = records(decisionId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    public List<Measure> measures(long decisionId) {
        return jdbc.sql("SELECT * FROM juece.execution_measure WHERE decision_id = ? ORDER BY id").param(decisionId)
                .query((rs, i) -> new Measure(rs.getLong("id"), rs.getLong("decision_id"), rs.getObject("execution_decision_id", Long.class),
                        rs.getString("content"), rs.getString("recorded_by"), rs.getString("recorded_for"),
                        ExecutionReports.time(rs, "recorded_at")))
                .list();
    }
}
