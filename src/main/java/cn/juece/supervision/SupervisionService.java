package cn.juece.supervision;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import cn.juece.calendar.PeriodKind;
import cn.juece.calendar.StatutoryPeriod;
import cn.juece.deadline.PeriodDeviation;
import cn.juece.deadline.StepPeriod;
import cn.juece.deadline.StepPeriods;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.Stage;
import cn.juece.drafting.Arrangement;
import cn.juece.drafting.ArrangementService;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/** Builds the supervision view for the justice bureau and administrators (Art. 60–63). */
@Service
public class SupervisionService {

    private final DecisionService decisions;
    private final StepPeriods stepPeriods;
    private final ArrangementService arrangements;
    private final Directory directory;
    private final AppClock clock;

    SupervisionService(DecisionService decisions, StepPeriods stepPeriods, ArrangementService arrangements,
                       Directory directory, AppClock clock) {
        this.decisions = decisions;
        this.stepPeriods = stepPeriods;
        this.arrangements = arrangements;
        this.directory = directory;
        this.clock = clock;
    }

    /** The justice bureau of any organ, or an administrator. */
    public Actor requireSupervisor() {
        Actor actor = directory.currentActor();
        boolean justice = directory.organs().stream().anyMatch(o -> actor.groups().contains(Groups.unit(o.justiceUnit())));
        if (!justice && !actor.groups().contains(Groups.ADMIN)) {
            throw RuleViolation.forbidden("SUPERVISION_ONLY",
                    "决策监督视图供司法行政部门和系统管理员使用（第六十条至第六十三条）；您（" + actor.name() + "）无权查看。");
        }
        return actor;
    }

    public SupervisionReport report(String unit, Integer year) {
        requireSupervisor();
        LocalDate today = clock.today();
        String u = unit == null || unit.isBlank() ? null : unit.strip();
        List<Decision> ds = decisions.list().stream()
                .filter(d -> u == null || u.equals(d.leadUnit()))
                .filter(d -> year == null || d.createdAt().atZoneSameInstant(AppClock.ZONE).getYear() == year)
                .toList();
        Map<Long, Decision> byId = ds.stream().collect(Collectors.toMap(Decision::id, Function.identity()));

        Map<String, Long> stages = new LinkedHashMap<>();
        Arrays.stream(Stage.values()).forEach(s -> stages.put(s.label(), 0L));
        ds.forEach(d -> stages.merge(d.stage() == null ? "—" : d.stage().label(), 1L, Long::sum));
        Map<String, Long> units = ds.stream().collect(Collectors.groupingBy(d -> directory.unitName(d.leadUnit()),
                LinkedHashMap::new, Collectors.counting()));

        List<SupervisionReport.Row> overdue = new ArrayList<>();
        List<SupervisionReport.Row> soon = new ArrayList<>();
        List<SupervisionReport.Row> late = new ArrayList<>();
        List<SupervisionReport.Row> escalated = new ArrayList<>();
        for (StepPeriod s : stepPeriods.all()) {
            Decision d = byId.get(s.decisionId());
            if (d == null) {
                continue;
            }
            StatutoryPeriod p = stepPeriods.period(s.periodCode());
            String what = p.nameZh() + "（" + p.article() + "）";
            if (p.kind() == PeriodKind.DEADLINE) {
                if (s.isOpen() && s.endOn().isBefore(today)) {
                    overdue.add(row(d, s.taskName(), what, s.endOn(), "已逾期" + (today.toEpochDay() - s.endOn().toEpochDay()) + "日，仍未办结"));
                } else if (s.isOpen() && !s.endOn().isAfter(stepPeriods.soonDueLimit(today))) {
                    soon.add(row(d, s.taskName(), what, s.endOn(), "即将届满"));
                }
                if (!s.isOpen() && s.closedAt() != null && s.closedAt().atZoneSameInstant(AppClock.ZONE).toLocalDate().isAfter(s.endOn())) {
                    late.add(row(d, s.taskName(), what, s.endOn(), "逾期办结：" + s.closedAt().atZoneSameInstant(AppClock.ZONE).toLocalDate()));
                }
            }
            if (s.escalatedAt() != null) {
                escalated.add(row(d, s.taskName(), what, s.endOn(), "已报单位负责人和司法行政部门督办"));
            }
        }
        for (cn.juece.deadline.PeriodPause x : stepPeriods.latePauses()) {
            Decision d = byId.get(x.decisionId());
            if (d != null) {
                late.add(row(d, "", x.kindLabel() + "（" + PauseKindArticle.of(x) + "）", x.endOn(), x.lateNote()));
            }
        }
        List<SupervisionReport.Row> shortened = new ArrayList<>();
        for (PeriodDeviation x : stepPeriods.allDeviations()) {
            Decision d = byId.get(x.decisionId());
            if (d != null) {
                StatutoryPeriod p = stepPeriods.period(x.periodCode());
                shortened.add(row(d, "", p.nameZh() + "（" + p.article() + "）", x.approvedAt().atZoneSameInstant(AppClock.ZONE).toLocalDate(),
                        "批准人：" + x.approverName() + "；理由：" + x.reason()));
            }
        }
        List<SupervisionReport.Row> skipped = new ArrayList<>();
        for (Decision d : ds) {
            for (Arrangement a : arrangements.arrangements(d.id()).values()) {
                if (!a.required()) {
                    skipped.add(row(d, "", a.procedure().label() + "未开展", a.recordedAt().atZoneSameInstant(AppClock.ZONE).toLocalDate(),
                            "理由：" + a.reason()));
                }
            }
        }
        overdue.sort(Comparator.comparing(SupervisionReport.Row::date));
        soon.sort(Comparator.comparing(SupervisionReport.Row::date));
        return new SupervisionReport(u, year, today, ds.size(), bars(stages), bars(units), overdue, soon, late, shortened,
                escalated, skipped);
    }

