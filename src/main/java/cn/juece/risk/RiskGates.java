package cn.juece.risk;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.juece.decision.Decision;
import cn.juece.dossier.MaterialType;
import cn.juece.workflow.GateContext;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/**
 * Stage 6, risk assessment (Art. 36-40), on every path (our pages, /api, Tasklist, the engine REST): the assessment
 * closes only with who assesses named, the plan, the investigation that visited the most affected units and the
 * groups with special difficulties, every kind of risk analysed, a level consistent with the analysis (and chosen
 * as the outcome), the measures and contingency plan, and the report of this round; the organ's finding with its
 * reason; an uncontrollable risk adjusts the draft (a new draft and the adjustment recorded). And Art. 40 beyond the
 * stage: no legality review and no meeting while the latest finding is that the risk is uncontrollable.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // Art. 40 is a bar, not a missing item: its refusal is named before any list of gaps
class RiskGates implements StageGates {

    private static final String ASSESS = RiskRecords.ASSESS_TASK;

    private final RiskRecords records;
    private final RiskService risk;

    RiskGates(RiskRecords records, RiskService risk) {
        this.records = records;
        this.risk = risk;
    }

    @Override
    public List<StageGate> gates() {
        return List.of(
                check(ASSESS, "第三十六条", "RISK_ASSESSOR_NOT_RECORDED",
                        "确定风险评估单位（承办单位或者负责风险评估工作的其他单位）及评估方式（自行评估或委托第三方机构）",
                        ctx -> records.assessorMissing(ctx.decision())),
                check(ASSESS, "第三十八条第一项", "RISK_PLAN_MISSING", "本轮评估工作方案（评估目的、对象与内容、标准、方法与步骤、时间安排）",
                        ctx -> records.planMissing(ctx.decision(), round(ctx))),
                check(ASSESS, "第三十八条第二项", "RISK_INVESTIGATION_INCOMPLETE",
                        "调查研究：对受决策事项影响较大的单位、有特殊困难的群体重点走访，当面听取意见",
                        ctx -> records.investigationMissing(ctx.decision(), round(ctx))),
                check(ASSESS, "第三十七条、第三十八条第三项", "RISK_ANALYSIS_INCOMPLETE",
                        "逐项分析论证社会稳定、公共安全、生态环境、财政金融、舆情及其他风险（不涉及的写明理由）",
                        ctx -> records.analysisMissing(ctx.decision(), round(ctx))),
                check(ASSESS, "第三十八条第四项", "RISK_LEVEL_NOT_RECORDED", "确定风险等级（高风险、中风险、低风险）及风险是否可控",
                        ctx -> records.levelMissing(ctx.decision(), round(ctx))),
                check(ASSESS, "第三十八条第四项", "RISK_LEVEL_INCONSISTENT", "风险等级与分析论证一致，办理结果即记录的风险等级",
                        ctx -> records.levelInconsistent(ctx.decision(), round(ctx), ctx.outcome())),
                check(ASSESS, "第三十九条第五项", "RISK_MEASURES_MISSING", "风险防范化解措施和应急处置预案",
                        ctx -> records.measuresMissing(ctx.decision(), round(ctx))),
                Gates.material(ASSESS, MaterialType.RISK_REPORT),
                Gates.reason(RiskRecords.FINDING_TASK, "第四十条", "说明风险是否可控的研究结论", "UNCONTROLLABLE"),
                new StageGate(RiskRecords.ADJUST_TASK, Set.of(), "第四十条", "MATERIAL_MISSING_DRAFT", "调整后的《决策草案》（新版本）",
                        ctx -> records.adjustedDraft(ctx.decision()).isPresent(), ctx -> RiskRecords.adjustedDraftMessage(),
                        ctx -> records.adjustedDraft(ctx.decision())),
                Gates.rule(RiskRecords.ADJUST_TASK, Set.of(), "第四十条", "RISK_ADJUSTMENT_NOT_RECORDED",
                        "记录调整情况：增加的风险防范措施或修改的草案内容",
                        ctx -> records.adjustmentRecorded(ctx.decision()),
                        "请在风险评估页面记录对决策草案的调整：增加了哪些风险防范措施，或修改了哪些内容（第四十条）。"),
                Gates.reason(RiskRecords.ADJUST_TASK, "第四十条", "说明对决策草案作了哪些调整"),
                // Art. 40 beyond the stage: a matter found uncontrollable goes neither to legality review nor to the meeting.
                check("legality-submit", "第四十条", "RISK_UNCONTROLLABLE", "决策机关最近一次研究未认为风险不可控",
                        ctx -> risk.uncontrollable(ctx.decision(), "报送合法性审查")),
                check("meeting-submit", "第四十条", "RISK_UNCONTROLLABLE", "决策机关最近一次研究未认为风险不可控",
                        ctx -> risk.uncontrollable(ctx.decision(), "提请集体讨论")));
    }

    /** A gate met when the check finds nothing missing; refused with the check's own message. */
    private static StageGate check(String taskKey, String article, String code, String requirement,
                                   Function<GateContext, Optional<String>> problem) {
        return new StageGate(taskKey, Set.of(), article, code, requirement, ctx -> problem.apply(ctx).isEmpty(),
                ctx -> problem.apply(ctx).orElse(""));
    }

    private int round(GateContext ctx) {
        Decision d = ctx.decision();
        return records.round(d);
    }
}
