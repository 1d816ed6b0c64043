package cn.juece.participation;

import java.util.List;

import org.springframework.stereotype.Component;

import cn.juece.access.ScopedResource;
import cn.juece.access.ScopedResources;
import cn.juece.support.RuleViolation;

/**
 * Public participation's resources, each belonging to one decision (DECISIONS.md 23): seen only by who may see
 * that decision; the not-found answers are the services' own.
 */
@Component
class ParticipationResources implements ScopedResources {

    @Override
    public List<ScopedResource> resources() {
        return List.of(
                new ScopedResource("consultations", "SELECT decision_id FROM juece.public_consultation WHERE id = ?",
                        id -> RuleViolation.notFound("CONSULTATION_NOT_FOUND", "征求意见不存在：" + id)),
                new ScopedResource("opinions", """
                        SELECT c.decision_id FROM juece.opinion o JOIN juece.public_consultation c ON c.id = o.consultation_id
                        WHERE o.id = ?""", id -> RuleViolation.notFound("OPINION_NOT_FOUND", "意见不存在：" + id)),
                new ScopedResource("clusters", """
                        SELECT c.decision_id FROM juece.opinion_cluster k JOIN juece.public_consultation c ON c.id = k.consultation_id
                        WHERE k.id = ?""", id -> RuleViolation.notFound("CLUSTER_NOT_FOUND", "意见归类不存在：" + id)),
                new ScopedResource("symposiums", "SELECT decision_id FROM juece.symposium WHERE id = ?",
                        id -> RuleViolation.notFound("SYMPOSIUM_NOT_FOUND", "座谈会不存在：" + id)),
                new ScopedResource("hearings", "SELECT decision_id FROM juece.hearing WHERE id = ?",
                        id -> RuleViolation.notFound("HEARING_NOT_FOUND", "听证会不存在：" + id)),
                new ScopedResource("questionnaires", "SELECT decision_id FROM juece.questionnaire WHERE id = ?",
                        id -> RuleViolation.notFound("QUESTIONNAIRE_NOT_FOUND", "问卷不存在：" + id)),
                new ScopedResource("enterprise-opinions", "SELECT decision_id FROM juece.enterprise_opinion WHERE id = ?",
                        id -> RuleViolation.notFound("ENTERPRISE_OPINION_NOT_FOUND", "企业意见不存在：" + id)));
    }
}
