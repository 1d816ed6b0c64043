package cn.juece.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.catalogue.DecisionRequests;
import cn.juece.decision.ProposalSource;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * Written proposals of citizens, legal persons and organisations through the public portal (Art. 11):
 * stored with a receipt number the proposer can look up; the decision organ registers one as a decision
 * matter (studied by the competent department, Art. 11) or declines with a stated reason.
 */
@Service
public class PublicProposalService {

    static final Actor PUBLIC = new Actor("public", "社会公众", null, null, "公民、法人或者其他组织（门户网站）", List.of());
    /** Art. 11: a citizen's, legal person's or organisation's proposal is made in writing (书面). */
    static final String CHANNEL = "书面";

    private final PublicProposalRepository repo;
    private final ReceiptNumbers receipts;
    private final DecisionService decisions;
    private final Directory directory;
    private final AuditTrail audit;
    private final AppClock clock;
    private final String defaultOrgan;

    PublicProposalService(PublicProposalRepository repo, ReceiptNumbers receipts, DecisionService decisions,
                          Directory directory, AuditTrail audit, AppClock clock,
                          @Value("${juece.default-organ}") String defaultOrgan) {
        this.repo = repo;
        this.receipts = receipts;
        this.decisions = decisions;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
        this.defaultOrgan = defaultOrgan;
    }

    /** Stores a written proposal and returns it with its receipt number. */
    @Transactional
    public PublicProposal submit(String name, String contact, String title, String content) {
        return submit(name, contact, title, content, null);
    }

    /** As {@link #submit(String, String, String, String)}, to one deciding organ (Art. 64; the default one when none). */
    @Transactional
    public PublicProposal submit(String name, String contact, String title, String content, String organ) {
        String organCode = organ == null || organ.isBlank() ? defaultOrgan : PortalOrgans.scope(directory, organ);
        String n = strip(name);
        String c = strip(contact);
        String t = strip(title);
        String body = strip(content);
        List<String> missing = new ArrayList<>();
        if (n.isEmpty()) {
            missing.add("姓名或名称");
        }
        if (c.isEmpty()) {
            missing.add("联系方式");
        }
        if (body.isEmpty()) {
            missing.add("建议内容");
        }
        if (!missing.isEmpty()) {
            throw RuleViolation.badRequest("PUBLIC_PROPOSAL_INCOMPLETE",
                    "请填写" + String.join("、", missing) + "。公民、法人或者其他组织以书面形式提出决策事项建议（第十一条），需写明建议人、联系方式和建议内容。");
        }
        if (n.length() > 100 || c.length() > 200 || t.length() > 200 || body.length() > 4000) {
            throw RuleViolation.badRequest("PUBLIC_PROPOSAL_TOO_LONG",
                    "姓名或名称不超过100字，联系方式不超过200字，建议事项不超过200字，建议内容不超过4000字。");
        }
        if (t.isEmpty()) {
            t = body.length() <= 40 ? body : body.substring(0, 40) + "…";
        }
        String receipt = receipts.next();
        while (repo.receiptExists(receipt)) {
            receipt = receipts.next();
        }
        long id = repo.insert(receipt, organCode, n, c, t, body, clock.now());
        audit.record(PUBLIC, null, null, AuditAction.PUBLIC_PROPOSAL_RECEIVED,
                "通过门户网站收到书面决策事项建议《" + t + "》，回执号 " + ReceiptNumbers.display(receipt) + "（第十一条）");
        return repo.byId(id).orElseThrow();
    }

    public Optional<PublicProposal> lookup(String typedReceipt) {
        return ReceiptNumbers.normalise(typedReceipt).flatMap(repo::byReceipt);
    }

    public Optional<Decision> decisionOf(PublicProposal p) {
        return p.decisionId() == null ? Optional.empty() : Optional.of(decisions.get(p.decisionId()));
    }

    /**
     * The proposals with their authors' contact details: personal information (个人信息保护法) only for the decision
     * organ that handles them (Art. 11) and administrators.
     */
    public List<PublicProposal> list() {
        Actor actor = requireOrgan();
        // Art. 64: the proposals to the organs whose decision organ the person acts for
        return handledOrgans(actor).stream().flatMap(o -> repo.list(o, 500).stream())
                .sorted(java.util.Comparator.comparingLong(PublicProposal::id).reversed()).limit(500).toList();
    }

