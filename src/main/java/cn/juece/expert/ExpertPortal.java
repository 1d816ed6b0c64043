package cn.juece.expert;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.dossier.MaterialDownloads;
import cn.juece.portal.PublicPortal;
import cn.juece.support.RuleViolation;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The expert's page behind the signed link, /public/experts/{token} (Art. 33, 34): the portal's look, works on a
 * phone and without JavaScript, no login. A refused answer comes back on the same page with its message; a forged,
 * expired or revoked link is the portal's error page with its status.
 */
@Controller
@PublicPortal
class ExpertPortal {

    private final ExpertLinkService links;

    ExpertPortal(ExpertLinkService links) {
        this.links = links;
    }

    @GetMapping("/public/experts/{token}")
    String page(@PathVariable String token, Model model) {
        model.addAttribute("v", links.open(token));
        return "public/expert";
    }

    @PostMapping("/public/experts/{token}/answer")
    String answer(@PathVariable String token, @RequestParam(required = false) String answer,
                  @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
        return act(token, model, response, () -> {
            if ("ACCEPT".equals(answer)) {
                return links.accept(token);
            }
            if ("DECLINE".equals(answer)) {
                return links.decline(token, reason);
            }
            throw RuleViolation.badRequest("EXPERT_ANSWER_REQUIRED", "请选择接受或谢绝论证邀请。");
        });
    }

    @PostMapping("/public/experts/{token}/confidentiality")
    String confidentiality(@PathVariable String token, @RequestParam(required = false) Boolean agree, Model model,
                           HttpServletResponse response) {
        return act(token, model, response, () -> {
            if (!Boolean.TRUE.equals(agree)) {
                throw RuleViolation.badRequest("EXPERT_CONFIDENTIALITY_REQUIRED", "请勾选并确认保密承诺（第三十四条）。");
            }
            return links.acceptConfidentiality(token);
        });
    }

    @PostMapping("/public/experts/{token}/opinion")
    String opinion(@PathVariable String token, @RequestParam(required = false) String necessity,
                   @RequestParam(required = false) String soundness, @RequestParam(required = false) String timing,
                   @RequestParam(required = false) String negativeImpact, @RequestParam(required = false) String other,
                   Model model, HttpServletResponse response) {
        model.addAttribute("form", java.util.Map.of("necessity", nz(necessity), "soundness", nz(soundness), "timing", nz(timing),
                "negativeImpact", nz(negativeImpact), "other", nz(other)));
        return act(token, model, response, () -> links.submitOpinion(token, necessity, soundness, timing, negativeImpact, other));
    }

    @GetMapping("/public/experts/{token}/materials/{versionId}")
    ResponseEntity<byte[]> material(@PathVariable String token, @PathVariable long versionId) {
        return MaterialDownloads.attachment(links.material(token, versionId));
    }

    private String act(String token, Model model, HttpServletResponse response, java.util.function.Supplier<ExpertLinkService.View> action) {
        try {
            model.addAttribute("v", action.get());
            model.addAttribute("done", true);
            model.addAttribute("form", java.util.Map.of());
        } catch (RuleViolation e) {
            if (e.code().startsWith("EXPERT_LINK_")) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", e.chineseMessage());
            model.addAttribute("code", e.code());
            model.addAttribute("v", links.open(token));
        }
        return "public/expert";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
