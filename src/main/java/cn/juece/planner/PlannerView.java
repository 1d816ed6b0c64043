package cn.juece.planner;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.juece.access.DecisionAccess;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.Stage;
import cn.juece.support.RuleViolation;

/**
 * The planner for pages and /api: what-if parameters parsed with Chinese refusals, the dossier's summary and the
 * supervision section (read by the templates as {@code @plannerView}, so that the shared dossier and supervision
 * controllers need no change).
 */
@Component("plannerView")
public class PlannerView {

    private static final Logger log = LoggerFactory.getLogger(PlannerView.class);

    private final PlannerService planner;
    private final DecisionAccess access;
    private final DecisionService decisions;
    private final JdbcClient jdbc;

    PlannerView(PlannerService planner, DecisionAccess access, DecisionService decisions, JdbcClient jdbc) {
        this.planner = planner;
        this.access = access;
        this.decisions = decisions;
        this.jdbc = jdbc;
    }

    /** A plan with its chart. */
    public record Shown(Plan plan, PlanChart chart) {
    }

    /** The what-if options from query parameters: "true"/"false" (or 是/否), blank for "as recorded"; start as 2024-09-20. */
    public static PlanOptions options(String start, String comment, String hearing, String expert, String risk, String supplement) {
        LocalDate s = null;
        if (start != null && !start.isBlank()) {
            try {
                s = LocalDate.parse(start.strip());
            } catch (DateTimeParseException e) {
                throw RuleViolation.badRequest("PLAN_START_INVALID", "假设的起算日期“" + start.strip() + "”无效，请按2024-09-20的格式填写。");
            }
        }
        PlanOptions o = new PlanOptions(s, flag("comment", comment), flag("hearing", hearing), flag("expert", expert),
                flag("risk", risk), flag("supplement", supplement));
        PlannerService.check(o);
        return o;
    }

    private static Boolean flag(String name, String v) {
        if (v == null || v.isBlank()) {
            return null;
        }
        return switch (v.strip().toLowerCase()) {
            case "true", "1", "yes", "是" -> Boolean.TRUE;
            case "false", "0", "no", "否" -> Boolean.FALSE;
            default -> throw RuleViolation.badRequest("PLAN_OPTION_INVALID", "参数" + name + "只能是true（开展）或false（不开展），留空为按案卷记录。");
        };
    }

    public Shown show(Decision d, PlanOptions o) {
        Plan p = planner.plan(d, o);
        return new Shown(p, PlanChart.of(p));
    }

    /**
     * For the dossier: the plan as recorded while the matter is on its way to the meeting (launched or not), null
     * afterwards or when it cannot be computed (the dossier never fails for the planner's sake).
     */
    public Shown dossier(Decision d) {
        if (d.ended() || d.stage().number() > Stage.MEETING.number()) {
            return null;
        }
        try {
            return show(d, PlanOptions.RECORDED);
        } catch (RuntimeException e) {
            log.warn("No plan for {}: {}", d.number(), e.toString());
            return null;
        }
    }

    /** A matter that slipped against its launch-time plan, for supervision. */
    public record SlipRow(String number, String title, String leadUnit, String stage, LocalDate baselineOn, LocalDate meetingOn,
                          boolean provisional, int workingDays, String stepName, int stepDays) {
    }

    /**
     * The matters the person may see that slipped against their launch-time plan (issue 16): open, before the meeting,
     * most slipped first. Each plan is computed on the spot (a handful of indexed queries), so the section covers the
     * newest {@value #SLIP_LIMIT} such matters.
     */
    static final int SLIP_LIMIT = 100;

    public List<SlipRow> slips() {
        return slips(null);
    }

    /**
     * As {@link #slips()}, of one of the person's organs ({@code ?organ=} on the supervision page) or of all of them.
     * The candidates are read newest first by the baseline's key, only of those organs and only as many as the section
     * can show, each checked for visibility, until {@value #SLIP_LIMIT} visible ones are found (issue 17: before, every
     * baseline of every organ was read, and the visibility check came after the limit).
     */
    public List<SlipRow> slips(String organ) {
        List<String> organs = access.organs();
        if (organ != null && !organ.isBlank() && organs.contains(organ.strip().toUpperCase(java.util.Locale.ROOT))) {
            organs = List.of(organ.strip().toUpperCase(java.util.Locale.ROOT));
        }
        List<Decision> list = new java.util.ArrayList<>();
        long before = Long.MAX_VALUE;
        while (list.size() < SLIP_LIMIT && !organs.isEmpty()) {
            List<Long> ids = jdbc.sql("""
                    SELECT b.decision_id FROM juece.plan_baseline b JOIN juece.decision d ON d.id = b.decision_id
                    WHERE b.decision_id < :before AND d.organ_code IN (:organs) AND d.status = 'IN_PROGRESS'
                      AND d.stage IN ('LAUNCH', 'DRAFTING', 'PARTICIPATION', 'EXPERT', 'RISK', 'LEGALITY')
                    ORDER BY b.decision_id DESC FETCH FIRST :n ROWS ONLY""")
                    .param("before", before).param("organs", organs).param("n", SLIP_LIMIT * 2).query(Long.class).list();
            if (ids.isEmpty()) {
                break;
            }
            before = ids.get(ids.size() - 1);
            for (Decision d : access.visibleOf(decisions.getAll(ids))) {
                if (list.size() < SLIP_LIMIT) {
                    list.add(d);
                }
            }
            if (ids.size() < SLIP_LIMIT * 2) {
                break;
            }
        }
        Map<Long, Plan> plans;
        try {
            plans = planner.plans(list);
        } catch (RuntimeException e) {
            // one dossier the planner cannot read must not hide the others' slips: then each on its own, as before
            log.warn("Plans of {} decisions not read together: {}", list.size(), e.toString());
            plans = null;
        }
        Map<Long, Plan> read = plans;
        return list.stream().map(d -> {
            try {
                Plan p = read != null ? read.get(d.id()) : planner.plan(d);
                Plan.Slip s = p.slip();
                return s == null || !s.slipped() ? null
                        : new SlipRow(d.number(), d.title(), d.leadUnit(), d.stage().label(), s.baselineOn(), p.meetingOn(), p.provisional(),
                        s.workingDays(), s.stepName(), s.stepDays());
            } catch (RuntimeException e) {
                log.warn("No plan for {}: {}", d.number(), e.toString());
                return null;
            }
        }).filter(java.util.Objects::nonNull).sorted(java.util.Comparator.comparingInt(SlipRow::workingDays).reversed()).toList();
    }
}
