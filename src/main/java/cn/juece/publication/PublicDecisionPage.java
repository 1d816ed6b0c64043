package cn.juece.publication;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.document.DocumentKind;
import cn.juece.document.DocumentService;
import cn.juece.meeting.MeetingService;
import cn.juece.participation.PublicCommentService;
import cn.juece.support.RuleViolation;

/**
 * The model of the portal's page of a published decision (Art. 52, and execution in public): the publication's own
 * part, then every {@link PublicDecisionSection} of later stages. One page, whichever controller renders it (the
 * page itself, or a refused execution feedback shown again with its message).
 */
@Component
public class PublicDecisionPage {

    public static final String VIEW = "public/decision";

    private final PublicationService publications;
    private final PublicationRecords records;
    private final DecisionService decisions;
    private final MeetingService meetings;
    private final DocumentService documents;
    private final PublicCommentService comments;
    private final List<PublicDecisionSection> sections;

    PublicDecisionPage(PublicationService publications, PublicationRecords records, DecisionService decisions, MeetingService meetings,
                       DocumentService documents, PublicCommentService comments, List<PublicDecisionSection> sections) {
        this.publications = publications;
        this.records = records;
        this.decisions = decisions;
        this.meetings = meetings;
        this.documents = documents;
        this.comments = comments;
        this.sections = sections;
    }

    /** Only a published decision has a public page; any other number reads as unknown (404). */
    public Decision published(String number) {
        Optional<Decision> d = decisions.find(number);
        if (d.isEmpty() || publications.publication(d.get().id()).isEmpty()) {
            throw RuleViolation.notFound("DECISION_NOT_PUBLISHED", "未找到已公布的重大行政决策：" + number + "。");
        }
        return d.get();
    }

    /** Fills the page's model and returns its view name. */
    public String fill(Model model, Decision d) {
        var publication = publications.publication(d.id()).orElseThrow();
        model.addAttribute("d", d);
        model.addAttribute("publication", publication);
        model.addAttribute("issuance", publications.issuance(d.id()).orElse(null));
        model.addAttribute("interpretations", publication.exempt() ? List.of() : records.interpretations(d.id()));
        model.addAttribute("meeting", meetings.latestDecision(d.id()).orElse(null));
        model.addAttribute("feedback", publications.feedback(d.id()).orElse(null));
        model.addAttribute("notice", documents.latest(d.id(), DocumentKind.PUBLICATION_NOTICE).isPresent());
        model.addAttribute("summary", documents.latest(d.id(), DocumentKind.ADOPTION_SUMMARY).isPresent());
        model.addAttribute("consultations", comments.ofDecision(d.id()));
        sections.forEach(s -> s.fill(model, d));
        return VIEW;
    }
}
