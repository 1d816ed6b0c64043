package cn.juece.publication;

import java.time.LocalDate;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.access.DecisionAccess;
import cn.juece.document.DocumentService;
import cn.juece.web.StaffPage;

/** Stage 9 on a page (/decisions/{number}/publication): every form calls the same service method as /api. */
@Controller
@StaffPage
class PublicationPage {

    private final PublicationRecords records;
    private final DecisionAccess access;
    private final DocumentService documents;

    private final cn.juece.identity.Directory directory;

    PublicationPage(PublicationRecords records, DecisionAccess access, DocumentService documents, cn.juece.identity.Directory directory) {
        this.directory = directory;
        this.records = records;
        this.access = access;
        this.documents = documents;
    }

    @GetMapping("/decisions/{number}/publication")
    String page(@PathVariable String number, Model model) {
        var d = access.visible(number);
        model.addAttribute("d", d);
        var r = records.record(d.id());
        model.addAttribute("r", r);
        // Art. 51 by reference (Art. 64): the routes and their wording are the organ's own
        var organ = directory.organ(d.organCode());
        model.addAttribute("routeLabel", r.route() == null ? null : r.route().label(organ));
        model.addAttribute("interpretations", records.interpretations(d.id()));
        model.addAttribute("documents", documents.ofDecision(d.id()));
        model.addAttribute("routes", PublicationRecords.Route.labels(organ));
        model.addAttribute("grounds", PublicationRecords.ExemptGround.values());
        model.addAttribute("kinds", PublicationRecords.InterpretationKind.values());
        return "publication";
    }

    @PostMapping("/decisions/{number}/publication/issuance")
    String issuance(@PathVariable String number, @RequestParam(required = false) LocalDate partyReportOn,
                    @RequestParam(required = false) String partyReportRef, @RequestParam(required = false) String route,
                    @RequestParam(required = false) String routeRef, @RequestParam(required = false) LocalDate routeDoneOn,
                    @RequestParam(required = false) String docNumber, @RequestParam(required = false) LocalDate issuedOn) {
        records.recordIssuance(number, new PublicationRecords.IssuanceInput(partyReportOn, partyReportRef, route, routeRef, routeDoneOn,
                docNumber, issuedOn));
        return back(number);
    }

    @PostMapping("/decisions/{number}/publication/channels")
    String channels(@PathVariable String number, @RequestParam(required = false) String gazetteIssue,
                    @RequestParam(required = false) String websiteUrl, @RequestParam(required = false) String newMedia,
                    @RequestParam(required = false) String newspaper, @RequestParam(required = false) String basis,
                    @RequestParam(required = false) String exemptGround, @RequestParam(required = false) String exemptReason) {
        records.recordPublication(number, new PublicationRecords.PublicationInput(gazetteIssue, websiteUrl, newMedia, newspaper, basis,
                exemptGround, exemptReason));
        return back(number);
    }

    @PostMapping("/decisions/{number}/publication/interpretations")
    String interpretation(@PathVariable String number, @RequestParam(required = false) String kind, @RequestParam(required = false) String title,
                          @RequestParam(required = false) String url, @RequestParam(required = false) LocalDate heldOn) {
        records.addInterpretation(number, kind, title, url, heldOn);
        return back(number);
    }

    @PostMapping("/decisions/{number}/publication/notice")
    String notice(@PathVariable String number) {
        records.generateNotice(number);
        return back(number);
    }

    @PostMapping("/decisions/{number}/publication/adoption-summary")
    String adoptionSummary(@PathVariable String number) {
        records.generateAdoptionSummary(number);
        return back(number);
    }

    private static String back(String number) {
        return "redirect:/decisions/" + number + "/publication";
    }
}
