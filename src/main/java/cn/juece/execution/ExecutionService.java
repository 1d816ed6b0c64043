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
import cn.juece.dossier.MaterialType;
import cn.juece.dossier.MaterialVersion;
import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepFact;
import cn.juece.workflow.StepFactTable;

/**
 * Stage 10 (Art. 53-55) as facts of the dossier (DECISIONS.md 25): each execution report (completed, with the
 * report's version, or a problem with what it is), and each decision of the organ to continue, suspend, stop,
 * modify or, while suspended, resume, with the legal ground given.
 */
@Service
public class ExecutionService implements FactSource {

    static final String REPORT_TASK = "execution-report";
    static final String ADJUST_TASK = "execution-adjust";
    static final String SUSPENDED_TASK = "execution-suspended";

    private final MaterialService materials;
    private final StepFactTable<Report> reports;
    private final StepFactTable<Adjustment> adjustments;

    ExecutionService(JdbcClient jdbc, MaterialService materials) {
        this.materials = materials;
        this.reports = new StepFactTable<>(jdbc, "execution_report", (rs, id, decisionId, step) ->
                new Report(id, decisionId, step, rs.getObject("report_version_id", Long.class)), "report_version_id");
        this.adjustments = new StepFactTable<>(jdbc, "execution_adjustment",
                (rs, id, decisionId, step) -> new Adjustment(id, decisionId, step));
    }

    /** Art. 53, 54: COMPLETED (with the 决策执行情况报告 version) or PROBLEM (the reason states it). */
    public record Report(long id, long decisionId, StepFact step, Long reportVersionId) {
    }

    /**
     * Art. 55: on execution-adjust CONTINUE / SUSPEND / STOP / MODIFY, on execution-suspended RESUME / STOP; the
     * reason is the legal ground given.
     */
    public record Adjustment(long id, long decisionId, StepFact step) {

        public String legalGround() {
            return step.reason();
        }
    }

    void record(StepCompletion step) {
        if (REPORT_TASK.equals(step.taskKey())) {
            Long report = "COMPLETED".equals(step.outcome())
                    ? materials.latest(step.decision().id(), MaterialType.EXECUTION_REPORT).map(MaterialVersion::id).orElse(null)
                    : null;
            reports.insert(step, report);
        } else {
            adjustments.insert(step);
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
        for (Report r : reports(d.id())) {
            facts.add(DossierFact.of("EXECUTION_REPORT", "执行情况报告", "第五十三条、第五十四条", Stage.EXECUTION.number(), r.step(),
                    materials.cite(d.id(), r.reportVersionId()), "reportVersionId", r.reportVersionId()));
        }
        for (Adjustment a : adjustments(d.id())) {
            facts.add(DossierFact.of("EXECUTION_ADJUSTMENT", ADJUST_TASK.equals(a.step().taskKey()) ? "决定继续、中止、停止或修改决策"
                    : "中止执行期间决定恢复或停止", "第五十五条", Stage.EXECUTION.number(), a.step(), null));
        }
        return facts;
    }
}
