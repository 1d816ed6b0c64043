package cn.juece.support;

import org.springframework.http.HttpStatus;

/**
 * A refusal: a rule of the procedure (or plain bad input) forbids the act. Carries a stable code for
 * programs and a Chinese message for people. The message of the exception starts with the code in
 * brackets so that it survives the engine's wrapping on the Tasklist and engine-REST paths.
 */
public class RuleViolation extends RuntimeException {

    private final String code;
    private final String chineseMessage;
    private final HttpStatus status;

    public RuleViolation(String code, String chineseMessage) {
        this(HttpStatus.UNPROCESSABLE_ENTITY, code, chineseMessage);
    }

    public RuleViolation(HttpStatus status, String code, String chineseMessage) {
        super("[" + code + "] " + chineseMessage);
        this.code = code;
        this.chineseMessage = chineseMessage;
        this.status = status;
    }

    public static RuleViolation notFound(String code, String chineseMessage) {
        return new RuleViolation(HttpStatus.NOT_FOUND, code, chineseMessage);
    }

    /**
     * A step that is unknown, already done or of a decision the person may not see (DECISIONS.md 23): one answer on
     * every path, including a step completed by someone else a moment before.
     */
    public static RuleViolation taskNotFound(String taskId) {
        return notFound("TASK_NOT_FOUND", "任务不存在或已办结：" + taskId + "。请刷新待办列表。");
    }

    public static RuleViolation badRequest(String code, String chineseMessage) {
        return new RuleViolation(HttpStatus.BAD_REQUEST, code, chineseMessage);
    }

    public static RuleViolation forbidden(String code, String chineseMessage) {
        return new RuleViolation(HttpStatus.FORBIDDEN, code, chineseMessage);
    }

    public String code() {
        return code;
    }

    public String chineseMessage() {
        return chineseMessage;
    }

    public HttpStatus status() {
        return status;
    }

    /** Refuses with the first of the steps still missing, if any (a check list shown whole elsewhere). */
    public static void throwFirst(java.util.List<RuleViolation> missing) {
        if (!missing.isEmpty()) {
            throw missing.get(0);
        }
    }

    /** The rule violation somewhere in a cause chain (the engine wraps listener exceptions), or null. */
    public static RuleViolation findIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RuleViolation rv) {
                return rv;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return null;
    }
}
