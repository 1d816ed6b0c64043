package cn.juece.planner;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.juece.calendar.Periods;
import cn.juece.decision.Decision;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * The planner of issue 16 (最早合法决策日期): reads what the dossier records (procedure arrangements, the hearing question,
 * the comment notice, the hearing, the step periods with their pauses, the stages entered and left) and asks
 * {@link PlanCalculator} for the critical path to the meeting; keeps the plan made at launch and compares with it (slip).
 * What-if options change only the computation, never the dossier.
 */
@Service
public class PlannerService {

    private final Periods periods;
    private final JdbcClient jdbc;
    private final HistoryService history;
    private final AppClock clock;

    PlannerService(Periods periods, JdbcClient jdbc, HistoryService history, AppClock clock) {
        this.periods = periods;
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
    }

    /** The plan of a decision the caller may see (the caller checks, DecisionAccess), with its slip against launch. */
    public Plan plan(Decision d, PlanOptions options) {
        Plan p = new PlanCalculator(periods.forOrgan(d.organCode())).plan(d.number(), facts(d), options);
        return baseline(d.id()).map(b -> p.withSlip(slip(periods.forOrgan(d.organCode()), p, b))).orElse(p);
    }

    /** The plan as the dossier records it, for the page's default and for supervision. */
    public Plan plan(Decision d) {
        return plan(d, PlanOptions.RECORDED);
    }

    /** Refuses a what-if the planner cannot answer, e.g. a start date absurdly far away. */
    static void check(PlanOptions o) {
        if (o.start() != null && (o.start().getYear() < 2000 || o.start().getYear() > 2100)) {
            throw RuleViolation.badRequest("PLAN_START_INVALID", "假设的起算日期应在2000年至2100年之间。");
        }
    }

    // ---- the plan made at launch --------------------------------------------------------------------

    /**
     * Keeps the plan of the moment as the launch-time plan, once (a matter launched again keeps its first). Runs in the
     * launch's transaction (not its own, so that a failure here, which the recorder logs, cannot mark it rollback-only).
     */
    public void recordBaseline(Decision d) {
        if (baseline(d.id()).isPresent()) {
            return;
        }
        Plan p = new PlanCalculator(periods.forOrgan(d.organCode())).plan(d.number(), facts(d), PlanOptions.RECORDED);
        jdbc.sql("INSERT INTO juece.plan_baseline (decision_id, meeting_on, provisional, recorded_at) VALUES (?, ?, ?, ?)")
                .params(d.id(), p.meetingOn(), p.provisional(), clock.now()).update();
        for (PlanSegment s : p.segments()) {
            jdbc.sql("INSERT INTO juece.plan_baseline_step (decision_id, step, start_on, end_on, critical) VALUES (?, ?, ?, ?, ?)")
                    .params(d.id(), s.step(), s.start(), s.end(), s.critical()).update();
        }
    }

    /** The plan made at launch: the meeting date and each step's dates. */
    public record Baseline(LocalDate meetingOn, boolean provisional, OffsetDateTime recordedAt, Map<String, LocalDate[]> steps) {
    }

    public Optional<Baseline> baseline(long decisionId) {
        return jdbc.sql("SELECT meeting_on, provisional, recorded_at FROM juece.plan_baseline WHERE decision_id = ?").param(decisionId)
                .query((rs, i) -> {
                    Map<String, LocalDate[]> steps = new LinkedHashMap<>();
                    jdbc.sql("SELECT step, start_on, end_on FROM juece.plan_baseline_step WHERE decision_id = ?").param(decisionId)
                            .query((r, j) -> steps.put(r.getString(1), new LocalDate[] {r.getObject(2, LocalDate.class), r.getObject(3, LocalDate.class)}))
                            .list();
                    return new Baseline(rs.getObject(1, LocalDate.class), rs.getBoolean(2),
                            rs.getObject(3, OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).toOffsetDateTime(), steps);
                }).optional();
    }

    /**
     * How many working days the meeting date moved against the launch-time plan, and the step that holds it: the first
     * step on today's critical path that ends later than planned (or that the plan at launch did not have).
     */
    Plan.Slip slip(Periods periods, Plan p, Baseline b) {
        int days = signedWorkingDays(periods, b.meetingOn(), p.meetingOn());
        PlanSegment holder = null;
        int stepDays = 0;
        if (days > 0) {
            for (PlanSegment s : p.criticalPath()) {
                LocalDate[] planned = b.steps().get(s.step());
                if (planned == null) {
                    holder = s;
                    stepDays = days;
                    break;
                }
                if (s.end().isAfter(planned[1])) {
                    holder = s;
                    stepDays = signedWorkingDays(periods, planned[1], s.end());
                    break;
                }
            }
        }
        return new Plan.Slip(b.meetingOn(), b.recordedAt(), days, holder == null ? null : holder.step(),
                holder == null ? null : holder.name(), stepDays);
    }

    /** Working days from {@code a} to {@code b}: positive when b is later, negative when earlier. */
    private static int signedWorkingDays(Periods periods, LocalDate a, LocalDate b) {
        return b.isBefore(a) ? -periods.calendar().workingDaysBetween(b, a) : periods.calendar().workingDaysBetween(a, b);
    }

    // ---- what the dossier records -------------------------------------------------------------------

