package cn.juece.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;

import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.support.RuleViolation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * For every staff page: the person signed in ({@code me}) and the menu they may use ({@code nav}); refusals of a
 * page (GET) as the error page with the refusal's status, refusals of a form on the page it came from (nothing was
 * saved: the service's transaction rolled back before this runs).
 */
@ControllerAdvice(annotations = StaffPage.class)
class PageAdvice {

    private final Directory directory;
    private final Navigation navigation;

    PageAdvice(Directory directory, Navigation navigation) {
        this.directory = directory;
        this.navigation = navigation;
    }

    @ModelAttribute("me")
    Actor me() {
        return directory.currentActor();
    }

    @ModelAttribute("nav")
    Navigation.Links nav() {
        return navigation.of(directory.currentActor());
    }

    @ExceptionHandler(RuntimeException.class)
    String refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        RuleViolation rv = RuleViolation.findIn(e);
        if (rv == null) {
            throw e;
        }
        if ("GET".equals(request.getMethod())) {
            // A page the person may not open, or that does not exist. An unknown decision, and one the person may
            // not see, read the same (DECISIONS.md 23).
            response.setStatus(rv.status().value());
            Actor me = directory.currentActor();
            model.addAttribute("me", me);
            model.addAttribute("nav", navigation.of(me));
            ErrorPages.describe(model, rv.status().value(), rv.chineseMessage(), rv.code());
            return ErrorPages.STAFF_VIEW;
        }
        RequestContextUtils.getOutputFlashMap(request).put("error", rv.chineseMessage() + "（" + rv.code() + "）");
        String referer = request.getHeader("Referer");
        String target = referer != null && referer.contains(request.getServerName()) ? referer : request.getContextPath() + "/";
        return "redirect:" + target;
    }
}
