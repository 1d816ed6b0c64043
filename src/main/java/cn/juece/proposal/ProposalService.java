package cn.juece.proposal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.access.DecisionAccess;
import cn.juece.access.Responsible;
import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Art3Category;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.Stage;
import cn.juece.dossier.DossierFact;
import cn.juece.dossier.FactSource;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;
import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepFact;
import cn.juece.workflow.StepFactTable;

/** Stage 1 (Art. 3, 11): the study's record, the special-procedure flag and the scope finding. */
@Service
public class ProposalService implements FactSource {

    static final int MAX_PART = 2000;
    static final String STUDY_TASK = "proposal-study";
    static final String CONFIRM_TASK = "proposal-scope-confirm";

    private final JdbcClient jdbc;
    private final DecisionService decisions;
    private final Directory directory;
    private final DecisionAccess access;
    private final AuditTrail audit;
    private final AppClock clock;
    private final StepFactTable<ScopeFinding> findings;
    private final StepFactTable<ScopeConfirmation> confirmations;

    ProposalService(JdbcClient jdbc, DecisionService decisions, Directory directory, DecisionAccess access, AuditTrail audit, AppClock clock) {
        this.jdbc = jdbc;
        this.findings = new StepFactTable<>(jdbc, "scope_finding", (rs, id, decisionId, step) -> new ScopeFinding(id, decisionId, step,
                rs.getString("category") == null ? null : Art3Category.valueOf(rs.getString("category"))), "category");
        this.confirmations = new StepFactTable<>(jdbc, "scope_confirmation", (rs, id, decisionId, step) ->
                new ScopeConfirmation(id, decisionId, step, rs.getObject("finding_id", Long.class)), "finding_id");
        this.decisions = decisions;
        this.directory = directory;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    public record StudyRequest(String problem, String reasonsBasis, String preliminaryPlan, String necessity,
                               String feasibility) {
    }

    /** Records the study (Art. 11) by the study unit while the proposal is being studied. */
    @Transactional
    public ProposalStudy recordStudy(String number, StudyRequest r) {
        Decision d = decisions.get(number);
        open(d);
        if (d.stage() != Stage.PROPOSAL) {
            throw new RuleViolation("STUDY_NOT_IN_PROPOSAL",
                    "研究论证情况在“决策事项建议研究论证”阶段记录；该事项当前处于“" + d.stage().label() + "”阶段。");
        }
        Actor actor = access.require(d, "研究论证", "第十一条", Responsible.STUDY_UNIT);
        for (String part : new String[] {r.problem(), r.reasonsBasis(), r.preliminaryPlan(), r.necessity(), r.feasibility()}) {
            if (part != null && part.length() > MAX_PART) {
                throw RuleViolation.badRequest("STUDY_TOO_LONG", "每项不超过" + MAX_PART + "字；详细内容请作为《研究论证报告》上传。");
            }
        }
        ensureRow(d.id());
        jdbc.sql("""
                UPDATE juece.proposal_study SET problem = ?, reasons_basis = ?, preliminary_plan = ?, necessity = ?,
                       feasibility = ?, study_by = ?, study_at = ? WHERE decision_id = ?""")
                .params(strip(r.problem()), strip(r.reasonsBasis()), strip(r.preliminaryPlan()), strip(r.necessity()),
                        strip(r.feasibility()), actor.id(), clock.now(), d.id()).update();
        ProposalStudy s = study(d.id());
        audit.record(actor, d.id(), d.number(), AuditAction.STUDY_RECORDED, "记录研究论证情况（第十一条）"
                + (s.complete() ? "：问题、理由和依据、初步方案、必要性、可行性均已填写" : "，尚缺：" + String.join("、", s.missingParts())));
        return s;
    }

    /**
     * Art. 3: the matter's procedure is set by another law or administrative regulation (that procedure
     * applies); recorded with that basis by the study unit, the justice bureau or the decision organ.
     */
    @Transactional
    public ProposalStudy flagSpecialProcedure(String number, boolean applies, String basis) {
        Decision d = decisions.get(number);
        open(d);
        Actor actor = access.require(d, "标记适用其他法律、行政法规规定的程序", "第三条",
                Responsible.STUDY_UNIT, Responsible.JUSTICE_BUREAU, Responsible.DECISION_ORGAN);
        String b = strip(basis);
        if (applies && b == null) {
            throw RuleViolation.badRequest("SPECIAL_PROCEDURE_BASIS_REQUIRED",
                    "请写明规定该事项决策程序的法律或者行政法规及条款（第三条）。");
        }
        if (b != null && b.length() > 1000) {
            throw RuleViolation.badRequest("REASON_TOO_LONG", "依据不超过1000字。");
        }
        ensureRow(d.id());
        jdbc.sql("UPDATE juece.proposal_study SET special_procedure = ?, special_procedure_basis = ? WHERE decision_id = ?")
                .params(applies, applies ? b : null, d.id()).update();
        audit.record(actor, d.id(), d.number(), AuditAction.SPECIAL_PROCEDURE_FLAGGED, applies
                ? "标记为法律、行政法规对决策程序另有规定的事项，依照其规定（第三条）；依据：" + b
                : "取消“法律、行政法规另有规定的程序”标记");
        return study(d.id());
    }

    /**
     * Art. 3: the study unit's finding (with the category recorded at that moment) or the justice bureau's answer
     * to an out-of-scope finding, one row per closing of the step (DECISIONS.md 25).
     */
    void recordScope(StepCompletion step) {
        if (STUDY_TASK.equals(step.taskKey())) {
            var category = step.decision().category();
            findings.insert(step, category == null ? null : category.name());
        } else if (CONFIRM_TASK.equals(step.taskKey())) {
            confirmations.insert(step, latestFinding(step.decision().id()).map(ScopeFinding::id).orElse(null));
        }
    }

    /** Art. 3: a finding of the study unit on proposal-study, with the category recorded then (or null). */
    public record ScopeFinding(long id, long decisionId, StepFact step, Art3Category category) {

        public boolean inScope() {
            return "IN_SCOPE".equals(step.outcome());
        }
    }

    /** Art. 3, 8: the justice bureau's answer to an out-of-scope finding on proposal-scope-confirm. */
    public record ScopeConfirmation(long id, long decisionId, StepFact step, Long findingId) {

        public boolean confirmed() {
            return "CONFIRMED".equals(step.outcome());
        }
    }

    /** Every finding of the study unit, in order (a return by the justice bureau makes a next round). */
    public List<ScopeFinding> findings(long decisionId) {
        return findings.of(decisionId);
    }

    public List<ScopeConfirmation> confirmations(long decisionId) {
        return confirmations.of(decisionId);
    }

    public Optional<ScopeFinding> latestFinding(long decisionId) {
        return findings.latest(decisionId);
    }

    @Override
    public List<DossierFact> facts(Decision d) {
        List<DossierFact> facts = new ArrayList<>();
        for (ScopeFinding f : findings(d.id())) {
            facts.add(DossierFact.of("SCOPE_FINDING", "适用范围认定", "第三条", Stage.PROPOSAL.number(), f.step(),
                    f.category() == null ? null : "认定类别：第三条" + f.category().label(),
                    "category", f.category() == null ? null : f.category().name()));
        }
        for (ScopeConfirmation c : confirmations(d.id())) {
            facts.add(DossierFact.of("SCOPE_CONFIRMATION", "确认不适用本规定", "第三条、第八条", Stage.PROPOSAL.number(),
                    c.step(), null, "findingId", c.findingId()));
        }
        return facts;
    }

    /**
     * The study's record (Art. 11) with its scope (Art. 3): the out-of-scope reason and its confirmation come
     * from the latest finding and the justice bureau's answer to it.
     */
    public ProposalStudy study(long decisionId) {
        ProposalStudy s = jdbc.sql("""
                SELECT decision_id, problem, reasons_basis, preliminary_plan, necessity, feasibility, study_by, study_at,
                       special_procedure, special_procedure_basis
                FROM juece.proposal_study WHERE decision_id = ?""").param(decisionId)
                .query((rs, i) -> new ProposalStudy(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), time(rs.getObject(8, java.time.OffsetDateTime.class)),
                        rs.getBoolean(9), rs.getString(10), null, false))
                .optional().orElse(ProposalStudy.empty(decisionId));
        Optional<ScopeFinding> finding = latestFinding(decisionId).filter(f -> !f.inScope());
        if (finding.isEmpty()) {
            return s;
        }
        long findingId = finding.get().id();
        boolean confirmed = confirmations(decisionId).stream()
                .anyMatch(c -> c.findingId() != null && c.findingId() == findingId && c.confirmed());
        return new ProposalStudy(s.decisionId(), s.problem(), s.reasonsBasis(), s.preliminaryPlan(), s.necessity(),
                s.feasibility(), s.studyBy(), s.studyAt(), s.specialProcedure(), s.specialProcedureBasis(),
                finding.get().step().reason(), confirmed);
    }

    private void ensureRow(long decisionId) {
        Integer n = jdbc.sql("SELECT COUNT(*) FROM juece.proposal_study WHERE decision_id = ?").param(decisionId).query(Integer.class).single();
        if (n == 0) {
            jdbc.sql("INSERT INTO juece.proposal_study (decision_id) VALUES (?)").param(decisionId).update();
        }
    }

    private static void open(Decision d) {
        if (!d.isOpen()) {
            throw new RuleViolation("DECISION_CLOSED", "决策事项的程序已结束（" + d.status().label() + "）。");
        }
    }

    private static java.time.OffsetDateTime time(java.time.OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime();
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
