package cn.juece.participation;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.identity.Actor;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * Art. 19: a matter closely related to enterprises' production and business that may significantly affect
 * their interests must hear representative enterprises and industry associations and chambers of commerce,
 * especially private, labour-intensive, small and medium ones. A separate question from the fair
 * competition and trade policy reviews (DECISIONS.md 9).
 */
@Service
public class EnterpriseConsultationService {

    public enum Kind {
        ENTERPRISE("企业"), ASSOCIATION("行业协会"), CHAMBER("商会");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record EnterpriseOpinion(long id, long decisionId, String organisation, Kind kind, boolean privateOwned,
                                    boolean smallMedium, boolean labourIntensive, String opinion, Adoption adoption,
                                    String adoptionReason, String recordedBy, OffsetDateTime recordedAt) {
    }

    private final JdbcClient jdbc;
    private final DecisionService decisions;
    private final AuditTrail audit;
    private final AppClock clock;

    private final LeadUnitCheck leadUnit;

    EnterpriseConsultationService(JdbcClient jdbc, DecisionService decisions, AuditTrail audit, AppClock clock, LeadUnitCheck leadUnit) {
        this.leadUnit = leadUnit;
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records whether the matter is enterprise-related in the sense of Art. 19. */
    @Transactional
    public void answer(String number, boolean related, String note) {
        Decision d = decisions.get(number);
        Actor actor = leadUnit.require(d, "听取企业和行业协会商会意见", "第十九条");
        if (!related && (note == null || note.isBlank())) {
            throw RuleViolation.badRequest("ENTERPRISE_NOTE_REQUIRED", "认定与企业生产经营活动关系不密切的，请说明理由（第十九条）。");
        }
        jdbc.sql("DELETE FROM juece.enterprise_question WHERE decision_id = ?").param(d.id()).update();
        jdbc.sql("INSERT INTO juece.enterprise_question (decision_id, related, note, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?)")
                .params(d.id(), related, note == null ? null : note.strip(), actor.id(), clock.now()).update();
        audit.record(actor, d.id(), d.number(), AuditAction.ENTERPRISE_CONSULTED, related
                ? "认定决策事项与企业生产经营活动密切相关，应当听取企业和行业协会商会意见（第十九条）"
                : "认定决策事项与企业生产经营活动关系不密切，理由：" + note.strip() + "（第十九条）");
    }

    /** Records an enterprise's or association's opinion as heard. */
    @Transactional
    public EnterpriseOpinion hear(String number, String organisation, Kind kind, boolean privateOwned, boolean smallMedium,
                                  boolean labourIntensive, String opinion) {
        Decision d = decisions.get(number);
        Actor actor = leadUnit.require(d, "听取企业和行业协会商会意见", "第十九条");
        if (organisation == null || organisation.isBlank() || kind == null || opinion == null || opinion.isBlank()) {
            throw RuleViolation.badRequest("ENTERPRISE_OPINION_INCOMPLETE", "请填写企业或行业协会商会名称、类别和意见内容。");
        }
        if (organisation.length() > 200 || opinion.length() > 4000) {
            throw RuleViolation.badRequest("ENTERPRISE_OPINION_TOO_LONG", "名称不超过200字，意见不超过4000字；更长的请作为材料上传。");
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO juece.enterprise_opinion (decision_id, organisation, kind, private_owned, small_medium, labour_intensive, opinion,
                    recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), organisation.strip(), kind.name(), privateOwned, smallMedium, labourIntensive, opinion.strip(),
                        actor.id(), clock.now())
                .update(keys, "id");
        audit.record(actor, d.id(), d.number(), AuditAction.ENTERPRISE_CONSULTED, "听取" + kind.label() + "“" + organisation.strip() + "”的意见"
                + (privateOwned ? "（民营）" : "") + (smallMedium ? "（中小企业）" : "") + (labourIntensive ? "（劳动密集型）" : "") + "（第十九条）");
        return get(keys.getKey().longValue());
    }

    /** Answers whether and how the opinion was adopted. */
    @Transactional
    public EnterpriseOpinion answerOpinion(long id, Adoption adoption, String reason) {
        EnterpriseOpinion o = get(id);
        Decision d = decisions.get(o.decisionId());
        leadUnit.require(d, "听取企业和行业协会商会意见", "第十九条");
        if (adoption == null) {
            throw RuleViolation.badRequest("ADOPTION_REQUIRED", "请选择采纳、部分采纳或不采纳。");
        }
        if (adoption != Adoption.ADOPTED && (reason == null || reason.isBlank())) {
            throw RuleViolation.badRequest("ADOPTION_REASON_REQUIRED", "部分采纳或不采纳的，应当说明理由（第二十九条）。");
        }
        jdbc.sql("UPDATE juece.enterprise_opinion SET adoption = ?, adoption_reason = ? WHERE id = ?")
                .params(adoption.name(), reason == null ? null : reason.strip(), id).update();
        audit.record(d.id(), d.number(), AuditAction.ENTERPRISE_CONSULTED, "“" + o.organisation() + "”的意见：" + adoption.label()
                + (reason == null || reason.isBlank() ? "" : "，理由：" + reason.strip()));
        return get(id);
    }

    /**
     * The recorded answer; otherwise, seeded by the annual catalogue's enterprise-related flag of the item the
     * decision was registered from (DECISIONS.md 9); null when neither says.
     */
    public Boolean related(long decisionId) {
        return EnterpriseGates.answer(jdbc, decisionId);
    }

    public List<EnterpriseOpinion> opinions(long decisionId) {
        return jdbc.sql("SELECT id FROM juece.enterprise_opinion WHERE decision_id = ? ORDER BY id").param(decisionId)
                .query(Long.class).list().stream().map(this::get).toList();
    }

    public EnterpriseOpinion get(long id) {
        return jdbc.sql("""
                SELECT id, decision_id, organisation, kind, private_owned, small_medium, labour_intensive, opinion, adoption, adoption_reason,
                       recorded_by, recorded_at FROM juece.enterprise_opinion WHERE id = ?""").param(id)
                .query((rs, i) -> new EnterpriseOpinion(rs.getLong(1), rs.getLong(2), rs.getString(3), Kind.valueOf(rs.getString(4)),
                        rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7), rs.getString(8),
                        rs.getString(9) == null ? null : Adoption.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11),
                        rs.getObject(12, OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).toOffsetDateTime()))
                .optional()
                .orElseThrow(() -> RuleViolation.notFound("ENTERPRISE_OPINION_NOT_FOUND", "企业意见不存在：" + id));
    }

}
