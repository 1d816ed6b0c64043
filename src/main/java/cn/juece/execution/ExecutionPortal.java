package cn.juece.execution;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.archive.ArchiveService;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.identity.Directory;
import cn.juece.meeting.MeetingService;
import cn.juece.portal.PublicPortal;
import cn.juece.publication.PublicationService;
import cn.juece.support.RuleViolation;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The portal's page of a published decision (Art. 52; 决策执行公开): how it was decided and published, who executes
 * it with which task, the progress the decision organ chose to publish, every suspension, stop, modification or
 * resumption with its legal ground and meeting, and the archive; and, while it is in execution, the form for the
 * public's opinions (Art. 54) with a receipt to look the answer up. No login; values written escaped; the portal's
 * CSRF and rate limit apply to the form.
 */
@Controller
@PublicPortal
class ExecutionPortal {

    private final DecisionService decisions;
    private final PublicationService publications;
    private final MeetingService meetings;
    private final ArchiveService archive;
    private final ExecutionView view;
    private final ExecutionFeedback feedback;
    private final Directory directory;

    ExecutionPortal(DecisionService decisions, PublicationService publications, MeetingService meetings, ArchiveService archive,
                    ExecutionView view, ExecutionFeedback feedback, Directory directory) {
        this.decisions = decisions;
        this.publications = publications;
        this.meetings = meetings;
        this.archive = archive;
        this.view = view;
        this.feedback = feedback;
        this.directory = directory;
    }

    @GetMapping("/public/decisions/{number}")
    String page(@PathVariable String number, Model model) {
        fill(model, published(number));
        model.addAttribute("form", Map.of());
        return "public/decision";
    }

    @PostMapping("/public/decisions/{number}/feedback")
    String submit(@PathVariable String number, @RequestParam(required = false) String authorName,
                  @RequestParam(required = false) String contact, @RequestParam(required = false) String content,
                  Model model, HttpServletResponse response) {
        Decision d = published(number);
        try {
            ExecutionFeedback.Item item = feedback.submitPublic(d.number(), authorName, contact, content);
            model.addAttribute("d", d);
            model.addAttribute("receipt", item.receiptDisplay());
            return "public/feedback-receipt";
        } catch (RuleViolation e) {
            response.setStatus(e.status().value());
            fill(model, d);
            model.addAttribute("error", e.chineseMessage());
            model.addAttribute("form", Map.of("authorName", nz(authorName), "contact", nz(contact), "content", nz(content)));
            return "public/decision";
        }
    }

    @GetMapping("/public/feedback/lookup")
    String lookup(@RequestParam(required = false) String receipt, Model model, HttpServletResponse response) {
        model.addAttribute("receipt", receipt == null ? "" : receipt);
        if (receipt != null && !receipt.isBlank()) {
            var found = feedback.lookup(receipt);
            if (found.isPresent()) {
                model.addAttribute("result", found.get());
            } else {
                response.setStatus(HttpStatus.NOT_FOUND.value());
                model.addAttribute("error", "没有找到该回执号的意见建议。请核对回执号（12位字母和数字，如 ABCD-EFGH-JKMN）。");
            }
        }
        return "public/feedback-lookup";
    }

    private void fill(Model model, Decision d) {
        model.addAttribute("d", d);
        model.addAttribute("publication", publications.publication(d.id()).orElse(null));
        model.addAttribute("meeting", meetings.latestDecision(d.id()).map(MeetingService.MeetingDecision::withMeeting).orElse(null));
        model.addAttribute("units", view.units(d));
        model.addAttribute("progress", view.periods(d).stream().filter(p -> p.period().publicSummary() != null).toList());
        model.addAttribute("changes", view.decisions(d));
        model.addAttribute("archive", archive.record(d.id()).filter(ArchiveService.ArchiveRecord::filed).orElse(null));
        model.addAttribute("feedbackOpen", feedback.open(d));
        model.addAttribute("directory", directory);
    }

    /** Only a published decision has a public page; any other number reads as unknown. */
    private Decision published(String number) {
        return decisions.find(number).filter(d -> publications.publication(d.id()).isPresent())
                .orElseThrow(() -> RuleViolation.notFound("DECISION_NOT_PUBLISHED", "没有找到该决策，或该决策尚未公布。"));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
