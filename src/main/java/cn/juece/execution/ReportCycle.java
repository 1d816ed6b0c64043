package cn.juece.execution;

import java.time.LocalDate;

import cn.juece.support.RuleViolation;

/** Art. 53: how often the execution units report to the decision organ, as the organ sets it. */
public enum ReportCycle {
    MONTHLY("每月", 1),
    QUARTERLY("每季度", 3),
    HALF_YEARLY("每半年", 6),
    YEARLY("每年", 12);

    private final String label;
    private final int months;

    ReportCycle(String label, int months) {
        this.label = label;
        this.months = months;
    }

    public String label() {
        return label;
    }

    /**
     * The cycle's day of the n-th report (1 = the first report day): the same day of the month that many cycles
     * later, or the month's last day where it has no such day (31 January, then 28 February, then 31 March).
     * Moving a rest day to the next working day is the calendar's (see {@link ExecutionReports}).
     */
    public LocalDate scheduled(LocalDate first, int n) {
        return first.plusMonths((long) (n - 1) * months);
    }

    public static ReportCycle parse(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        try {
            return valueOf(code.strip());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest("REPORT_CYCLE_INVALID", "报告周期“" + code.strip() + "”无效，可选：每月（MONTHLY）、每季度（QUARTERLY）、"
                    + "每半年（HALF_YEARLY）、每年（YEARLY）（第五十三条）。");
        }
    }
}
