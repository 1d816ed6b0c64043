package cn.juece.calendar;

/** How a period is counted: calendar days (日) or working days (工作日). */
public enum PeriodUnit {
    CALENDAR_DAYS("日"),
    WORKING_DAYS("个工作日");

    private final String label;

    PeriodUnit(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
