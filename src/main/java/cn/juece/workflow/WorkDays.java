package cn.juece.workflow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The day a step's work list sorts it by (issue 17, V220 {@code step.work_day}): its open period's deadline or
 * earliest close, else the day of the due date its task carries, else none (9999-12-31, last). Kept in the
 * transaction that changes the period or the task's due date, so the clerk's page is read in index order.
 */
@Component
public class WorkDays {

    private static final String DAY = """
            COALESCE((SELECT COALESCE(p.end_on, p.earliest_close) FROM juece.step_period p
                       WHERE p.task_id = s.task_id AND p.state = 'OPEN' FETCH FIRST 1 ROWS ONLY),
                     CAST(s.due_at AS DATE), DATE '9999-12-31')""";

    private final JdbcClient jdbc;

    WorkDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The step of this task: its period or due date changed. */
    public void refresh(String taskId) {
        jdbc.sql("UPDATE juece.step s SET work_day = " + DAY + " WHERE s.task_id = ? AND s.state = 'OPEN'").param(taskId).update();
    }

    /** The step of this period (its dates moved). */
    public void refreshPeriod(long stepPeriodId) {
        jdbc.sql("UPDATE juece.step s SET work_day = " + DAY
                + " WHERE s.task_id = (SELECT task_id FROM juece.step_period WHERE id = ?) AND s.state = 'OPEN'").param(stepPeriodId).update();
    }

    /** The open steps of this decision and step key (a period closed by decision and key). */
    public void refresh(long decisionId, String taskKey) {
        jdbc.sql("UPDATE juece.step s SET work_day = " + DAY + " WHERE s.decision_id = ? AND s.task_key = ? AND s.state = 'OPEN'")
                .params(decisionId, taskKey).update();
    }
}