    PlanFacts facts(Decision d) {
        LocalDate today = clock.today();
        Map<String, PlanFacts.Span> stages = stages(d);
        Map<String, Boolean> arranged = new LinkedHashMap<>();
        jdbc.sql("SELECT procedure_code, required FROM juece.procedure_arrangement WHERE decision_id = ?").param(d.id())
                .query((rs, i) -> arranged.put(rs.getString(1), rs.getBoolean(2))).list();
        // Art. 17: participation is required unless the matter may not be made public (recorded at drafting);
        // Art. 30, 36: expert review and risk assessment are assumed until the lead unit records they are not needed.
        boolean participation = arranged.getOrDefault("PARTICIPATION", true);
        boolean expert = arranged.getOrDefault("EXPERT", true);
        boolean risk = arranged.getOrDefault("RISK", true);
        Boolean hearingRequired = jdbc.sql("SELECT required FROM juece.hearing_requirement WHERE decision_id = ?").param(d.id())
                .query(Boolean.class).optional().orElse(null);
        PlanFacts.Window window = jdbc.sql("""
                        SELECT opens_on, closes_on, feedback_published_at FROM juece.public_consultation WHERE decision_id = ?
                        ORDER BY id DESC""").param(d.id())
                .query((rs, i) -> new PlanFacts.Window(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        day(rs.getObject(3, OffsetDateTime.class)))).list().stream().findFirst().orElse(null);
        PlanFacts.HearingFact hearing = jdbc.sql("""
                        SELECT notice_published_on, held_on, status FROM juece.hearing WHERE decision_id = ? AND status <> 'CANCELLED'
                        ORDER BY id DESC""").param(d.id())
                .query((rs, i) -> new PlanFacts.HearingFact(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                        "REPORTED".equals(rs.getString(3)))).list().stream().findFirst().orElse(null);
        List<PlanFacts.Event> events = new ArrayList<>();
        // Art. 21: participation ends only once each symposium announced is held (ParticipationGates)
        jdbc.sql("SELECT title, held_on, status, created_at FROM juece.symposium WHERE decision_id = ? AND status <> 'CANCELLED' ORDER BY id")
                .param(d.id())
                .query((rs, i) -> events.add(new PlanFacts.Event("SYMPOSIUM", "座谈会：" + rs.getString(1), "第二十一条",
                        min(day(rs.getObject(4, OffsetDateTime.class)), rs.getObject(2, LocalDate.class)), rs.getObject(2, LocalDate.class),
                        "HELD".equals(rs.getString(3))))).list();
        jdbc.sql("SELECT title, opens_on, closes_on FROM juece.questionnaire WHERE decision_id = ? ORDER BY id").param(d.id())
                .query((rs, i) -> {
                    LocalDate closes = rs.getObject(3, LocalDate.class);
                    return events.add(new PlanFacts.Event("QUESTIONNAIRE", "问卷调查：" + rs.getString(1), "第十七条",
                            rs.getObject(2, LocalDate.class), closes.plusDays(1), closes.isBefore(today)));
                }).list();
        boolean comment = window != null || participation;
        boolean hearingPlanned = hearing != null || Boolean.TRUE.equals(hearingRequired);
        return new PlanFacts(today, stages.get("drafting"), participation, comment, hearingPlanned, expert, risk,
                stages.get("participation"), stages.get("expert"), stages.get("risk"), window, hearing,
                step(d.id(), PlanCalculator.EXPERT), stages.get("legality"), step(d.id(), PlanCalculator.LEGALITY), stages.get("meeting"),
                List.copyOf(events));
    }

    /** The latest period of the step (its pauses already in its earliest close; its provisional mark). */
    private PlanFacts.Step step(long decisionId, String periodCode) {
        return jdbc.sql("""
                        SELECT started_on, earliest_close, end_on, closed_at, paused_days, provisional_years, state
                        FROM juece.step_period WHERE decision_id = ? AND period_code = ? ORDER BY id DESC""")
                .params(decisionId, periodCode)
                .query((rs, i) -> {
                    LocalDate earliest = rs.getObject(2, LocalDate.class);
                    String years = rs.getString(6);
                    boolean closed = "CLOSED".equals(rs.getString(7));
                    return new PlanFacts.Step(rs.getObject(1, LocalDate.class), earliest == null ? rs.getObject(3, LocalDate.class) : earliest,
                            closed ? day(rs.getObject(4, OffsetDateTime.class)) : null, rs.getInt(5), years != null && !years.isBlank());
                }).list().stream().findFirst().orElse(null);
    }

    /**
     * Where the decision's process has been: each stage's call activity (the latest, a supplementary round included) with
     * the day it started and, once left, the day it ended (the engine's history, public API).
     */
    private Map<String, PlanFacts.Span> stages(Decision d) {
        Map<String, PlanFacts.Span> result = new LinkedHashMap<>();
        if (d.processInstanceId() == null) {
            return result;
        }
        List<HistoricActivityInstance> calls = new ArrayList<>(history.createHistoricActivityInstanceQuery()
                .processInstanceId(d.processInstanceId()).activityType("callActivity").list());
        calls.sort(Comparator.comparing(HistoricActivityInstance::getStartTime));
        for (HistoricActivityInstance a : calls) {
            String id = a.getActivityId();
            for (String stage : List.of("drafting", "participation", "expert", "risk", "legality", "meeting")) {
                if (id.equals("call-" + stage) || id.equals("call-" + stage + "-supplement")) {
                    result.put(stage, new PlanFacts.Span(day(a.getStartTime()), a.getEndTime() == null ? null : day(a.getEndTime())));
                }
            }
        }
        return result;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate day(Date d) {
        return d == null ? null : LocalDate.ofInstant(d.toInstant(), AppClock.ZONE);
    }

    private static LocalDate day(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(AppClock.ZONE).toLocalDate();
    }
}
