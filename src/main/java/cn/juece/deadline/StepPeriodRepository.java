package cn.juece.deadline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.juece.decision.DecisionScope;

@Repository
class StepPeriodRepository {

    private static final String COLUMNS = """
            id, decision_id, task_id, task_key, task_name, candidate_group, period_code, started_on, end_on,
            earliest_close, paused_days, state, reminded_at, escalated_at, closed_at, provisional_years""";

    private static final org.springframework.jdbc.core.RowMapper<StepPeriod> PERIODS = cn.juece.support.RecordRows.of(StepPeriod.class);
    private static final org.springframework.jdbc.core.RowMapper<PeriodPause> PAUSES = cn.juece.support.RecordRows.of(PeriodPause.class);
    private static final org.springframework.jdbc.core.RowMapper<PeriodDeviation> DEVIATIONS = cn.juece.support.RecordRows.of(PeriodDeviation.class);

    private final JdbcClient jdbc;

    private final cn.juece.workflow.WorkDays workDays;

    StepPeriodRepository(JdbcClient jdbc, cn.juece.workflow.WorkDays workDays) {
        this.jdbc = jdbc;
        this.workDays = workDays;
    }

    void open(long decisionId, String taskId, String taskKey, String taskName, String group, String code,
              LocalDate start, LocalDate end, LocalDate earliest, String provisionalYears) {
        jdbc.sql("""
                INSERT INTO juece.step_period (decision_id, task_id, task_key, task_name, candidate_group, period_code,
                                               started_on, end_on, earliest_close, paused_days, state, provisional_years)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, 'OPEN', ?)""")
                .params(decisionId, taskId, taskKey, taskName, group, code, start, end, earliest, provisionalYears).update();
        workDays.refresh(taskId);
    }

    /** The years without a notice the step's dates now depend on (null: none). */
    void provisional(long id, String provisionalYears) {
        jdbc.sql("UPDATE juece.step_period SET provisional_years = ? WHERE id = ?").params(provisionalYears, id).update();
    }

