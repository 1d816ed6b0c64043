package cn.juece.operations;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine REST calls that rewrite a decision's run, recognised by method and path (issue 10, point 6). The
 * same table serves /engine-rest, /engine-rest/engine/{name} and the webapps' /camunda/api/engine/engine/{name}:
 * paths here are relative to the engine's root. Every operation names what it changes in Chinese for the
 * refusal and the audit trail.
 */
final class EngineOperations {

    /** What an operation names, and so how the runs it touches are found. */
    enum Target {
        /** A process instance in the path. */
        INSTANCE,
        /** An execution in the path. */
        EXECUTION,
        /** A task in the path. */
        TASK,
        /** A job in the path (a timer, an asynchronous continuation). */
        JOB,
        /** A finished or running instance's history in the path. */
        HISTORIC_INSTANCE,
        /** One variable's history in the path. */
        HISTORIC_VARIABLE,
        /** Running instances listed in the body (processInstanceIds). */
        LISTED_INSTANCES,
        /** Finished instances listed in the body (processInstanceIds), restarted. */
        LISTED_HISTORIC_INSTANCES,
        /** A message correlated by name, instance or business key (body). */
        MESSAGE,
        /** A signal thrown to one execution or to every instance waiting for it (body). */
        SIGNAL,
        /** A new instance started directly (business key in the body). */
        START,
        /** A batch: it runs later, outside any act that could be audited. Refused for everyone. */
        BATCH,
        /** Every instance of a definition or deployment at once. Refused for everyone. */
        MASS
    }

    /** One recognised operation. */
    record Operation(String method, Pattern path, Target target, String what, boolean annotationInBody, boolean onlyIfCascade) {

        boolean isRefusedForEveryone() {
            return target == Target.BATCH || target == Target.MASS;
        }

        /** Whether the instances it touches are named in the body rather than in the path. */
        boolean namesRunsInBody() {
            return switch (target) {
                case LISTED_INSTANCES, LISTED_HISTORIC_INSTANCES, MESSAGE, SIGNAL, START -> true;
                default -> false;
            };
        }
    }

    /** A request recognised as an operation: the id and the name (a variable, a message) from its path. */
    record Match(Operation operation, String id, String name) {

        /** The Chinese description with the name filled in, e.g. 设置流程变量“outcome”. */
        String what() {
            return operation.what().replace("{name}", name == null ? "" : name);
        }
    }

    /** A process definition by id, by key, or by key and tenant, as the engine REST addresses one. */
    private static final String DEFINITION = "(?:key/[^/]+/tenant-id/[^/]+|key/[^/]+|[^/]+)";

    private static final List<Operation> OPERATIONS = new ArrayList<>();

    static {
        // a process instance
        op("POST /process-instance/{id}/modification", Target.INSTANCE, "修改流程实例的运行位置（取消或启动活动）", true);
        variables("/process-instance/{id}/variables", Target.INSTANCE, "流程变量");
        op("DELETE /process-instance/{id}", Target.INSTANCE, "撤销流程实例（删除运行中的流程）");
        op("PUT /process-instance/{id}/suspended", Target.INSTANCE, "挂起或激活流程实例");
        // an execution, a task
        variables("/execution/{id}/localVariables", Target.EXECUTION, "执行的局部变量");
        op("POST /execution/{id}/signal", Target.EXECUTION, "触发等待中的执行继续");
        op("POST /execution/{id}/messageSubscriptions/{name}/trigger", Target.EXECUTION, "触发消息订阅“{name}”");
        variables("/task/{id}/variables", Target.TASK, "任务变量");
        variables("/task/{id}/localVariables", Target.TASK, "任务的局部变量");
        // a job of a decision (a timer, an asynchronous step)
        op("POST /job/{id}/execute", Target.JOB, "立即执行作业（如定时器）");
        op("PUT /job/{id}/duedate", Target.JOB, "修改作业（如定时器）的到期时间");
        op("POST /job/{id}/duedate/recalculate", Target.JOB, "重新计算作业（如定时器）的到期时间");
        op("PUT /job/{id}/retries", Target.JOB, "修改作业的重试次数");
        op("PUT /job/{id}/suspended", Target.JOB, "挂起或激活作业");
        op("DELETE /job/{id}", Target.JOB, "删除作业（如定时器）");
        // history
        op("DELETE /history/process-instance/{id}", Target.HISTORIC_INSTANCE, "删除流程实例的历史记录");
        op("DELETE /history/process-instance/{id}/variable-instances", Target.HISTORIC_INSTANCE, "删除流程实例的历史变量");
        op("DELETE /history/variable-instance/{id}", Target.HISTORIC_VARIABLE, "删除历史变量");
        // instances named in the body
        op("POST /migration/execute", Target.LISTED_INSTANCES, "将流程实例迁移到其他流程版本", true);
        op("POST /modification/execute", Target.LISTED_INSTANCES, "修改流程实例的运行位置（取消或启动活动）", true);
        op("POST /process-definition/{def}/restart", Target.LISTED_HISTORIC_INSTANCES, "重新启动已结束的流程实例", true);
        op("POST /message", Target.MESSAGE, "关联消息", false);
        op("POST /signal", Target.SIGNAL, "发送信号", false);
        op("POST /process-definition/{def}/start", Target.START, "不经登记直接启动流程实例", false);
        op("POST /process-definition/{def}/submit-form", Target.START, "不经登记直接启动流程实例", false);
        // batches: run later by the job executor, outside any act that could be audited
        for (String path : List.of("/process-instance/{id}/modification-async", "/modification/executeAsync",
                "/migration/executeAsync", "/process-instance/delete", "/process-instance/delete-historic-query-based",
                "/process-instance/variables-async", "/process-instance/message-async", "/process-instance/suspended-async",
                "/process-instance/job-retries", "/process-instance/job-retries-historic-query-based", "/job/retries",
                "/process-definition/{def}/restart-async", "/history/process-instance/delete",
                "/history/process-instance/set-removal-time")) {
            op("POST " + path, Target.BATCH, "批量操作（异步执行）");
        }
        // every instance of a definition or deployment at once
        op("PUT /process-instance/suspended", Target.MASS, "按流程定义挂起或激活全部流程实例");
        op("PUT /process-definition/suspended", Target.MASS, "挂起或激活流程定义及其流程实例");
        op("PUT /process-definition/{def}/suspended", Target.MASS, "挂起或激活流程定义及其流程实例");
        op("PUT /job/suspended", Target.MASS, "批量挂起或激活作业");
        op("PUT /job-definition/suspended", Target.MASS, "批量挂起或激活作业");
        op("PUT /job-definition/{id}/suspended", Target.MASS, "批量挂起或激活作业");
        op("PUT /job-definition/{id}/retries", Target.MASS, "批量修改作业的重试次数");
        cascade("DELETE /process-definition/{def}", "级联删除流程定义及其全部流程实例");
        cascade("DELETE /process-definition/key/{name}/delete", "级联删除流程定义及其全部流程实例");
        cascade("DELETE /process-definition/key/{name}/tenant-id/{id}/delete", "级联删除流程定义及其全部流程实例");
        cascade("DELETE /deployment/{id}", "级联删除部署及其全部流程实例");
    }

