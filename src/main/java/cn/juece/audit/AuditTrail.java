package cn.juece.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.support.AppClock;

/**
 * Writes and reads the audit trail. Writing requires the caller's transaction (MANDATORY): the entry is
 * committed with the act it records, or not at all.
 *
 * <p>Every entry is appended to a hash chain (DECISIONS.md 26): the decision's number for a decision's acts, a
 * catalogue's key (e.g. {@code GX-2026-ML}) for a catalogue's, {@link AuditChainHash#ORG_CHAIN} for acts that
 * belong to neither. The first append to a chain in a transaction locks that chain's head until the
 * transaction ends ({@link ChainHeads}); details are stored whole.
 */
@Service
public class AuditTrail {

    private static final String ENTRY_COLUMNS = "id, decision_id, decision_number, actor_id, actor_name, actor_unit, "
            + "actor_roles, acted_for, action, detail, materials, occurred_at";

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AppClock clock;
    private final ChainHeads heads;

    AuditTrail(JdbcClient jdbc, Directory directory, AppClock clock, ChainHeads heads) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
        this.heads = heads;
    }

    /** Records an act of the person acting now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Long decisionId, String decisionNumber, AuditAction action, String detail) {
        record(directory.currentActor(), null, decisionId, decisionNumber, action, detail, null);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, Long decisionId, String decisionNumber, AuditAction action, String detail) {
        record(actor, null, decisionId, decisionNumber, action, detail, null);
    }

    /**
     * Records an act with the group the person acted for (a candidate group, unit or role; may be null) and
     * the materials in force at the act (may be null).
     *
     * @param decisionNumber the decision's number (looked up when only its id is given), a catalogue's key, or
     *                       null for an act of neither
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String actedFor, Long decisionId, String decisionNumber, AuditAction action,
                       String detail, List<MaterialRef> materials) {
        String number = decisionNumber;
        if (number == null && decisionId != null) {
            number = jdbc.sql("SELECT decision_number FROM juece.decision WHERE id = ?").param(decisionId)
                    .query(String.class).optional().orElse(null);
        }
        String chain = AuditChainHash.chainOf(number);
        // stored as hashed: milliseconds survive the round trip through H2 and PostgreSQL exactly
        OffsetDateTime at = clock.now().truncatedTo(ChronoUnit.MILLIS);
        ChainHeads.Head head = heads.forAppend(chain);
        long seq = head.lastSeq + 1;
        ChainRow row = new ChainRow(0, chain, seq, head.lastHash, null, at.toInstant(), decisionId, number, actor.id(),
                actor.name(), actor.unitName(), actor.roles(), actedFor, action.name(), detail, MaterialRef.toJson(materials));
        String hash = AuditChainHash.hash(row);
        jdbc.sql("""
                INSERT INTO juece.audit_entry (chain_key, chain_seq, prev_hash, entry_hash, decision_id, decision_number,
                                         actor_id, actor_name, actor_unit, actor_roles, acted_for, action, detail,
                                         materials, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(chain, seq, row.prevHash(), hash, decisionId, number, row.actorId(), row.actorName(), row.actorUnit(),
                        row.actorRoles(), actedFor, row.action(), detail, row.materials(), at)
                .update();
        heads.appended(head, seq, hash);
    }

    public List<AuditEntry> forDecision(long decisionId) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM juece.audit_entry WHERE decision_id = ? ORDER BY id")
                .param(decisionId)
                .query((rs, i) -> entry(rs))
                .list();
    }

    /** The acts recorded under a key that is not a decision's (e.g. a catalogue, GX-2026-ML), in order. */
    public List<AuditEntry> forKey(String key) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM juece.audit_entry WHERE decision_number = ? ORDER BY id")
                .param(key)
                .query((rs, i) -> entry(rs))
                .list();
    }

    /** The latest acts of the given kinds that belong to no decision (administration, e.g. the calendar). */
    public List<AuditEntry> latestWithoutDecision(Collection<AuditAction> actions, int limit) {
        if (actions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + """
                 FROM juece.audit_entry WHERE decision_id IS NULL AND action IN (:actions)
                ORDER BY id DESC FETCH FIRST :limit ROWS ONLY""")
                .param("actions", actions.stream().map(Enum::name).toList())
                .param("limit", limit)
                .query((rs, i) -> entry(rs))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM juece.audit_entry").query(Long.class).single();
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                MaterialRef.fromJson(rs.getString(11)),
                rs.getObject(12, OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).toOffsetDateTime());
    }
}
