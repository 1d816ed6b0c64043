package cn.juece.workflow;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The day a step's work list sorts it by (issue 17, V220 {@code step.work_day}): its open period's deadline or
 * earliest close, else the day of the due date its task carries, else none (9999-12-31, last). Kept in the
 * transaction that changes the period or the task's due date, so the clerk's page is read in index order. Also keeps
 * the decision's due day (V250: the soonest day of its open periods), which the decision list sorts by.
 */
@Component
public class WorkDays {

    private static final String DAY = """
            COALESCE((SELECT COALESCE(p.end_on, p.earliest_close) FROM juece.step_period p
                       WHERE p.task_id = s.task_id AND p.state = 'OPEN' FETCH FIRST 1 ROWS ONLY),
                     CAST(s.due_at AS DATE), DATE '9999-12-31')""";

    /** The due date supervision sorts a step by (step.due_sort, V251): its task's, else the one its open period gave. */
    private static final String DUE_SORT = """
            COALESCE(s.due_at, (SELECT p.due_at FROM juece.step_period p
                       WHERE p.task_id = s.task_id AND p.state = 'OPEN' FETCH FIRST 1 ROWS ONLY),
                     TIMESTAMP WITH TIME ZONE '9999-12-31 00:00:00+00')""";

    /** The due date a step can be overdue by (step.overdue_at, V253): its due_sort, unless a minimum holds it. */
    private static final String OVERDUE_AT = "CASE WHEN EXISTS (SELECT 1 FROM juece.step_period p WHERE p.task_id = s.task_id AND p.state = 'OPEN'"
            + " AND p.earliest_close IS NOT NULL) THEN TIMESTAMP WITH TIME ZONE '9999-12-31 00:00:00+00' ELSE " + DUE_SORT + " END";

    /** The soonest day of a decision's open periods (decision.due_day, V250), for the decision list's sort=due. */
    private static final String DECISION_DAY = """
            COALESCE((SELECT MIN(COALESCE(p.end_on, p.earliest_close)) FROM juece.step_period p
                       WHERE p.decision_id = d.id AND p.state = 'OPEN'), DATE '9999-12-31')""";

    private final JdbcClient jdbc;
    private final cn.juece.decision.DecisionTally tally;

    WorkDays(JdbcClient jdbc, cn.juece.decision.DecisionTally tally) {
        this.jdbc = jdbc;
        this.tally = tally;
    }

    /** The step of this task: its period or due date changed. */
    public void refresh(String taskId) {
        jdbc.sql("UPDATE juece.step s SET work_day = " + DAY + ", due_sort = " + DUE_SORT + ", overdue_at = " + OVERDUE_AT + " WHERE s.task_id = ? AND s.state = 'OPEN'").param(taskId).update();
        jdbc.sql("UPDATE juece.decision d SET due_day = " + DECISION_DAY
                + " WHERE d.id IN (SELECT p.decision_id FROM juece.step_period p WHERE p.task_id = ?) AND d.due_day <> " + DECISION_DAY).param(taskId).update();
    }

    /** The step of this period (its dates moved). */
    public void refreshPeriod(long stepPeriodId) {
        jdbc.sql("UPDATE juece.step s SET work_day = " + DAY + ", due_sort = " + DUE_SORT + ", overdue_at = " + OVERDUE_AT
                + " WHERE s.task_id = (SELECT task_id FROM juece.step_period WHERE id = ?) AND s.state = 'OPEN'").param(stepPeriodId).update();
        jdbc.sql("UPDATE juece.decision d SET due_day = " + DECISION_DAY
                + " WHERE d.id = (SELECT decision_id FROM juece.step_period WHERE id = ?) AND d.due_day <> " + DECISION_DAY).param(stepPeriodId).update();
    }

    /** The open steps of this decision and step key (a period closed by decision and key). */
    public void refresh(long decisionId, String taskKey) {
        jdbc.sql("UPDATE juece.step s SET work_day = " + DAY + ", due_sort = " + DUE_SORT + ", overdue_at = " + OVERDUE_AT + " WHERE s.decision_id = ? AND s.task_key = ? AND s.state = 'OPEN'")
                .params(decisionId, taskKey).update();
        decision(decisionId);
    }

    /** A stage's bit in decision.open_stages (V252): bit n-1 for stage n. */
    public static final String STAGE_BIT;

    static {
        StringBuilder b = new StringBuilder("CASE s.process_key");
        for (cn.juece.decision.Stage st : cn.juece.decision.Stage.values()) {
            b.append(" WHEN '").append(st.processKey()).append("' THEN ").append(1 << (st.number() - 1));
        }
        STAGE_BIT = b.append(" ELSE 0 END").toString();
    }

    /**
     * The decision's open steps and their stages (decision.open_steps, open_stages, V252): one of its steps opened,
     * completed or was cancelled. Written only when they change.
     */
    public void openSteps(long decisionId) {
        var counts = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(DISTINCT " + STAGE_BIT + "), 0) FROM juece.step s WHERE s.decision_id = ? AND s.state = 'OPEN'")
                .param(decisionId).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        if (jdbc.sql("UPDATE juece.decision SET open_steps = ?, open_stages = ? WHERE id = ? AND (open_steps <> ? OR open_stages <> ?)")
                .params((int) counts[0], (int) counts[1], decisionId, (int) counts[0], (int) counts[1]).update() > 0) {
            tally.touched(decisionId);
        }
    }

    /** The decision's due day (decision.due_day, V250): one of its periods opened, moved or closed. */
    public void decision(long decisionId) {
        jdbc.sql("UPDATE juece.decision d SET due_day = " + DECISION_DAY + " WHERE d.id = ? AND d.due_day <> " + DECISION_DAY).param(decisionId).update();
    }
}