    /** Open steps whose dates were counted over a year without a notice (issue 16). */
    List<StepPeriod> openProvisional() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM juece.step_period WHERE state = 'OPEN' AND provisional_years IS NOT NULL ORDER BY id")
                .query(PERIODS).list();
    }

    /** The open step periods of one deciding organ's matters (issue 15: that organ's own calendar day changed). */
    List<StepPeriod> openOfOrgan(String organCode) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM juece.step_period WHERE state = 'OPEN' AND decision_id IN "
                        + "(SELECT id FROM juece.decision WHERE organ_code = ?) ORDER BY id")
                .param(organCode).query(PERIODS).list();
    }

    /** Records the due and follow-up dates given to the step's task (the task-update guard compares with them). */
    void taskDates(long id, java.util.Date due, java.util.Date followUp) {
        jdbc.sql("UPDATE juece.step_period SET due_at = ?, follow_up_at = ? WHERE id = ?")
                .params(at(due), at(followUp), id).update();
    }

    /** The due and follow-up dates last given to an open step's task, if it has a period. */
    Optional<java.util.Date[]> taskDates(String taskId) {
        return jdbc.sql("SELECT due_at, follow_up_at FROM juece.step_period WHERE task_id = ? AND state = 'OPEN'").param(taskId)
                .query((rs, i) -> new java.util.Date[] {date(rs.getObject(1, OffsetDateTime.class)), date(rs.getObject(2, OffsetDateTime.class))})
                .optional();
    }

    private static OffsetDateTime at(java.util.Date d) {
        return d == null ? null : OffsetDateTime.ofInstant(d.toInstant(), cn.juece.support.AppClock.ZONE);
    }

    private static java.util.Date date(OffsetDateTime t) {
        return t == null ? null : java.util.Date.from(t.toInstant());
    }

    /** The open periods of these tasks (a work-list page, issue 17). */
    List<StepPeriod> openByTasks(java.util.Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM juece.step_period WHERE task_id IN (:ids) AND state = 'OPEN'").param("ids", taskIds)
                .query(PERIODS).list();
    }

    Optional<StepPeriod> byTask(String taskId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM juece.step_period WHERE task_id = ?").param(taskId)
                .query(PERIODS).optional();
    }

    Optional<StepPeriod> openFor(long decisionId, String taskKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM juece.step_period WHERE decision_id = ? AND task_key = ? AND state = 'OPEN' ORDER BY id DESC")
                .params(decisionId, taskKey).query(PERIODS).list().stream().findFirst();
    }

    List<StepPeriod> forDecision(long decisionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM juece.step_period WHERE decision_id = ? ORDER BY id")
                .param(decisionId).query(PERIODS).list();
    }

    void closeStep(long decisionId, String taskKey, OffsetDateTime now) {
        jdbc.sql("UPDATE juece.step_period SET state = 'CLOSED', closed_at = ? WHERE decision_id = ? AND task_key = ? AND state = 'OPEN'")
                .params(now, decisionId, taskKey).update();
        workDays.refresh(decisionId, taskKey);
    }

    /** The period counted again from another day (the paused days it had are kept in the new dates). */
    void restarted(long id, LocalDate start, LocalDate end, LocalDate earliest) {
        jdbc.sql("UPDATE juece.step_period SET started_on = ?, end_on = ?, earliest_close = ? WHERE id = ?")
                .params(start, end, earliest, id).update();
        workDays.refreshPeriod(id);
    }

    void moved(long id, LocalDate end, LocalDate earliest, int pausedDays) {
        jdbc.sql("UPDATE juece.step_period SET end_on = ?, earliest_close = ?, paused_days = ? WHERE id = ?")
                .params(end, earliest, pausedDays, id).update();
        workDays.refreshPeriod(id);
    }

    /** Marks the reminder as sent; false if it already was (a timer fires once, this makes sure). */
    boolean markReminded(long id, OffsetDateTime now) {
        return jdbc.sql("UPDATE juece.step_period SET reminded_at = ? WHERE id = ? AND reminded_at IS NULL")
                .params(now, id).update() == 1;
    }

    boolean markEscalated(long id, OffsetDateTime now) {
        return jdbc.sql("UPDATE juece.step_period SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL")
                .params(now, id).update() == 1;
    }

    void addPause(long stepId, long decisionId, String kind, LocalDate start, LocalDate end, String reason, int days,
                  LocalDate before, LocalDate after, String lateNote, String by, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO juece.period_pause (step_period_id, decision_id, pause_kind, start_on, end_on, reason,
                                                working_days, end_before, end_after, late_note, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(stepId, decisionId, kind, start, end, reason, days, before, after, lateNote, by, at).update();
    }

    List<PeriodPause> pauses(long decisionId) {
        return jdbc.sql("""
                SELECT id, step_period_id, decision_id, pause_kind, start_on, end_on, reason, working_days, end_before,
                       end_after, late_note, recorded_by, recorded_at
                FROM juece.period_pause WHERE decision_id = ? ORDER BY id""")
                .param(decisionId).query(PAUSES).list();
    }

    List<PeriodPause> latePauses(DecisionScope scope) {
        if (scope.isEmpty()) {
            return List.of();
        }
        return scope.bind(jdbc.sql("""
                SELECT id, step_period_id, decision_id, pause_kind, start_on, end_on, reason, working_days, end_before,
                       end_after, late_note, recorded_by, recorded_at
                FROM juece.period_pause WHERE late_note IS NOT NULL AND\s""" + scope.where("decision_id") + " ORDER BY id"))
                .query(PAUSES).list();
    }

    void addDeviation(long stepId, long decisionId, String code, String reason, String by, String name, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO juece.period_deviation (step_period_id, decision_id, period_code, reason, approved_by,
                                                    approver_name, approved_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(stepId, decisionId, code, reason, by, name, at).update();
    }

    boolean hasDeviation(long stepId) {
        return jdbc.sql("SELECT COUNT(*) FROM juece.period_deviation WHERE step_period_id = ?").param(stepId)
                .query(Long.class).single() > 0;
    }

    List<PeriodDeviation> deviations(long decisionId) {
        return jdbc.sql("""
                SELECT d.id, d.step_period_id, d.decision_id, d.period_code, COALESCE(p.name_zh, d.period_code) AS period_name,
                       d.reason, d.approved_by, d.approver_name, d.approved_at
                FROM juece.period_deviation d LEFT JOIN juece.statutory_period p ON p.code = d.period_code
                WHERE d.decision_id = ? ORDER BY d.id""")
                .param(decisionId).query(DEVIATIONS).list();
    }

    /** The scope's periods whose deadline passed and was escalated (supervision, issue 17: not every period). */
    List<StepPeriod> escalated(DecisionScope scope) {
        if (scope.isEmpty()) {
            return List.of();
        }
        return scope.bind(jdbc.sql("SELECT " + COLUMNS + " FROM juece.step_period WHERE escalated_at IS NOT NULL AND "
                + scope.where("decision_id") + " ORDER BY id")).query(PERIODS).list();
    }

    /** The scope's periods whose last day falls within these days (the annual figures' overdue steps). */
    List<StepPeriod> ending(DecisionScope scope, LocalDate from, LocalDate to) {
        if (scope.isEmpty()) {
            return List.of();
        }
        return scope.bind(jdbc.sql("SELECT " + COLUMNS + " FROM juece.step_period WHERE end_on BETWEEN :from AND :to AND "
                + scope.where("decision_id") + " ORDER BY id")).param("from", from).param("to", to).query(PERIODS).list();
    }

    List<PeriodDeviation> deviations(DecisionScope scope) {
        if (scope.isEmpty()) {
            return List.of();
        }
        return scope.bind(jdbc.sql("""
                SELECT d.id, d.step_period_id, d.decision_id, d.period_code, COALESCE(p.name_zh, d.period_code) AS period_name,
                       d.reason, d.approved_by, d.approver_name, d.approved_at
                FROM juece.period_deviation d LEFT JOIN juece.statutory_period p ON p.code = d.period_code
                WHERE\s""" + scope.where("d.decision_id") + " ORDER BY d.id")).query(DEVIATIONS).list();
    }
}
