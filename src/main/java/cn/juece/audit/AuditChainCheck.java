package cn.juece.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Verifies audit chains over a plain JDBC connection (no Spring): the application's verification endpoints
 * and {@link AuditChainCli} both run this. Reads each chain's head, then its rows in sequence order (streamed,
 * one chain's rows never held in memory), and settles rows appended meanwhile by reading the head again
 * (see {@link AuditChainVerifier}). Read-only; works on H2 2.x and PostgreSQL, under any isolation level.
 */
public final class AuditChainCheck {

    static final String ROW_COLUMNS = "id, chain_key, chain_seq, prev_hash, entry_hash, occurred_at, decision_id, "
            + "decision_number, actor_id, actor_name, actor_unit, actor_roles, acted_for, action, detail, materials";
    private static final int FETCH = 500;

    private AuditChainCheck() {
    }

    /** Every chain (those with rows and those with only a head), sorted by chain key. */
    public static List<ChainReport> verifyAll(Connection con) throws SQLException {
        Map<String, ChainHead> heads = heads(con);
        List<ChainReport> reports = new ArrayList<>();
        try (PreparedStatement ps = con.prepareStatement("SELECT " + ROW_COLUMNS
                + " FROM juece.audit_entry ORDER BY chain_key, chain_seq, id")) {
            ps.setFetchSize(FETCH);
            try (ResultSet rs = ps.executeQuery()) {
                AuditChainVerifier current = null;
                while (rs.next()) {
                    ChainRow row = read(rs);
                    String key = row.chainKey() == null ? "" : row.chainKey();
                    if (current == null || !current.chain().equals(key)) {
                        if (current != null) {
                            reports.add(settle(con, current, heads.remove(current.chain())));
                        }
                        current = new AuditChainVerifier(key, heads.get(key));
                    }
                    current.accept(row);
                }
                if (current != null) {
                    reports.add(settle(con, current, heads.remove(current.chain())));
                }
            }
        }
        // heads whose chain has no row left
        for (ChainHead head : heads.values()) {
            reports.add(settle(con, new AuditChainVerifier(head.chainKey(), head), head));
        }
        reports.sort(Comparator.comparing(ChainReport::chain));
        return reports;
    }

    /** One chain: a decision's number, a catalogue's key or {@link AuditChainHash#ORG_CHAIN}. */
    public static ChainReport verifyChain(Connection con, String chain) throws SQLException {
        ChainHead before = head(con, chain);
        var verifier = new AuditChainVerifier(chain, before);
        rows(con, chain, 0, Long.MAX_VALUE, verifier);
        return settle(con, verifier, before);
    }

    /** Finishes a chain whose rows were read after {@code before}: reads the head again when rows ran past it. */
    private static ChainReport settle(Connection con, AuditChainVerifier verifier, ChainHead before) throws SQLException {
        if (!verifier.rowsPastHead()) {
            return verifier.finish(before);
        }
        ChainHead after = head(con, verifier.chain());
        if (after != null && after.lastSeq() > verifier.lastSeq()) {
            // appended after the rows were read: read up to this head, no further
            rows(con, verifier.chain(), verifier.lastSeq(), after.lastSeq(), verifier);
        }
        return verifier.finish(after);
    }

    private static void rows(Connection con, String chain, long afterSeq, long upToSeq, AuditChainVerifier verifier) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("SELECT " + ROW_COLUMNS
                + " FROM juece.audit_entry WHERE chain_key = ? AND chain_seq > ? AND chain_seq <= ? ORDER BY chain_seq, id")) {
            ps.setFetchSize(FETCH);
            ps.setString(1, chain);
            ps.setLong(2, afterSeq);
            ps.setLong(3, upToSeq);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    verifier.accept(read(rs));
                }
            }
        }
    }

    static Map<String, ChainHead> heads(Connection con) throws SQLException {
        Map<String, ChainHead> heads = new HashMap<>();
        try (PreparedStatement ps = con.prepareStatement("SELECT chain_key, last_seq, last_hash FROM juece.audit_chain_head");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                heads.put(rs.getString(1), new ChainHead(rs.getString(1), rs.getLong(2), rs.getString(3)));
            }
        }
        return heads;
    }

    static ChainHead head(Connection con, String chain) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("SELECT chain_key, last_seq, last_hash FROM juece.audit_chain_head WHERE chain_key = ?")) {
            ps.setString(1, chain);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new ChainHead(rs.getString(1), rs.getLong(2), rs.getString(3)) : null;
            }
        }
    }

    /** One row of {@link #ROW_COLUMNS}. */
    static ChainRow read(ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject(6, OffsetDateTime.class);
        return new ChainRow(rs.getLong(1), rs.getString(2), rs.getObject(3, Long.class), rs.getString(4), rs.getString(5),
                at == null ? null : at.toInstant(), rs.getObject(7, Long.class), rs.getString(8), rs.getString(9),
                rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                rs.getString(16));
    }
}
