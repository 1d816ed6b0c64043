package cn.juece.risk;

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
import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepFact;
import cn.juece.workflow.StepFactTable;

/**
 * Stage 6 (Art. 36-40) as facts of the dossier (DECISIONS.md 25): the risk level of each assessment with the
 * report version it rests on, and the decision organ's finding whether the risk is controllable. A
 * re-assessment after the draft was adjusted is the step's next round.
 */
@Service
public class RiskService implements FactSource {

    static final String ASSESS_TASK = "risk-assess";
    static final String FINDING_TASK = "risk-finding";

    private final MaterialService materials;
    private final StepFactTable<Assessment> assessments;
    private final StepFactTable<Finding> findings;

    RiskService(JdbcClient jdbc, MaterialService materials) {
        this.materials = materials;
        this.assessments = new StepFactTable<>(jdbc, "risk_assessment", (rs, id, decisionId, step) ->
                new Assessment(id, decisionId, step, rs.getObject("report_version_id", Long.class)), "report_version_id");
        this.findings = new StepFactTable<>(jdbc, "risk_finding", (rs, id, decisionId, step) ->
                new Finding(id, decisionId, step, rs.getObject("assessment_id", Long.class)), "assessment_id");
    }

    /** Art. 38: an assessment's level (outcome HIGH / MEDIUM / LOW) and the 风险评估报告 version in force then. */
    public record Assessment(long id, long decisionId, StepFact step, Long reportVersionId) {

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
        assessments.insert(step, materials.latest(step.decision().id(), MaterialType.RISK_REPORT).map(MaterialVersion::id).orElse(null));
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

    /** The latest assessment of each decision that has one (supervision, reports). */
    public Map<Long, Assessment> latestAssessments(Collection<Long> decisionIds) {
        return assessments.latest(decisionIds);
    }

    public Map<Long, Finding> latestFindings(Collection<Long> decisionIds) {
        return findings.latest(decisionIds);
    }

    @Override
    public List<DossierFact> facts(Decision d) {
        List<DossierFact> facts = new ArrayList<>();
        for (Assessment a : assessments(d.id())) {
            facts.add(DossierFact.of("RISK_ASSESSMENT", "风险等级", "第三十八条", Stage.RISK.number(), a.step(),
                    materials.cite(d.id(), a.reportVersionId()), "reportVersionId", a.reportVersionId()));
        }
        for (Finding f : findings(d.id())) {
            facts.add(DossierFact.of("RISK_FINDING", "风险是否可控", "第四十条", Stage.RISK.number(), f.step(), null,
                    "assessmentId", f.assessmentId()));
        }
        return facts;
    }
}
