package cn.juece.enginerest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import cn.juece.support.RuleViolation;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * How the engine REST API (ours at /engine-rest and the webapps' at /camunda/api/engine) answers a refusal
 * (DECISIONS.md 27): a {@link RuleViolation} anywhere in the cause chain becomes its own status with
 * {"type":"RuleViolation","code","message"} (the message is the Chinese sentence only: Tasklist shows it);
 * a missing authorization is 403 NOT_AUTHORIZED and an unknown task or instance 404 NOT_FOUND, both in
 * Chinese. Everything else is answered, and logged, exactly as Camunda's own handlers do.
 */
public final class EngineRestErrors {

    private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

    public static final String TYPE_RULE_VIOLATION = "RuleViolation";

    private EngineRestErrors() {
    }

    /** (resource type, id) → whether it belongs to a decision the person acting now may not see; set at start-up. */
    private static volatile java.util.function.BiPredicate<String, String> hidden;

    static void hideWith(java.util.function.BiPredicate<String, String> test) {
        hidden = test;
    }

    /** The JAX-RS answer to an exception that reached the engine REST API on a request {@code method path}. */
    static Response toResponse(Throwable e, String method, String path) {
        RuleViolation rv = RuleViolation.findIn(e);
        if (rv != null) {
            // A refusal is not an error: one line, no stack trace (the engine's own ERROR lines are
            // dropped by RefusalLogFilter).
            log.info("Engine REST refused {} {}: [{}] {}", method, path, rv.code(), rv.chineseMessage());
            return json(rv.status().value(), body(rv));
        }
        AuthorizationException denied = find(e, AuthorizationException.class);
        if (denied != null && hidden != null && denied.getMissingAuthorizations() != null
                && denied.getMissingAuthorizations().stream().anyMatch(m -> hidden.test(m.getResourceType(), m.getResourceId()))) {
            // A task or instance of a decision the person may not see: answered as an unknown id (DECISIONS.md 23).
            log.debug("Engine REST hid {} {}: {}", method, path, denied.getMessage());
            return json(404, notFound());
        }
        if (denied != null) {
            log.debug("Engine REST denied {} {}: {}", method, path, denied.getMessage());
            return json(403, notAuthorized(denied));
        }
        if (isNotFound(e)) {
            log.debug("Engine REST found nothing for {} {}: {}", method, path, e.getMessage());
            return json(404, notFound());
        }
        RuleViolation conflict = cn.juece.support.Conflicts.refusalFor(e);
        if (conflict != null) {
            // a concurrent change to the same step or decision (issue 17): a refusal, never a 500
            log.info("Engine REST conflict on {} {}: {}", method, path, e.getMessage());
            return json(conflict.status().value(), body(conflict));
        }
        return ExceptionHandlerHelper.getInstance().getResponse(e);
    }

    /** The body of a refusal, the same wherever the engine REST API answers one (also the operator gate's). */
    public static Map<String, Object> body(RuleViolation rv) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_RULE_VIOLATION);
        body.put("code", rv.code());
        body.put("message", rv.chineseMessage());
        return body;
    }

    /**
     * An unknown id: Camunda answers 404 for some reads, but 500 for others (completing or submitting the form
     * of an unknown task is a RestException 500 around "Cannot find task with id …", a NullValueException; so
     * are claiming it, setting its variables, or modifying or reading the variables of an unknown instance).
     */
    private static boolean isNotFound(Throwable e) {
        if (e instanceof RestException re && re.getStatus() == Response.Status.NOT_FOUND) {
            return true;
        }
        return find(e, NullValueException.class) != null || find(e, NotFoundException.class) != null;
    }

    private static Map<String, Object> notFound() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "NotFound");
        body.put("code", "NOT_FOUND");
        body.put("message", "所请求的任务、流程实例或其他对象不存在，或已经办结。请刷新后重试。");
        return body;
    }

    private static Map<String, Object> notAuthorized(AuthorizationException e) {
        List<MissingAuthorization> missing = e.getMissingAuthorizations() == null ? List.of() : e.getMissingAuthorizations();
        String needed = missing.stream().map(EngineRestErrors::describe).distinct().collect(Collectors.joining("；或"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "AuthorizationException");
        body.put("code", "NOT_AUTHORIZED");
        body.put("message", needed.isEmpty() ? "您没有执行该操作的权限。"
                : "您没有执行该操作的权限：需要" + needed + "。如确需办理，请联系系统管理员。");
        body.put("userId", e.getUserId());
        List<Map<String, String>> list = new ArrayList<>();
        for (MissingAuthorization m : missing) {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("permissionName", m.getViolatedPermissionName());
            item.put("resourceName", m.getResourceType());
            item.put("resourceId", m.getResourceId());
            list.add(item);
        }
        body.put("missingAuthorizations", list);
        return body;
    }

    /** E.g. 对流程实例（编号 1f0c…）的“修改”权限. */
    static String describe(MissingAuthorization m) {
        String resource = RESOURCES.getOrDefault(m.getResourceType(), m.getResourceType());
        String id = m.getResourceId();
        String which = id == null || id.isBlank() ? "" : "*".equals(id) ? "（全部）" : "（" + id + "）";
        String permission = PERMISSIONS.getOrDefault(m.getViolatedPermissionName(), m.getViolatedPermissionName());
        return "对" + resource + which + "的“" + permission + "”权限";
    }

    private static Response json(int status, Map<String, Object> body) {
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }

    private static final Map<String, String> RESOURCES = Map.ofEntries(
            Map.entry("Application", "应用"),
            Map.entry("User", "用户"),
            Map.entry("Group", "用户组"),
            Map.entry("Group membership", "用户组成员"),
            Map.entry("Authorization", "授权"),
            Map.entry("Filter", "任务筛选器"),
            Map.entry("ProcessDefinition", "流程定义"),
            Map.entry("Task", "任务"),
            Map.entry("ProcessInstance", "流程实例"),
            Map.entry("Deployment", "部署"),
            Map.entry("DecisionDefinition", "决策表定义"),
            Map.entry("Tenant", "租户"),
            Map.entry("Batch", "批量操作"),
            Map.entry("HistoricTask", "历史任务"),
            Map.entry("HistoricProcessInstance", "历史流程实例"),
            Map.entry("System", "系统"));

    private static final Map<String, String> PERMISSIONS = Map.ofEntries(
            Map.entry("ALL", "全部"),
            Map.entry("READ", "查看"),
            Map.entry("UPDATE", "修改"),
            Map.entry("CREATE", "创建"),
            Map.entry("DELETE", "删除"),
            Map.entry("ACCESS", "访问"),
            Map.entry("READ_TASK", "查看任务"),
            Map.entry("UPDATE_TASK", "修改任务"),
            Map.entry("TASK_WORK", "办理任务"),
            Map.entry("TASK_ASSIGN", "指派任务"),
            Map.entry("CREATE_INSTANCE", "启动流程实例"),
            Map.entry("READ_INSTANCE", "查看流程实例"),
            Map.entry("UPDATE_INSTANCE", "修改流程实例"),
            Map.entry("DELETE_INSTANCE", "删除流程实例"),
            Map.entry("MIGRATE_INSTANCE", "迁移流程实例"),
            Map.entry("SUSPEND", "挂起"),
            Map.entry("SUSPEND_INSTANCE", "挂起流程实例"),
            Map.entry("RETRY_JOB", "重试作业"),
            Map.entry("READ_HISTORY", "查看历史"),
            Map.entry("DELETE_HISTORY", "删除历史"),
            Map.entry("UPDATE_HISTORY", "修改历史"),
            Map.entry("READ_VARIABLE", "查看变量"),
            Map.entry("UPDATE_VARIABLE", "修改变量"),
            Map.entry("READ_INSTANCE_VARIABLE", "查看流程实例变量"),
            Map.entry("UPDATE_INSTANCE_VARIABLE", "修改流程实例变量"),
            Map.entry("READ_TASK_VARIABLE", "查看任务变量"),
            Map.entry("UPDATE_TASK_VARIABLE", "修改任务变量"),
            Map.entry("READ_HISTORY_VARIABLE", "查看历史变量"));
}
