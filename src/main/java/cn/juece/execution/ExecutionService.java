package cn.juece.execution;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.juece.decision.Decision;
import cn.juece.decision.Stage;
import cn.juece.dossier.DossierFact;
import cn.juece.dossier.FactSource;
import cn.juece.dossier.MaterialService;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepFact;
import cn.juece.workflow.StepFactTable;

/**
 * Stage 10 (Art. 53-55, 58) as facts of the dossier (DECISIONS.md 25): the organ's division of the work, each unit's
 * periodic and final reports (with the report period and the unit's report version), the problems units reported,
 * the head's suspension and the organ's decisions to continue, stop, modify or resume with their legal ground and
 * meeting, the measures to limit losses, and the supervision's records.
 */
@Service
public class ExecutionService implements FactSource {

    static final String REPORT_TASK = ExecutionReports.REPORT_TASK;
    static final String ASSIGN_TASK = ExecutionPlan.ASSIGN_TASK;
    static final String ADJUST_TASK = ExecutionDecisions.ADJUST_TASK;
    static final String SUSPENDED_TASK = ExecutionDecisions.SUSPENDED_TASK;

    private final MaterialService materials;
    private final ExecutionPlan plans;
    private final ExecutionReports periods;
    private final ExecutionDecisions executionDecisions;
    private final ExecutionIncidents incidents;
    private final ExecutionInspections inspections;
    private final Directory directory;
    private final StepFactTable<Report> reports;
    private final StepFactTable<Adjustment> adjustments;

    ExecutionService(JdbcClient jdbc, MaterialService materials, ExecutionPlan plans, ExecutionReports periods,
                     ExecutionDecisions executionDecisions, ExecutionIncidents incidents, ExecutionInspections inspections,
                     Directory directory) {
        this.materials = materials;
        this.plans = plans;
        this.periods = periods;
        this.executionDecisions = executionDecisions;
        this.incidents = incidents;
        this.inspections = inspections;
        this.directory = directory;
        this.reports = new StepFactTable<>(jdbc, "execution_report", (rs, id, decisionId, step) ->
                new Report(id, decisionId, step, rs.getObject("report_version_id", Long.class), rs.getObject("period_id", Long.class)),
                "report_version_id", "period_id");
        this.adjustments = new StepFactTable<>(jdbc, "execution_adjustment",
                (rs, id, decisionId, step) -> new Adjustment(id, decisionId, step));
    }

    /**
     * Art. 53: a unit's report step closed: REPORTED (a periodic report) or COMPLETED (its task done, with its
     * 决策执行情况报告 version), with the report period it answers.
     */
    public record Report(long id, long decisionId, StepFact step, Long reportVersionId, Long periodId) {
    }

    /**
     * Art. 55, 57: on execution-adjust CONTINUE / STOP / MODIFY, on execution-suspended RESUME / STOP / MODIFY; the
     * legal ground and meeting of a stop, modification or resumption are the execution decision recorded for the step.
     */
    public record Adjustment(long id, long decisionId, StepFact step) {

        public String legalGround() {
            return step.reason();
        }
    }

    void record(StepCompletion step) {
        switch (step.taskKey()) {
            case ASSIGN_TASK -> plans.started(step.decision().id(), step.round());
            case REPORT_TASK -> {
                var period = periods.byTask(step.taskId()).orElse(null);
                reports.insert(step, period == null ? null : period.reportVersionId(), period == null ? null : period.id());
            }
            default -> {
                adjustments.insert(step);
                if (SUSPENDED_TASK.equals(step.taskKey()) && "RESUME".equals(step.outcome())) {
                    executionDecisions.resumed(step.decision());
                }
            }
        }
    }

    public List<Report> reports(long decisionId) {
        return reports.of(decisionId);
    }

    public List<Adjustment> adjustments(long decisionId) {
        return adjustments.of(decisionId);
    }

