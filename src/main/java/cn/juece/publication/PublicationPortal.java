package cn.juece.publication;


import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.document.DocumentKind;
import cn.juece.document.DocumentService;
import cn.juece.dossier.MaterialDownloads;
import cn.juece.dossier.MaterialService;
import cn.juece.meeting.MeetingService;
import cn.juece.participation.PublicCommentService;
import cn.juece.portal.PublicPortal;
import cn.juece.support.RuleViolation;

/**
 * The portal's page of one published decision (Art. 52; openness excerpt): the document as issued, its number and
 * issuing day, its basis, where it was published, the interpretation, the meeting's result and the publication of
 * the opinions' adoption, all read from the publication facts (DECISIONS.md 25). A decision not published (or
 * published with a ground for not disclosing it) shows nothing more than that.
 */
@Controller
@PublicPortal
class PublicationPortal {

    private final PublicationService publications;
    private final PublicationRecords records;
    private final DecisionService decisions;
    private final MeetingService meetings;
    private final DocumentService documents;
    private final MaterialService materials;
    private final PublicCommentService comments;
    private final PublicDecisionPage page;

    PublicationPortal(PublicDecisionPage page, PublicationService publications, PublicationRecords records, DecisionService decisions, MeetingService meetings,
                      DocumentService documents, MaterialService materials, PublicCommentService comments) {
        this.publications = publications;
        this.records = records;
        this.decisions = decisions;
        this.meetings = meetings;
        this.documents = documents;
        this.materials = materials;
        this.comments = comments;
        this.page = page;
    }

    @GetMapping("/public/decisions/{number}")
    String decision(@PathVariable String number, Model model) {
        return page.fill(model, page.published(number));
    }

    /** The decision document as issued (the version in force when it was issued). */
    @GetMapping("/public/decisions/{number}/document")
    ResponseEntity<byte[]> document(@PathVariable String number) {
        Decision d = published(number);
        Long version = publications.issuance(d.id()).map(PublicationService.Issuance::documentVersionId).orElse(null);
        if (version == null || publications.publication(d.id()).orElseThrow().exempt()) {
            throw RuleViolation.notFound("MATERIAL_NOT_PUBLIC", "该材料不公开。");
        }
        return MaterialDownloads.forStaff(materials.download(d.number(), version));
    }

    @GetMapping("/public/decisions/{number}/notice.pdf")
    ResponseEntity<byte[]> notice(@PathVariable String number) {
        return pdf(number, DocumentKind.PUBLICATION_NOTICE);
    }

    @GetMapping("/public/decisions/{number}/adoption.pdf")
    ResponseEntity<byte[]> adoption(@PathVariable String number) {
        return pdf(number, DocumentKind.ADOPTION_SUMMARY);
    }

    private ResponseEntity<byte[]> pdf(String number, DocumentKind kind) {
        Decision d = published(number);
        if (publications.publication(d.id()).orElseThrow().exempt()) {
            throw RuleViolation.notFound("MATERIAL_NOT_PUBLIC", "该材料不公开。");
        }
        var g = documents.latest(d.id(), kind).orElseThrow(() -> RuleViolation.notFound("MATERIAL_NOT_FOUND", "材料不存在。"));
        return MaterialDownloads.forStaff(materials.download(d.number(), g.pdfVersionId()));
    }

    private Decision published(String number) {
        return page.published(number);
    }
}
