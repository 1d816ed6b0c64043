package cn.juece.evaluation;

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
 * Stage 11 (Art. 56-57) as facts of the dossier (DECISIONS.md 25): the decision organ's decision whether to
 * evaluate, and its resolution on the evaluation report (continue, modify or stop) with the report's version.
 */
@Service
public class EvaluationService implements FactSource {

    static final String DECIDE_TASK = "evaluation-decide";
    static final String RESOLVE_TASK = "evaluation-resolve";

    private final MaterialService materials;
    private final EvaluationPlans plans;
    private final EvaluationReports reports;
    private final cn.juece.identity.Directory directory;
    private final StepFactTable<EvaluationDecision> evaluationDecisions;
    private final StepFactTable<Resolution> resolutions;

    EvaluationService(JdbcClient jdbc, MaterialService materials, EvaluationPlans plans, EvaluationReports reports,
                      cn.juece.identity.Directory directory) {
        this.materials = materials;
        this.plans = plans;
        this.reports = reports;
        this.directory = directory;
        this.evaluationDecisions = new StepFactTable<>(jdbc, "evaluation_decision",
                (rs, id, decisionId, step) -> new EvaluationDecision(id, decisionId, step));
        this.resolutions = new StepFactTable<>(jdbc, "evaluation_resolution", (rs, id, decisionId, step) ->
                new Resolution(id, decisionId, step, rs.getObject("report_version_id", Long.class)), "report_version_id");
    }

    /** Art. 56: EVALUATE (with the evaluator named in {@link EvaluationPlans}) or SKIP, with the reason. */
    public record EvaluationDecision(long id, long decisionId, StepFact step) {
    }

    /** Art. 57: CONTINUE, MODIFY or STOP, with the 决策后评估报告 version studied. */
    public record Resolution(long id, long decisionId, StepFact step, Long reportVersionId) {
    }

    void record(StepCompletion step) {
        if (DECIDE_TASK.equals(step.taskKey())) {
            evaluationDecisions.insert(step);
        } else {
            resolutions.insert(step,
                    materials.latest(step.decision().id(), MaterialType.EVALUATION_REPORT).map(MaterialVersion::id).orElse(null));
        }
    }

    public List<EvaluationDecision> evaluationDecisions(long decisionId) {
        return evaluationDecisions.of(decisionId);
    }

    public List<Resolution> resolutions(long decisionId) {
        return resolutions.of(decisionId);
    }

    @Override
    public List<DossierFact> facts(Decision d) {
        List<DossierFact> facts = new ArrayList<>();
        for (EvaluationDecision e : evaluationDecisions(d.id())) {
            var plan = plans.forStep(d.id(), e.step().taskId()).filter(p -> "EVALUATE".equals(e.step().outcome()));
            facts.add(DossierFact.of("EVALUATION_DECISION", "决定是否开展后评估", "第五十六条", Stage.EVALUATION.number(), e.step(),
                    plan.map(p -> "承担评估具体工作的单位：" + directory.unitName(p.evaluatorUnit())
                            + (p.thirdParty() == null ? "" : "；受委托第三方：" + p.thirdParty())).orElse(null),
                    "evaluatorUnit", plan.map(EvaluationPlans.Plan::evaluatorUnit).orElse(null),
                    "thirdParty", plan.map(EvaluationPlans.Plan::thirdParty).orElse(null)));
        }
        for (EvaluationReports.Report r : reports.reports(d.id())) {
            StringBuilder detail = new StringBuilder();
            r.parts().forEach((part, text) -> detail.append(part.label()).append("：").append(text).append("；"));
            detail.append("建议：").append(r.recommendation() == null ? "（未填）" : r.recommendation().label())
                    .append(r.recommendationReason() == null ? "" : "（" + r.recommendationReason() + "）");
            facts.add(new DossierFact("EVALUATION_REPORT", "决策后评估报告内容", "第五十六条、第五十七条", Stage.EVALUATION.number(),
                    EvaluationPlans.CONDUCT_TASK, r.taskId(), null, r.recommendation() == null ? null : r.recommendation().name(),
                    r.recommendation() == null ? null : r.recommendation().label(), null, detail.toString(),
                    DossierFact.map("recommendation", r.recommendation() == null ? null : r.recommendation().name()),
                    r.recordedBy(), null, r.recordedFor(), null, r.recordedAt()));
        }
        for (Resolution r : resolutions(d.id())) {
            facts.add(DossierFact.of("EVALUATION_RESOLUTION", "研究评估报告的决定", "第五十七条", Stage.EVALUATION.number(), r.step(),
                    materials.cite(d.id(), r.reportVersionId()), "reportVersionId", r.reportVersionId()));
        }
        return facts;
    }
}
