package cn.juece.workflow;

import java.time.OffsetDateTime;

import cn.juece.decision.Decision;
import cn.juece.identity.Actor;

/**
 * A step of a decision as it is being completed: the rule check has passed, and the engine's transaction
 * is still open. Features that keep a fact of the dossier for this step (DECISIONS.md 25) write their row
 * from it, in that transaction, through a {@link StepCompletionHandler}.
 *
 * @param actedFor the group the person acted for (the step's responsible group)
 * @param round    1 for the first completion of this step of the decision, 2 for the next, …
 */
public record StepCompletion(Decision decision, String taskId, String taskKey, String taskName, String outcome,
                             String outcomeLabel, String reason, Actor actor, String actedFor, int round,
                             OffsetDateTime completedAt) {
}
