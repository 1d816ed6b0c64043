package cn.juece.expert;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.juece.access.ScopedResource;
import cn.juece.access.ScopedResources;
import cn.juece.support.RuleViolation;

/**
 * Expert review's resources addressed by id under /api and the decision's pages, each belonging to one decision
 * (DECISIONS.md 23): panel members, opinions and draws are seen only by who may see that decision.
 */
@Component
class ExpertResources implements ScopedResources {

    @Override
    public List<ScopedResource> resources() {
        return List.of(
                new ScopedResource("expert-members", """
                        SELECT r.decision_id FROM juece.expert_panel_member m JOIN juece.expert_review r ON r.id = m.review_id
                        WHERE m.id = ?""", ExpertReviewService::memberNotFound),
                new ScopedResource("expert-opinions", """
                        SELECT r.decision_id FROM juece.expert_opinion o JOIN juece.expert_panel_member m ON m.id = o.member_id
                        JOIN juece.expert_review r ON r.id = m.review_id WHERE o.id = ?""",
                        id -> RuleViolation.notFound("EXPERT_OPINION_NOT_FOUND", "论证意见不存在：" + id)),
                new ScopedResource("expert-draws", """
                        SELECT r.decision_id FROM juece.expert_draw d JOIN juece.expert_review r ON r.id = d.review_id
                        WHERE d.id = ?""", id -> ExpertReviewService.drawNotFound(Long.parseLong(id))));
    }
}
