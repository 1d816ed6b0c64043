package cn.juece.decision;

/** Where a decision's procedure stands overall; each ending names the article behind it. */
public enum DecisionStatus {
    IN_PROGRESS("办理中"),
    OUT_OF_SCOPE("不适用本规定（第三条）"),
    NOT_LAUNCHED("决定不启动（第十一条）"),
    TERMINATED("终止决策（第四十五条）"),
    ARCHIVED("已归档（第五十九条）");

    private final String label;

    DecisionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The main process's end events and the status they leave. */
    public static DecisionStatus ofEndEvent(String endEventId) {
        return switch (endEventId) {
            case "end-out-of-scope" -> OUT_OF_SCOPE;
            case "end-not-launched" -> NOT_LAUNCHED;
            case "end-terminated" -> TERMINATED;
            case "end-archived" -> ARCHIVED;
            default -> null;
        };
    }
}
