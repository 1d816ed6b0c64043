package cn.juece.legality;

import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import cn.juece.dossier.MaterialType;
import cn.juece.workflow.GateContext;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/**
 * Stage 7, legality review (Art. 41-47). The submission carries the Art. 42 materials, and the initial
 * legality review must concern the draft version actually submitted (DECISIONS.md 4).
 */
@Component
class LegalityGates implements StageGates {

    @Override
    public List<StageGate> gates() {
        return List.of(
                Gates.material("legality-submit", MaterialType.LEGALITY_REQUEST),
                Gates.onFile("legality-submit", MaterialType.DRAFT),
                Gates.onFile("legality-submit", MaterialType.DRAFTING_EXPLANATION),
                Gates.onFile("legality-submit", MaterialType.LEGAL_BASIS),
                Gates.onFile("legality-submit", MaterialType.INITIAL_REVIEW_OPINION),
                Gates.rule("legality-submit", Set.of(), "第十四条、第四十二条", "INITIAL_REVIEW_STALE",
                        "合法性初审意见书针对报送的决策草案版本", LegalityGates::initialReviewCoversDraft,
                        "决策草案在合法性初审之后又有修改。请法制工作机构对最新版本的决策草案重新出具合法性初审意见书后再报送（第十四条、第四十二条）。"),
                Gates.material("legality-review", MaterialType.LEGALITY_OPINION, "PASSED", "PROVISIONS_ILLEGAL", "ILLEGAL"),
                Gates.reason("legality-review", "第四十五条", "写明缺少的程序及退回补充的要求",
                        "MISSING_PARTICIPATION", "MISSING_EXPERT", "MISSING_RISK"),
                Gates.material("legality-revise", MaterialType.REVISION_EXPLANATION),
                Gates.reason("legality-disposition", "第四十五条", "说明终止决策或责令重新拟定草案的理由"));
    }

    static boolean initialReviewCoversDraft(GateContext ctx) {
        var draft = ctx.latest(MaterialType.DRAFT);
        var review = ctx.latest(MaterialType.INITIAL_REVIEW_OPINION);
        if (draft.isEmpty() || review.isEmpty()) {
            return true; // the missing-material gates speak for these
        }
        return review.get().id() > draft.get().id();
    }
}
