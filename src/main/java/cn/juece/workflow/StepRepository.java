package cn.juece.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.juece.access.Responsible;
import cn.juece.support.AppClock;

/** The step rows (V65). */
@Repository
class StepRepository {

    private static final String COLUMNS = """
            id, decision_id, task_id, process_instance_id, task_key, task_name, party, subject_unit, round_no, state,
            assignee, created_at, completed_at, completed_by, acted_for, outcome, material_watermark""";

    private final JdbcClient jdbc;

    StepRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long decisionId, String taskId, String processInstanceId, String taskKey, String taskName,
                Responsible party, String subjectUnit, int round, String assignee, OffsetDateTime createdAt) {
        jdbc.sql("""
                INSERT INTO juece.step (decision_id, task_id, process_instance_id, task_key, task_name, party, subject_unit,
                                        round_no, state, assignee, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)""")
                .params(decisionId, taskId, processInstanceId, taskKey, taskName, party == null ? null : party.name(),
                        subjectUnit, round, assignee, createdAt)
                .update();
    }

    Optional<Step> byTask(String taskId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM juece.step WHERE task_id = ?").param(taskId).query(StepRepository::map).optional();
    }

    List<Step> ofDecision(long decisionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM juece.step WHERE decision_id = ? ORDER BY id").param(decisionId)
                .query(StepRepository::map).list();
    }

    /** How many rounds of this step the decision has had (for the subject unit, where the step is per unit). */
    int rounds(long decisionId, String taskKey, String subjectUnit) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM juece.step WHERE decision_id = ? AND task_key = ? AND state <> 'CANCELLED'
                  AND COALESCE(subject_unit, '') = ?""")
                .params(decisionId, taskKey, subjectUnit == null ? "" : subjectUnit).query(Integer.class).single();
    }

    /** The watermark of the latest completed round of this step before the given one, or empty. */
    Optional<Long> previousWatermark(long decisionId, String taskKey, String subjectUnit, long beforeStepId) {
        return jdbc.sql("""
                SELECT material_watermark FROM juece.step WHERE decision_id = ? AND task_key = ? AND state = 'COMPLETED'
                  AND COALESCE(subject_unit, '') = ? AND id < ?
                ORDER BY id DESC FETCH FIRST 1 ROWS ONLY""")
                .params(decisionId, taskKey, subjectUnit == null ? "" : subjectUnit, beforeStepId).query(Long.class).optional();
    }

    void assigned(long stepId, String assignee) {
        jdbc.sql("UPDATE juece.step SET assignee = ? WHERE id = ?").params(assignee, stepId).update();
    }

    void completed(long stepId, String by, String actedFor, String outcome, long watermark, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE juece.step SET state = 'COMPLETED', completed_by = ?, acted_for = ?, outcome = ?, material_watermark = ?,
                       completed_at = ? WHERE id = ?""")
                .params(by, actedFor, outcome, watermark, at, stepId).update();
    }

    void cancelled(String taskId, OffsetDateTime at) {
        jdbc.sql("UPDATE juece.step SET state = 'CANCELLED', completed_at = ? WHERE task_id = ? AND state = 'OPEN'")
                .params(at, taskId).update();
    }

    private static Step map(ResultSet rs, int row) throws SQLException {
        String party = rs.getString("party");
        Long watermark = rs.getObject("material_watermark") == null ? null : rs.getLong("material_watermark");
        return new Step(rs.getLong("id"), rs.getLong("decision_id"), rs.getString("task_id"), rs.getString("process_instance_id"),
                rs.getString("task_key"), rs.getString("task_name"), party == null ? null : Responsible.valueOf(party),
                rs.getString("subject_unit"), rs.getInt("round_no"), Step.State.valueOf(rs.getString("state")),
                rs.getString("assignee"), time(rs, "created_at"), time(rs, "completed_at"), rs.getString("completed_by"),
                rs.getString("acted_for"), rs.getString("outcome"), watermark);
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime();
    }
}
