package cn.juece.monitoring;

import java.io.IOException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.juece.portal.ClientAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Puts the request id and the decision a request names into the log (MDC keys {@code requestId} and
 * {@code decision}; the pattern in config/application.yaml shows both). The request id is the {@code X-Request-Id}
 * a trusted proxy sent (the same addresses the portal trusts for X-Forwarded-For, DECISIONS.md 21: nginx's
 * {@code $request_id}), else one generated here; either way it is echoed in the response's {@code X-Request-Id}. A
 * header from anyone else is ignored, and so is one that is not a plain token (it would go into every log line).
 * The decision is the number in {@code /api/decisions/<number>/…} or {@code /decisions/<number>/…}. While the engine
 * runs a decision's command (a step, a timer on the job executor), Camunda itself sets {@code decision} to the
 * process's business key (camunda.bpm.generic-properties: logging-context-business-key) and restores ours after.
 */
public final class RequestLogContext extends OncePerRequestFilter {

    public static final String REQUEST_ID = "requestId";
    public static final String DECISION = "decision";
    public static final String HEADER = "X-Request-Id";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern DECISION_PATH = Pattern.compile("^/(?:api/)?decisions/([A-Za-z0-9]{1,16}-\\d{4}-\\d{1,8})(?:/|$)");

    private final ClientAddress proxies;

    RequestLogContext(ClientAddress proxies) {
        this.proxies = proxies;
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = requestId(request);
        String decision = decisionOf(request.getRequestURI().substring(request.getContextPath().length()));
        String previousId = MDC.get(REQUEST_ID);
        String previousDecision = MDC.get(DECISION);
        MDC.put(REQUEST_ID, requestId);
        if (decision != null) {
            MDC.put(DECISION, decision);
        }
        if (!response.containsHeader(HEADER)) {
            response.setHeader(HEADER, requestId);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            restore(REQUEST_ID, previousId);
            restore(DECISION, previousDecision);
        }
    }

    /** The id of this request: a trusted proxy's, the one already given (an error dispatch), or a new one. */
    String requestId(HttpServletRequest request) {
        Object given = request.getAttribute(REQUEST_ID);
        if (given instanceof String s) {
            return s;
        }
        String header = request.getHeader(HEADER);
        String id = header != null && TOKEN.matcher(header).matches() && proxies.isTrusted(request.getRemoteAddr())
                ? header : generate();
        request.setAttribute(REQUEST_ID, id);
        return id;
    }

    static String decisionOf(String path) {
        Matcher m = DECISION_PATH.matcher(path);
        return m.find() ? m.group(1) : null;
    }

    /** 32 hex digits, the form nginx's $request_id has. */
    static String generate() {
        byte[] b = new byte[16];
        ThreadLocalRandom.current().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
