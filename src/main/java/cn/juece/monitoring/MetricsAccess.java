package cn.juece.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import static org.springframework.security.web.util.matcher.AntPathRequestMatcher.antMatcher;

/**
 * Who may read /actuator/prometheus (never the public): an administrator ({@code camunda-admin}) with HTTP Basic, or
 * a scraper presenting {@code Authorization: Bearer <juece.metrics.token>} when a token is configured (empty by
 * default: then administrators only). Its own filter chain, ahead of identity.SecurityConfig's, stateless (no session
 * per scrape), answering 401/403 as {code, message} in Chinese.
 */
@Configuration
class MetricsAccess {

    static final String SCRAPER = "METRICS_SCRAPER";

    private final ObjectMapper json;

    MetricsAccess(ObjectMapper json) {
        this.json = json;
    }

    @Bean
    @Order(-10)
    SecurityFilterChain metricsChain(HttpSecurity http, @Value("${juece.metrics.token:}") String token) throws Exception {
        http.securityMatcher(new OrRequestMatcher(antMatcher("/actuator/prometheus"), antMatcher("/actuator/prometheus/**")))
                .authorizeHttpRequests(a -> a.anyRequest().access(AuthorityAuthorizationManager.hasAnyAuthority("ROLE_ADMIN", SCRAPER)))
                .httpBasic(b -> b.authenticationEntryPoint((request, response, e) -> unauthenticated(response)))
                .addFilterBefore(new BearerToken(token), BasicAuthenticationFilter.class)
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(r -> r.disable())
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> unauthenticated(response))
                        .accessDeniedHandler((request, response, ex) -> write(response, HttpServletResponse.SC_FORBIDDEN,
                                "METRICS_FORBIDDEN", "只有系统管理员或持有监控令牌的采集程序可以读取运行指标。")));
        return http.build();
    }

    private void unauthenticated(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"juece\"");
        write(response, HttpServletResponse.SC_UNAUTHORIZED, "UNAUTHENTICATED",
                "读取运行指标需要认证：系统管理员使用 HTTP Basic，采集程序使用监控令牌（Authorization: Bearer）。");
    }

    private void write(HttpServletResponse response, int status, String code, String message) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), Map.of("code", code, "message", message));
    }

    /** {@code Authorization: Bearer <token>} equal to the configured token makes the request a scraper's. */
    static final class BearerToken extends OncePerRequestFilter {

        private final byte[] token;

        BearerToken(String token) {
            this.token = token == null || token.isBlank() ? null : token.strip().getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (token != null && header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    && MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
                var auth = UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
                        List.of(new SimpleGrantedAuthority(SCRAPER)));
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(auth);
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
        }
    }
}
