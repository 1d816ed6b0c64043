package cn.juece.publication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
 * Stage 9 (Art. 51, 52; openness excerpt) as facts of the dossier (DECISIONS.md 25): the decision reported to
 * the party committee and issued (with the decision document's version), published (how, where and when, as
 * the government office gave it) and the publication of the opinions' adoption. The portal lists published
 * decisions from these rows.
 */
@Service
public class PublicationService implements FactSource {

    static final String ISSUE_TASK = "publication-party-report";
    static final String PUBLISH_TASK = "publication-publish";
    static final String FEEDBACK_TASK = "publication-feedback";
    /** How many publications the portal's list looks at. */
    static final int PORTAL_LIMIT = 500;

    private final MaterialService materials;
    private final StepFactTable<Issuance> issuances;
    private final StepFactTable<Publication> publications;
    private final StepFactTable<FeedbackPublication> feedback;

    PublicationService(JdbcClient jdbc, MaterialService materials) {
        this.materials = materials;
        this.issuances = new StepFactTable<>(jdbc, "decision_issuance", (rs, id, decisionId, step) ->
                new Issuance(id, decisionId, step, rs.getObject("document_version_id", Long.class)), "document_version_id");
        this.publications = new StepFactTable<>(jdbc, "decision_publication",
                (rs, id, decisionId, step) -> new Publication(id, decisionId, step));
        this.feedback = new StepFactTable<>(jdbc, "feedback_publication",
                (rs, id, decisionId, step) -> new FeedbackPublication(id, decisionId, step));
    }

    /** Art. 51: reported to the party committee and issued, with the 决策文件 version in force. */
    public record Issuance(long id, long decisionId, StepFact step, Long documentVersionId) {
    }

    /** Art. 52: published; {@link #how()} is the ways, places and time as given. */
    public record Publication(long id, long decisionId, StepFact step) {

        public String how() {
            return step.reason();
        }

        public java.time.OffsetDateTime publishedAt() {
            return step.actedAt();
        }
    }

    /** Art. 52: the opinions and their adoption published (PUBLISHED), or none to publish (NOT_APPLICABLE). */
    public record FeedbackPublication(long id, long decisionId, StepFact step) {
    }

    void record(StepCompletion step) {
        switch (step.taskKey()) {
            case ISSUE_TASK -> issuances.insert(step,
                    materials.latest(step.decision().id(), MaterialType.DECISION_DOCUMENT).map(MaterialVersion::id).orElse(null));
            case PUBLISH_TASK -> publications.insert(step);
            case FEEDBACK_TASK -> feedback.insert(step);
            default -> throw new IllegalArgumentException(step.taskKey());
        }
    }

    /** The latest publication of the decision, if it was published. */
    public Optional<Publication> publication(long decisionId) {
        return publications.latest(decisionId);
    }

    /** Published decisions, the latest publication of each, newest first. */
    public List<Publication> published() {
        Map<Long, Publication> latest = new LinkedHashMap<>();
        for (Publication p : publications.newestFirst(PORTAL_LIMIT)) {
            latest.putIfAbsent(p.decisionId(), p);
        }
        return List.copyOf(latest.values());
    }

    @Override
    public List<DossierFact> facts(Decision d) {
        List<DossierFact> facts = new ArrayList<>();
        for (Issuance i : issuances.of(d.id())) {
            facts.add(DossierFact.of("DECISION_ISSUANCE", "报告县委并印发", "第五十一条", Stage.PUBLICATION.number(), i.step(),
                    materials.cite(d.id(), i.documentVersionId()), "documentVersionId", i.documentVersionId()));
        }
        for (Publication p : publications.of(d.id())) {
            facts.add(DossierFact.of("DECISION_PUBLICATION", "公布决策", "第五十二条", Stage.PUBLICATION.number(), p.step(), null,
                    "how", p.how()));
        }
        for (FeedbackPublication f : feedback.of(d.id())) {
            facts.add(DossierFact.of("FEEDBACK_PUBLICATION", "公布意见采纳情况", "第五十二条", Stage.PUBLICATION.number(), f.step(), null));
        }
        return facts;
    }
}
