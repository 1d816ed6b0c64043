package cn.juece.audit;

import java.time.Instant;

/**
 * One audit entry as stored, with its place in its chain: what the hash covers ({@link AuditChainHash}) and
 * what {@link AuditChainVerifier} checks. {@code materials} is the stored JSON text, hashed as it is.
 * Plain Java: shared by the application, the migration that chains old rows, and {@link AuditChainCli}.
 */
public record ChainRow(long id, String chainKey, Long seq, String prevHash, String entryHash, Instant occurredAt,
                       Long decisionId, String decisionNumber, String actorId, String actorName, String actorUnit,
                       String actorRoles, String actedFor, String action, String detail, String materials) {

    /** The same entry with its chain place and hash (before it is written). */
    ChainRow chained(String chain, long sequence, String previous, String hash) {
        return new ChainRow(id, chain, sequence, previous, hash, occurredAt, decisionId, decisionNumber, actorId,
                actorName, actorUnit, actorRoles, actedFor, action, detail, materials);
    }
}
