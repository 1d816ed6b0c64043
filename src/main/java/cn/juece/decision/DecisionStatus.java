package cn.juece.decision;

/**
 * Where a decision's procedure stands overall. Every ending names the article behind it and leads to the archive
 * (Art. 59): the dossier stays open, with the ending as its status, until the government office files it; then it
 * is {@link #ARCHIVED} and read-only, the ending kept as the procedure's end ({@code procedure_end}).
 */
public enum DecisionStatus {
    IN_PROGRESS("办理中"),
    OUT_OF_SCOPE("不适用本规定（第三条）"),
    NOT_LAUNCHED("决定不启动（第十一条）"),
    TERMINATED("终止决策（第四十五条）"),
    REJECTED("不同意（第五十条）"),
    STOPPED("停止执行（第五十五条）"),
    COMPLETED("决策执行完毕（第五十三条）"),
    ARCHIVED("已归档（第五十九条）");

    private final String label;

    DecisionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** An ending of the procedure (not running, not yet archived). */
    public boolean isEnding() {
        return this != IN_PROGRESS && this != ARCHIVED;
    }

    /**
     * The main process's milestones (how the procedure ended, each followed by the archive stage) and its end
     * event, with the status they leave. The {@code end-*} events of process versions deployed before every ending
     * passed through the archive are still known, for instances that run on them.
     */
    public static DecisionStatus ofEndEvent(String activityId) {
        return switch (activityId) {
            case "ended-out-of-scope", "end-out-of-scope" -> OUT_OF_SCOPE;
            case "ended-not-launched", "end-not-launched" -> NOT_LAUNCHED;
            case "ended-terminated", "end-terminated" -> TERMINATED;
            case "ended-rejected" -> REJECTED;
            case "ended-stopped" -> STOPPED;
            case "ended-completed" -> COMPLETED;
            case "end-archived" -> ARCHIVED;
            default -> null;
        };
    }
}
