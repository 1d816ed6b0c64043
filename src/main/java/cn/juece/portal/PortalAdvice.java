package cn.juece.portal;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

import cn.juece.support.RuleViolation;
import cn.juece.web.ErrorPages;
import jakarta.servlet.http.HttpServletResponse;

/** For every public page: the county's name, and refusals as a plain Chinese page with the status. */
@ControllerAdvice(annotations = PublicPortal.class)
class PortalAdvice {

    private final PortalProperties properties;
    private final FormOnce forms;

    PortalAdvice(PortalProperties properties, FormOnce forms) {
        this.properties = properties;
        this.forms = forms;
    }

    /** A new token for whichever form the page holds: a form is taken once however often it is sent (FormOnce). */
    @ModelAttribute(FormOnce.PARAM)
    String formToken() {
        return forms.issue();
    }

    @ModelAttribute("county")
    String county() {
        return properties.countyName();
    }

    @ExceptionHandler(RuleViolation.class)
    String refused(RuleViolation e, Model model, HttpServletResponse response) {
        response.setStatus(e.status().value());
        model.addAttribute("county", properties.countyName());
        model.addAttribute("status", e.status().value());
        model.addAttribute("title", e.status().value() == 404 ? "未找到" : "提示");
        model.addAttribute("message", e.chineseMessage());
        model.addAttribute("code", e.code());
        return ErrorPages.PUBLIC_VIEW;
    }
}
