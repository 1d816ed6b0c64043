package cn.juece.workflow;

/**
 * A feature's fact of the dossier written when one of its steps is completed (DECISIONS.md 25): the Art. 3
 * finding, the launch decision, the risk finding, the legality conclusion, the meeting's decision, … Each
 * handler owns its table; the task-complete listener calls every handler that answers for the task key, after
 * the rule check and in the same transaction, on every path (Tasklist, engine REST, /api, pages).
 */
public interface StepCompletionHandler {

    /** Whether this handler keeps a fact for steps with this task key. */
    boolean handles(String taskKey);

    void completed(StepCompletion step);
}
