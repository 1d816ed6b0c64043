package cn.juece.participation;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.juece.support.AppClock;

/**
 * Public participation's deviations from a "一般" rule (DECISIONS.md 12), for supervision (Art. 60-63): a comment
 * window shorter than 30 days for urgency (Art. 20) and a hearing whose stakeholder representatives are fewer than
 * half of its participants (Art. 24), each with its reason and the unit head who approved it.
 */
@Service
public class ParticipationDeviations {

    private final JdbcClient jdbc;

    ParticipationDeviations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param what what deviated, in Chinese; approvedBy a person id (null where not recorded) */
    public record Deviation(long decisionId, String what, String article, String reason, String approvedBy,
                            OffsetDateTime approvedAt) {
    }

    /** The scope's approved deviations (issue 17: only the scope's rows are read). */
    public List<Deviation> of(cn.juece.decision.DecisionScope scope) {
        if (scope.isEmpty()) {
            return List.of();
        }
        List<Deviation> result = new ArrayList<>();
        scope.bind(jdbc.sql("""
                SELECT decision_id, title, opens_on, closes_on, shortened_reason, shortened_approved_by, published_at
                FROM juece.public_consultation WHERE shortened_reason IS NOT NULL AND\s""" + scope.where("decision_id") + " ORDER BY id"))
                .query((rs, i) -> new Deviation(rs.getLong(1), "公开征求意见期限少于30日（" + rs.getString(2) + "，"
                        + rs.getObject(3, java.time.LocalDate.class) + "至" + rs.getObject(4, java.time.LocalDate.class) + "）",
                        "第二十条", rs.getString(5), rs.getString(6), time(rs.getObject(7, OffsetDateTime.class))))
                .list().forEach(result::add);
        scope.bind(jdbc.sql("""
                SELECT decision_id, title, below_half_reason, below_half_approved_by, below_half_approved_at
                FROM juece.hearing WHERE below_half_reason IS NOT NULL AND\s""" + scope.where("decision_id") + " ORDER BY id"))
                .query((rs, i) -> new Deviation(rs.getLong(1), "听证会利害关系人代表少于参加人总数二分之一（" + rs.getString(2) + "）",
                        "第二十四条", rs.getString(3), rs.getString(4), time(rs.getObject(5, OffsetDateTime.class))))
                .list().forEach(result::add);
        return result;
    }

    private static OffsetDateTime time(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime();
    }
}
