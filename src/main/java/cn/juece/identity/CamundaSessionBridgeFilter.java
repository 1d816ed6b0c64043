package cn.juece.identity;

import java.io.IOException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Single sign-on, the webapps' direction: a person who signed in on Tasklist/Cockpit/Admin's own login
 * form is signed in to our pages and /api in the same HTTP session. (The other direction is Camunda's
 * ContainerBasedAuthenticationFilter with {@link SpringSecurityAuthenticationProvider}.) Sign-out
 * invalidates the one session, ending both.
 */
class CamundaSessionBridgeFilter extends OncePerRequestFilter {

    private static final String SESSION_ATTRIBUTE = "authenticatedUser";

    private final IdentityService identityService;
    private final String engineName;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    /** @param engineName this application's engine ({@code camunda.bpm.process-engine-name}, "default" unless set) */
    CamundaSessionBridgeFilter(IdentityService identityService, String engineName) {
        this.identityService = identityService;
        this.engineName = engineName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || current instanceof AnonymousAuthenticationToken) {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof Authentications auths) {
                Authentication camunda = auths.getAuthenticationForProcessEngine(engineName);
                if (camunda != null && camunda.getName() != null) {
                    var auth = UsernamePasswordAuthenticationToken.authenticated(camunda.getName(), null,
                            IdentityAuthenticationProvider.authorities(identityService, camunda.getName()));
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(auth);
                    SecurityContextHolder.setContext(context);
                    repository.saveContext(context, request, response);
                }
            }
        }
        chain.doFilter(request, response);
    }
}
