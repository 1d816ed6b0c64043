package cn.juece.identity;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.juece.portal.ClientAddress;
import cn.juece.portal.PortalProperties;
import cn.juece.support.AppClock;
import cn.juece.web.ErrorPages;

import jakarta.servlet.http.HttpServletResponse;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

/**
 * Who may enter where. Spring Security owns sign-in (form for people, HTTP Basic for programs) over
 * Camunda's identity service; the webapps follow it (container-based authentication) and the engine REST
 * API requires HTTP Basic with Camunda authorizations applied. See STACK-NOTES "Security and single sign-on".
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    /**
     * Our pages and the portal run scripts of this site only (no inline script, no eval; charts read their figures from
     * data attributes or a JSON block); styles may be inline (style attributes, the charts' tooltips). The Camunda
     * webapps send their own policy (with a nonce) and are left out of ours.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'self'";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final ObjectMapper json;
    private final SignInGuard guard;
    private final AppClock clock;
    private final ClientAddress proxies;

    SecurityConfig(ObjectMapper json, SignInGuard guard, AppClock clock, PortalProperties portal) {
        this.json = json;
        this.guard = guard;
        this.clock = clock;
        this.proxies = new ClientAddress(portal.rateLimit().trustedProxies());
    }

    /**
     * The headers of every response: Content-Security-Policy (not on the webapps, which send their own),
     * X-Frame-Options, X-Content-Type-Options, Referrer-Policy, Permissions-Policy, and HSTS when the request came over
     * HTTPS — to this server or to a trusted proxy (juece.portal.rate-limit.trusted-proxies) that says so in
     * X-Forwarded-Proto. Plain HTTP never gets HSTS (it would lock a county's intranet out of its own HTTP address).
     */
    private void headers(HeadersConfigurer<HttpSecurity> h, boolean sameOriginFrames) {
        HeaderWriter hsts = (request, response) -> {
            if (proxies.isSecure(request)) {
                response.setHeader("Strict-Transport-Security", HSTS);
            }
        };
        h.httpStrictTransportSecurity(t -> t.disable())
                .addHeaderWriter(hsts)
                .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(antMatcher("/camunda/**")),
                        (request, response) -> {
                            // written when the response is committed, so its type is known: a PDF shown inline (the
                            // generated documents) is drawn by the browser's own viewer, which object-src 'none' stops
                            String type = response.getContentType();
                            if (type == null || !type.startsWith("application/pdf")) {
                                response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
                            }
                        }))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                .addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"));
        if (sameOriginFrames) {
            h.frameOptions(f -> f.sameOrigin());
        } else {
            h.frameOptions(f -> f.deny());
        }
    }

    /**
     * The public portal (no login): CSRF token in a cookie, not a session, so that no visitor gets a session
     * (STACK-NOTES); refusals as a plain Chinese page. The per-client rate limit runs before this chain
     * (portal.SubmissionRateLimit).
     */
    @Bean
    @Order(0)
    SecurityFilterChain publicChain(HttpSecurity http) throws Exception {
        var tokens = new CookieCsrfTokenRepository();
        tokens.setCookieName("JUECE-PUBLIC-CSRF");
        tokens.setCookiePath("/public");
        http.securityMatcher(antMatcher("/public/**"))
                .authorizeHttpRequests(a -> a.anyRequest().permitAll())
                .csrf(c -> c.csrfTokenRepository(tokens))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .securityContext(sc -> sc.disable())
                .anonymous(a -> a.disable())
                .headers(h -> headers(h, false))
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, ex) -> {
                    if (request.getRequestURI().startsWith(request.getContextPath() + "/public/api/")) {
                        write(response, HttpServletResponse.SC_FORBIDDEN, "CSRF_TOKEN_INVALID",
                                "请求缺少防伪令牌：请先读取征求意见（GET），再在请求头 X-XSRF-TOKEN 中带上返回的令牌提交。");
                        return;
                    }
                    // The portal's own error page (ErrorPages), with what happened and what to do.
                    request.setAttribute(ErrorPages.TITLE, "页面已过期");
                    request.setAttribute(ErrorPages.MESSAGE, "页面已过期或请求缺少防伪令牌，内容未提交。请返回上一页，刷新后重新填写提交。");
                    request.setAttribute(ErrorPages.CODE, "CSRF_TOKEN_INVALID");
                    response.sendError(HttpServletResponse.SC_FORBIDDEN);
                }))
                // Load the token on every page so that its cookie is set before the page body is written.
                .addFilterAfter((request, response, chain) -> {
                    Object token = request.getAttribute(CsrfToken.class.getName());
                    if (token instanceof CsrfToken t) {
                        t.getToken();
                    }
                    chain.doFilter(request, response);
                }, CsrfFilter.class);
        return http.build();
    }

    /** /api and /engine-rest: HTTP Basic (or the signed-in session), JSON refusals, no login page. */
    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ProcessEngine engine) throws Exception {
        RequestMatcher basicAuth = request -> request.getHeader("Authorization") != null;
        http.securityMatcher(new OrRequestMatcher(antMatcher("/api/**"), antMatcher("/engine-rest/**")))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(unauthenticated()))
                // A program with credentials needs no CSRF token; a browser session does.
                .csrf(c -> c.ignoringRequestMatchers(basicAuth, antMatcher("/engine-rest/**")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .exceptionHandling(e -> e.authenticationEntryPoint(unauthenticated()).accessDeniedHandler(denied()))
                .headers(h -> headers(h, false))
                .addFilterBefore(new CamundaSessionBridgeFilter(engine.getIdentityService(), engine.getName()), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new SessionRevocationFilter(guard, clock), CamundaSessionBridgeFilter.class);
        return http.build();
    }

    /** Our pages and the webapps. */
    @Bean
    @Order(2)
    SecurityFilterChain webChain(HttpSecurity http, ProcessEngine engine) throws Exception {
        RequestMatcher logout = new OrRequestMatcher(
                antMatcher(HttpMethod.POST, "/logout"),
                antMatcher(HttpMethod.POST, "/camunda/api/admin/auth/user/*/logout"));
        http.authorizeHttpRequests(a -> a
                        .requestMatchers(antMatcher("/login"), antMatcher("/error"), antMatcher("/favicon.ico"),
                                antMatcher("/assets/**"), antMatcher("/webjars/**"), antMatcher("/public/**"), antMatcher("/actuator/health/**"),
                                antMatcher("/actuator/health"), antMatcher("/v3/api-docs/**"), antMatcher("/swagger-ui/**"),
                                antMatcher("/swagger-ui.html")).permitAll()
                        // The webapps' pages need a signed-in person (container-based authentication):
                        // an anonymous visitor is sent to our login page and back.
                        .requestMatchers(antMatcher("/camunda/app/**")).authenticated()
                        // Their API answers for itself (its own login endpoint, CSRF and authentication
                        // filters); the SSO filters keep it in step with this chain.
                        .requestMatchers(antMatcher("/camunda/**")).permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", false).failureHandler(loginFailed()).permitAll())
                .logout(l -> l.logoutRequestMatcher(logout).logoutSuccessHandler(afterLogout())
                        .invalidateHttpSession(true).deleteCookies("JSESSIONID"))
                // The webapps have their own CSRF protection (STACK-NOTES).
                .csrf(c -> c.ignoringRequestMatchers(antMatcher("/camunda/**")))
                .exceptionHandling(e -> e.accessDeniedHandler(pageDenied()))
                .headers(h -> headers(h, true))
                .addFilterBefore(new CamundaSessionBridgeFilter(engine.getIdentityService(), engine.getName()), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new SessionRevocationFilter(guard, clock), CamundaSessionBridgeFilter.class);
        return http.build();
    }

    /** Spring's sign-in reaches the webapps: runs after Spring Security's filter (order -100). */
    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> webappSingleSignOn() {
        var reg = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        reg.setName("juece-webapp-sso");
        reg.addInitParameter("authentication-provider", SpringSecurityAuthenticationProvider.class.getName());
        reg.addUrlPatterns("/camunda/*");
        reg.setOrder(101);
        return reg;
    }

    /** The webapps' own login form under the same per-account lockout (before the webapps' filters, order 101). */
    @Bean
    FilterRegistrationBean<WebappLoginGuard> webappLoginGuard() {
        var reg = new FilterRegistrationBean<>(new WebappLoginGuard(guard, json));
        reg.setName("juece-webapp-login-guard");
        reg.addUrlPatterns("/camunda/api/admin/auth/user/*");
        reg.setOrder(100);
        return reg;
    }

    /** The engine REST API acts as the signed-in person so that Camunda authorizations apply. */
    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
        var reg = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        reg.setName("juece-engine-rest-auth");
        reg.addInitParameter("authentication-provider", SpringSecurityAuthenticationProvider.class.getName());
        reg.addUrlPatterns("/engine-rest/*");
        reg.setOrder(102);
        return reg;
    }

    /**
     * The login page says why: a wrong name or password ({@code ?error}), the LDAP directory out of reach
     * ({@code ?unavailable}), a directory person without a unit here ({@code ?unassigned}), an account locked after
     * repeated wrong passwords ({@code ?locked}).
     */
    private AuthenticationFailureHandler loginFailed() {
        return (request, response, e) -> {
            String why = e instanceof DirectorySignInException.Unavailable ? "unavailable"
                    : e instanceof DirectorySignInException.NoUnit ? "unassigned"
                    : e instanceof SignInGuard.Locked ? "locked" : "error";
            response.sendRedirect(request.getContextPath() + "/login?" + why);
        };
    }

    private AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            if (e instanceof DirectorySignInException.Unavailable) {
                // Not the caller's fault and not for ever: the directory that checks the password does not answer.
                write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "DIRECTORY_UNAVAILABLE", e.getMessage());
                return;
            }
            response.setHeader("WWW-Authenticate", "Basic realm=\"juece\"");
            if (e instanceof DirectorySignInException.NoUnit) {
                write(response, HttpServletResponse.SC_UNAUTHORIZED, "DIRECTORY_NO_UNIT", e.getMessage());
                return;
            }
            if (e instanceof SignInGuard.Locked) {
                write(response, HttpServletResponse.SC_UNAUTHORIZED, "ACCOUNT_LOCKED", e.getMessage());
                return;
            }
            write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED",
                    "请先登录，或在请求中提供 HTTP Basic 认证信息（用户名和密码）。");
        };
    }

    private AccessDeniedHandler denied() {
        return (request, response, e) -> {
            if (e instanceof CsrfException) {
                write(response, HttpServletResponse.SC_FORBIDDEN, "CSRF_TOKEN_INVALID",
                        "页面已过期或请求缺少防伪令牌，请刷新页面后重试。");
            } else {
                write(response, HttpServletResponse.SC_FORBIDDEN, "FORBIDDEN", "您没有执行该操作的权限。");
            }
        };
    }

    /** A form of our pages refused by Spring Security (its token expired): the staff error page says so (ErrorPages). */
    private AccessDeniedHandler pageDenied() {
        return (request, response, e) -> {
            if (e instanceof CsrfException) {
                request.setAttribute(ErrorPages.TITLE, "页面已过期");
                request.setAttribute(ErrorPages.MESSAGE,
                        "页面已过期（例如已重新登录，或页面打开后长时间未操作），内容未提交。请返回上一页，刷新后重新填写提交。");
                request.setAttribute(ErrorPages.CODE, "CSRF_TOKEN_INVALID");
            }
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
        };
    }

    /** The webapps log out by XHR and expect 200; our pages go back to the login page. */
    private LogoutSuccessHandler afterLogout() {
        return (request, response, authentication) -> {
            if (request.getRequestURI().startsWith(request.getContextPath() + "/camunda/")) {
                response.setStatus(HttpServletResponse.SC_OK);
            } else {
                response.sendRedirect(request.getContextPath() + "/login?logout");
            }
        };
    }

    private void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), Map.of("code", code, "message", message));
    }
}
