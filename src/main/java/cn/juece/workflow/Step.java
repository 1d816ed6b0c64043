package cn.juece.workflow;

import java.time.OffsetDateTime;

import cn.juece.access.Responsible;

/**
 * A user task of a decision as the dossier keeps it (DECISIONS.md 22, 24): the party that acts on it, its round,
 * who holds it, and what closed it. The engine's task is where the step waits; this row is who it belongs to.
 *
 * @param subjectUnit       the one unit a step of a per-unit party belongs to (a consulted unit's answer, Art. 16)
 * @param materialWatermark the newest material version in the dossier when the step closed (null while open)
 * @param responsibleGroup  the group the step is offered to now (its party's projection; the work lists read it)
 */
public record Step(long id, long decisionId, String taskId, String processInstanceId, String taskKey, String taskName,
                   Responsible party, String subjectUnit, int round, State state, String assignee,
                   OffsetDateTime createdAt, OffsetDateTime completedAt, String completedBy, String actedFor,
                   String outcome, Long materialWatermark, String responsibleGroup, String processDefinitionId,
                   String processKey) {

    public enum State { OPEN, COMPLETED, CANCELLED }

    public boolean isOpen() {
        return state == State.OPEN;
    }
}
