package cn.juece.identity;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * "退出所有设备" in the page header: ends this session now and every other session of the person (another browser,
 * another computer, the webapps in them) at its next request, on every node ({@link SignInGuard#revokeSessions}).
 */
@Controller
class LogoutEverywhereController {

    private final SignInGuard guard;
    private final Directory directory;

    LogoutEverywhereController(SignInGuard guard, Directory directory) {
        this.guard = guard;
        this.directory = directory;
    }

    @PostMapping("/logout/everywhere")
    String logoutEverywhere(HttpServletRequest request) {
        guard.revokeSessions(directory.currentActor().id());
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/login?everywhere";
    }
}
