package cn.juece.planner;

import java.time.LocalDate;
import java.util.List;

/**
 * The earliest date a matter can lawfully reach the meeting (最早合法决策日期, issue 16) and the path that decides it.
 *
 * @param meetingOn         the earliest day of the collective discussion (集体讨论决定)
 * @param provisional       whether the date depends on a year whose holiday notice is not loaded (暂定)
 * @param provisionalYears  those years
 * @param withSupplement    the date if the justice bureau asks for supplementary materials (Art. 42, 3 working days),
 *                          null when already counted or the review is done
 * @param segments          every step on the way, in order, with the critical path marked
 * @param options           the what-if choices applied (all null: as recorded)
 * @param notes             what the plan assumed, in Chinese
 * @param slip              the slip against the plan made at launch, or null when there is none to compare with
 */
public record Plan(String decisionNumber, LocalDate computedOn, LocalDate meetingOn, boolean provisional,
                   List<Integer> provisionalYears, LocalDate withSupplement, List<PlanSegment> segments,
                   PlanOptions options, List<String> notes, Slip slip) {

    Plan withSlip(Slip s) {
        return new Plan(decisionNumber, computedOn, meetingOn, provisional, provisionalYears, withSupplement, segments, options, notes, s);
    }

    public List<PlanSegment> criticalPath() {
        return segments.stream().filter(PlanSegment::critical).toList();
    }

    /**
     * How far the matter slipped against the plan made at launch.
     *
     * @param baselineOn   the meeting date planned at launch
     * @param workingDays  working days later than planned (negative: earlier)
     * @param step         the step holding it (the first step on the critical path that ends later than planned)
     * @param stepName     its Chinese name
     * @param stepDays     working days that step ends later than planned
     */
    public record Slip(LocalDate baselineOn, java.time.OffsetDateTime baselineAt, int workingDays, String step,
                       String stepName, int stepDays) {

        public boolean slipped() {
            return workingDays > 0;
        }
    }
}
