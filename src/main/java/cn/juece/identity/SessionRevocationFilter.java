package cn.juece.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.juece.support.AppClock;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * "退出所有设备": a signed-in session remembers when it was first used signed in; when its person has since asked to end
 * all their sessions ({@link SignInGuard#revokeSessions}, a row in the database, so on every node), the session is
 * ended here at its next request — our pages go to the login page, /api answers 401. Requests with their own
 * credentials (HTTP Basic) are not sessions and pass.
 */
final class SessionRevocationFilter extends OncePerRequestFilter {

    static final String SIGNED_IN_AT = SessionRevocationFilter.class.getName() + ".signedInAt";

    private final SignInGuard guard;
    private final AppClock clock;

    SessionRevocationFilter(SignInGuard guard, AppClock clock) {
        this.guard = guard;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (session != null && request.getHeader("Authorization") == null && auth != null && auth.isAuthenticated()
                && !(auth instanceof AnonymousAuthenticationToken)) {
            Object stamp = session.getAttribute(SIGNED_IN_AT);
            if (!(stamp instanceof Instant signedInAt)) {
                session.setAttribute(SIGNED_IN_AT, clock.now().toInstant());
            } else {
                Optional<OffsetDateTime> revoked = guard.sessionsRevokedAt(auth.getName());
                if (revoked.isPresent() && !signedInAt.isAfter(revoked.get().toInstant())) {
                    session.invalidate();
                    SecurityContextHolder.clearContext();
                    refuse(request, response);
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/")) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"code\":\"SESSION_REVOKED\",\"message\":\"您已在其他设备上选择“退出所有设备”，本次登录已结束，请重新登录。\"}");
            return;
        }
        response.sendRedirect(request.getContextPath() + "/login?revoked");
    }
}
