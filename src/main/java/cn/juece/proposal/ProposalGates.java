package cn.juece.proposal;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.juece.dossier.MaterialType;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/** Stage 1, proposal and study (Art. 3, 11). */
@Component
class ProposalGates implements StageGates {

    @Override
    public List<StageGate> gates() {
        return List.of(
                Gates.rule("proposal-study", Set.of("IN_SCOPE"), "第三条", "DECISION_CATEGORY_MISSING",
                        "认定属于第三条所列哪一类决策事项", ctx -> ctx.decision().category() != null,
                        "请先在决策案卷中认定该事项属于第三条所列哪一类（一至七），再报请决策机关决定是否启动（第三条）。"),
                Gates.material("proposal-study", MaterialType.STUDY_REPORT, "IN_SCOPE"),
                Gates.reason("proposal-study", "第三条", "说明不属于第三条所列事项的理由（例如属于财政政策等宏观调控决策、行政规范性文件、突发事件应急处置或政府内部事务管理）", "OUT_OF_SCOPE"),
                Gates.reason("proposal-scope-confirm", "第三条", "说明确认或不予确认的理由"));
    }
}
