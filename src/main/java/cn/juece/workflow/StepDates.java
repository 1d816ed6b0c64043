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

    /** A step asked about in {@link #ofAll}. */
    record Of(String taskId, String taskKey, long decisionId) {
    }

    /**
     * The dates of several steps (a work-list page, issue 17), by task id; steps without dates may be left out. A
     * feature that reads a table for every step answers the page in one query.
     */
    default java.util.Map<String, List<StepDate>> ofAll(List<Of> steps) {
        java.util.Map<String, List<StepDate>> all = new java.util.HashMap<>();
        for (Of s : steps) {
            List<StepDate> dates = of(s.taskId(), s.taskKey(), s.decisionId());
            if (!dates.isEmpty()) {
                all.put(s.taskId(), dates);
            }
        }
        return all;
    }

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
