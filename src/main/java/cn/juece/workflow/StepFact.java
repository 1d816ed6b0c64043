package cn.juece.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.juece.support.AppClock;

/**
 * The step identity every fact row of the dossier keeps (DECISIONS.md 25): which task closed, in which round of
 * that step, with which outcome (the BPMN code and its Chinese label at the time), the short reason given, who
 * acted, for which group, and when. Each fact table has these columns under the same names ({@link #COLUMNS}),
 * followed by its own.
 */
public record StepFact(String taskId, String taskKey, int round, String outcome, String outcomeLabel, String reason,
                       String actedBy, String actedFor, OffsetDateTime actedAt) {

    /** The identity columns of a fact table, in the order of {@link #params}. */
    public static final String COLUMNS = "task_id, task_key, round, outcome, outcome_label, reason, acted_by, acted_for, acted_at";
    /** One placeholder per identity column. */
    public static final String PLACEHOLDERS = "?, ?, ?, ?, ?, ?, ?, ?, ?";

    public static StepFact of(StepCompletion step) {
        return new StepFact(step.taskId(), step.taskKey(), step.round(), step.outcome(), step.outcomeLabel(),
                step.reason() == null || step.reason().isBlank() ? null : step.reason(),
                step.actor().id(), step.actedFor(), step.completedAt());
    }

    /**
     * The parameters of an insert written as {@code (decision_id, COLUMNS, extra columns…)}.
     */
    public static Object[] params(long decisionId, StepFact step, Object... extras) {
        List<Object> all = new ArrayList<>();
        all.add(decisionId);
        all.addAll(Arrays.asList(step.taskId, step.taskKey, step.round, step.outcome, step.outcomeLabel, step.reason,
                step.actedBy, step.actedFor, step.actedAt));
        all.addAll(Arrays.asList(extras));
        return all.toArray();
    }

    /** Reads the identity columns of the current row by name; null when the row has no step yet. */
    public static StepFact read(ResultSet rs) throws SQLException {
        String taskId = rs.getString("task_id");
        if (taskId == null) {
            return null;
        }
        OffsetDateTime at = rs.getObject("acted_at", OffsetDateTime.class);
        return new StepFact(taskId, rs.getString("task_key"), rs.getInt("round"), rs.getString("outcome"),
                rs.getString("outcome_label"), rs.getString("reason"), rs.getString("acted_by"), rs.getString("acted_for"),
                at == null ? null : at.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime());
    }
}
