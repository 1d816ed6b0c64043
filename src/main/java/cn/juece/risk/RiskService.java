package cn.juece.risk;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.juece.decision.Decision;
import cn.juece.decision.Stage;
import cn.juece.dossier.DossierFact;
import cn.juece.dossier.FactSource;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;
import cn.juece.dossier.MaterialVersion;
import cn.juece.drafting.Arrangement;
import cn.juece.drafting.ArrangementService;
import cn.juece.drafting.Procedure;
import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepFact;
import cn.juece.workflow.StepFactTable;

/**
 * Stage 6 (Art. 36-40) as facts of the dossier (DECISIONS.md 25): the risk level of each assessment with the
 * report version it rests on and how it was made (by the assessor itself or a commissioned organisation), and the
 * decision organ's finding whether the risk is controllable. A re-assessment after the draft was adjusted is the
 * step's next round. The records behind each assessment (plan, investigation, analysis, measures) are
 * {@link RiskRecords}'.
 */
@Service
public class RiskService implements FactSource {

    static final String ASSESS_TASK = RiskRecords.ASSESS_TASK;
    static final String FINDING_TASK = RiskRecords.FINDING_TASK;

    private final MaterialService materials;
    private final RiskRecords records;
    private final ArrangementService arrangements;
    private final StepFactTable<Assessment> assessments;
    private final StepFactTable<Finding> findings;

    RiskService(JdbcClient jdbc, MaterialService materials, RiskRecords records, ArrangementService arrangements) {
        this.materials = materials;
        this.records = records;
        this.arrangements = arrangements;
        this.assessments = new StepFactTable<>(jdbc, "risk_assessment", (rs, id, decisionId, step) ->
                new Assessment(id, decisionId, step, rs.getObject("report_version_id", Long.class),
                        rs.getString("assessor_mode") == null ? null : RiskRecords.Mode.valueOf(rs.getString("assessor_mode")),
                        rs.getObject("organisation_id", Long.class)),
                "report_version_id", "assessor_mode", "organisation_id");
        this.findings = new StepFactTable<>(jdbc, "risk_finding", (rs, id, decisionId, step) ->
                new Finding(id, decisionId, step, rs.getObject("assessment_id", Long.class)), "assessment_id");
    }

    /**
     * Art. 38: an assessment's level (outcome HIGH / MEDIUM / LOW), the 风险评估报告 version in force then, and how it
     * was made (Art. 36; null for assessments recorded before it was kept).
     */
    public record Assessment(long id, long decisionId, StepFact step, Long reportVersionId, RiskRecords.Mode assessorMode,
                             Long organisationId) {

        public String level() {
            return step.outcome();
        }

        public String levelLabel() {
            return step.outcomeLabel();
        }
    }

    /** Art. 40: the decision organ's finding (CONTROLLABLE / UNCONTROLLABLE) on the assessment it rests on. */
    public record Finding(long id, long decisionId, StepFact step, Long assessmentId) {

        public boolean controllable() {
            return "CONTROLLABLE".equals(step.outcome());
        }
    }

    void recordAssessment(StepCompletion step) {
        var assessor = records.assessor(step.decision().id());
        assessments.insert(step, materials.latest(step.decision().id(), MaterialType.RISK_REPORT).map(MaterialVersion::id).orElse(null),
                assessor.map(a -> a.mode().name()).orElse(null), assessor.map(RiskRecords.Assessor::organisationId).orElse(null));
    }

    void recordFinding(StepCompletion step) {
        findings.insert(step, latestAssessment(step.decision().id()).map(Assessment::id).orElse(null));
    }

    public List<Assessment> assessments(long decisionId) {
        return assessments.of(decisionId);
    }

    public List<Finding> findings(long decisionId) {
        return findings.of(decisionId);
    }

    public Optional<Assessment> latestAssessment(long decisionId) {
        return assessments.latest(decisionId);
    }

    /** Art. 40: the decision organ's latest finding on the risk, if it made one. */
    public Optional<Finding> latestFinding(long decisionId) {
        return findings.latest(decisionId);
    }

    /** The latest assessment of each decision that has one (supervision, reports). */
    public Map<Long, Assessment> latestAssessments(Collection<Long> decisionIds) {
        return assessments.latest(decisionIds);
    }

    public Map<Long, Finding> latestFindings(Collection<Long> decisionIds) {
        return findings.latest(decisionIds);
    }

    /**
     * What the portal may say (issue 12): that a risk assessment was held and when each was completed — never the
     * level or the finding, which the organ has not published.
     */
    public List<OffsetDateTime> assessmentsHeld(long decisionId) {
        return assessments(decisionId).stream().map(a -> a.step().actedAt()).toList();
    }

    /** Art. 40: the refusal when the matter would go further while its latest finding is that the risk is uncontrollable. */
    Optional<String> uncontrollable(Decision d, String act) {
        return latestFinding(d.id()).filter(f -> !f.controllable()).map(f -> "决策机关" + f.step().actedAt().toLocalDate()
                + "研究认为该事项风险不可控（第" + f.step().round() + "轮评估）。认为风险不可控的，应当在采取调整决策草案等措施确保风险可控后，"
                + "方可作出决策（第四十条）：请调整决策草案、重新评估，经决策机关研究认为风险可控后再" + act + "。");
    }

    // ---- the stage as pages and /api show it ----

