package cn.juece.expert;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.Function;

import org.springframework.stereotype.Component;

import cn.juece.dossier.MaterialType;
import cn.juece.workflow.GateContext;
import cn.juece.workflow.Gates;
import cn.juece.workflow.StageGate;
import cn.juece.workflow.StageGates;

/**
 * Stage 5, expert review (Art. 30-35): 组织专家论证 closes only when the arrangement is made, the panel of the experts
 * who accepted holds Art. 31 (or its approved smaller size), nobody invited is left without an answer, the materials
 * reached every expert, every expert gave an opinion, each opinion's adoption is decided, the feedback was sent, and
 * the 专家论证意见及采纳情况 of this round is on file. The research period's minimum (Art. 34, counted from the
 * delivery) is the period gate of {@code deadline.PeriodGates}. The same gates refuse on /api, our pages, Tasklist
 * and the engine REST, and make the dossier's checklist.
 */
@Component
class ExpertGates implements StageGates {

    private final ExpertReviewService reviews;
    /** The review each check reads, loaded once per check (a check is one GateContext: the gates of one completion or checklist). */
    private final Map<GateContext, Optional<ExpertReview>> loaded = Collections.synchronizedMap(new WeakHashMap<>());

    ExpertGates(ExpertReviewService reviews) {
        this.reviews = reviews;
    }

    @Override
    public List<StageGate> gates() {
        String task = ExpertReviewService.TASK;
        return List.of(
                gate(task, "第三十条、第三十一条", "EXPERT_ARRANGEMENT_MISSING", "确定论证方式和涉及的专业领域",
                        ctx -> reviews.arrangementMissing(review(ctx))),
                gate(task, "第三十一条", "EXPERT_PANEL_COMPOSITION",
                        "专家组组成：一般不少于5人（复杂敏感事项7人），行业专家为主并有法律专家，覆盖各专业领域，无直接利害关系",
                        ctx -> reviews.compositionProblems(ctx.decision(), review(ctx))),
                gate(task, "第三十一条", "EXPERT_INVITATIONS_UNANSWERED", "受邀专家均已答复", ctx -> reviews.unanswered(review(ctx))),
                gate(task, "第三十四条", "EXPERT_MATERIALS_NOT_DELIVERED", "已向每位论证专家提供论证所需的资料",
                        ctx -> reviews.notDelivered(review(ctx))),
                gate(task, "第三十三条、第三十四条", "EXPERT_OPINION_MISSING", "每位接受邀请的专家均已独立提交论证意见",
                        ctx -> reviews.opinionsMissing(review(ctx))),
                gate(task, "第三十五条", "EXPERT_ADOPTION_UNDECIDED", "每条论证意见均已研究确定采纳情况",
                        ctx -> reviews.adoptionUndecided(review(ctx))),
                gate(task, "第三十五条", "EXPERT_FEEDBACK_NOT_SENT", "已向专家反馈论证意见采纳情况",
                        ctx -> reviews.feedbackMissing(review(ctx))),
                Gates.material(task, MaterialType.EXPERT_OPINION));
    }

    private ExpertReview review(GateContext ctx) {
        return loaded.computeIfAbsent(ctx, c -> reviews.current(c.decision().id())).orElse(null);
    }

    /** A gate whose refusal is what the check says is missing (met when it says nothing). */
    private static StageGate gate(String task, String article, String code, String requirement,
                                  Function<GateContext, Optional<String>> missing) {
        return new StageGate(task, Set.of(), article, code, requirement, ctx -> missing.apply(ctx).isEmpty(),
                ctx -> missing.apply(ctx).orElse(requirement));
    }
}