    /** The organs whose public proposals the person handles: theirs as decision organ; administrators every organ. */
    List<String> handledOrgans(Actor actor) {
        return directory.organs().stream().map(cn.juece.identity.Organ::code)
                .filter(o -> actor.groups().contains(Groups.decisionOrgan(o)) || actor.groups().contains(Groups.ADMIN)).toList();
    }

    public PublicProposal get(long id) {
        return repo.byId(id).orElseThrow(() -> RuleViolation.notFound("PUBLIC_PROPOSAL_NOT_FOUND", "公众建议不存在：" + id));
    }

    /** The decision organ registers the proposal as a decision matter, studied by the competent department (Art. 11). */
    @Transactional
    public Decision register(long id, String competentUnit) {
        PublicProposal p = requireOpen(id);
        Actor actor = requireOrgan(p);
        if (competentUnit == null || competentUnit.isBlank()) {
            throw RuleViolation.badRequest("STUDY_UNIT_REQUIRED", "请选择研究论证的有关主管部门（第十一条第一项）。");
        }
        if (!directory.unit(competentUnit).organCode().equals(p.organCode())) {
            throw RuleViolation.badRequest("UNIT_NOT_IN_ORGAN", "“" + directory.unitName(competentUnit) + "”不属于受理该建议的决策机关（第六十四条）。");
        }
        Decision d = decisions.create(DecisionRequests.of(p.title(), p.content(), ProposalSource.PUBLIC, CHANNEL,
                p.proposerName(), competentUnit, List.of()));
        repo.handle(p.id(), PublicProposal.Status.REGISTERED, d.id(),
                "已登记为决策事项建议 " + d.number() + "，交" + directory.unitName(competentUnit) + "研究论证", actor.id(), clock.now());
        audit.record(actor, d.id(), d.number(), AuditAction.PUBLIC_PROPOSAL_HANDLED,
                "依门户网站书面建议（回执号 " + p.receiptDisplay() + "）登记");
        return d;
    }

    @Transactional
    public void decline(long id, String reason) {
        PublicProposal p = requireOpen(id);
        Actor actor = requireOrgan(p);
        String r = strip(reason);
        if (r.isEmpty()) {
            throw new RuleViolation("REASON_REQUIRED", "不予登记的，请写明理由；理由在回执查询中向建议人公开。");
        }
        repo.handle(p.id(), PublicProposal.Status.NOT_REGISTERED, null, r, actor.id(), clock.now());
        audit.record(actor, null, null, AuditAction.PUBLIC_PROPOSAL_HANDLED,
                "门户网站书面建议（回执号 " + p.receiptDisplay() + "）不予登记：" + r);
    }

    private PublicProposal requireOpen(long id) {
        PublicProposal p = get(id);
        if (p.status() != PublicProposal.Status.RECEIVED) {
            throw new RuleViolation("PUBLIC_PROPOSAL_HANDLED", "该建议已办理：" + p.status().label() + "。");
        }
        return p;
    }

    /** Whether the person handles the public's proposals: the decision organ (Art. 11) and administrators. */
    public boolean mayHandle(Actor actor) {
        return !handledOrgans(actor).isEmpty();
    }

    /** The person acting now, when they handle proposals to the organ this one was sent to (Art. 11, 64). */
    private Actor requireOrgan(PublicProposal p) {
        Actor actor = requireOrgan();
        if (!handledOrgans(actor).contains(p.organCode())) {
            throw directory.notYourOrgan(actor, p.organCode());
        }
        return actor;
    }

    private Actor requireOrgan() {
        Actor actor = directory.currentActor();
        if (!mayHandle(actor)) {
            throw RuleViolation.forbidden("PUBLIC_PROPOSAL_NOT_AUTHORISED",
                    "公众决策事项建议由决策机关（县政府办公室；乡镇、街道党政办公室）登记办理（第十一条），您（" + actor.name() + "）无权办理。");
        }
        return actor;
    }

    private static String strip(String s) {
        return s == null ? "" : s.strip();
    }
}
