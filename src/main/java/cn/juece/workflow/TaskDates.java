package cn.juece.workflow;

import java.util.Date;

/**
 * The due and follow-up dates the period mechanism gives a task now (DECISIONS.md 12-14): deadlines move only
 * through it (pauses, approved shortenings), so the task-update guard compares a task's dates with these.
 */
public interface TaskDates {

    /** The expected dates; both null for a step that names no period. */
    Expected expected(String taskId);

    record Expected(Date due, Date followUp) {
    }
}
