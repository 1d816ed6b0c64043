package cn.juece.workflow;

import java.time.LocalDate;
import java.util.List;

/**
 * The dates a person needs to see on an open step, each of its kind (issue 11: "deadlines that mean what they
 * say"): a deadline (办理期限), the earliest day a step held by a minimum may close (最早可办结), and the end of a
 * public window the step waits on (公开征求意见截止). Features contribute them: the period mechanism, public
 * participation.
 */
public interface StepDates {

    List<StepDate> of(String taskId, String taskKey, long decisionId);

    /**
     * @param kind DEADLINE, EARLIEST_CLOSE or WINDOW_END; label its Chinese name
     * @param provisional counted over a year whose holiday notice is not loaded yet (暂定, issue 16)
     */
    record StepDate(String kind, String label, LocalDate date, boolean provisional) {

        public StepDate(String kind, String label, LocalDate date) {
            this(kind, label, date, false);
        }

        public static final String DEADLINE = "DEADLINE";
        public static final String EARLIEST_CLOSE = "EARLIEST_CLOSE";
        public static final String WINDOW_END = "WINDOW_END";
    }
}
