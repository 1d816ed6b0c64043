package cn.juece.expert;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.dossier.Material;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialVersion;
import cn.juece.expert.ExpertReview.Member;
import cn.juece.expert.ExpertReview.Status;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * What an expert does through the signed link, without an account (Art. 33, 34): answer the invitation (a decline
 * draws a replacement under the same constraints), accept confidentiality, read the materials delivered to them,
 * give one independent opinion on necessity, soundness, timing and conditions, negative impact and its
 * controllability, and read the feedback on it. Nobody's opinion but their own is ever shown on the link. Every use
 * is an entry of the decision's audit trail, the expert acting as a named external person.
 */
@Service
public class ExpertLinkService {

    private final ExpertLinks links;
    private final ExpertReviewService reviews;
    private final ExpertReviewRepository repo;
    private final DecisionService decisions;
    private final MaterialService materials;
    private final Directory directory;
    private final AuditTrail audit;
    private final AppClock clock;

    ExpertLinkService(ExpertLinks links, ExpertReviewService reviews, ExpertReviewRepository repo, DecisionService decisions,
                      MaterialService materials, Directory directory, AuditTrail audit, AppClock clock) {
        this.links = links;
        this.reviews = reviews;
        this.repo = repo;
        this.decisions = decisions;
        this.materials = materials;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** One material version delivered to the expert. */
    public record DeliveredMaterial(long versionId, String title, int versionNo, String fileName, LocalDate deliveredOn) {
    }

    /**
     * What the expert's page shows: the matter, the lead unit, the form and fields, their own place on the panel,
     * the materials delivered to them, and their own opinion with its feedback. Never another expert's.
     *
     * @param open whether the round is still open (answers and the opinion are taken only then)
     */
    public record View(String token, String decisionTitle, String decisionNumber, String leadUnit, String form, List<String> fields,
                       String expertName, String expertOrganisation, Status status, boolean confidentialityAccepted,
                       List<DeliveredMaterial> materials, ExpertReview.Opinion opinion, boolean feedbackSent, String summary,
                       LocalDate lastDelivery, boolean open) {
    }

    private record Link(long invitationId, Member member, ExpertReview review, Decision decision, Actor expert) {
    }

    /** A genuine, unexpired, unrevoked link: its member, review and decision; the refusal otherwise. */
    private Link link(String token) {
        long invitationId = links.verify(token);
        ExpertReview.Invitation inv = repo.invitation(invitationId).orElseThrow(ExpertLinks::invalid);
        if (inv.revokedAt() != null) {
            throw new RuleViolation(HttpStatus.GONE, "EXPERT_LINK_REVOKED", "该论证邀请链接已被决策承办单位撤销。如有疑问，请与邀请您的单位联系。");
        }
        Member m = reviews.member(inv.memberId());
        ExpertReview r = repo.get(m.reviewId());
        Decision d = decisions.get(r.decisionId());
        Actor expert = new Actor("expert-" + m.expert().id(), m.expert().name(), null, m.expert().organisation(),
                "论证专家（外部人员，通过论证邀请链接）", List.of());
        return new Link(invitationId, m, r, d, expert);
    }

    private boolean roundOpen(Link l) {
        return l.decision().isOpen() && reviews.openStep(l.decision().id()).map(s -> s.round() == l.review().round()).orElse(false);
    }

    private void requireOpen(Link l) {
        if (!roundOpen(l)) {
            throw new RuleViolation("EXPERT_REVIEW_CLOSED", "本次专家论证已经结束，不再接受答复或意见。感谢您的支持。");
        }
    }

    private void used(Link l, String what) {
        repo.used(l.invitationId(), clock.now());
        audit.record(l.expert(), l.decision().id(), l.decision().number(), AuditAction.EXPERT_ACTED,
                l.member().expert().name() + "通过论证邀请链接（邀请编号" + l.invitationId() + "）" + what);
    }

    /** The page: every opening is recorded. */
    @Transactional
    public View open(String token) {
        Link l = link(token);
        used(l, "打开论证邀请页面");
        return view(token, l);
    }

    private View view(String token, Link l) {
        Member m = reviews.member(l.member().id());
        ExpertReview r = repo.get(m.reviewId());
        List<DeliveredMaterial> delivered = new ArrayList<>();
        if (m.confidentialityAt() != null) {
            for (Material mat : materials.materials(l.decision().id())) {
                for (MaterialVersion v : mat.versions()) {
                    if (m.delivered().contains(v.id())) {
                        LocalDate on = r.deliveries().stream().filter(x -> x.memberIds().contains(m.id()) && x.versionIds().contains(v.id()))
                                .map(ExpertReview.Delivery::deliveredOn).min(LocalDate::compareTo).orElse(null);
                        delivered.add(new DeliveredMaterial(v.id(), mat.title(), v.versionNo(), v.fileName(), on));
                    }
                }
            }
        }
        boolean feedback = r.feedbackSentAt() != null;
        return new View(token, l.decision().title(), l.decision().number(), directory.unitName(l.decision().leadUnit()),
                r.form() == null ? null : r.form().label(), r.fields(), m.expert().name(), m.expert().organisation(), m.status(),
                m.confidentialityAt() != null, delivered, m.opinion(), feedback, feedback ? r.summary() : null,
                r.deliveries().stream().filter(x -> x.memberIds().contains(m.id())).map(ExpertReview.Delivery::deliveredOn)
                        .max(LocalDate::compareTo).orElse(null),
                roundOpen(l));
    }

    /** Accepts the invitation (Art. 31). */
    @Transactional
    public View accept(String token) {
        Link l = link(token);
        requireOpen(l);
        requireInvited(l);
        repo.responded(l.member().id(), Status.ACCEPTED, null, clock.now());
        used(l, "接受论证邀请");
        return view(token, l);
    }

    /** Declines: a replacement is drawn at once under the same constraints (Art. 31), recorded with its seed. */
    @Transactional
    public View decline(String token, String reason) {
        Link l = link(token);
        requireOpen(l);
        requireInvited(l);
        String why = reason == null ? null : reason.strip();
        if (why != null && why.length() > 500) {
            throw RuleViolation.badRequest("EXPERT_DECLINE_REASON_TOO_LONG", "谢绝理由不超过500字。");
        }
        repo.responded(l.member().id(), Status.DECLINED, why == null || why.isEmpty() ? null : why, clock.now());
        used(l, "谢绝论证邀请" + (why == null || why.isEmpty() ? "" : "，理由：" + why));
        reviews.replaceAfterDecline(l.decision(), reviews.member(l.member().id()));
        return view(token, l);
    }

    private void requireInvited(Link l) {
        Status s = reviews.member(l.member().id()).status();
        if (s != Status.INVITED && s != Status.SELECTED) {
            throw new RuleViolation("EXPERT_ALREADY_ANSWERED", "您已答复过本次论证邀请（" + s.label() + "）。");
        }
    }

    /** Art. 34: the expert undertakes to keep the matter confidential before reading the materials. */
    @Transactional
    public View acceptConfidentiality(String token) {
        Link l = link(token);
        requireOpen(l);
        requireAccepted(l);
        repo.confidentiality(l.member().id(), clock.now());
        used(l, "作出保密承诺（第三十四条）");
        return view(token, l);
    }

    private void requireAccepted(Link l) {
        Status s = reviews.member(l.member().id()).status();
        if (s != Status.ACCEPTED) {
            throw new RuleViolation("EXPERT_NOT_ACCEPTED", s == Status.DECLINED || s == Status.WITHDRAWN
                    ? "您已不在本次论证的专家名单中（" + s.label() + "）。" : "请先接受论证邀请。");
        }
    }

    /**
     * Art. 33, 34: one independent opinion, covering necessity, soundness, timing and conditions, negative impact and
     * its controllability (others optional), given after the materials reached the expert and confidentiality was
     * accepted. It cannot be changed afterwards.
     */
    @Transactional
    public View submitOpinion(String token, String necessity, String soundness, String timing, String negativeImpact, String other) {
        Link l = link(token);
        requireOpen(l);
        requireAccepted(l);
        Member m = reviews.member(l.member().id());
        if (m.confidentialityAt() == null) {
            throw new RuleViolation("EXPERT_CONFIDENTIALITY_REQUIRED", "请先阅读并作出保密承诺（第三十四条：专家依法履行保密义务）。");
        }
        if (m.delivered().isEmpty()) {
            throw new RuleViolation("EXPERT_MATERIALS_NOT_DELIVERED", "论证材料尚未提供给您，收到材料后再提交论证意见（第三十四条）。");
        }
        if (m.opinion() != null) {
            throw new RuleViolation("EXPERT_OPINION_ALREADY_SUBMITTED", "您已提交论证意见，不能修改。如需补充，请与决策承办单位联系。");
        }
        List<String> missing = new ArrayList<>();
        check(missing, necessity, "必要性");
        check(missing, soundness, "科学性");
        check(missing, timing, "出台时机和条件是否成熟");
        check(missing, negativeImpact, "可能产生的负面影响及可控性");
        if (!missing.isEmpty()) {
            throw RuleViolation.badRequest("EXPERT_OPINION_INCOMPLETE", "请就以下方面提出论证意见（第三十三条）：" + String.join("、", missing) + "（每项不超过4000字）。");
        }
        String o = other == null || other.isBlank() ? null : other.strip();
        if (o != null && o.length() > ExpertReviewService.MAX_TEXT) {
            throw RuleViolation.badRequest("EXPERT_OPINION_INCOMPLETE", "“其他意见”不超过4000字。");
        }
        repo.insertOpinion(m.id(), necessity.strip(), soundness.strip(), timing.strip(), negativeImpact.strip(), o, clock.now());
        used(l, "提交论证意见（第三十三条）");
        return view(token, l);
    }

    private static void check(List<String> missing, String text, String label) {
        if (text == null || text.isBlank() || text.strip().length() > ExpertReviewService.MAX_TEXT) {
            missing.add(label);
        }
    }

    /** A material version delivered to this expert, after confidentiality was accepted; the reading is recorded. */
    @Transactional
    public MaterialService.Download material(String token, long versionId) {
        Link l = link(token);
        Member m = reviews.member(l.member().id());
        if (m.confidentialityAt() == null) {
            throw new RuleViolation("EXPERT_CONFIDENTIALITY_REQUIRED", "请先阅读并作出保密承诺（第三十四条），再查阅论证材料。");
        }
        if (!m.delivered().contains(versionId)) {
            throw RuleViolation.notFound("MATERIAL_NOT_FOUND", "该材料未向您提供。");
        }
        MaterialService.Download download = materials.download(l.decision().number(), versionId);
        used(l, "查阅论证材料" + Optional.ofNullable(materials.cite(l.decision().id(), versionId)).orElse("（版本" + versionId + "）"));
        return download;
    }
}
