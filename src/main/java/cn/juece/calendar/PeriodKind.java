package cn.juece.calendar;

/**
 * What a period demands. MINIMUM: the step may not close before the period is over ("不少于").
 * DEADLINE: the act is due by the last day ("…内"). BEFORE_EVENT: the act happens no later than the
 * event's date minus the period ("…日前").
 */
public enum PeriodKind {
    MINIMUM("最短期限（不少于）"),
    DEADLINE("办理时限（…内）"),
    BEFORE_EVENT("提前期限（…日前）");

    private final String label;

    PeriodKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
