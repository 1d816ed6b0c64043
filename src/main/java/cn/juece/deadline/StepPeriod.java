package cn.juece.deadline;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The statutory period of one running (or finished) step: from which day it counts, its last day (moved by
 * pauses), the earliest day a step held by a minimum may close, and whether the reminder and escalation
 * have fired. State OPEN while the task runs, CLOSED when it completes or is cancelled.
 */
public record StepPeriod(long id, long decisionId, String taskId, String taskKey, String taskName, String candidateGroup,
                         String periodCode, LocalDate startedOn, LocalDate endOn, LocalDate earliestClose, int pausedDays,
                         String state, OffsetDateTime remindedAt, OffsetDateTime escalatedAt, OffsetDateTime closedAt,
                         String provisionalYears) {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    public boolean isOpen() {
        return OPEN.equals(state);
    }

    /**
     * Whether the dates were counted over a year whose holiday notice is not loaded yet (issue 16): they are
     * provisional (暂定) until the notice is loaded and they are recomputed.
     */
    public boolean provisional() {
        return provisionalYears != null && !provisionalYears.isBlank();
    }

    /** The years without a notice the dates depend on. */
    public java.util.List<Integer> provisionalYearList() {
        return provisional() ? java.util.Arrays.stream(provisionalYears.split(",")).map(String::strip).map(Integer::valueOf).toList()
                : java.util.List.of();
    }
}
