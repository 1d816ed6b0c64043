package cn.juece.workflow;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An open step as people see it: which decision, which step, which groups may act, by when, and the
 * outcomes it can close with.
 */
public record TaskView(String id, String taskKey, String name, String decisionNumber, String decisionTitle,
                       String processKey, List<String> candidateGroups, List<String> candidateGroupNames,
                       String assignee, OffsetDateTime created, OffsetDateTime due, Map<String, String> outcomes,
                       List<StepDates.StepDate> dates) {

    /** The date of that kind ({@link StepDates.StepDate#DEADLINE}, …), or null. */
    public java.time.LocalDate date(String kind) {
        return dates.stream().filter(d -> d.kind().equals(kind)).map(StepDates.StepDate::date).findFirst().orElse(null);
    }
}
