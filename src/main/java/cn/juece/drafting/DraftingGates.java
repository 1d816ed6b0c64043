package cn.juece.drafting;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.juece.dossier.MaterialType;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/** Stage 3, drafting (Art. 13-16). */
@Component
class DraftingGates implements StageGates {

    private final ArrangementService arrangements;
    private final DraftingService drafting;

    DraftingGates(ArrangementService arrangements, DraftingService drafting) {
        this.arrangements = arrangements;
        this.drafting = drafting;
    }

    @Override
    public List<StageGate> gates() {
        return List.of(
                Gates.material("drafting-draft", MaterialType.DRAFT),
                Gates.material("drafting-draft", MaterialType.DRAFTING_EXPLANATION),
                Gates.rule("drafting-draft", Set.of(), "第十三条", "DRAFTER_NOT_RECORDED",
                        "起草方式：自行起草，或委托专家、专业机构起草（写明受托方）",
                        ctx -> drafting.record(ctx.decision().id()).drafterMode() != null,
                        "请先在决策案卷的“草案拟定”中记录起草方式：自行起草，或委托有关专家、专业机构起草并写明受托方（第十三条）。"),
                Gates.rule("drafting-draft", Set.of(), "第十四条", "REVIEW_QUESTIONS_UNANSWERED",
                        "回答：是否涉及市场主体经济活动（公平竞争审查）；是否涉及货物贸易、服务贸易或与贸易有关的知识产权（贸易政策合规审查）",
                        ctx -> drafting.record(ctx.decision().id()).questionsAnswered(),
                        "请先在决策案卷的“草案拟定”中回答：决策草案是否涉及市场主体经济活动；是否有关或者影响货物贸易、服务贸易以及与贸易有关的知识产权。"
                                + "两项回答决定是否须进行公平竞争审查和贸易政策合规审查（第十四条）。"),
                Gates.rule("drafting-draft", Set.of("CONSULT"), "第十六条", "CONSULTED_UNITS_MISSING",
                        "征求意见的，确定所涉部门、下级人民政府",
                        ctx -> !drafting.consultation(ctx.decision().id()).isEmpty(),
                        "请先在决策案卷的“征求意见”中选择决策草案涉及其职责的部门、下级人民政府，再送其征求意见（第十六条）。"),
                Gates.rule("drafting-draft", Set.of("SUBMITTED"), "第十六条", "CONSULTATION_NOT_DONE",
                        "已确定的征求意见单位均已答复",
                        ctx -> drafting.consultation(ctx.decision().id()).stream().allMatch(a -> a.answer() != null),
                        "已确定征求意见单位，但尚未征求其意见（第十六条）。请选择“送有关单位征求意见”，或在“征求意见”中取消所选单位。"),
                Gates.reason("drafting-consult", "第十六条", "写明不同意的具体意见和理由", "DISAGREE"),
                Gates.rule("drafting-consult-summary", Set.of("AGREED"), "第十六条", "CONSULTATION_DISAGREEMENT_UNRESOLVED",
                        "有关单位的不同意见均已协商一致",
                        ctx -> drafting.unresolved(ctx.decision().id()).isEmpty(),
                        "仍有单位的不同意见未协商一致（第十六条）。请在决策案卷的“征求意见”中记录协商一致的结果，或选择“不能取得一致，报请决策机关协调”。"),
                Gates.rule("drafting-consult-summary", Set.of("DISPUTED"), "第十六条", "CONSULTATION_NO_DISAGREEMENT",
                        "存在未协商一致的不同意见",
                        ctx -> !drafting.unresolved(ctx.decision().id()).isEmpty(),
                        "没有未协商一致的不同意见，无需报请决策机关协调（第十六条）。"),
                Gates.rule("drafting-consult-summary", Set.of("DISPUTED"), "第十六条", "CONSULTATION_POSITION_MISSING",
                        "对每一项未协商一致的不同意见，承办单位写明其意见及理由",
                        ctx -> drafting.unresolved(ctx.decision().id()).stream().allMatch(a -> a.leadPosition() != null),
                        "报请决策机关协调前，请承办单位在决策案卷的“征求意见”中对每一项不同意见写明本单位的意见及理由（第十六条）。"),
                Gates.reason("drafting-disagreement", "第十六条", "写明决策机关的协调意见或决定"),
                Gates.reason("drafting-coordination", "第十六条", "写明协调结果"),
                Gates.material("drafting-initial-review", MaterialType.INITIAL_REVIEW_OPINION, "PASSED"),
                Gates.rule("drafting-initial-review", Set.of("PASSED"), "第十四条", "LEGAL_ADVISER_OPINION_MISSING",
                        "听取法律顾问的意见并记录",
                        ctx -> drafting.record(ctx.decision().id()).legalAdviserOpinion() != null,
                        "合法性初审应当听取法律顾问的意见（第十四条）。请先在决策案卷的“草案拟定”中记录法律顾问的意见，再出具合法性初审意见书。"),
                Gates.rule("drafting-initial-review", Set.of("PASSED"), "第十四条", "PUBLIC_LAWYER_OPINION_MISSING",
                        "听取公职律师的意见并记录",
                        ctx -> drafting.record(ctx.decision().id()).publicLawyerOpinion() != null,
                        "合法性初审应当听取公职律师的意见（第十四条）。请先在决策案卷的“草案拟定”中记录公职律师的意见，再出具合法性初审意见书。"),
                Gates.reason("drafting-initial-review", "第十四条", "写明需要修改的问题", "RETURNED"),
                Gates.conditional("drafting-arrangements", Set.of(), "第十四条", "FAIR_COMPETITION_REVIEW_MISSING",
                        "涉及市场主体经济活动的，《公平竞争审查材料》",
                        ctx -> drafting.record(ctx.decision().id()).touchesMarket(),
                        ctx -> !Boolean.TRUE.equals(drafting.record(ctx.decision().id()).touchesMarket()) || ctx.has(MaterialType.FAIR_COMPETITION_REVIEW),
                        "决策草案涉及市场主体经济活动，应当进行公平竞争审查（第十四条）。请先上传《公平竞争审查材料》，再结束草案拟定。"),
                Gates.conditional("drafting-arrangements", Set.of(), "第十四条", "TRADE_POLICY_REVIEW_MISSING",
                        "涉及货物贸易、服务贸易或与贸易有关的知识产权的，《贸易政策合规审查材料》",
                        ctx -> drafting.record(ctx.decision().id()).touchesTrade(),
                        ctx -> !Boolean.TRUE.equals(drafting.record(ctx.decision().id()).touchesTrade()) || ctx.has(MaterialType.TRADE_POLICY_REVIEW),
                        "决策草案有关或者影响货物贸易、服务贸易以及与贸易有关的知识产权，应当进行贸易政策合规审查（第十四条）。请先上传《贸易政策合规审查材料》，再结束草案拟定。"),
                Gates.rule("drafting-arrangements", Set.of(), "第十七条、第三十条、第三十六条", "ARRANGEMENTS_INCOMPLETE",
                        "确定是否开展公众参与、专家论证、风险评估（不开展的写明理由）",
                        ctx -> arrangements.arrangements(ctx.decision().id()).keySet().containsAll(Set.of(Procedure.values())),
                        "请先在决策案卷的“程序安排”中逐项确定是否开展公众参与（第十七条）、专家论证（第三十条）和风险评估（第三十六条），不开展的写明理由。"));
    }
}
