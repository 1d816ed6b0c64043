package cn.juece.expert;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.juece.expert.ExpertReview.Adoption;
import cn.juece.expert.ExpertReview.Candidate;
import cn.juece.expert.ExpertReview.Delivery;
import cn.juece.expert.ExpertReview.Draw;
import cn.juece.expert.ExpertReview.Form;
import cn.juece.expert.ExpertReview.Invitation;
import cn.juece.expert.ExpertReview.Member;
import cn.juece.expert.ExpertReview.Opinion;
import cn.juece.expert.ExpertReview.Status;
import cn.juece.support.AppClock;

/** The rows of expert review (V81): reviews, draws with their candidates, panel members, links, deliveries, opinions. */
@Repository
class ExpertReviewRepository {

    private final JdbcClient jdbc;
    private final ExpertPool pool;

    ExpertReviewRepository(JdbcClient jdbc, ExpertPool pool) {
        this.jdbc = jdbc;
        this.pool = pool;
    }

    // ---- reads ----

    Optional<ExpertReview> ofRound(long decisionId, int round) {
        return jdbc.sql("SELECT id FROM juece.expert_review WHERE decision_id = ? AND round = ?").params(decisionId, round)
                .query(Long.class).optional().map(this::get);
    }

    Optional<ExpertReview> latest(long decisionId) {
        return jdbc.sql("SELECT id FROM juece.expert_review WHERE decision_id = ? ORDER BY round DESC").param(decisionId)
                .query(Long.class).list().stream().findFirst().map(this::get);
    }

    List<ExpertReview> ofDecision(long decisionId) {
        return jdbc.sql("SELECT id FROM juece.expert_review WHERE decision_id = ? ORDER BY round").param(decisionId)
                .query(Long.class).list().stream().map(this::get).toList();
    }

    ExpertReview get(long id) {
        List<String> fields = jdbc.sql("""
                SELECT f.name FROM juece.expert_review_field x JOIN juece.expert_field f ON f.id = x.field_id
                WHERE x.review_id = ? ORDER BY f.id""").param(id).query(String.class).list();
        List<Member> members = members(id);
        List<Draw> draws = draws(id);
        List<Delivery> deliveries = deliveries(id);
        return jdbc.sql("""
                SELECT id, decision_id, round, form, complex, parties, recorded_by, recorded_at, below_minimum_size,
                       below_minimum_reason, below_minimum_by, below_minimum_at, summary, summarised_by, summarised_at,
                       feedback_sent_by, feedback_sent_at, published_by, published_at
                FROM juece.expert_review WHERE id = ?""").param(id)
                .query((rs, i) -> new ExpertReview(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                        rs.getString(4) == null ? null : Form.valueOf(rs.getString(4)), rs.getBoolean(5), fields,
                        lines(rs.getString(6)), rs.getString(7), time(rs.getObject(8, OffsetDateTime.class)),
                        rs.getObject(9, Integer.class), rs.getString(10), rs.getString(11), time(rs.getObject(12, OffsetDateTime.class)),
                        rs.getString(13), rs.getString(14), time(rs.getObject(15, OffsetDateTime.class)), rs.getString(16),
                        time(rs.getObject(17, OffsetDateTime.class)), rs.getString(18), time(rs.getObject(19, OffsetDateTime.class)),
                        members, draws, deliveries))
                .single();
    }

