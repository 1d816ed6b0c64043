package cn.juece.participation;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.juece.workflow.StepDates;

/**
 * The participation step waits on the public comment window (Art. 20): its last day is shown with the step, as
 * 公开征求意见截止, while a notice is open or its feedback is not yet published.
 */
@Component
class ParticipationStepDates implements StepDates {

    static final String TASK = "participation-conduct";

    private final JdbcClient jdbc;

    ParticipationStepDates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<StepDate> of(String taskId, String taskKey, long decisionId) {
        if (!TASK.equals(taskKey)) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT closes_on, provisional_years, status FROM juece.public_consultation WHERE decision_id = ? AND status <> 'FEEDBACK_PUBLISHED'
                ORDER BY closes_on DESC FETCH FIRST 1 ROWS ONLY""").param(decisionId)
                .query((rs, i) -> new StepDate(StepDate.WINDOW_END, "公开征求意见截止", rs.getObject(1, java.time.LocalDate.class),
                        rs.getString(2) != null && "OPEN".equals(rs.getString(3))))
                .optional().map(List::of).orElse(List.of());
    }
}
