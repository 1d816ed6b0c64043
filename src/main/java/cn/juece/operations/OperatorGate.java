package cn.juece.operations;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.enginerest.EngineRestErrors;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.operations.AffectedRuns.Affected;
import cn.juece.operations.AffectedRuns.Run;
import cn.juece.operations.EngineOperations.Match;
import cn.juece.operations.EngineOperations.Target;
import cn.juece.support.RuleViolation;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Administrators cannot rewrite history silently (issue 10, point 6). On the engine REST API (/engine-rest) and
 * the webapps' engine API (/camunda/api/engine, what Cockpit calls), the calls of {@link EngineOperations} that
 * change a decision's or a catalogue's run are refused for everyone but the operators (流程运维人员). An
 * operator states a reason (X-Juece-Reason, URL-encoded UTF-8, or the body's annotation where the operation
 * has one); then the act runs inside one Spring transaction, which the engine's commands join
 * (SpringTransactionInterceptor, PROPAGATION_REQUIRED), between a capture of the run's state before and after,
 * and its audit entry (reason, before, after) is written in that same transaction. The engine's answer is
 * held back until the commit: an answer of 400 or more rolls everything back and records nothing, and a
 * failed commit answers 500, never the engine's 2xx. Batches run later, outside any act that could be
 * audited, and are refused for everyone, as are operations on every instance of a definition at once.
 * <p>
 * Runs after Spring Security (who is signed in) and before the engine's and the webapps' authentication
 * filters, so that the states are read without an engine authentication and show the whole run.
 */
