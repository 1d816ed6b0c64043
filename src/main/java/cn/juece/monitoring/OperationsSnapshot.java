package cn.juece.monitoring;

import java.time.OffsetDateTime;
import java.util.Map;

import cn.juece.decision.Stage;

/**
 * What the operations gauges show, as of {@code takenAt}: counted together by {@link OperationsMetrics#refresh()}
 * and read by every scrape until the next refresh (a scrape never queries the database).
 */
public record OperationsSnapshot(OffsetDateTime takenAt, Map<Stage, Long> openSteps, long overdueSteps, long outboxPending,
                                 long outboxSending, long outboxFailed, long jobsDue, long jobsFailed, long incidents) {

    static OperationsSnapshot empty() {
        return new OperationsSnapshot(null, Map.of(), 0, 0, 0, 0, 0, 0, 0);
    }

    public long openSteps(Stage stage) {
        return openSteps.getOrDefault(stage, 0L);
    }
}
