package cn.juece.audit;

import java.time.OffsetDateTime;

/** One act in the audit trail: who (person, role, unit), when, what, which decision (Art. 60-63). */
public record AuditEntry(long id, Long decisionId, String decisionNumber, String actorId, String actorName,
                         String actorUnit, String actorRoles, String action, String detail, OffsetDateTime occurredAt) {
}