class OperatorGate extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(OperatorGate.class);

    static final String REASON_HEADER = "X-Juece-Reason";
    static final int REASON_MIN = 10;
    static final int REASON_MAX = 500;
    /** The audit entry's detail is at most 2000 characters (AuditTrail). */
    private static final int DETAIL_MAX = 2000;

    private final AffectedRuns runs;
    private final RunState states;
    private final Directory directory;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final ObjectMapper json;

    OperatorGate(AffectedRuns runs, RunState states, Directory directory, AuditTrail audit, TransactionTemplate tx,
                 ObjectMapper json) {
        this.runs = runs;
        this.states = states;
        this.directory = directory;
        this.audit = audit;
        this.tx = tx;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var found = EngineOperations.match(request.getMethod(), EngineOperations.belowEngineRoot(request.getPathInfo()),
                cascadeRequested(request.getQueryString()));
        if (found.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Match match = found.get();
        Target target = match.operation().target();
        String userId = currentUser();
        if (target == Target.BATCH) {
            refuse(request, response, userId, batchForbidden(match));
            return;
        }
        if (target == Target.MASS) {
            refuse(request, response, userId, massForbidden(match));
            return;
        }
        Affected inPath = match.operation().namesRunsInBody() ? null : runs.inPath(match);
        boolean operator = userId != null && directory.groupsOf(userId).contains(Groups.OPERATOR);
        if (!operator) {
            if (inPath != null && inPath.found() && inPath.runs().isEmpty()) {
                chain.doFilter(request, response); // an existing object outside any decision's run
                return;
            }
            refuse(request, response, userId, forbidden(match));
            return;
        }
        if (inPath != null && inPath.runs().isEmpty()) {
            chain.doFilter(request, response); // unknown (the engine answers 404) or outside any decision's run
            return;
        }
        CachedBodyRequest cached = isMultipart(request) ? null : CachedBodyRequest.of(request);
        JsonNode body = parse(cached);
        if ((target == Target.LISTED_INSTANCES || target == Target.LISTED_HISTORIC_INSTANCES)
                && AffectedRuns.namesInstancesByQuery(body)) {
            refuse(request, response, userId, RuleViolation.badRequest("OPERATOR_INSTANCES_REQUIRED",
                    "流程运维操作须在 processInstanceIds 中逐一列出要操作的流程实例，不能按查询条件选择，以便逐件记录操作前后的状态。"));
            return;
        }
        String reason;
        try {
            reason = reason(request, body, match);
        } catch (RuleViolation rv) {
            refuse(request, response, userId, rv);
            return;
        }
        Set<Run> targets = inPath != null ? inPath.runs() : runs.named(match, body);
        operate(cached == null ? request : cached, response, chain, match, body, targets, reason, directory.actor(userId));
    }

    /** The operator's act in one transaction with its audit entries, the engine's answer released after the commit. */
    private void operate(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Match match,
                         JsonNode body, Set<Run> targets, String reason, Actor actor) throws IOException, ServletException {
        var buffered = new ContentCachingResponseWrapper(response);
        String what = what(match, body);
        String call = request.getMethod() + " " + request.getRequestURI();
        boolean done;
        try {
            done = Boolean.TRUE.equals(tx.execute(status -> {
                Map<Run, Map<String, Map<String, Object>>> before = capture(targets);
                try {
                    chain.doFilter(request, buffered);
                } catch (IOException | ServletException e) {
                    throw new ChainFailed(e);
                }
                if (buffered.getStatus() >= 400) {
                    status.setRollbackOnly();
                    return false;
                }
                Map<Run, Map<String, Map<String, Object>>> after = capture(targets);
                String head = "流程运维操作：" + what + "（" + call + "）；理由：" + reason + "；";
                if (targets.isEmpty()) {
                    audit.record(actor, null, null, AuditAction.ENGINE_OPERATION, head + "未涉及任何决策事项或年度目录的运行中流程");
                }
                for (Run run : targets) {
                    audit.record(actor, run.decisionId(), run.key(), AuditAction.ENGINE_OPERATION,
                            head + states.beforeAndAfter(before.get(run), after.get(run), DETAIL_MAX - head.length()));
                }
                return true;
            }));
        } catch (ChainFailed e) {
            if (e.getCause() instanceof ServletException se) {
                throw se;
            }
            throw (IOException) e.getCause();
        } catch (RuntimeException e) {
            // The act, or its record, or the commit failed: nothing was kept, and the engine's answer is not sent.
            log.error("Operator {}'s {} was not saved and has been rolled back", actor.id(), call, e);
            if (!response.isCommitted()) {
                response.reset();
                Map<String, Object> failed = new LinkedHashMap<>();
                failed.put("type", "EngineOperationFailed");
                failed.put("code", "ENGINE_OPERATION_NOT_SAVED");
                failed.put("message", "操作未能保存，流程运行状态和办理记录均未改变。请稍后重试，或联系系统管理员。");
                write(response, HttpStatus.INTERNAL_SERVER_ERROR.value(), failed);
            }
            return;
        }
        if (done) {
            log.info("Operator {} {} on {}: {}", actor.id(), call, targets.stream().map(Run::key).toList(), what);
        }
        buffered.copyBodyToResponse();
    }

    private Map<Run, Map<String, Map<String, Object>>> capture(Set<Run> targets) {
        Map<Run, Map<String, Map<String, Object>>> state = new LinkedHashMap<>();
        targets.forEach(run -> state.put(run, states.of(run.key())));
        return state;
    }

    /** The operator's reason: the header, or the body's annotation where the operation has one; 10 to 500 characters. */
    private static String reason(HttpServletRequest request, JsonNode body, Match match) {
        String reason = null;
        String header = request.getHeader(REASON_HEADER);
        if (header != null && !header.isBlank()) {
            try {
                reason = URLDecoder.decode(header, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException malformed) {
                reason = null;
            }
        }
        if ((reason == null || reason.isBlank()) && match.operation().annotationInBody() && body.path("annotation").isTextual()) {
            reason = body.path("annotation").asText();
        }
        reason = reason == null ? "" : reason.strip();
        int length = reason.codePointCount(0, reason.length());
        if (length < REASON_MIN || length > REASON_MAX) {
            throw RuleViolation.badRequest("OPERATOR_REASON_REQUIRED", "流程运维操作须说明理由（不少于" + REASON_MIN + "个字，不超过" + REASON_MAX
                    + "个字）：请在请求头 " + REASON_HEADER + " 中填写（UTF-8 编码后按 URL 规则转义）"
                    + (match.operation().annotationInBody() ? "，或填写请求内容中的 annotation 字段" : "")
                    + "。理由与操作前后的流程状态一并记入该决策事项的办理记录。");
        }
        return reason;
    }

    private static String what(Match match, JsonNode body) {
        return switch (match.operation().target()) {
            case MESSAGE -> match.what() + "“" + body.path("messageName").asText("") + "”";
            case SIGNAL -> match.what() + "“" + body.path("name").asText("") + "”";
            default -> match.what();
        };
    }

    private static RuleViolation forbidden(Match match) {
        return RuleViolation.forbidden("ENGINE_OPERATION_FORBIDDEN", "“" + match.what() + "”会改变决策事项的流程运行记录。"
                + "只有流程运维人员可以办理这类操作，且须说明理由并留痕（理由和操作前后的流程状态记入该决策事项的办理记录）。"
                + "如确需调整，请联系流程运维人员。");
    }

    private static RuleViolation batchForbidden(Match match) {
        return RuleViolation.forbidden("ENGINE_BATCH_FORBIDDEN", "批量操作提交后由系统在后台另行执行，无法在操作的同一事务中"
                + "逐件记录决策事项操作前后的状态，因此任何人（包括流程运维人员）都不得以批量操作改变决策流程。"
                + "请由流程运维人员逐个流程实例办理，并说明理由。");
    }

    private static RuleViolation massForbidden(Match match) {
        return RuleViolation.forbidden("ENGINE_MASS_OPERATION_FORBIDDEN", "“" + match.what()
                + "”会一次改变多件决策事项的流程运行记录，任何人都不得执行。请由流程运维人员逐个流程实例办理，并说明理由。");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, String userId, RuleViolation rv)
            throws IOException {
        log.info("Engine operation refused for {}: {} {}: [{}] {}", userId, request.getMethod(), request.getRequestURI(),
                rv.code(), rv.chineseMessage());
        write(response, rv.status().value(), EngineRestErrors.body(rv));
    }

    private void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), body);
    }

    private JsonNode parse(CachedBodyRequest request) {
        if (request == null || request.body().length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(request.body());
            return node == null ? json.createObjectNode() : node;
        } catch (IOException notJson) {
            return json.createObjectNode(); // the engine will refuse it
        }
    }

    private static String currentUser() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return auth.getName();
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    /** Read from the query string only: asking the request for a parameter could consume a form body. */
    static boolean cascadeRequested(String query) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                if ("cascade".equals(name) && "true".equalsIgnoreCase(value.strip())) {
                    return true;
                }
            } catch (IllegalArgumentException malformed) {
                return true; // the safe reading: treated as a cascade, refused
            }
        }
        return false;
    }

    /** The rest of the filter chain failed: rethrown as it came once the transaction has rolled back. */
    private static final class ChainFailed extends RuntimeException {
        ChainFailed(Exception cause) {
            super(cause);
        }
    }
}