    private EngineOperations() {
    }

    /**
     * The operation a request is, if any. {@code enginePath} is the path below the engine's root, decoded and
     * without path parameters (servlet path info); {@code cascade} is the request's cascade parameter.
     */
    static Optional<Match> match(String method, String enginePath, boolean cascade) {
        String path = normalise(enginePath);
        String m = method.toUpperCase(Locale.ROOT);
        for (Operation op : OPERATIONS) {
            if (!op.method().equals(m) || (op.onlyIfCascade() && !cascade)) {
                continue;
            }
            Matcher matcher = op.path().matcher(path);
            if (matcher.matches()) {
                String id = group(matcher, "id");
                String name = group(matcher, "name");
                return Optional.of(new Match(op, id, name));
            }
        }
        return Optional.empty();
    }

    /** Splits off the engine's root: /engine/{name} (a named engine) or nothing (the default engine). */
    static String belowEngineRoot(String pathInfo) {
        String path = normalise(pathInfo);
        Matcher named = Pattern.compile("^/engine/[^/]+(/.*)?$").matcher(path);
        if (named.matches()) {
            return named.group(1) == null ? "/" : named.group(1);
        }
        return path;
    }

    /** One slash between segments, none at the end, no path parameters (";…"). */
    static String normalise(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        StringBuilder b = new StringBuilder();
        for (String segment : path.split("/")) {
            int semicolon = segment.indexOf(';');
            String s = semicolon >= 0 ? segment.substring(0, semicolon) : segment;
            if (!s.isEmpty()) {
                b.append('/').append(s);
            }
        }
        return b.isEmpty() ? "/" : b.toString();
    }

    private static String group(Matcher m, String name) {
        try {
            return m.group(name);
        } catch (IllegalArgumentException noSuchGroup) {
            return null;
        }
    }

    private static void variables(String base, Target target, String label) {
        op("POST " + base, target, "修改" + label);
        op("PUT " + base + "/{name}", target, "设置" + label + "“{name}”");
        op("DELETE " + base + "/{name}", target, "删除" + label + "“{name}”");
        op("POST " + base + "/{name}/data", target, "设置" + label + "“{name}”（文件）");
    }

    private static void op(String spec, Target target, String what) {
        op(spec, target, what, false);
    }

    private static void op(String spec, Target target, String what, boolean annotationInBody) {
        add(spec, target, what, annotationInBody, false);
    }

    private static void cascade(String spec, String what) {
        add(spec, Target.MASS, what, false, true);
    }

    private static void add(String spec, Target target, String what, boolean annotationInBody, boolean onlyIfCascade) {
        int space = spec.indexOf(' ');
        String method = spec.substring(0, space);
        String regex = Pattern.quote(spec.substring(space + 1))
                .replace("{id}", "\\E(?<id>[^/]+)\\Q")
                .replace("{name}", "\\E(?<name>[^/]+)\\Q")
                .replace("{def}", "\\E" + DEFINITION + "\\Q");
        OPERATIONS.add(new Operation(method, Pattern.compile("^" + regex + "$"), target, what, annotationInBody, onlyIfCascade));
    }
}
