package cn.juece.legality;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
 * Stage 7 (Art. 41-47) as facts of the dossier (DECISIONS.md 25): each conclusion of the justice bureau's review
 * (Art. 45) with the opinion letter version in force (Art. 46), a review after a return being the next round;
 * and the decision organ's disposition of a conclusion that the draft is illegal (terminate or redraft).
 */
@Service
public class LegalityService implements FactSource {

    static final String REVIEW_TASK = "legality-review";
    static final String DISPOSITION_TASK = "legality-disposition";
    /** Art. 45, 46: the conclusions given in an opinion letter (a missing procedure is a return, not a letter). */
    static final Set<String> WITH_OPINION_LETTER = Set.of("PASSED", "PROVISIONS_ILLEGAL", "ILLEGAL");
    /** Art. 45: the conclusions, as stage-legality.bpmn labels them. */
    public static final Map<String, String> CONCLUSIONS = orderedMap(
            "PASSED", "合法，通过审查",
            "PROVISIONS_ILLEGAL", "部分内容不合法，提出修改意见（第四十五条第三项）",
            "MISSING_PARTICIPATION", "缺少公众参与程序，退回补充（第四十五条第二项）",
            "MISSING_EXPERT", "缺少专家论证程序，退回补充（第四十五条第二项）",
            "MISSING_RISK", "缺少风险评估程序，退回补充（第四十五条第二项）",
            "ILLEGAL", "超越法定权限或主要内容不合法，建议不提请审议（第四十五条第一项）");
    /** Art. 45, 46: the conclusion as the opinion letter states it. */
    static final Map<String, String> CONCLUSION_TEXT = orderedMap(
            "PASSED", "经审查，决策草案符合法定权限，履行了相关法定程序，内容符合有关法律、法规、规章和政策的规定，可以提交县人民政府集体讨论。",
            "PROVISIONS_ILLEGAL", "经审查，决策草案的部分具体规定不合法。请根据下列修改意见和建议修改后，提交县人民政府集体讨论（第四十五条第三项）。",
            "MISSING_PARTICIPATION", "经审查，决策草案应当履行而未履行公众参与程序，退回你单位补正程序（第四十五条第二项）。",
            "MISSING_EXPERT", "经审查，决策草案应当履行而未履行专家论证程序，退回你单位补正程序（第四十五条第二项）。",
            "MISSING_RISK", "经审查，决策草案应当履行而未履行风险评估程序，退回你单位补正程序（第四十五条第二项）。",
            "ILLEGAL", "经审查，决策事项超越决策机关法定权限或者决策草案主要内容不合法，建议不提交县人民政府讨论（第四十五条第一项）。");

    /** The conclusion as the organ's letter states it (Art. 64): 提交清泉街道办事处集体讨论 for a township's matter. */
    static String conclusionText(String conclusion, cn.juece.identity.Organ organ) {
        String text = CONCLUSION_TEXT.get(conclusion);
        return text == null ? null : text.replace("县人民政府", organ.name());
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private final MaterialService materials;
    private final JdbcClient jdbc;
    private final StepFactTable<Conclusion> conclusions;
    private final StepFactTable<Disposition> dispositions;

    LegalityService(JdbcClient jdbc, MaterialService materials) {
        this.materials = materials;
        this.jdbc = jdbc;
        this.conclusions = new StepFactTable<>(jdbc, "legality_conclusion", (rs, id, decisionId, step) ->
                new Conclusion(id, decisionId, step, rs.getObject("opinion_version_id", Long.class), rs.getObject("signoff_id", Long.class)),
                "opinion_version_id", "signoff_id");
        this.dispositions = new StepFactTable<>(jdbc, "legality_disposition", (rs, id, decisionId, step) ->
                new Disposition(id, decisionId, step, rs.getObject("conclusion_id", Long.class)), "conclusion_id");
    }

    /**
     * Art. 45: PASSED, PROVISIONS_ILLEGAL (三), MISSING_PARTICIPATION / MISSING_EXPERT / MISSING_RISK (二) or
     * ILLEGAL (一), with the 合法性审查意见书 version for a conclusion given in a letter.
     */
    public record Conclusion(long id, long decisionId, StepFact step, Long opinionVersionId, Long signOffId) {

        public String conclusion() {
            return step.outcome();
        }

        public boolean passed() {
            return "PASSED".equals(step.outcome());
        }
    }

    /** Art. 45 (一): TERMINATE or REDRAFT, answering the conclusion it follows. */
    public record Disposition(long id, long decisionId, StepFact step, Long conclusionId) {
    }

    void recordConclusion(StepCompletion step) {
        Long letter = WITH_OPINION_LETTER.contains(step.outcome())
                ? materials.latest(step.decision().id(), MaterialType.LEGALITY_OPINION).map(MaterialVersion::id).orElse(null)
                : null;
        Long signOff = letter == null ? null : jdbc.sql("SELECT MAX(id) FROM juece.legality_signoff WHERE decision_id = ? AND version_id = ?")
                .params(step.decision().id(), letter).query(Long.class).optional().orElse(null);
        conclusions.insert(step, letter, signOff);
    }

    void recordDisposition(StepCompletion step) {
        dispositions.insert(step, latestConclusion(step.decision().id()).map(Conclusion::id).orElse(null));
    }

    public List<Conclusion> conclusions(long decisionId) {
        return conclusions.of(decisionId);
    }

    public List<Disposition> dispositions(long decisionId) {
        return dispositions.of(decisionId);
    }

    public Optional<Conclusion> latestConclusion(long decisionId) {
        return conclusions.latest(decisionId);
    }

    /** The latest conclusion of each decision that has one (supervision, reports). */
    public Map<Long, Conclusion> latestConclusions(Collection<Long> decisionIds) {
        return conclusions.latest(decisionIds);
    }

    @Override
    public List<DossierFact> facts(Decision d) {
        List<DossierFact> facts = new ArrayList<>();
        for (Conclusion c : conclusions(d.id())) {
            facts.add(DossierFact.of("LEGALITY_CONCLUSION", "合法性审查结论", "第四十五条、第四十六条", Stage.LEGALITY.number(), c.step(),
                    materials.cite(d.id(), c.opinionVersionId()), "opinionVersionId", c.opinionVersionId()));
        }
        for (Disposition x : dispositions(d.id())) {
            facts.add(DossierFact.of("LEGALITY_DISPOSITION", "决策机关对审查结论的处理", "第四十五条", Stage.LEGALITY.number(), x.step(),
                    null, "conclusionId", x.conclusionId()));
        }
        return facts;
    }
}
