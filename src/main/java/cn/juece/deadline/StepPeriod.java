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
                         String state, OffsetDateTime remindedAt, OffsetDateTime escalatedAt, OffsetDateTime closedAt) {

    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";

    public boolean isOpen() {
        return OPEN.equals(state);
    }
}
