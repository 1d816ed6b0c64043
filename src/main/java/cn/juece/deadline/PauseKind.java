package cn.juece.deadline;

/** What the paused time was spent on: the kinds of time Art. 42 and Art. 44 do not count. */
public enum PauseKind {
    SUPPLEMENT("补送材料", "第四十二条"),
    INVESTIGATION("调查核实", "第四十四条"),
    SYMPOSIUM("座谈会", "第四十四条"),
    HEARING("听证会", "第四十四条"),
    PUBLIC_COMMENT("公开征求意见", "第四十四条"),
    LEGAL_OPINION("法律顾问、公职律师论证", "第四十四条");

    private final String label;
    private final String article;

    PauseKind(String label, String article) {
        this.label = label;
        this.article = article;
    }

    public String label() {
        return label;
    }

    public String article() {
        return article;
    }
}