    @Override
    public List<DossierFact> facts(Decision d) {
        List<DossierFact> facts = new ArrayList<>();
        int stage = Stage.EXECUTION.number();
        for (ExecutionPlan.UnitTask u : plans.units(d.id())) {
            facts.add(new DossierFact("EXECUTION_UNIT", "决策执行单位及任务", "第五十三条", stage, null, null, null, null, null, null,
                    directory.unitName(u.unitCode()) + "：" + u.task() + "（完成期限" + u.deadline() + "）",
                    DossierFact.map("unit", u.unitCode(), "task", u.task(), "deadline", u.deadline().toString()), u.namedBy(), null,
                    Groups.decisionOrgan(d.organCode()), null, u.namedAt()));
        }
        for (Report r : reports(d.id())) {
            var period = r.periodId() == null ? null : periods.byId(r.periodId()).orElse(null);
            String detail = period == null ? materials.cite(d.id(), r.reportVersionId())
                    : directory.unitName(period.unitCode()) + "第" + period.periodNo() + "期（报告期限" + period.dueOn() + "，"
                            + (period.reported() ? period.stateLabel(period.reportedAt().toLocalDate()) : "未报告") + "）："
                            + period.content()
                            + (r.reportVersionId() == null ? "" : "；" + materials.cite(d.id(), r.reportVersionId()));
            facts.add(DossierFact.of("EXECUTION_REPORT", "执行情况报告", "第五十三条、第五十四条", stage, r.step(), detail,
                    "reportVersionId", r.reportVersionId(), "periodId", r.periodId()));
        }
        for (Adjustment a : adjustments(d.id())) {
            var recorded = executionDecisions.records(d.id()).stream().filter(x -> a.step().taskId().equals(x.taskId())).findFirst();
            facts.add(DossierFact.of("EXECUTION_ADJUSTMENT", ADJUST_TASK.equals(a.step().taskKey()) ? "决定继续执行、停止执行或者修改决策"
                    : "中止执行期间决定恢复、停止或者修改", "第五十五条", stage, a.step(),
                    recorded.map(x -> "法定事由：" + x.groundKind().label() + "；" + x.ground() + "；" + x.meeting()).orElse(null),
                    "executionDecisionId", recorded.map(ExecutionDecisions.Record::id).orElse(null)));
        }
        for (ExecutionDecisions.Record r : executionDecisions.records(d.id())) {
            if (r.kind() == ExecutionDecisions.Kind.SUSPEND) {
                facts.add(new DossierFact("EXECUTION_SUSPENSION", "行政首长先决定中止执行", "第五十五条", stage, null, null, null,
                        r.kind().name(), r.kind().label(), r.ground(), "事由：" + r.groundKind().label(),
                        DossierFact.map("groundKind", r.groundKind().name()), r.decidedBy(), null, r.decidedFor(), null, r.decidedAt()));
            }
        }
        for (ExecutionDecisions.Measure m : executionDecisions.measures(d.id())) {
            facts.add(new DossierFact("EXECUTION_MEASURE", "避免或者减轻损失的措施", "第五十五条", stage, null, null, null, null, null,
                    null, m.content(), DossierFact.map("executionDecisionId", m.executionDecisionId()), m.recordedBy(), null,
                    m.recordedFor(), null, m.recordedAt()));
        }
        for (ExecutionIncidents.Incident i : incidents.incidents(d.id())) {
            facts.add(new DossierFact("EXECUTION_INCIDENT", "执行中报告的问题", "第五十四条", stage, null, null, null, i.kind().name(),
                    i.kind().label(), null, i.description(), DossierFact.map("unit", i.unitCode()), i.reportedBy(), null,
                    Groups.unit(i.unitCode()), null, i.reportedAt()));
        }
        for (ExecutionInspections.Inspection i : inspections.inspections(d.id())) {
            facts.add(new DossierFact("EXECUTION_INSPECTION", "决策执行督查", "第五十八条", stage, null, null, null, i.kind().name(),
                    i.kind().label(), null, "《" + i.title() + "》（" + i.heldOn() + "）：" + i.findings(), DossierFact.map("heldOn",
                    i.heldOn().toString()), i.recordedBy(), null, i.recordedFor(), null, i.recordedAt()));
        }
        return facts;
    }
}
