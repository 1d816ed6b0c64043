package cn.juece.audit;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One act in the audit trail: who (person, role, unit, the group they acted for), when, what, which decision,
 * and the materials in force at the act (null when the act names none) (Art. 60-63).
 */
public record AuditEntry(long id, Long decisionId, String decisionNumber, String actorId, String actorName,
                         String actorUnit, String actorRoles, String actedFor, String action, String detail,
                         List<MaterialRef> materials, OffsetDateTime occurredAt) {
}
