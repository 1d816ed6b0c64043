package cn.juece.execution;

import cn.juece.publication.PublicDecisionPage;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.decision.Decision;
import cn.juece.portal.FormOnce;
import cn.juece.portal.PublicPortal;
import cn.juece.portal.ReceiptNumbers;
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

    private final ExecutionFeedback feedback;
    private final PublicDecisionPage page;
    private final FormOnce forms;

    ExecutionPortal(ExecutionFeedback feedback, PublicDecisionPage page, FormOnce forms) {
        this.forms = forms;
        this.feedback = feedback;
        this.page = page;
    }

    @PostMapping("/public/decisions/{number}/feedback")
    String submit(@PathVariable String number, @RequestParam(required = false) String authorName,
                  @RequestParam(required = false) String contact, @RequestParam(required = false) String content,
                  @RequestParam(name = FormOnce.PARAM, required = false) String formToken,
                  Model model, HttpServletResponse response) {
        Decision d = published(number);
        try {
            // Art. 54: feedback sent twice from one form is one item for the execution unit to answer
            FormOnce.Outcome taken = forms.submit(FormOnce.key(formToken, authorName, contact, content), "EXECUTION_FEEDBACK",
                    () -> feedback.submitPublic(d.number(), authorName, contact, content).receipt());
            model.addAttribute("d", d);
            model.addAttribute("receipt", ReceiptNumbers.display(taken.receipt()));
            model.addAttribute("repeated", taken.repeated());
            return "public/feedback-receipt";
        } catch (RuleViolation e) {
            response.setStatus(e.status().value());
            model.addAttribute("error", e.chineseMessage());
            model.addAttribute("form", Map.of("authorName", nz(authorName), "contact", nz(contact), "content", nz(content)));
            return page.fill(model, d);
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


    private Decision published(String number) {
        return page.published(number);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
