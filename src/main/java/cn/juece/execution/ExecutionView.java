package cn.juece.execution;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.juece.decision.Decision;
import cn.juece.identity.Directory;
import cn.juece.support.AppClock;
import cn.juece.workflow.Step;

/**
 * The execution of one decision as staff read it (the execution page, {@code GET /api/decisions/{number}/execution})
 * and as the public reads it (the portal's decision page): the units and their tasks, the report periods, what the
 * units reported, the organ's decisions with their grounds, the measures, the supervision and the public's opinions.
 */
@Service
public class ExecutionView {

    private final ExecutionPlan plans;
    private final ExecutionReports reports;
    private final ExecutionDecisions executionDecisions;
    private final ExecutionIncidents incidents;
    private final ExecutionInspections inspections;
    private final ExecutionFeedback feedback;
    private final Directory directory;
    private final AppClock clock;

    ExecutionView(ExecutionPlan plans, ExecutionReports reports, ExecutionDecisions executionDecisions,
                  ExecutionIncidents incidents, ExecutionInspections inspections, ExecutionFeedback feedback,
                  Directory directory, AppClock clock) {
        this.plans = plans;
        this.reports = reports;
        this.executionDecisions = executionDecisions;
        this.incidents = incidents;
        this.inspections = inspections;
        this.feedback = feedback;
        this.directory = directory;
        this.clock = clock;
    }

    /** A unit of the decision with its task and where its reports stand. */
    public record UnitRow(String unitCode, String unitName, String task, LocalDate deadline, long reported, long late,
                          boolean done) {
    }

    /** A report period for people: the unit's name and the state in Chinese. */
    public record PeriodRow(ExecutionReports.Period period, String unitName, String state, String stateLabel,
                            String reportedByName) {
    }

    /** An organ's decision for people. */
    public record DecisionRow(ExecutionDecisions.Record record, String kindLabel, String groundLabel, String decidedByName,
                              String decidedForName) {
    }

    public List<UnitRow> units(Decision d) {
        LocalDate today = clock.today();
        List<ExecutionReports.Period> all = reports.periods(d.id());
        return plans.units(d.id()).stream().map(u -> {
            var mine = all.stream().filter(p -> p.unitCode().equals(u.unitCode())).toList();
            return new UnitRow(u.unitCode(), directory.unitName(u.unitCode()), u.task(), u.deadline(),
                    mine.stream().filter(ExecutionReports.Period::reported).count(), mine.stream().filter(p -> p.late(today)).count(),
                    mine.stream().anyMatch(p -> Boolean.TRUE.equals(p.finalReport()) && p.reported()));
        }).toList();
    }

    public List<PeriodRow> periods(Decision d) {
        LocalDate today = clock.today();
        return reports.periods(d.id()).stream().map(p -> new PeriodRow(p, directory.unitName(p.unitCode()), p.state(today),
                p.stateLabel(today), p.reportedBy() == null ? null : directory.displayName(p.reportedBy()))).toList();
    }

    public List<DecisionRow> decisions(Decision d) {
        return executionDecisions.records(d.id()).stream().map(r -> new DecisionRow(r, r.kind().label(), r.groundKind().label(),
                directory.displayName(r.decidedBy()), r.decidedFor() == null ? null : directory.groupName(r.decidedFor()))).toList();
    }

    /** The whole execution record, for /api. */
    public Map<String, Object> json(Decision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decisionNumber", d.number());
        m.put("working", plans.working(d));
        m.put("suspended", executionDecisions.suspended(d.id()));
        m.put("plan", plans.plan(d.id()).orElse(null));
        m.put("units", units(d));
        List<Map<String, Object>> periods = new ArrayList<>();
        for (PeriodRow r : periods(d)) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", r.period().id());
            p.put("unit", r.period().unitCode());
            p.put("unitName", r.unitName());
            p.put("run", r.period().runNo());           // the run of execution: a modification re-decided starts run 2
            p.put("period", r.period().periodNo());
            p.put("scheduledOn", r.period().scheduledOn());
            p.put("dueOn", r.period().dueOn());
            p.put("pausedDays", r.period().pausedDays());
            p.put("taskId", r.period().taskId());
            p.put("state", r.state());
            p.put("stateLabel", r.stateLabel());
            p.put("remindedAt", r.period().remindedAt());
            p.put("escalatedAt", r.period().escalatedAt());
            p.put("content", r.period().content());
            p.put("finalReport", r.period().finalReport());
            p.put("reportVersionId", r.period().reportVersionId());
            p.put("reportedBy", r.period().reportedBy());
            p.put("reportedAt", r.period().reportedAt());
            p.put("publicSummary", r.period().publicSummary());
            p.put("publishedAt", r.period().publishedAt());
            periods.add(p);
        }
        m.put("reports", periods);
        m.put("incidents", incidents.incidents(d.id()));
        m.put("decisions", executionDecisions.records(d.id()));
        m.put("measures", executionDecisions.measures(d.id()));
        m.put("inspections", inspections.inspections(d.id()));
        m.put("feedback", feedback.items(d.id()));
        m.put("openSteps", plans.stepsOf(d).stream().filter(Step::isOpen).map(s -> Map.of("taskId", s.taskId(), "taskKey", s.taskKey(),
                "taskName", s.taskName(), "unit", s.subjectUnit() == null ? "" : s.subjectUnit())).toList());
        return m;
    }
}