    static List<String> lines(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split("\n")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private List<Member> members(long reviewId) {
        List<Object[]> rows = new ArrayList<>();
        jdbc.sql("""
                SELECT id, review_id, expert_id, draw_id, manual_reason, status, added_by, added_at, responded_at, decline_reason,
                       withdrawn_reason, confidentiality_at
                FROM juece.expert_panel_member WHERE review_id = ? ORDER BY id""").param(reviewId)
                .query((RowCallbackHandler) rs -> rows.add(new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getObject(4, Long.class), rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class),
                        rs.getObject(9, OffsetDateTime.class), rs.getString(10), rs.getString(11), rs.getObject(12, OffsetDateTime.class)}));
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, Expert> experts = pool.byIds(rows.stream().map(r -> (Long) r[2]).toList());
        Map<Long, Opinion> opinions = new HashMap<>();
        Map<Long, Invitation> invitations = new HashMap<>();
        Map<Long, List<Long>> delivered = new HashMap<>();
        String ids = String.join(",", rows.stream().map(r -> String.valueOf(r[0])).toList());
        jdbc.sql("""
                SELECT id, member_id, necessity, soundness, timing, negative_impact, other, submitted_at, adoption, adoption_reason,
                       adopted_by, adopted_at, feedback_at FROM juece.expert_opinion WHERE member_id IN (""" + ids + ")")
                .query((RowCallbackHandler) rs -> opinions.put(rs.getLong(2), new Opinion(rs.getLong(1), rs.getLong(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), time(rs.getObject(8, OffsetDateTime.class)),
                        rs.getString(9) == null ? null : Adoption.valueOf(rs.getString(9)), rs.getString(10), rs.getString(11),
                        time(rs.getObject(12, OffsetDateTime.class)), time(rs.getObject(13, OffsetDateTime.class)))));
        jdbc.sql("""
                SELECT id, member_id, issued_by, issued_at, expires_at, revoked_by, revoked_at, last_used_at
                FROM juece.expert_invitation WHERE member_id IN (""" + ids + ") ORDER BY id")
                .query((RowCallbackHandler) rs -> invitations.put(rs.getLong(2), invitation(rs)));
        jdbc.sql("""
                SELECT r.member_id, v.version_id FROM juece.expert_delivery_recipient r
                JOIN juece.expert_delivery_version v ON v.delivery_id = r.delivery_id
                WHERE r.member_id IN (""" + ids + ") ORDER BY v.version_id")
                .query((RowCallbackHandler) rs -> {
                    List<Long> l = delivered.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>());
                    if (!l.contains(rs.getLong(2))) {
                        l.add(rs.getLong(2));
                    }
                });
        return rows.stream().map(r -> {
            long id = (Long) r[0];
            return new Member(id, (Long) r[1], experts.get((Long) r[2]), (Long) r[3], (String) r[4], Status.valueOf((String) r[5]),
                    (String) r[6], time((OffsetDateTime) r[7]), time((OffsetDateTime) r[8]), (String) r[9], (String) r[10],
                    time((OffsetDateTime) r[11]), opinions.get(id), invitations.get(id), delivered.getOrDefault(id, List.of()));
        }).toList();
    }

    private static Invitation invitation(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Invitation(rs.getLong(1), rs.getLong(2), rs.getString(3), time(rs.getObject(4, OffsetDateTime.class)),
                time(rs.getObject(5, OffsetDateTime.class)), rs.getString(6), time(rs.getObject(7, OffsetDateTime.class)),
                time(rs.getObject(8, OffsetDateTime.class)));
    }

    Optional<Invitation> invitation(long id) {
        return jdbc.sql("""
                SELECT id, member_id, issued_by, issued_at, expires_at, revoked_by, revoked_at, last_used_at
                FROM juece.expert_invitation WHERE id = ?""").param(id).query((rs, i) -> invitation(rs)).optional();
    }

    Optional<Long> reviewOfMember(long memberId) {
        return jdbc.sql("SELECT review_id FROM juece.expert_panel_member WHERE id = ?").param(memberId).query(Long.class).optional();
    }

    Optional<Long> memberOfOpinion(long opinionId) {
        return jdbc.sql("SELECT member_id FROM juece.expert_opinion WHERE id = ?").param(opinionId).query(Long.class).optional();
    }

    Optional<Long> reviewOfDraw(long drawId) {
        return jdbc.sql("SELECT review_id FROM juece.expert_draw WHERE id = ?").param(drawId).query(Long.class).optional();
    }

    private List<Draw> draws(long reviewId) {
        Map<Long, List<Candidate>> candidates = new HashMap<>();
        jdbc.sql("""
                SELECT c.draw_id, c.seq, c.expert_id, c.expert_type, c.fields, c.excluded, c.chosen
                FROM juece.expert_draw_candidate c JOIN juece.expert_draw d ON d.id = c.draw_id
                WHERE d.review_id = ? ORDER BY c.draw_id, c.seq""").param(reviewId)
                .query((RowCallbackHandler) rs -> candidates.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new Candidate(rs.getInt(2), rs.getLong(3), PanelDraw.Type.valueOf(rs.getString(4)), csv(rs.getString(5)),
                                rs.getString(6), rs.getBoolean(7))));
        return jdbc.sql("""
                SELECT id, review_id, kind, seed, panel_size, matter_fields, rotation_draws, rotation_months, replaces_member_id,
                       outcome, problem_code, problem, drawn_by, drawn_at
                FROM juece.expert_draw WHERE review_id = ? ORDER BY id""").param(reviewId)
                .query((rs, i) -> new Draw(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4).strip(), rs.getInt(5),
                        csv(rs.getString(6)), rs.getInt(7), rs.getInt(8), rs.getObject(9, Long.class), rs.getString(10),
                        rs.getString(11), rs.getString(12), rs.getString(13), time(rs.getObject(14, OffsetDateTime.class)),
                        candidates.getOrDefault(rs.getLong(1), List.of())))
                .list();
    }

    static List<String> csv(String s) {
        return s == null || s.isBlank() ? List.of() : Arrays.stream(s.split(",")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private List<Delivery> deliveries(long reviewId) {
        Map<Long, List<Long>> versions = new HashMap<>();
        Map<Long, List<Long>> recipients = new HashMap<>();
        jdbc.sql("""
                SELECT v.delivery_id, v.version_id FROM juece.expert_delivery_version v JOIN juece.expert_delivery d ON d.id = v.delivery_id
                WHERE d.review_id = ? ORDER BY v.version_id""").param(reviewId)
                .query((RowCallbackHandler) rs -> versions.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)));
        jdbc.sql("""
                SELECT r.delivery_id, r.member_id FROM juece.expert_delivery_recipient r JOIN juece.expert_delivery d ON d.id = r.delivery_id
                WHERE d.review_id = ? ORDER BY r.member_id""").param(reviewId)
                .query((RowCallbackHandler) rs -> recipients.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)));
        return jdbc.sql("SELECT id, review_id, delivered_on, recorded_by, recorded_at FROM juece.expert_delivery WHERE review_id = ? ORDER BY id")
                .param(reviewId)
                .query((rs, i) -> new Delivery(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
                        versions.getOrDefault(rs.getLong(1), List.of()), recipients.getOrDefault(rs.getLong(1), List.of()),
                        rs.getString(4), time(rs.getObject(5, OffsetDateTime.class))))
                .list();
    }

    /**
     * Past successful draws of other reviews for the rotation, newest first: the latest {@code recent}, and those on or
     * after {@code since} (null: none by date).
     */
    List<PanelDraw.PastDraw> history(long exceptReviewId, int recent, OffsetDateTime since) {
        List<Object[]> draws = new ArrayList<>();
        jdbc.sql("""
                SELECT id, drawn_at FROM juece.expert_draw WHERE outcome = 'DRAWN' AND review_id <> ? ORDER BY id DESC""")
                .param(exceptReviewId)
                .query((RowCallbackHandler) rs -> {
                    OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
                    if (draws.size() < recent || since != null && !at.isBefore(since)) {
                        draws.add(new Object[] {rs.getLong(1), at});
                    }
                });
        if (draws.isEmpty()) {
            return List.of();
        }
        Map<Long, java.util.Set<Long>> chosen = new HashMap<>();
        jdbc.sql("SELECT draw_id, expert_id FROM juece.expert_draw_candidate WHERE chosen = TRUE AND draw_id IN ("
                        + String.join(",", draws.stream().map(d -> String.valueOf(d[0])).toList()) + ")")
                .query((RowCallbackHandler) rs -> chosen.computeIfAbsent(rs.getLong(1), k -> new java.util.HashSet<>()).add(rs.getLong(2)));
        return draws.stream().map(d -> new PanelDraw.PastDraw(((OffsetDateTime) d[1]).atZoneSameInstant(AppClock.ZONE).toLocalDate(),
                chosen.getOrDefault((Long) d[0], java.util.Set.of()))).toList();
    }

    // ---- writes ----

    long insertReview(long decisionId, int round, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO juece.expert_review (decision_id, round, complex, created_at) VALUES (?, ?, FALSE, ?)")
                .params(decisionId, round, now).update(keys, "id");
        return keys.getKey().longValue();
    }

    void arrangement(long reviewId, Form form, boolean complex, List<Long> fieldIds, List<String> parties, String by, OffsetDateTime at) {
        jdbc.sql("UPDATE juece.expert_review SET form = ?, complex = ?, parties = ?, recorded_by = ?, recorded_at = ? WHERE id = ?")
                .params(form == null ? null : form.name(), complex, parties.isEmpty() ? null : String.join("\n", parties), by, at, reviewId)
                .update();
        jdbc.sql("DELETE FROM juece.expert_review_field WHERE review_id = ?").param(reviewId).update();
        for (Long f : fieldIds) {
            jdbc.sql("INSERT INTO juece.expert_review_field (review_id, field_id) VALUES (?, ?)").params(reviewId, f).update();
        }
    }

    void belowMinimum(long reviewId, Integer size, String reason, String by, OffsetDateTime at) {
        jdbc.sql("UPDATE juece.expert_review SET below_minimum_size = ?, below_minimum_reason = ?, below_minimum_by = ?, below_minimum_at = ? WHERE id = ?")
                .params(size, reason, by, at, reviewId).update();
    }

    long insertDraw(long reviewId, String kind, String seed, int size, List<String> fields, int rotationDraws, int rotationMonths,
                    Long replaces, String outcome, String problemCode, String problem, String by, OffsetDateTime at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO juece.expert_draw (review_id, kind, seed, panel_size, matter_fields, rotation_draws, rotation_months,
                    replaces_member_id, outcome, problem_code, problem, drawn_by, drawn_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(reviewId, kind, seed, size, String.join(",", fields), rotationDraws, rotationMonths, replaces, outcome,
                        problemCode, problem, by, at)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void insertCandidate(long drawId, int seq, long expertId, PanelDraw.Type type, List<String> fields, String excluded, boolean chosen) {
        jdbc.sql("""
                INSERT INTO juece.expert_draw_candidate (draw_id, seq, expert_id, expert_type, fields, excluded, chosen)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(drawId, seq, expertId, type.name(), String.join(",", fields), excluded, chosen).update();
    }

    long insertMember(long reviewId, long expertId, Long drawId, String manualReason, String by, OffsetDateTime at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO juece.expert_panel_member (review_id, expert_id, draw_id, manual_reason, status, added_by, added_at)
                VALUES (?, ?, ?, ?, 'SELECTED', ?, ?)""")
                .params(reviewId, expertId, drawId, manualReason, by, at).update(keys, "id");
        return keys.getKey().longValue();
    }

    void status(long memberId, Status status) {
        jdbc.sql("UPDATE juece.expert_panel_member SET status = ? WHERE id = ?").params(status.name(), memberId).update();
    }

    void responded(long memberId, Status status, String declineReason, OffsetDateTime at) {
        jdbc.sql("UPDATE juece.expert_panel_member SET status = ?, decline_reason = ?, responded_at = ? WHERE id = ?")
                .params(status.name(), declineReason, at, memberId).update();
    }

    void withdrawn(long memberId, String reason) {
        jdbc.sql("UPDATE juece.expert_panel_member SET status = 'WITHDRAWN', withdrawn_reason = ? WHERE id = ?")
                .params(reason, memberId).update();
    }

    void confidentiality(long memberId, OffsetDateTime at) {
        jdbc.sql("UPDATE juece.expert_panel_member SET confidentiality_at = ? WHERE id = ? AND confidentiality_at IS NULL")
                .params(at, memberId).update();
    }

    long insertInvitation(long memberId, String by, OffsetDateTime at, OffsetDateTime expires) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO juece.expert_invitation (member_id, issued_by, issued_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(memberId, by, at, expires).update(keys, "id");
        return keys.getKey().longValue();
    }

    int revokeInvitations(long memberId, String by, OffsetDateTime at) {
        return jdbc.sql("UPDATE juece.expert_invitation SET revoked_by = ?, revoked_at = ? WHERE member_id = ? AND revoked_at IS NULL")
                .params(by, at, memberId).update();
    }

    void revoke(long invitationId, String by, OffsetDateTime at) {
        jdbc.sql("UPDATE juece.expert_invitation SET revoked_by = ?, revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                .params(by, at, invitationId).update();
    }

    void used(long invitationId, OffsetDateTime at) {
        jdbc.sql("UPDATE juece.expert_invitation SET last_used_at = ? WHERE id = ?").params(at, invitationId).update();
    }

    long insertDelivery(long reviewId, LocalDate on, List<Long> versions, List<Long> members, String by, OffsetDateTime at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO juece.expert_delivery (review_id, delivered_on, recorded_by, recorded_at) VALUES (?, ?, ?, ?)")
                .params(reviewId, on, by, at).update(keys, "id");
        long id = keys.getKey().longValue();
        for (Long v : versions) {
            jdbc.sql("INSERT INTO juece.expert_delivery_version (delivery_id, version_id) VALUES (?, ?)").params(id, v).update();
        }
        for (Long m : members) {
            jdbc.sql("INSERT INTO juece.expert_delivery_recipient (delivery_id, member_id) VALUES (?, ?)").params(id, m).update();
        }
        return id;
    }

    void insertOpinion(long memberId, String necessity, String soundness, String timing, String negative, String other, OffsetDateTime at) {
        jdbc.sql("""
                INSERT INTO juece.expert_opinion (member_id, necessity, soundness, timing, negative_impact, other, submitted_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(memberId, necessity, soundness, timing, negative, other, at).update();
    }

    void adoption(long opinionId, Adoption adoption, String reason, String by, OffsetDateTime at) {
        jdbc.sql("UPDATE juece.expert_opinion SET adoption = ?, adoption_reason = ?, adopted_by = ?, adopted_at = ? WHERE id = ?")
                .params(adoption.name(), reason, by, at, opinionId).update();
    }

    void summary(long reviewId, String summary, String by, OffsetDateTime at) {
        jdbc.sql("UPDATE juece.expert_review SET summary = ?, summarised_by = ?, summarised_at = ? WHERE id = ?")
                .params(summary, by, at, reviewId).update();
    }

    void feedbackSent(long reviewId, String by, OffsetDateTime at) {
        jdbc.sql("UPDATE juece.expert_review SET feedback_sent_by = ?, feedback_sent_at = ? WHERE id = ?").params(by, at, reviewId).update();
        jdbc.sql("""
                UPDATE juece.expert_opinion SET feedback_at = ? WHERE feedback_at IS NULL AND member_id IN
                    (SELECT id FROM juece.expert_panel_member WHERE review_id = ?)""").params(at, reviewId).update();
    }

    void published(long reviewId, String by, OffsetDateTime at) {
        jdbc.sql("UPDATE juece.expert_review SET published_by = ?, published_at = ? WHERE id = ?").params(by, at, reviewId).update();
    }

    /** Every review whose panel the lead unit's head let fall below the "一般" minimum (for supervision). */
    List<ExpertReview> belowMinimum(cn.juece.decision.DecisionScope scope) {
        if (scope.isEmpty()) {
            return List.of();
        }
        return scope.bind(jdbc.sql("SELECT id FROM juece.expert_review WHERE below_minimum_size IS NOT NULL AND " + scope.where("decision_id")
                        + " ORDER BY id")).query(Long.class).list()
                .stream().map(this::get).toList();
    }

    private static OffsetDateTime time(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime();
    }
}
