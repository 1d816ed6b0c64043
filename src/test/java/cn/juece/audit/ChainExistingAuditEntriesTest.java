package cn.juece.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * A database from before the chain (a user's ./data file) gets its entries chained once by V48, in id order
 * per chain, and verifies. Flyway alone on a fresh in-memory H2 (no Spring context).
 */
class ChainExistingAuditEntriesTest {

    private static final String URL = "jdbc:h2:mem:juece-v48-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";

    @Test
    void oldEntriesAreChainedPerChainInIdOrderAndVerify() throws Exception {
        flyway().target("47").load().migrate();
        try (Connection con = DriverManager.getConnection(URL, "sa", "")) {
            try (Statement st = con.createStatement()) {
                st.execute("INSERT INTO juece.organ VALUES ('GX', '冠县人民政府', '冠县', 'bgs', 'sfj')");
                st.execute("INSERT INTO juece.org_unit VALUES ('fgj', 'GX', '县发展和改革局', 'DEPARTMENT')");
                st.execute("""
                        INSERT INTO juece.decision (id, decision_number, organ_code, title, source, lead_unit, stage, status,
                                                    created_by, created_at, updated_at)
                        VALUES (7, 'GX-2026-0001', 'GX', '供热价格', 'LEADER', 'fgj', 'PROPOSAL', 'IN_PROGRESS', 'fgj_wang',
                                CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)""");
            }
            // as the old AuditTrail wrote them: microseconds, one decision entry with only the decision's id
            old(con, 7L, "GX-2026-0001", "DECISION_CREATED", "登记决策事项");
            old(con, null, null, "CALENDAR_SEEDED", "载入节假日");
            old(con, null, "GX-2026-ML", "CATALOGUE_CREATED", "开始编制目录");
            old(con, 7L, null, "MAIL_RESENT", "重新发送邮件1");
            old(con, null, null, "PUBLIC_PROPOSAL_RECEIVED", "收到公众建议");
        }

        flyway().javaMigrations(new ChainExistingAuditEntries()).load().migrate();

        try (Connection con = DriverManager.getConnection(URL, "sa", "")) {
            List<ChainReport> reports = AuditChainCheck.verifyAll(con);
            assertThat(reports).extracting(ChainReport::chain, ChainReport::entries, ChainReport::intact).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("GX-2026-0001", 2L, true),
                    org.assertj.core.groups.Tuple.tuple("GX-2026-ML", 1L, true),
                    org.assertj.core.groups.Tuple.tuple("ORG", 2L, true));
            List<String> rows = new ArrayList<>();
            try (PreparedStatement ps = con.prepareStatement(
                    "SELECT chain_key, chain_seq, action, decision_number, occurred_at FROM juece.audit_entry ORDER BY id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + "#" + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getString(4));
                    assertThat(rs.getObject(5, OffsetDateTime.class).getNano() % 1_000_000).as("truncated to ms").isZero();
                }
            }
            assertThat(rows).containsExactly(
                    "GX-2026-0001#1 DECISION_CREATED GX-2026-0001",
                    "ORG#1 CALENDAR_SEEDED null",
                    "GX-2026-ML#1 CATALOGUE_CREATED GX-2026-ML",
                    "GX-2026-0001#2 MAIL_RESENT GX-2026-0001",
                    "ORG#2 PUBLIC_PROPOSAL_RECEIVED null");
            // details are stored whole and still required
            try (PreparedStatement ps = con.prepareStatement("""
                    SELECT is_nullable, character_maximum_length FROM information_schema.columns
                    WHERE table_schema = 'JUECE' AND table_name = 'AUDIT_ENTRY' AND column_name = 'DETAIL'""");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("NO");
                assertThat(rs.getLong(2)).isGreaterThan(1_000_000);
            }
            // the chain columns are required from now on
            try (Statement st = con.createStatement()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> st.execute("""
                        INSERT INTO juece.audit_entry (actor_id, actor_name, action, detail, occurred_at)
                        VALUES ('x', 'x', 'X', 'x', CURRENT_TIMESTAMP)""")).hasMessageContaining("CHAIN_KEY");
            }
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway() {
        return Flyway.configure().dataSource(URL, "sa", "").schemas("JUECE").defaultSchema("JUECE")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2");
    }

    private static void old(Connection con, Long decisionId, String number, String action, String detail) throws Exception {
        try (PreparedStatement ps = con.prepareStatement("""
                INSERT INTO juece.audit_entry (decision_id, decision_number, actor_id, actor_name, actor_unit, actor_roles,
                                               action, detail, occurred_at)
                VALUES (?, ?, 'fgj_wang', '王海涛', '县发展和改革局', '科员', ?, ?, ?)""")) {
            ps.setObject(1, decisionId);
            ps.setString(2, number);
            ps.setString(3, action);
            ps.setString(4, detail);
            ps.setObject(5, OffsetDateTime.parse("2025-11-03T10:15:30.123456+08:00"));
            ps.executeUpdate();
        }
    }
}
