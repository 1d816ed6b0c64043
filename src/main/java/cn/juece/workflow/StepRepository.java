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
            assignee, created_at, completed_at, completed_by, acted_for, outcome, material_watermark, responsible_group,
            process_definition_id, process_key""";

    private final JdbcClient jdbc;
    private final WorkDays workDays;

    StepRepository(JdbcClient jdbc, WorkDays workDays) {
        this.jdbc = jdbc;
        this.workDays = workDays;
    }

    void insert(long decisionId, String taskId, String processInstanceId, String processDefinitionId, String processKey,
                String taskKey, String taskName, Responsible party, String subjectUnit, String responsibleGroup, int round,
                String assignee, OffsetDateTime createdAt) {
        // with the decision's organ and lead unit, which supervision counts by (V261)
        int inserted = jdbc.sql("""
                INSERT INTO juece.step (decision_id, task_id, process_instance_id, process_definition_id, process_key, task_key,
                                        task_name, party, subject_unit, responsible_group, round_no, state, assignee, created_at,
                                        organ_code, lead_unit)
                SELECT d.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, d.organ_code, d.lead_unit FROM juece.decision d WHERE d.id = ?""")
                .params(taskId, processInstanceId, processDefinitionId, processKey, taskKey, taskName,
                        party == null ? null : party.name(), subjectUnit, responsibleGroup, round, assignee, createdAt, decisionId)
                .update();
        if (inserted != 1) {
            throw new IllegalStateException("no decision " + decisionId + " for the step of task " + taskId);
        }
        workDays.refresh(taskId);
        workDays.openSteps(decisionId);
    }

    /** The due date the step's task carries now (issue 17: supervision sorts and counts by it). */
    void dueAt(String taskId, OffsetDateTime due) {
        jdbc.sql("UPDATE juece.step SET due_at = ? WHERE task_id = ?").params(due, taskId).update();
        workDays.refresh(taskId);
    }

    /** The group the step is offered to changed with the dossier (Art. 12): the work lists follow. */
    void offeredTo(long stepId, String group) {
        jdbc.sql("UPDATE juece.step SET responsible_group = ? WHERE id = ?").params(group, stepId).update();
    }

    /** Open steps written before the work list was kept (their group, process), for the start-up upgrade. */
    List<Step> openWithoutGroup() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM juece.step WHERE state = 'OPEN' AND (responsible_group IS NULL OR process_key IS NULL)")
                .query(StepRepository::map).list();
    }

    void describeProcess(long stepId, String processDefinitionId, String processKey) {
        jdbc.sql("UPDATE juece.step SET process_definition_id = ?, process_key = ? WHERE id = ?")
                .params(processDefinitionId, processKey, stepId).update();
    }

    /** The short reasons the decision's steps were closed with (V170; none before they were kept, or when none was given). */
    java.util.Map<Long, String> reasons(long decisionId) {
        java.util.Map<Long, String> reasons = new java.util.HashMap<>();
        jdbc.sql("SELECT id, reason FROM juece.step WHERE decision_id = ? AND reason IS NOT NULL").param(decisionId)
                .query(rs -> {
                    reasons.put(rs.getLong(1), rs.getString(2));
                });
        return reasons;
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

    void completed(long stepId, String by, String actedFor, String outcome, String reason, long watermark, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE juece.step SET state = 'COMPLETED', completed_by = ?, acted_for = ?, outcome = ?, reason = ?, material_watermark = ?,
                       completed_at = ? WHERE id = ?""")
                .params(by, actedFor, outcome, reason, watermark, at, stepId).update();
        jdbc.sql("SELECT decision_id FROM juece.step WHERE id = ?").param(stepId).query(Long.class).optional()
                .ifPresent(workDays::openSteps);
    }

    void cancelled(String taskId, OffsetDateTime at) {
        jdbc.sql("UPDATE juece.step SET state = 'CANCELLED', completed_at = ? WHERE task_id = ? AND state = 'OPEN'")
                .params(at, taskId).update();
        jdbc.sql("SELECT decision_id FROM juece.step WHERE task_id = ?").param(taskId).query(Long.class).list().stream().distinct()
                .forEach(workDays::openSteps);
    }

    /**
     * A row of a work list: the open step, its decision, its period's days and the due date its task carries
     * (issue 17).
     */
    record WorkRow(long stepId, String taskId, String taskKey, String taskName, String processDefinitionId, String processKey,
                   String responsibleGroup, String assignee, OffsetDateTime createdAt, int round, String decisionNumber,
                   String decisionTitle, java.time.LocalDate endOn, java.time.LocalDate earliestClose, long decisionId,
                   OffsetDateTime dueAt) {
    }

    /** Where an open step stands in a work list: its day (V220 work_day), creation and id. */
    record WorkKey(long id, java.time.LocalDate day, OffsetDateTime createdAt) {
    }

    /**
     * The first {@code limit} open steps offered to one group, in work-list order (by the day, or by creation), with
     * a stage's process or not: read in the order of one index (V220) and stopped after {@code limit} rows. The
     * ORDER BY names the index's leading columns, fixed by the WHERE, so that H2 reads the index in order instead
     * of sorting every open step of the group.
     */
    List<WorkKey> groupKeys(String group, String processKey, boolean byDue, int limit) {
        String order = "s.responsible_group, s.state" + (processKey == null ? "" : ", s.process_key")
                + (byDue ? ", s.work_day" : "") + ", s.created_at, s.id";
        var q = jdbc.sql("SELECT s.id, s.work_day, s.created_at FROM juece.step s WHERE s.responsible_group = :group AND s.state = 'OPEN'"
                        + (processKey == null ? "" : " AND s.process_key = :processKey")
                        + " ORDER BY " + order + " FETCH FIRST :limit ROWS ONLY")
                .param("group", group).param("limit", limit);
        if (processKey != null) {
            q = q.param("processKey", processKey);
        }
        return q.query((rs, i) -> new WorkKey(rs.getLong(1), rs.getObject(2, java.time.LocalDate.class), time(rs, "created_at"))).list();
    }

    /** The open steps the person holds that are not offered to any of their groups (few: all of them). */
    List<WorkKey> heldKeys(String userId, java.util.Collection<String> groups, String processKey, int limit) {
        var q = jdbc.sql("SELECT s.id, s.work_day, s.created_at FROM juece.step s WHERE s.assignee = :user AND s.state = 'OPEN'"
                        + " AND (s.responsible_group IS NULL OR s.responsible_group NOT IN (:groups))"
                        + (processKey == null ? "" : " AND s.process_key = :processKey")
                        + " ORDER BY s.created_at, s.id FETCH FIRST :limit ROWS ONLY")
                .param("user", userId).param("groups", groups.isEmpty() ? List.of("-") : groups).param("limit", limit);
        if (processKey != null) {
            q = q.param("processKey", processKey);
        }
        return q.query((rs, i) -> new WorkKey(rs.getLong(1), rs.getObject(2, java.time.LocalDate.class), time(rs, "created_at"))).list();
    }

    /** How many open steps the group has, counted no further than {@code cap} (index only). */
    long countGroup(String group, String processKey, long cap) {
        var q = jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM juece.step s WHERE s.responsible_group = :group AND s.state = 'OPEN'"
                        + (processKey == null ? "" : " AND s.process_key = :processKey") + " FETCH FIRST :cap ROWS ONLY) c")
                .param("group", group).param("cap", cap);
        if (processKey != null) {
            q = q.param("processKey", processKey);
        }
        return q.query(Long.class).single();
    }

    /** The work-list rows of these steps (one page), in no particular order. */
    List<WorkRow> workRows(java.util.Collection<Long> stepIds) {
        if (stepIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(WORK_ROW + " WHERE s.id IN (:ids)").param("ids", stepIds).query(StepRepository::workRow).list();
    }

    private static final String WORK_ROW = """
            SELECT s.id, s.task_id, s.task_key, s.task_name, s.process_definition_id, s.process_key, s.responsible_group, s.assignee,
                   s.created_at, s.round_no, s.due_at, d.id AS decision_id, d.decision_number, d.title, p.end_on, p.earliest_close
              FROM juece.step s JOIN juece.decision d ON d.id = s.decision_id
              LEFT JOIN juece.step_period p ON p.task_id = s.task_id AND p.state = 'OPEN'""";

    private static WorkRow workRow(ResultSet rs, int i) throws SQLException {
        return new WorkRow(rs.getLong("id"), rs.getString("task_id"), rs.getString("task_key"),
                rs.getString("task_name"), rs.getString("process_definition_id"), rs.getString("process_key"),
                rs.getString("responsible_group"), rs.getString("assignee"), time(rs, "created_at"), rs.getInt("round_no"),
                rs.getString("decision_number"), rs.getString("title"), rs.getObject("end_on", java.time.LocalDate.class),
                rs.getObject("earliest_close", java.time.LocalDate.class), rs.getLong("decision_id"), time(rs, "due_at"));
    }

    /**
     * One page of one decision's open steps offered to these groups or held by the person (the work list filtered by
     * decision number: few rows, sorted in the query), by the day or by creation, with a stage's process or not.
     */
    List<WorkRow> workListOfDecision(java.util.Collection<String> groups, String userId, String processKey, String decisionNumber,
                                     boolean byDue, int offset, int limit) {
        var q = jdbc.sql(WORK_ROW + WHERE_OF_DECISION + (processKey == null ? "" : " AND s.process_key = :processKey")
                        + (byDue ? " ORDER BY s.work_day, s.created_at, s.id" : " ORDER BY s.created_at, s.id")
                        + " OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY")
                .param("groups", groups.isEmpty() ? List.of("-") : groups).param("user", userId).param("number", decisionNumber)
                .param("offset", offset).param("limit", limit);
        if (processKey != null) {
            q = q.param("processKey", processKey);
        }
        return q.query(StepRepository::workRow).list();
    }

    long countWorkListOfDecision(java.util.Collection<String> groups, String userId, String processKey, String decisionNumber) {
        var q = jdbc.sql("SELECT COUNT(*) FROM juece.step s JOIN juece.decision d ON d.id = s.decision_id" + WHERE_OF_DECISION
                        + (processKey == null ? "" : " AND s.process_key = :processKey"))
                .param("groups", groups.isEmpty() ? List.of("-") : groups).param("user", userId).param("number", decisionNumber);
        if (processKey != null) {
            q = q.param("processKey", processKey);
        }
        return q.query(Long.class).single();
    }

    private static final String WHERE_OF_DECISION = " " + """
            WHERE d.decision_number = :number AND s.state = 'OPEN' AND (s.responsible_group IN (:groups) OR s.assignee = :user)""";

    private static Step map(ResultSet rs, int row) throws SQLException {
        String party = rs.getString("party");
        Long watermark = rs.getObject("material_watermark") == null ? null : rs.getLong("material_watermark");
        return new Step(rs.getLong("id"), rs.getLong("decision_id"), rs.getString("task_id"), rs.getString("process_instance_id"),
                rs.getString("task_key"), rs.getString("task_name"), party == null ? null : Responsible.valueOf(party),
                rs.getString("subject_unit"), rs.getInt("round_no"), Step.State.valueOf(rs.getString("state")),
                rs.getString("assignee"), time(rs, "created_at"), time(rs, "completed_at"), rs.getString("completed_by"),
                rs.getString("acted_for"), rs.getString("outcome"), watermark, rs.getString("responsible_group"),
                rs.getString("process_definition_id"), rs.getString("process_key"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime();
    }
}
