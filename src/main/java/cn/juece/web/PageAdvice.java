package cn.juece.web;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.support.AppClock;
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
    private final AppClock clock;

    PageAdvice(Directory directory, Navigation navigation, AppClock clock) {
        this.directory = directory;
        this.navigation = navigation;
        this.clock = clock;
    }

    @ModelAttribute("me")
    Actor me() {
        return directory.currentActor();
    }

    /** After {@code me} (Spring orders model attribute methods by what they take). */
    @ModelAttribute("nav")
    Navigation.Links nav(@ModelAttribute(name = "me", binding = false) Actor me) {
        return navigation.of(me);
    }

    /** An example decision number of the person's own organ, for the number filters (a township clerk reads QQ-…, Art. 64). */
    @ModelAttribute("numberExample")
    String numberExample(@ModelAttribute(name = "me", binding = false) Actor me) {
        var organs = me == null ? java.util.List.<String>of() : directory.organsOf(me);
        String prefix = organs.isEmpty() ? "GX" : directory.organ(organs.get(0)).prefix();
        return prefix + "-" + clock.today().getYear() + "-0001";
    }

    @ExceptionHandler(RuntimeException.class)
    String refused(RuntimeException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        RuleViolation rv = RuleViolation.findIn(e);
        if (rv == null) {
            rv = cn.juece.support.Conflicts.refusalFor(e);   // a double click on 办理, a colleague at the same step
        }
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
        var flash = RequestContextUtils.getOutputFlashMap(request);
        flash.put("error", rv.chineseMessage() + "（" + rv.code() + "）");
        String section = request.getParameter(SECTION);
        if (section != null && section.matches(SECTION_NAME)) {
            flash.put("errorSection", section);
        }
        String referer = request.getHeader("Referer");
        String target = referer != null && referer.contains(request.getServerName()) ? referer : request.getContextPath() + "/";
        return "redirect:" + section(target, request.getParameter(SECTION));
    }

    /**
     * A form may name the part of its page it belongs to ({@value #SECTION}, e.g. the participation page's "hearing"): a
     * refusal then comes back with that part open and in view, the message shown there ({@code errorSection}).
     */
    static final String SECTION = "_open";
    private static final String SECTION_NAME = "[a-z][a-z0-9-]{0,30}";

    private static String section(String target, String section) {
        if (section == null || !section.matches(SECTION_NAME)) {
            return target;
        }
        return UriComponentsBuilder.fromUriString(target).replaceQueryParam("open", section).fragment(section).build().toUriString();
    }
}
