package cn.juece.evaluation;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.juece.dossier.MaterialType;
import cn.juece.execution.ExecutionDecisions;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/**
 * Stage 11, post-evaluation (Art. 56-57): to evaluate, the organ names the evaluator (a third party that did the main
 * review or assessment work refused, checked again when the step closes); the report closes with every part recorded
 * and the report itself uploaded; a stop or modification after it is the organ's decision at its meeting.
 */
@Component
class EvaluationGates implements StageGates {

    private final EvaluationPlans plans;
    private final EvaluationReports reports;
    private final ExecutionDecisions executionDecisions;

    EvaluationGates(EvaluationPlans plans, EvaluationReports reports, ExecutionDecisions executionDecisions) {
        this.plans = plans;
        this.reports = reports;
        this.executionDecisions = executionDecisions;
    }

    @Override
    public List<StageGate> gates() {
        return List.of(
                Gates.reason(EvaluationService.DECIDE_TASK, "第五十六条", "说明是否开展后评估的理由"),
                Gates.rule(EvaluationService.DECIDE_TASK, Set.of("EVALUATE"), "第五十六条", "EVALUATOR_NOT_NAMED",
                        "已确定承担评估具体工作的单位（及受委托的第三方）",
                        ctx -> plans.forStep(ctx.decision().id(), ctx.taskId()).isPresent(),
                        "开展决策后评估的，决策机关应当确定承担评估具体工作的单位（第五十六条）：请先在决策执行页面的“决策后评估”中确定。"),
                new StageGate(EvaluationService.DECIDE_TASK, Set.of("EVALUATE"), "第五十六条", "EVALUATOR_CONFLICT",
                        "受委托的第三方未承担本事项主要论证和评估工作",
                        ctx -> plans.forStep(ctx.decision().id(), ctx.taskId()).map(p -> p.thirdParty() == null
                                || plans.conflicts(ctx.decision(), p.thirdParty()).isEmpty()).orElse(true),
                        ctx -> "委托进行决策后评估的第三方不得是决策制定过程中承担主要论证和评估工作的单位（第五十六条）："
                                + plans.forStep(ctx.decision().id(), ctx.taskId()).map(p -> "“" + p.thirdParty() + "”"
                                        + String.join("、", plans.conflicts(ctx.decision(), p.thirdParty()).stream()
                                        .map(w -> w.role() + "（" + w.article() + "）").distinct().toList())).orElse("")
                                + "。请另行确定评估单位。"),
                new StageGate(EvaluationPlans.CONDUCT_TASK, Set.of(), "第五十六条、第五十七条", "EVALUATION_REPORT_INCOMPLETE",
                        "评估报告各项内容已记录（第五十六条第一项至第五项、第五十七条第一项至第四项）",
                        ctx -> reports.forStep(ctx.taskId()).map(r -> r.missing().isEmpty()).orElse(false),
                        ctx -> "评估报告内容不全（第五十六条、第五十七条），尚缺："
                                + reports.forStep(ctx.taskId()).map(r -> String.join("；", r.missing()))
                                        .orElse("全部内容（评估的五个方面、评估过程和方式、执行情况、主要问题和原因、建议）")
                                + "。请在决策执行页面的“决策后评估”中填写。"),
                Gates.material(EvaluationPlans.CONDUCT_TASK, MaterialType.EVALUATION_REPORT),
                Gates.reason(EvaluationService.RESOLVE_TASK, "第五十七条", "写明研究评估报告的会议及决定理由"),
                executionDecisions.recordedGate(EvaluationService.RESOLVE_TASK, Set.of("STOP", "MODIFY"), "第五十五条、第五十七条"));
    }
}
