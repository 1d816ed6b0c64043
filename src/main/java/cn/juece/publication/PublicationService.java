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

    private final PublicationRecords records;

    PublicationService(JdbcClient jdbc, MaterialService materials, PublicationRecords records) {
        this.materials = materials;
        this.records = records;
        this.issuances = new StepFactTable<>(jdbc, "decision_issuance", (rs, id, decisionId, step) ->
                new Issuance(id, decisionId, step, rs.getObject("document_version_id", Long.class), rs.getString("doc_number"),
                        rs.getObject("issued_on", java.time.LocalDate.class), rs.getObject("party_report_on", java.time.LocalDate.class),
                        rs.getString("route")),
                "document_version_id", "doc_number", "issued_on", "party_report_on", "route");
        this.publications = new StepFactTable<>(jdbc, "decision_publication",
                (rs, id, decisionId, step) -> new Publication(id, decisionId, step, rs.getString("gazette_issue"), rs.getString("website_url"),
                        rs.getString("new_media"), rs.getString("newspaper"), rs.getString("basis"), rs.getString("exempt_ground")),
                "gazette_issue", "website_url", "new_media", "newspaper", "basis", "exempt_ground");
        this.feedback = new StepFactTable<>(jdbc, "feedback_publication",
                (rs, id, decisionId, step) -> new FeedbackPublication(id, decisionId, step, rs.getObject("summary_version_id", Long.class)),
                "summary_version_id");
    }

    /** Art. 51: reported to the party committee and issued, with the 决策文件 version in force. */
    public record Issuance(long id, long decisionId, StepFact step, Long documentVersionId, String docNumber,
                           java.time.LocalDate issuedOn, java.time.LocalDate partyReportOn, String route) {
    }

    /** Art. 52: published; {@link #how()} is the ways, places and time as given. */
    public record Publication(long id, long decisionId, StepFact step, String gazetteIssue, String websiteUrl, String newMedia,
                              String newspaper, String basis, String exemptGround) {

        /** The ways and places as recorded (the step's reason for rows written before they were). */
        public String how() {
            List<String> c = new ArrayList<>();
            if (gazetteIssue != null) c.add("县政府公报（" + gazetteIssue + "）");
            if (websiteUrl != null) c.add("县政府网站");
            if (newMedia != null) c.add("政务新媒体（" + newMedia + "）");
            if (newspaper != null) c.add("报纸（" + newspaper + "）");
            if (exemptGround != null) {
                return "依法不予公开";
            }
            return c.isEmpty() ? step.reason() : String.join("、", c);
        }

        public boolean exempt() {
            return exemptGround != null;
        }

        public java.time.OffsetDateTime publishedAt() {
            return step.actedAt();
        }
    }

    /** Art. 52: the opinions and their adoption published (PUBLISHED), or none to publish (NOT_APPLICABLE). */
    public record FeedbackPublication(long id, long decisionId, StepFact step, Long summaryVersionId) {
    }

    void record(StepCompletion step) {
        switch (step.taskKey()) {
            case ISSUE_TASK -> {
                var r = records.record(step.decision().id());
                issuances.insert(step, materials.latest(step.decision().id(), MaterialType.DECISION_DOCUMENT).map(MaterialVersion::id).orElse(null),
                        r.docNumber(), r.issuedOn(), r.partyReportOn(), r.route() == null ? null : r.route().name());
            }
            case PUBLISH_TASK -> {
                var r = records.record(step.decision().id());
                publications.insert(step, r.gazetteIssue(), r.websiteUrl(), r.newMedia(), r.newspaper(), r.basis(),
                        r.exemptGround() == null ? null : r.exemptGround().name());
            }
            case FEEDBACK_TASK -> feedback.insert(step, "PUBLISHED".equals(step.outcome())
                    ? materials.latest(step.decision().id(), MaterialType.ADOPTION_SUMMARY).map(MaterialVersion::id).orElse(null) : null);
            default -> throw new IllegalArgumentException(step.taskKey());
        }
    }

    /** The latest publication of the decision, if it was published. */
    public Optional<Publication> publication(long decisionId) {
        return publications.latest(decisionId);
    }

    public Optional<Issuance> issuance(long decisionId) {
        return issuances.latest(decisionId);
    }

    public Optional<FeedbackPublication> feedback(long decisionId) {
        return feedback.latest(decisionId);
    }

    /** Published decisions, the latest publication of each, newest first. */
    /** One page of the published decisions, each with its latest publication, newest first (issue 17). */
    public cn.juece.support.Page<Publication> published(int page, int size) {
        long total = publications.countDecisions();
        return new cn.juece.support.Page<>((long) page * size >= total ? List.of() : publications.latestPerDecision(page * size, size),
                total, page, size);
    }

    /** One page of the published decisions of one organ, or of all (null or blank), newest first (Art. 52, 64). */
    public cn.juece.support.Page<Publication> published(String organCode, int page, int size) {
        if (organCode == null || organCode.isBlank()) {
            return published(page, size);
        }
        long total = publications.countDecisions(organCode);
        return new cn.juece.support.Page<>((long) page * size >= total ? List.of() : publications.latestPerDecision(organCode, page * size, size),
                total, page, size);
    }

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
            facts.add(DossierFact.of("DECISION_ISSUANCE", "报告党委并印发", "第五十一条", Stage.PUBLICATION.number(), i.step(),
                    materials.cite(d.id(), i.documentVersionId()), "documentVersionId", i.documentVersionId(), "docNumber", i.docNumber(),
                    "issuedOn", i.issuedOn() == null ? null : i.issuedOn().toString(), "route", i.route()));
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
