package cn.juece.planner;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
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
        return plan(d, facts(d), baseline(d.id()), options);
    }

    private Plan plan(Decision d, PlanFacts facts, Optional<Baseline> baseline, PlanOptions options) {
        Plan p = new PlanCalculator(periods.forOrgan(d.organCode())).plan(d.number(), facts, options);
        return baseline.map(b -> p.withSlip(slip(periods.forOrgan(d.organCode()), p, b))).orElse(p);
    }

    /**
     * The recorded plans of several decisions (supervision's plan slips): each table the plan turns on is read once
     * for all of them (issue 17: one plan read about eleven rows' worth of queries; a hundred took ~80 ms on
     * PostgreSQL). A decision whose plan cannot be computed is left out (the caller logs nothing: the dossier shows why).
     */
    public Map<Long, Plan> plans(List<Decision> ds) {
        Map<Long, PlanFacts> facts = factsOf(ds);
        Map<Long, Baseline> baselines = baselines(ds.stream().map(Decision::id).toList());
        Map<Long, Plan> result = new LinkedHashMap<>();
        for (Decision d : ds) {
            result.put(d.id(), plan(d, facts.get(d.id()), Optional.ofNullable(baselines.get(d.id())), PlanOptions.RECORDED));
        }
        return result;
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
        return Optional.ofNullable(baselines(List.of(decisionId)).get(decisionId));
    }

    /** The launch-time plans of these decisions (those without one are absent), two queries for all of them. */
    Map<Long, Baseline> baselines(List<Long> ids) {
        Map<Long, Baseline> result = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT decision_id, meeting_on, provisional, recorded_at FROM juece.plan_baseline WHERE decision_id IN (:ids)")
                .param("ids", ids)
                .query((rs, i) -> result.put(rs.getLong(1), new Baseline(rs.getObject(2, LocalDate.class), rs.getBoolean(3),
                        rs.getObject(4, OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).toOffsetDateTime(), new LinkedHashMap<>())))
                .list();
        if (!result.isEmpty()) {
            jdbc.sql("SELECT decision_id, step, start_on, end_on FROM juece.plan_baseline_step WHERE decision_id IN (:ids)")
                    .param("ids", List.copyOf(result.keySet()))
                    .query((r, j) -> result.get(r.getLong(1)).steps().put(r.getString(2),
                            new LocalDate[] {r.getObject(3, LocalDate.class), r.getObject(4, LocalDate.class)}))
                    .list();
        }
        return result;
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
        return factsOf(List.of(d)).get(d.id());
    }

    /** What the dossiers of these decisions record that their plans turn on: each table read once for all of them. */
    Map<Long, PlanFacts> factsOf(List<Decision> ds) {
        Map<Long, PlanFacts> result = new LinkedHashMap<>();
        if (ds.isEmpty()) {
            return result;
        }
        LocalDate today = clock.today();
        List<Long> ids = ds.stream().map(Decision::id).distinct().toList();
        Map<Long, Map<String, Boolean>> arranged = new HashMap<>();
        jdbc.sql("SELECT decision_id, procedure_code, required FROM juece.procedure_arrangement WHERE decision_id IN (:ids)").param("ids", ids)
                .query((rs, i) -> arranged.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getBoolean(3))).list();
        Map<Long, Boolean> hearingRequired = new HashMap<>();
        jdbc.sql("SELECT decision_id, required FROM juece.hearing_requirement WHERE decision_id IN (:ids)").param("ids", ids)
                .query((rs, i) -> hearingRequired.put(rs.getLong(1), rs.getBoolean(2))).list();
        // the latest comment notice and the latest hearing not cancelled of each decision
        Map<Long, PlanFacts.Window> windows = new HashMap<>();
        jdbc.sql("""
                        SELECT decision_id, opens_on, closes_on, feedback_published_at FROM juece.public_consultation WHERE decision_id IN (:ids)
                        ORDER BY id DESC""").param("ids", ids)
                .query((rs, i) -> windows.putIfAbsent(rs.getLong(1), new PlanFacts.Window(rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), day(rs.getObject(4, OffsetDateTime.class))))).list();
        Map<Long, PlanFacts.HearingFact> hearings = new HashMap<>();
        jdbc.sql("""
                        SELECT decision_id, notice_published_on, held_on, status FROM juece.hearing
                        WHERE decision_id IN (:ids) AND status <> 'CANCELLED' ORDER BY id DESC""").param("ids", ids)
                .query((rs, i) -> hearings.putIfAbsent(rs.getLong(1), new PlanFacts.HearingFact(rs.getObject(2, LocalDate.class),
                        rs.getObject(3, LocalDate.class), "REPORTED".equals(rs.getString(4))))).list();
        Map<Long, List<PlanFacts.Event>> events = new HashMap<>();
        // Art. 21: participation ends only once each symposium announced is held (ParticipationGates)
        jdbc.sql("""
                        SELECT decision_id, title, held_on, status, created_at FROM juece.symposium
                        WHERE decision_id IN (:ids) AND status <> 'CANCELLED' ORDER BY id""").param("ids", ids)
                .query((rs, i) -> events.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PlanFacts.Event("SYMPOSIUM",
                        "座谈会：" + rs.getString(2), "第二十一条", min(day(rs.getObject(5, OffsetDateTime.class)), rs.getObject(3, LocalDate.class)),
                        rs.getObject(3, LocalDate.class), "HELD".equals(rs.getString(4))))).list();
        jdbc.sql("SELECT decision_id, title, opens_on, closes_on FROM juece.questionnaire WHERE decision_id IN (:ids) ORDER BY id").param("ids", ids)
                .query((rs, i) -> {
                    LocalDate closes = rs.getObject(4, LocalDate.class);
                    return events.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PlanFacts.Event("QUESTIONNAIRE",
                            "问卷调查：" + rs.getString(2), "第十七条", rs.getObject(3, LocalDate.class), closes.plusDays(1), closes.isBefore(today)));
                }).list();
        // the latest period of each step the plan reads (its pauses already in its earliest close; its provisional mark)
        Map<Long, Map<String, PlanFacts.Step>> steps = new HashMap<>();
        jdbc.sql("""
                        SELECT decision_id, period_code, started_on, earliest_close, end_on, closed_at, paused_days, provisional_years, state
                        FROM juece.step_period WHERE decision_id IN (:ids) AND period_code IN (:codes) ORDER BY id DESC""")
                .param("ids", ids).param("codes", List.of(PlanCalculator.EXPERT, PlanCalculator.LEGALITY))
                .query((rs, i) -> {
                    LocalDate earliest = rs.getObject(4, LocalDate.class);
                    String years = rs.getString(8);
                    boolean closed = "CLOSED".equals(rs.getString(9));
                    return steps.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).putIfAbsent(rs.getString(2), new PlanFacts.Step(
                            rs.getObject(3, LocalDate.class), earliest == null ? rs.getObject(5, LocalDate.class) : earliest,
                            closed ? day(rs.getObject(6, OffsetDateTime.class)) : null, rs.getInt(7), years != null && !years.isBlank()));
                }).list();
        for (Decision d : ds) {
            Map<String, PlanFacts.Span> stages = stages(d);
            Map<String, Boolean> arr = arranged.getOrDefault(d.id(), Map.of());
            // Art. 17: participation is required unless the matter may not be made public (recorded at drafting);
            // Art. 30, 36: expert review and risk assessment are assumed until the lead unit records they are not needed.
            boolean participation = arr.getOrDefault("PARTICIPATION", true);
            boolean expert = arr.getOrDefault("EXPERT", true);
            boolean risk = arr.getOrDefault("RISK", true);
            PlanFacts.Window window = windows.get(d.id());
            PlanFacts.HearingFact hearing = hearings.get(d.id());
            boolean comment = window != null || participation;
            boolean hearingPlanned = hearing != null || Boolean.TRUE.equals(hearingRequired.get(d.id()));
            Map<String, PlanFacts.Step> own = steps.getOrDefault(d.id(), Map.of());
            result.put(d.id(), new PlanFacts(today, stages.get("drafting"), participation, comment, hearingPlanned, expert, risk,
                    stages.get("participation"), stages.get("expert"), stages.get("risk"), window, hearing,
                    own.get(PlanCalculator.EXPERT), stages.get("legality"), own.get(PlanCalculator.LEGALITY), stages.get("meeting"),
                    List.copyOf(events.getOrDefault(d.id(), List.of()))));
        }
        return result;
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
