package cn.juece.participation;

/** Where a public comment stands, as the portal shows it. */
public enum ConsultationStatus {
    OPEN("征求意见中"),
    CLOSED("已截止"),
    FEEDBACK_PUBLISHED("已公布采纳情况");

    private final String label;

    ConsultationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
