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
 * For every staff page: the person signed in ({@code me}) and the menu they may use ({@code nav}), and refusals
 * shown on the page they came from (nothing was saved: the service's transaction rolled back before this runs).
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
        if (rv.status() == org.springframework.http.HttpStatus.NOT_FOUND && "GET".equals(request.getMethod())) {
            // An unknown decision, and one the person may not see, read the same (DECISIONS.md 23).
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            model.addAttribute("error", rv.chineseMessage());
            model.addAttribute("code", rv.code());
            model.addAttribute("me", directory.currentActor());
            return "not-found";
        }
        RequestContextUtils.getOutputFlashMap(request).put("error", rv.chineseMessage() + "（" + rv.code() + "）");
        String referer = request.getHeader("Referer");
        String target = referer != null && referer.contains(request.getServerName()) ? referer : request.getContextPath() + "/";
        return "redirect:" + target;
    }
}
