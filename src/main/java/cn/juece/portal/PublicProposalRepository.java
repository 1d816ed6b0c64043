package cn.juece.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.juece.support.AppClock;

@Repository
class PublicProposalRepository {

    private static final String COLUMNS = """
            id, receipt_no, organ_code, proposer_name, contact, title, content, status, decision_id, handled_note,
            handled_by, handled_at, submitted_at""";

    private final JdbcClient jdbc;

    PublicProposalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean receiptExists(String receipt) {
        return jdbc.sql("SELECT COUNT(*) FROM juece.public_proposal WHERE receipt_no = ?").param(receipt)
                .query(Long.class).single() > 0;
    }

    long insert(String receipt, String organCode, String name, String contact, String title, String content, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO juece.public_proposal (receipt_no, organ_code, proposer_name, contact, title, content, status, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(receipt, organCode, name, contact, title, content, PublicProposal.Status.RECEIVED.name(), now)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<PublicProposal> byReceipt(String receipt) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM juece.public_proposal WHERE receipt_no = ?").param(receipt)
                .query(PublicProposalRepository::map).optional();
    }

    Optional<PublicProposal> byId(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM juece.public_proposal WHERE id = ?").param(id)
                .query(PublicProposalRepository::map).optional();
    }

    List<PublicProposal> list(String organCode, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM juece.public_proposal WHERE organ_code = ? ORDER BY id DESC FETCH FIRST "
                        + limit + " ROWS ONLY")
                .param(organCode).query(PublicProposalRepository::map).list();
    }

    void handle(long id, PublicProposal.Status status, Long decisionId, String note, String by, OffsetDateTime now) {
        jdbc.sql("UPDATE juece.public_proposal SET status = ?, decision_id = ?, handled_note = ?, handled_by = ?, handled_at = ? WHERE id = ?")
                .params(status.name(), decisionId, note, by, now, id).update();
    }

    private static PublicProposal map(ResultSet rs, int row) throws SQLException {
        return new PublicProposal(rs.getLong("id"), rs.getString("receipt_no"), rs.getString("organ_code"),
                rs.getString("proposer_name"), rs.getString("contact"), rs.getString("title"), rs.getString("content"),
                PublicProposal.Status.valueOf(rs.getString("status")), rs.getObject("decision_id", Long.class),
                rs.getString("handled_note"), rs.getString("handled_by"), time(rs, "handled_at"), time(rs, "submitted_at"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime();
    }
}
