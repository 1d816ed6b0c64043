package cn.juece.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Camunda webapps' own login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}) checks the
 * password through the identity service, not through Spring Security: the same per-account lockout
 * ({@link SignInGuard}) applies here — a locked account is refused before its password is checked, a refusal (403)
 * counts as a failure, a sign-in (200) resets the count.
 */
final class WebappLoginGuard extends OncePerRequestFilter {

    private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");

    private final SignInGuard guard;
    private final ObjectMapper json;

    WebappLoginGuard(SignInGuard guard, ObjectMapper json) {
        this.guard = guard;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !LOGIN.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String user = request.getParameter("username");
        if (user == null || user.isBlank()) {
            chain.doFilter(request, response);
            return;
        }
        boolean counted;
        try {
            counted = guard.checkNotLocked(user);
        } catch (SignInGuard.Locked locked) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType("application/json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            json.writeValue(response.getOutputStream(), java.util.Map.of("code", "ACCOUNT_LOCKED", "message", locked.getMessage()));
            return;
        }
        SignInNotes.take();
        chain.doFilter(request, response);
        // the directory out of reach, or a directory person of no unit: not a wrong password
        boolean notAWrongPassword = SignInNotes.take() != null;
        if (response.getStatus() == HttpServletResponse.SC_OK) {
            if (counted) {
                guard.succeeded(user);
            }
        } else if (!notAWrongPassword && response.getStatus() == HttpServletResponse.SC_FORBIDDEN || response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
            guard.failed(user);
        }
    }
}
