package cn.juece.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Nothing is served until the application is ready (issue 11): the web server starts before the start-up runners
 * seed the organisation, the holidays and the periods, and a request answered then would reject valid users or
 * count working days on a calendar still loading. Until {@link ApplicationReadyEvent} every request but the health
 * endpoints gets 503 with a Chinese "starting" answer; {@code /actuator/health} says OUT_OF_SERVICE meanwhile.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // after monitoring.RequestLogContext, so that a refusal is logged with its request id
public class StartupGate extends OncePerRequestFilter {

    private volatile boolean ready;

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        ready = true;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return ready || request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "5");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/engine-rest/") || path.startsWith("/public/api/")) {
            response.setContentType("application/json");
            response.getWriter().write("{\"code\":\"STARTING\",\"message\":\"系统正在启动，请稍候再试。\"}");
        } else {
            response.setContentType("text/html;charset=UTF-8");
            response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta http-equiv=\"refresh\" content=\"5\">"
                    + "<title>系统正在启动</title></head><body style=\"font-family:'PingFang SC','Microsoft YaHei','Noto Sans CJK SC',sans-serif\">"
                    + "<h1>系统正在启动</h1><p>正在载入组织机构、节假日安排和法定期限，请稍候，本页将自动刷新。</p></body></html>");
        }
    }
}
