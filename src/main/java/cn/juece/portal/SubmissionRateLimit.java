package cn.juece.portal;

import java.io.IOException;
import java.time.OffsetDateTime;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.juece.support.AppClock;
import cn.juece.web.ErrorPages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A per-client limit on the public portal's submissions (every POST under /public/), in a fixed window per
 * client address (juece.portal.rate-limit.*). Runs before Spring Security, so a flood is refused before any
 * other work. The windows live in the database ({@link SubmissionWindows}): behind a load balancer every node
 * counts against the same budget, and a restart forgets nothing.
 */
@Configuration
class SubmissionRateLimit {

    @Bean
    FilterRegistrationBean<Filter> portalRateLimit(PortalProperties properties, AppClock clock, SubmissionWindows windows) {
        var reg = new FilterRegistrationBean<>(new Filter(properties.rateLimit(), clock, windows));
        reg.setName("juece-portal-rate-limit");
        reg.addUrlPatterns("/public/*");
        reg.setOrder(-110);
        return reg;
    }

    static final class Filter extends OncePerRequestFilter {

        private final PortalProperties.RateLimit limit;
        private final AppClock clock;
        private final ClientAddress addresses;
        private final SubmissionWindows windows;

        Filter(PortalProperties.RateLimit limit, AppClock clock, SubmissionWindows windows) {
            this.limit = limit;
            this.clock = clock;
            this.windows = windows;
            this.addresses = new ClientAddress(limit.trustedProxies());
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            // An expert's answers through their signed link (/public/experts/<token>, Art. 33, 34) are not anonymous
            // submissions: the link names one invited person, whose accept, undertaking and opinion are a few posts.
            return !limit.enabled() || !"POST".equalsIgnoreCase(request.getMethod())
                    || request.getRequestURI().startsWith(request.getContextPath() + "/public/experts/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String client = addresses.of(request);
            OffsetDateTime now = clock.now();
            SubmissionWindows.Window w = windows.count(client, now);
            if (w.submissions() > limit.maxSubmissions()) {
                long endMillis = w.start().plus(limit.window()).toInstant().toEpochMilli();
                long retry = Math.max(1, (endMillis - now.toInstant().toEpochMilli() + 999) / 1000);
                response.setHeader("Retry-After", String.valueOf(retry));
                // The portal's error page, or {code, message} for the JSON intake (ErrorPages).
                request.setAttribute(ErrorPages.TITLE, "提交过于频繁");
                request.setAttribute(ErrorPages.MESSAGE, message(limit.window().toMinutes(), limit.maxSubmissions(), (retry + 59) / 60));
                request.setAttribute(ErrorPages.CODE, "TOO_MANY_REQUESTS");
                response.sendError(429);
                return;
            }
            chain.doFilter(request, response);
        }

        private static String message(long windowMinutes, int max, long retryMinutes) {
            return "提交过于频繁：同一网络地址每" + windowMinutes + "分钟最多提交" + max + "次。请约" + retryMinutes
                    + "分钟后再试。您填写的内容尚未提交，可返回上一页复制保存，稍后再提交。";
        }
    }
}
