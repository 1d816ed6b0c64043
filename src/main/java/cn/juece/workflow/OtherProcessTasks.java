package cn.juece.workflow;

import java.util.Map;
import java.util.Optional;

/**
 * Tasks of processes whose business key is not a decision number (the annual catalogue): their feature
 * answers the Tasklist form and the generic /api completion for them.
 */
public interface OtherProcessTasks {

    /** The form spec (taskName, decisionNumber, decisionTitle, dossierUrl, outcomes, checklist) or empty. */
    Optional<Map<String, Object>> form(TaskView task);

    /** Completes the task through the feature's own rules; false when the task is not the feature's. */
    boolean complete(TaskView task, String outcome, String reason);
}
