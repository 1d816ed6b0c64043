package cn.juece.notification;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OutboxRepository {

    static final String PENDING = "PENDING";
    static final String SENDING = "SENDING";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";

    private static final String COLUMNS = """
            id, decision_id, kind, recipient_id, recipient, subject, body, link, status, attempts, next_attempt_at,
            last_error, created_at, sent_at""";

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Long decisionId, String kind, String recipientId, String recipient, String subject, String body,
                String link, OffsetDateTime now) {
        jdbc.sql("""
                INSERT INTO juece.mail_outbox (decision_id, kind, recipient_id, recipient, subject, body, link, status,
                                               attempts, next_attempt_at, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
                .params(decisionId, kind, recipientId, recipient, cut(subject, 300), cut(body, 4000), cut(link, 500), now, now)
                .update();
    }

    /** Pending rows due now, oldest first, at most {@code limit} (the database stops there: a long backlog is not read whole). */
    List<Long> due(OffsetDateTime now, int limit) {
        return jdbc.sql("SELECT id FROM juece.mail_outbox WHERE status = 'PENDING' AND next_attempt_at <= ? ORDER BY id FETCH FIRST "
                        + Math.max(1, limit) + " ROWS ONLY")
                .param(now).query(Long.class).list();
    }

    /**
     * Claims a pending row for sending; false when another worker has it or it is no longer pending. Atomic on every
     * node: the UPDATE's condition is checked again on the row's newest version after a concurrent claim commits (on
     * PostgreSQL the second UPDATE waits for the first's row lock, then finds the row SENDING and changes nothing).
     */
    boolean claim(long id, OffsetDateTime now) {
        return jdbc.sql("UPDATE juece.mail_outbox SET status = 'SENDING', next_attempt_at = ? WHERE id = ? AND status = 'PENDING'")
                .params(now, id).update() == 1;
    }

    OutboxMail get(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM juece.mail_outbox WHERE id = ?").param(id).query(cn.juece.support.RecordRows.of(OutboxMail.class)).optional().orElse(null);
    }

    void sent(long id, OffsetDateTime now) {
        jdbc.sql("UPDATE juece.mail_outbox SET status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?")
                .params(now, id).update();
    }

    void failed(long id, String status, int attempts, OffsetDateTime next, String error) {
        jdbc.sql("UPDATE juece.mail_outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ?")
                .params(status, attempts, next, cut(error, 1000), id).update();
    }

    /** SENDING rows older than the cut-off (a worker died mid-send) go back to PENDING. */
    int releaseStale(OffsetDateTime before) {
        return jdbc.sql("UPDATE juece.mail_outbox SET status = 'PENDING' WHERE status = 'SENDING' AND next_attempt_at < ?")
                .param(before).update();
    }

    int resend(long id, OffsetDateTime now) {
        return jdbc.sql("UPDATE juece.mail_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?, last_error = NULL "
                        + "WHERE id = ? AND status IN ('FAILED', 'PENDING')")
                .params(now, id).update();
    }

    List<OutboxMail> unsent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM juece.mail_outbox WHERE status <> 'SENT' ORDER BY id DESC")
                .query(cn.juece.support.RecordRows.of(OutboxMail.class)).list().stream().limit(limit).toList();
    }

    List<OutboxMail> recentSent(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM juece.mail_outbox WHERE status = 'SENT' ORDER BY id DESC")
                .query(cn.juece.support.RecordRows.of(OutboxMail.class)).list().stream().limit(limit).toList();
    }

    List<OutboxMail> forDecision(long decisionId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM juece.mail_outbox WHERE decision_id = ? ORDER BY id")
                .param(decisionId).query(cn.juece.support.RecordRows.of(OutboxMail.class)).list();
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
