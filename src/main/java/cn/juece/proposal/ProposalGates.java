package cn.juece.proposal;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/** Stage 1, proposal and study (Art. 3, 11). */
@Component
class ProposalGates implements StageGates {

    private final ProposalService proposals;

    ProposalGates(ProposalService proposals) {
        this.proposals = proposals;
    }

    @Override
    public List<StageGate> gates() {
        return List.of(
                Gates.rule("proposal-study", Set.of("IN_SCOPE"), "第三条", "DECISION_CATEGORY_MISSING",
                        "认定属于第三条所列哪一类决策事项", ctx -> ctx.decision().category() != null,
                        "请先在决策案卷中认定该事项属于第三条所列哪一类（一至七），再报请决策机关决定是否启动（第三条）。"),
                new StageGate("proposal-study", Set.of("IN_SCOPE"), "第十一条", "STUDY_INCOMPLETE",
                        "研究论证报告：需要解决的主要问题、理由和依据、初步方案、必要性、可行性",
                        ctx -> proposals.study(ctx.decision().id()).complete(),
                        ctx -> "研究论证情况不完整，尚缺：" + String.join("、", proposals.study(ctx.decision().id()).missingParts())
                                + "（第十一条）。请先在决策案卷的“研究论证”中填写，再报请决策机关决定是否启动。"),
                Gates.reason("proposal-study", "第三条", "说明不属于第三条所列事项的理由（例如属于财政政策等宏观调控决策、行政规范性文件、突发事件应急处置或政府内部事务管理）", "OUT_OF_SCOPE"),
                Gates.reason("proposal-scope-confirm", "第三条", "说明确认或不予确认的理由"));
    }
}
