package cn.juece.audit;

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
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AppClock clock;

    AuditTrail(JdbcClient jdbc, Directory directory, AppClock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    /** Records an act of the person acting now. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Long decisionId, String decisionNumber, AuditAction action, String detail) {
        record(directory.currentActor(), decisionId, decisionNumber, action, detail);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, Long decisionId, String decisionNumber, AuditAction action, String detail) {
        jdbc.sql("""
                INSERT INTO juece.audit_entry (decision_id, decision_number, actor_id, actor_name, actor_unit, actor_roles,
                                         action, detail, occurred_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(decisionId, decisionNumber, actor.id(), actor.name(), actor.unitName(), actor.roles(),
                        action.name(), truncate(detail, 2000), clock.now())
                .update();
    }

    public List<AuditEntry> forDecision(long decisionId) {
        return jdbc.sql("""
                SELECT id, decision_id, decision_number, actor_id, actor_name, actor_unit, actor_roles, action, detail, occurred_at
                FROM juece.audit_entry WHERE decision_id = ? ORDER BY id""")
                .param(decisionId)
                .query((rs, i) -> new AuditEntry(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10, java.time.OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).toOffsetDateTime()))
                .list();
    }

    /** The acts recorded under a key that is not a decision's (e.g. a catalogue, GX-2026-ML), in order. */
    public List<AuditEntry> forKey(String key) {
        return jdbc.sql("""
                SELECT id, decision_id, decision_number, actor_id, actor_name, actor_unit, actor_roles, action, detail, occurred_at
                FROM juece.audit_entry WHERE decision_number = ? ORDER BY id""")
                .param(key)
                .query((rs, i) -> new AuditEntry(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10, java.time.OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).toOffsetDateTime()))
                .list();
    }

    /** The latest acts of the given kinds that belong to no decision (administration, e.g. the calendar). */
    public List<AuditEntry> latestWithoutDecision(Collection<AuditAction> actions, int limit) {
        if (actions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id, decision_id, decision_number, actor_id, actor_name, actor_unit, actor_roles, action, detail, occurred_at
                FROM juece.audit_entry WHERE decision_id IS NULL AND action IN (:actions)
                ORDER BY id DESC FETCH FIRST :limit ROWS ONLY""")
                .param("actions", actions.stream().map(Enum::name).toList())
                .param("limit", limit)
                .query((rs, i) -> new AuditEntry(rs.getLong(1), rs.getObject(2, Long.class), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10, java.time.OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).toOffsetDateTime()))
                .list();
    }

    public long count() {
        return jdbc.sql("SELECT COUNT(*) FROM juece.audit_entry").query(Long.class).single();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