    /** One round of assessment: its records, the level fact and report when it closed, and the organ's finding on it. */
    public record Round(int round, boolean open, RiskRecords.Plan plan, List<RiskRecords.Investigation> investigations,
                        List<RiskRecords.KindAnalysis> analyses, RiskRecords.Conclusion conclusion, Assessment assessment,
                        String report, Finding finding) {
    }

    /**
     * The risk stage of a decision: whether it is held (the drafting arrangement), who assesses, the current round and
     * what it still lacks, the earlier rounds, the organ's findings and the adjustments of the draft.
     */
    public record View(String decisionNumber, Arrangement arrangement, RiskRecords.Assessor assessor, String assessorText,
                       List<RiskRecords.Assessor> assessorHistory, String state, int round, boolean assessmentOpen,
                       List<Map<String, String>> missing, Round current, List<Round> earlier,
                       List<RiskRecords.Adjustment> adjustments) {
    }

    public View view(Decision d) {
        Arrangement arrangement = arrangements.arrangements(d.id()).get(Procedure.RISK);
        var assessor = records.assessor(d.id()).orElse(null);
        int current = records.round(d);
        boolean open = records.assessmentOpen(d);
        List<Assessment> done = assessments(d.id());
        List<Finding> found = findings(d.id());
        List<Round> earlier = new ArrayList<>();
        for (Assessment a : done) {
            if (a.step().round() != current || !open) {
                earlier.add(round(d, a.step().round(), false, a, found));
            }
        }
        // While no assessment is open (the organ deciding, the draft being adjusted, the stage over), the round shown is the
        // latest one assessed.
        int shown = open || done.isEmpty() ? current : done.get(done.size() - 1).step().round();
        earlier.removeIf(r -> r.round() == shown);
        Assessment shownAssessment = done.stream().filter(a -> a.step().round() == shown).findFirst().orElse(null);
        Round now = round(d, shown, open, shownAssessment, found);
        List<Map<String, String>> missing = open
                ? records.missing(d).stream().map(v -> Map.of("code", v.code(), "message", v.chineseMessage())).toList()
                : List.of();
        return new View(d.number(), arrangement, assessor, assessor == null ? null : records.describe(d, assessor),
                records.assessors(d.id()), state(d, arrangement, open, found), shown, open, missing, now, earlier,
                records.adjustments(d.id()));
    }

    private Round round(Decision d, int round, boolean open, Assessment assessment, List<Finding> found) {
        Finding finding = assessment == null ? null
                : found.stream().filter(f -> assessment.id() == (f.assessmentId() == null ? -1 : f.assessmentId())).findFirst().orElse(null);
        return new Round(round, open, records.plan(d, round).orElse(null), records.investigations(d, round),
                List.copyOf(records.analyses(d, round).values()), records.conclusion(d, round).orElse(null), assessment,
                assessment == null ? null : materials.cite(d.id(), assessment.reportVersionId()), finding);
    }

    private String state(Decision d, Arrangement arrangement, boolean open, List<Finding> found) {
        if (open) {
            return "ASSESSING";
        }
        if (records.openStep(d, FINDING_TASK).isPresent()) {
            return "AWAITING_FINDING";
        }
        if (records.openStep(d, RiskRecords.ADJUST_TASK).isPresent()) {
            return "ADJUSTING";
        }
        if (!found.isEmpty()) {
            return found.get(found.size() - 1).controllable() ? "CONTROLLABLE" : "UNCONTROLLABLE";
        }
        if (arrangement != null && !arrangement.required()) {
            return "NOT_REQUIRED";
        }
        return "NOT_STARTED";
    }

    @Override
    public List<DossierFact> facts(Decision d) {
        List<DossierFact> facts = new ArrayList<>();
        for (RiskRecords.Assessor a : records.assessors(d.id())) {
            facts.add(new DossierFact("RISK_ASSESSOR", "风险评估单位", "第三十六条", Stage.RISK.number(), null, null, null, a.mode().name(),
                    a.mode().label(), null, records.describe(d, a), DossierFact.map("assessorUnit", a.unit() == null ? d.leadUnit() : a.unit(),
                    "leadUnit", a.leadUnit(), "organisationId", a.organisationId()), a.recordedBy(), null, a.recordedFor(), null,
                    a.recordedAt()));
        }
        for (Assessment a : assessments(d.id())) {
            facts.add(DossierFact.of("RISK_ASSESSMENT", "风险等级", "第三十八条", Stage.RISK.number(), a.step(),
                    materials.cite(d.id(), a.reportVersionId()), "reportVersionId", a.reportVersionId(),
                    "assessorMode", a.assessorMode() == null ? null : a.assessorMode().name(), "organisationId", a.organisationId()));
        }
        for (Finding f : findings(d.id())) {
            facts.add(DossierFact.of("RISK_FINDING", "风险是否可控", "第四十条", Stage.RISK.number(), f.step(), null,
                    "assessmentId", f.assessmentId()));
        }
        for (RiskRecords.Adjustment a : records.adjustments(d.id())) {
            facts.add(new DossierFact("RISK_ADJUSTMENT", "调整决策草案", "第四十条", Stage.RISK.number(), RiskRecords.ADJUST_TASK, null,
                    a.round(), null, (a.measuresAdded() ? "增加风险防范措施" : "") + (a.measuresAdded() && a.contentChanged() ? "、" : "")
                    + (a.contentChanged() ? "修改草案内容" : ""), a.description(), materials.cite(d.id(), a.draftVersionId()),
                    DossierFact.map("draftVersionId", a.draftVersionId()), a.recordedBy(), null, a.recordedFor(), null, a.recordedAt()));
        }
        return facts;
    }
}
