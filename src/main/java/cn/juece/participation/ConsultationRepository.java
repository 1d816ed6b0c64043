package cn.juece.participation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.juece.support.AppClock;

/** Consultations, opinions and clusters. */
@Repository
class ConsultationRepository {

    private static final String CONSULTATION = """
            SELECT id, decision_id, title, notice_text, channels, opens_on, closes_on, shortened_reason, shortened_approved_by,
                   moderated, status, feedback_summary, feedback_published_at, published_by, published_at,
                   provisional_years, published_closes_on
            FROM juece.public_consultation""";
    private static final String OPINION = """
            SELECT id, consultation_id, receipt, channel, author_name, contact, quotable, content, content_hash, same_as,
                   postmark_date, submitted_at, entered_by, moderation, moderation_reason, cluster_id, adoption, adoption_reason
            FROM juece.opinion""";

    /** How long the public intake may go on using a consultation it read (issue 17); see {@link #intakeTarget}. */
    static final long INTAKE_TARGET_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);

    private final JdbcClient jdbc;
    /** The consultations the public intake read lately, by id, with when they were read (System.nanoTime). */
    private final Map<Long, Read> intakeTargets = new java.util.concurrent.ConcurrentHashMap<>();

    /** What a public comment is checked against and written with: the consultation and its decision's number. */
    record IntakeTarget(Consultation consultation, String decisionNumber) {
    }

    private record Read(IntakeTarget target, long at) {
    }

    ConsultationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The consultation a public comment is for, with its decision's number, as read at most a second ago (issue 17:
     * two reads per comment were a fifth of the intake's request time). What could change in that second cannot let a
     * late comment in: the window is checked against the clock on every comment, a window is closed only after its
     * end has passed, and its end is only ever moved later ({@link #extend}). Every change made here forgets the entry
     * at once and again when its transaction ends; a read that raced the change, and another node's change, are seen
     * within the second. Unknown ids are not remembered.
     */
    Optional<IntakeTarget> intakeTarget(long id) {
        long now = System.nanoTime();
        Read read = intakeTargets.get(id);
        if (read != null && now - read.at() < INTAKE_TARGET_NANOS) {
            return Optional.of(read.target());
        }
        Optional<IntakeTarget> target = jdbc.sql("""
                SELECT c.id, c.decision_id, c.title, c.notice_text, c.channels, c.opens_on, c.closes_on, c.shortened_reason,
                       c.shortened_approved_by, c.moderated, c.status, c.feedback_summary, c.feedback_published_at, c.published_by,
                       c.published_at, c.provisional_years, c.published_closes_on, d.decision_number
                FROM juece.public_consultation c JOIN juece.decision d ON d.id = c.decision_id WHERE c.id = ?""")
                .param(id).query((rs, i) -> new IntakeTarget(consultation(rs, i), rs.getString(18))).optional();
        if (target.isPresent()) {
            if (intakeTargets.size() >= 1_000) {
                intakeTargets.clear(); // open consultations are few; this only bounds the map
            }
            intakeTargets.put(id, new Read(target.get(), now));
        } else {
            intakeTargets.remove(id);
        }
        return target;
    }

    /** Forgets what the intake read of the consultation, now and when the caller's transaction ends. */
    private void changed(long id) {
        intakeTargets.remove(id);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            intakeTargets.remove(id);
                        }
                    });
        }
    }

    long insert(long decisionId, String title, String notice, String channels, LocalDate opensOn, LocalDate closesOn,
                String shortenedReason, String approvedBy, boolean moderated, String by, OffsetDateTime at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO juece.public_consultation (decision_id, title, notice_text, channels, opens_on, closes_on, shortened_reason,
                    shortened_approved_by, moderated, status, published_by, published_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(decisionId, title, notice, channels, opensOn, closesOn, shortenedReason, approvedBy, moderated,
                        ConsultationStatus.OPEN.name(), by, at)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Consultation> find(long id) {
        return jdbc.sql(CONSULTATION + " WHERE id = ?").param(id).query(ConsultationRepository::consultation).optional();
    }

    List<Consultation> all(int limit) {
        return jdbc.sql(CONSULTATION + " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .query(ConsultationRepository::consultation).list();
    }

    List<Consultation> ofDecision(long decisionId) {
        return jdbc.sql(CONSULTATION + " WHERE decision_id = ? ORDER BY id").param(decisionId)
                .query(ConsultationRepository::consultation).list();
    }

    /** The years without a holiday notice the window's minimum was counted over (issue 16; null: none). */
    void provisional(long id, String years) {
        changed(id);
        jdbc.sql("UPDATE juece.public_consultation SET provisional_years = ? WHERE id = ?").params(years, id).update();
    }

    /** Extends an open window's end (a loaded holiday notice moved its minimum), keeping the end first published. */
    void extend(long id, LocalDate closesOn, String years) {
        changed(id);
        jdbc.sql("""
                UPDATE juece.public_consultation SET published_closes_on = COALESCE(published_closes_on, closes_on),
                       closes_on = ?, provisional_years = ? WHERE id = ?""").params(closesOn, years, id).update();
    }

    /** Open windows counted over a year without a holiday notice. */
    /** The open windows of one deciding organ's matters (issue 15: that organ's own calendar day changed). */
    List<Consultation> openOfOrgan(String organCode) {
        return jdbc.sql(CONSULTATION + " WHERE status = 'OPEN' AND decision_id IN (SELECT id FROM juece.decision WHERE organ_code = ?) ORDER BY id")
                .param(organCode).query(ConsultationRepository::consultation).list();
    }

        List<Consultation> openProvisional() {
        return jdbc.sql(CONSULTATION + " WHERE status = 'OPEN' AND provisional_years IS NOT NULL ORDER BY id")
                .query(ConsultationRepository::consultation).list();
    }

    /** Closes an open window; false when it was no longer open (closed already, or its feedback published). */
    boolean close(long id) {
        changed(id);
        return jdbc.sql("UPDATE juece.public_consultation SET status = ? WHERE id = ? AND status = ?")
                .params(ConsultationStatus.CLOSED.name(), id, ConsultationStatus.OPEN.name()).update() == 1;
    }

    void publishFeedback(long id, String summary, OffsetDateTime at) {
        changed(id);
        jdbc.sql("UPDATE juece.public_consultation SET status = ?, feedback_summary = ?, feedback_published_at = ? WHERE id = ?")
                .params(ConsultationStatus.FEEDBACK_PUBLISHED.name(), summary, at, id).update();
    }

    long insertOpinion(long consultationId, String receipt, OpinionChannel channel, String name, String contact,
                       boolean quotable, String content, String hash, Long sameAs, LocalDate postmark, OffsetDateTime at,
                       String enteredBy, Opinion.Moderation moderation) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO juece.opinion (consultation_id, receipt, channel, author_name, contact, quotable, content, content_hash,
                    same_as, postmark_date, submitted_at, entered_by, moderation)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(consultationId, receipt, channel.name(), name, contact, quotable, content, hash, sameAs, postmark, at,
                        enteredBy, moderation.name())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertAttachment(long opinionId, CommentAttachment a) {
        jdbc.sql("INSERT INTO juece.opinion_attachment (opinion_id, file_name, content_type, size_bytes, sha256, content) VALUES (?, ?, ?, ?, ?, ?)")
                .params(opinionId, a.fileName(), a.contentType(), (long) a.content().length, a.sha256(), a.content()).update();
    }

    Optional<CommentAttachment> attachment(long opinionId) {
        return jdbc.sql("SELECT file_name, content_type, content, sha256 FROM juece.opinion_attachment WHERE opinion_id = ?")
                .param(opinionId)
                .query((rs, i) -> new CommentAttachment(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getString(4))).optional();
    }

    /** The attachments' file names of a consultation's opinions, by opinion id. */
    Map<Long, String> attachmentNames(long consultationId) {
        Map<Long, String> names = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT a.opinion_id, a.file_name FROM juece.opinion_attachment a JOIN juece.opinion o ON o.id = a.opinion_id
                WHERE o.consultation_id = ?""").param(consultationId)
                .query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }

    Optional<Long> firstWithHash(long consultationId, String hash) {
        return jdbc.sql("SELECT MIN(id) FROM juece.opinion WHERE consultation_id = ? AND content_hash = ?")
                .params(consultationId, hash).query(Long.class).optional();
    }

    Optional<Opinion> opinion(long id) {
        return jdbc.sql(OPINION + " WHERE id = ?").param(id).query(ConsultationRepository::opinion).optional();
    }

    Optional<Opinion> opinionByReceipt(String receipt) {
        return jdbc.sql(OPINION + " WHERE receipt = ?").param(receipt).query(ConsultationRepository::opinion).optional();
    }

    List<Opinion> opinions(long consultationId) {
        return jdbc.sql(OPINION + " WHERE consultation_id = ? ORDER BY id").param(consultationId)
                .query(ConsultationRepository::opinion).list();
    }

    /** One page of a consultation's opinions in the order received (issue 17); only the published ones when asked. */
    List<Opinion> opinions(long consultationId, boolean publishedOnly, int offset, int limit) {
        return jdbc.sql(OPINION + " WHERE consultation_id = ?" + (publishedOnly ? " AND moderation = 'PUBLISHED'" : "")
                        + " ORDER BY id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")
                .params(consultationId, offset, limit).query(ConsultationRepository::opinion).list();
    }

    long countOpinions(long consultationId, boolean publishedOnly) {
        return jdbc.sql("SELECT COUNT(*) FROM juece.opinion WHERE consultation_id = ?" + (publishedOnly ? " AND moderation = 'PUBLISHED'" : ""))
                .param(consultationId).query(Long.class).single();
    }

    /** Opinions still without an answer of their own or of their group (Art. 29). */
    long countUnanswered(long consultationId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM juece.opinion o LEFT JOIN juece.opinion_cluster c ON c.id = o.cluster_id
                WHERE o.consultation_id = ? AND o.adoption IS NULL AND (o.cluster_id IS NULL OR c.adoption IS NULL)""")
                .param(consultationId).query(Long.class).single();
    }

    /** Opinions by the answer they got (their own, or their group's), answered ones only. */
    Map<Adoption, Long> adoptionCounts(long consultationId) {
        Map<Adoption, Long> counts = new java.util.EnumMap<>(Adoption.class);
        jdbc.sql("""
                SELECT COALESCE(o.adoption, c.adoption), COUNT(*) FROM juece.opinion o LEFT JOIN juece.opinion_cluster c ON c.id = o.cluster_id
                WHERE o.consultation_id = ? AND COALESCE(o.adoption, c.adoption) IS NOT NULL GROUP BY COALESCE(o.adoption, c.adoption)""")
                .param(consultationId).query((rs, i) -> counts.put(Adoption.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    /** One page of the consultations, newest first (the portal's list). */
    List<Consultation> page(int offset, int limit) {
        return jdbc.sql(CONSULTATION + " ORDER BY id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY").params(offset, limit)
                .query(ConsultationRepository::consultation).list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM juece.public_consultation").query(Long.class).single();
    }

    /** As {@link #page(int, int)}, the consultations on one organ's decisions (Art. 64). */
    List<Consultation> page(String organCode, int offset, int limit) {
        return jdbc.sql(CONSULTATION + " WHERE decision_id IN (SELECT d.id FROM juece.decision d WHERE d.organ_code = ?)"
                        + " ORDER BY id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY").params(organCode, offset, limit)
                .query(ConsultationRepository::consultation).list();
    }

    long count(String organCode) {
        return jdbc.sql("SELECT COUNT(*) FROM juece.public_consultation WHERE decision_id IN "
                + "(SELECT d.id FROM juece.decision d WHERE d.organ_code = ?)").param(organCode).query(Long.class).single();
    }

    void moderate(long id, Opinion.Moderation moderation, String reason) {
        jdbc.sql("UPDATE juece.opinion SET moderation = ?, moderation_reason = ? WHERE id = ?")
                .params(moderation.name(), reason, id).update();
    }

    void adoptOpinion(long id, Adoption adoption, String reason) {
        jdbc.sql("UPDATE juece.opinion SET adoption = ?, adoption_reason = ? WHERE id = ?")
                .params(adoption.name(), reason, id).update();
    }

    long insertCluster(long consultationId, String title, String by, OffsetDateTime at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO juece.opinion_cluster (consultation_id, title, created_by, created_at) VALUES (?, ?, ?, ?)")
                .params(consultationId, title, by, at).update(keys, "id");
        return keys.getKey().longValue();
    }

    void assign(long opinionId, long clusterId) {
        jdbc.sql("UPDATE juece.opinion SET cluster_id = ? WHERE id = ?").params(clusterId, opinionId).update();
    }

    Optional<Cluster> cluster(long id) {
        return jdbc.sql("SELECT id, consultation_id, title, adoption, adoption_reason FROM juece.opinion_cluster WHERE id = ?")
                .param(id).query(ConsultationRepository::cluster).optional();
    }

    List<Cluster> clusters(long consultationId) {
        return jdbc.sql("SELECT id, consultation_id, title, adoption, adoption_reason FROM juece.opinion_cluster WHERE consultation_id = ? ORDER BY id")
                .param(consultationId).query(ConsultationRepository::cluster).list();
    }

    void adoptCluster(long id, Adoption adoption, String reason) {
        jdbc.sql("UPDATE juece.opinion_cluster SET adoption = ?, adoption_reason = ? WHERE id = ?")
                .params(adoption.name(), reason, id).update();
    }

    /** A group of opinions answered together (Art. 29). */
    public record Cluster(long id, long consultationId, String title, Adoption adoption, String adoptionReason) {
    }

    private static Consultation consultation(ResultSet rs, int i) throws SQLException {
        return new Consultation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9),
                rs.getBoolean(10), ConsultationStatus.valueOf(rs.getString(11)), rs.getString(12), time(rs, 13),
                rs.getString(14), time(rs, 15), rs.getString(16), rs.getObject(17, LocalDate.class));
    }

    private static Opinion opinion(ResultSet rs, int i) throws SQLException {
        String adoption = rs.getString(17);
        return new Opinion(rs.getLong(1), rs.getLong(2), rs.getString(3), OpinionChannel.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getString(9),
                rs.getObject(10, Long.class), rs.getObject(11, LocalDate.class), time(rs, 12), rs.getString(13),
                Opinion.Moderation.valueOf(rs.getString(14)), rs.getString(15), rs.getObject(16, Long.class),
                adoption == null ? null : Adoption.valueOf(adoption), rs.getString(18));
    }

    private static Cluster cluster(ResultSet rs, int i) throws SQLException {
        String adoption = rs.getString(4);
        return new Cluster(rs.getLong(1), rs.getLong(2), rs.getString(3), adoption == null ? null : Adoption.valueOf(adoption),
                rs.getString(5));
    }

    private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime();
    }
}
