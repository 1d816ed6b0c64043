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

    DraftingGates(ArrangementService arrangements) {
        this.arrangements = arrangements;
    }

    @Override
    public List<StageGate> gates() {
        return List.of(
                Gates.material("drafting-draft", MaterialType.DRAFT),
                Gates.material("drafting-draft", MaterialType.DRAFTING_EXPLANATION),
                Gates.material("drafting-initial-review", MaterialType.INITIAL_REVIEW_OPINION, "PASSED"),
                Gates.reason("drafting-initial-review", "第十四条", "写明需要修改的问题", "RETURNED"),
                Gates.rule("drafting-arrangements", Set.of(), "第十七条、第三十条、第三十六条", "ARRANGEMENTS_INCOMPLETE",
                        "确定是否开展公众参与、专家论证、风险评估（不开展的写明理由）",
                        ctx -> arrangements.arrangements(ctx.decision().id()).keySet().containsAll(Set.of(Procedure.values())),
                        "请先在决策案卷的“程序安排”中逐项确定是否开展公众参与（第十七条）、专家论证（第三十条）和风险评估（第三十六条），不开展的写明理由。"));
    }
}
