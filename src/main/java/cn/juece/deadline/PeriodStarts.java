package cn.juece.deadline;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A feature's answer to "from which day does this step's period count?", where the rule counts it from an act
 * recorded in the dossier rather than from the day the step opens: e.g. the 10 working days to publish the
 * opinions' adoption run from the day the decision document was issued (印发, the date on the document), not from
 * the day the publication step was completed. Empty: from the day the step opens (the default).
 */
public interface PeriodStarts {

    Optional<LocalDate> startOf(long decisionId, String taskKey);
}
