package cn.juece.calendar;

/** What an official notice makes of a day: a rest day (放假) or a make-up working day (调休上班). */
public enum DayKind {
    REST("休息日"),
    WORK("调休上班日");

    private final String label;

    DayKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