    private static final class PauseKindArticle {
        static String of(cn.juece.deadline.PeriodPause p) {
            return cn.juece.deadline.PauseKind.valueOf(p.pauseKind()).article();
        }
    }

    private SupervisionReport.Row row(Decision d, String step, String what, LocalDate date, String detail) {
        return new SupervisionReport.Row(d.number(), d.title(), directory.unitName(d.leadUnit()), step, what, date, detail);
    }

    private static List<SupervisionReport.Bar> bars(Map<String, Long> counts) {
        long max = Math.max(1, counts.values().stream().mapToLong(Long::longValue).max().orElse(1));
        return counts.entrySet().stream()
                .map(e -> new SupervisionReport.Bar(e.getKey(), e.getValue(), (int) Math.round(100.0 * e.getValue() / max)))
                .toList();
    }

    /** CSV (UTF-8 with BOM, for spreadsheet programs) of every finding. */
    public String csv(SupervisionReport r) {
        StringBuilder b = new StringBuilder("\uFEFF类别,决策编号,决策事项,承办单位,环节,期限或程序,日期,说明\n");
        append(b, "已逾期", r.overdue());
        append(b, "即将届满", r.soonDue());
        append(b, "逾期办结", r.late());
        append(b, "缩短期限", r.shortened());
        append(b, "督办", r.escalated());
        append(b, "未开展的程序", r.skipped());
        return b.toString();
    }

    private static void append(StringBuilder b, String kind, List<SupervisionReport.Row> rows) {
        for (SupervisionReport.Row x : rows) {
            b.append(String.join(",", List.of(kind, q(x.decisionNumber()), q(x.decisionTitle()), q(x.unit()), q(x.step()),
                    q(x.what()), x.date() == null ? "" : x.date().toString(), q(x.detail())))).append('\n');
        }
    }

    private static String q(String s) {
        String v = s == null ? "" : s;
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
