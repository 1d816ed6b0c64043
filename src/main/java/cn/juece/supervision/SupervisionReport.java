package cn.juece.supervision;

import java.time.LocalDate;
import java.util.List;

/**
 * What the justice bureau supervises (Art. 60–63): decisions by stage and by unit, steps overdue or soon
 * due, deadlines missed, minimums shortened, escalations, and procedures not carried out with their reasons.
 */
public record SupervisionReport(String unit, Integer year, LocalDate today, int decisions, List<Bar> byStage, List<Bar> byUnit,
                                List<Row> overdue, List<Row> soonDue, List<Row> late, List<Row> shortened, List<Row> escalated,
                                List<Row> skipped) {

    /** One bar of a chart: label, count, width in percent of the largest. */
    public record Bar(String label, long count, int percent) {
    }

    /** One finding: the decision, the step, what happened, when, and the detail. */
    public record Row(String decisionNumber, String decisionTitle, String unit, String step, String what, LocalDate date,
                      String detail) {
    }
}
