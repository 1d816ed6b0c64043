package cn.juece.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway V48: chains the audit entries written before the chain existed (a user's ./data database), once, in id
 * order per chain, then makes the chain columns NOT NULL and (chain_key, chain_seq) unique. A decision's entry
 * written with only the decision's id gets the decision's number (its chain). occurred_at is truncated to
 * milliseconds, as new entries are stored. Spring Boot hands this bean to Flyway; it runs as Flyway's user.
 */
@Component
public class ChainExistingAuditEntries implements JavaMigration {

    private static final int PAGE = 1000;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("48");
    }

    @Override
    public String getDescription() {
        return "chain existing audit entries";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection con = context.getConnection();
        Map<String, ChainHead> chains = new LinkedHashMap<>();
        Map<Long, String> numbers = new HashMap<>();
        long after = Long.MIN_VALUE;
        while (true) {
            List<ChainRow> page = new ArrayList<>(PAGE);
            try (PreparedStatement ps = con.prepareStatement("SELECT " + AuditChainCheck.ROW_COLUMNS
                    + " FROM juece.audit_entry WHERE id > ? ORDER BY id FETCH FIRST " + PAGE + " ROWS ONLY")) {
                ps.setLong(1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        page.add(AuditChainCheck.read(rs));
                    }
                }
            }
            if (page.isEmpty()) {
                break;
            }
            chain(con, page, chains, numbers);
            after = page.get(page.size() - 1).id();
        }
        try (PreparedStatement ps = con.prepareStatement(
                "INSERT INTO juece.audit_chain_head (chain_key, last_seq, last_hash) VALUES (?, ?, ?)")) {
            for (ChainHead head : chains.values()) {
                ps.setString(1, head.chainKey());
                ps.setLong(2, head.lastSeq());
                ps.setString(3, head.lastHash());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (Statement st = con.createStatement()) {
            for (String column : List.of("chain_key", "chain_seq", "prev_hash", "entry_hash")) {
                st.execute("ALTER TABLE juece.audit_entry ALTER COLUMN " + column + " SET NOT NULL");
            }
            st.execute("CREATE UNIQUE INDEX audit_entry_chain_uq ON juece.audit_entry (chain_key, chain_seq)");
        }
    }

    private static void chain(Connection con, List<ChainRow> page, Map<String, ChainHead> chains,
                              Map<Long, String> numbers) throws SQLException {
        try (PreparedStatement ps = con.prepareStatement("""
                UPDATE juece.audit_entry SET chain_key = ?, chain_seq = ?, prev_hash = ?, entry_hash = ?, decision_number = ?,
                                          occurred_at = ? WHERE id = ?""")) {
            for (ChainRow row : page) {
                if (row.entryHash() != null) {
                    // already chained: continue its chain after it
                    chains.put(row.chainKey(), new ChainHead(row.chainKey(), row.seq(), row.entryHash()));
                    continue;
                }
                String number = row.decisionNumber();
                if (number == null && row.decisionId() != null) {
                    number = numbers.computeIfAbsent(row.decisionId(), id -> decisionNumber(con, id));
                }
                String key = AuditChainHash.chainOf(number);
                ChainHead previous = chains.getOrDefault(key, new ChainHead(key, 0, AuditChainHash.GENESIS));
                OffsetDateTime at = row.occurredAt() == null ? null
                        : OffsetDateTime.ofInstant(row.occurredAt().truncatedTo(ChronoUnit.MILLIS), ZONE);
                ChainRow chained = new ChainRow(row.id(), key, previous.lastSeq() + 1, previous.lastHash(), null,
                        at == null ? null : at.toInstant(), row.decisionId(), number, row.actorId(), row.actorName(),
                        row.actorUnit(), row.actorRoles(), row.actedFor(), row.action(), row.detail(), row.materials());
                String hash = AuditChainHash.hash(chained);
                chains.put(key, new ChainHead(key, chained.seq(), hash));
                ps.setString(1, key);
                ps.setLong(2, chained.seq());
                ps.setString(3, chained.prevHash());
                ps.setString(4, hash);
                ps.setString(5, number);
                ps.setObject(6, at);
                ps.setLong(7, row.id());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String decisionNumber(Connection con, long decisionId) {
        try (PreparedStatement ps = con.prepareStatement("SELECT decision_number FROM juece.decision WHERE id = ?")) {
            ps.setLong(1, decisionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
