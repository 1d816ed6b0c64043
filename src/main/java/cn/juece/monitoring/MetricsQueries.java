package cn.juece.monitoring;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.juece.decision.Stage;

/**
 * The counts behind the operations gauges, each one query over an index that holds only the rows counted (open
 * steps, open periods by due date, unsent mail by status; V140), never a scan of every decision: the cost grows
 * with what is open, not with the 50,000 decisions behind it. The engine's jobs and incidents are counted through
 * its query API.
 */
@Repository
class MetricsQueries {

    private final JdbcClient jdbc;
    private final ManagementService jobs;
    private final RuntimeService runtime;

    MetricsQueries(JdbcClient jdbc, ManagementService jobs, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.runtime = runtime;
    }

    /** Open steps per stage; a step's task key starts with its stage's name (proposal-study: stage-proposal). */
    Map<Stage, Long> openStepsByStage() {
        Map<Stage, Long> result = new EnumMap<>(Stage.class);
        jdbc.sql("SELECT task_key, COUNT(*) FROM juece.step WHERE state = 'OPEN' GROUP BY task_key")
                .query((rs, i) -> {
                    Stage stage = stageOfTask(rs.getString(1));
                    if (stage != null) {
                        result.merge(stage, rs.getLong(2), Long::sum);
                    }
                    return null;
                }).list();
        return result;
    }

    static Stage stageOfTask(String taskKey) {
        int dash = taskKey.indexOf('-');
        return dash < 0 ? null : Stage.ofProcessKey("stage-" + taskKey.substring(0, dash));
    }

    /** Open steps whose deadline (the due date the period gave the task) has passed; a minimum has none. */
    long overdueSteps(OffsetDateTime now) {
        return jdbc.sql("SELECT COUNT(*) FROM juece.step_period WHERE state = 'OPEN' AND due_at < ?")
                .param(now).query(Long.class).single();
    }

    /** Unsent mail by status (PENDING, SENDING, FAILED); sent mail is not counted. */
    Map<String, Long> unsentMail() {
        Map<String, Long> result = new HashMap<>();
        jdbc.sql("SELECT status, COUNT(*) FROM juece.mail_outbox WHERE status IN ('PENDING', 'SENDING', 'FAILED') GROUP BY status")
                .query((rs, i) -> result.put(rs.getString(1), rs.getLong(2))).list();
        return result;
    }

    /** Jobs due now that the job executor has not run yet (timers included, suspended ones not). */
    long jobsDue() {
        return jobs.createJobQuery().executable().active().count();
    }

    /** Jobs whose retries are used up: they will not run again until an operator acts. */
    long jobsFailed() {
        return jobs.createJobQuery().noRetriesLeft().count();
    }

    long incidents() {
        return runtime.createIncidentQuery().count();
    }
}
