package cn.juece.deadline;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.decision.Decision;
import cn.juece.notification.Outbox;
import cn.juece.support.AppClock;

/**
 * What a loaded holiday notice did to the deadlines counted provisionally over its year (issue 16): one row per
 * recomputed step period or public window, changed or confirmed, shown to the people responsible on their home page
 * and on the dossier; a change is also mailed to them. The audit entry is the owner's (StepPeriods, the comment
 * window).
 */
@Service
public class DeadlineChanges {

    public static final String STEP = "STEP";
    public static final String WINDOW = "WINDOW";
    /** How long a change stays on the responsible people's home page. */
    static final int HOME_PAGE_DAYS = 30;

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final AppClock clock;

    DeadlineChanges(JdbcClient jdbc, Outbox outbox, AppClock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * One recomputed date.
     *
     * @param subjectKind STEP (a step's period) or WINDOW (a public comment window)
     * @param subject     what, in Chinese: "“合法性审查”的办理期限", the notice's title
     * @param changed     whether the date moved (false: confirmed as it was, no longer provisional)
     */
    public record DeadlineChange(long id, long decisionId, String decisionNumber, int holidayYear, String subjectKind,
                                 String subject, String responsibleGroup, LocalDate beforeOn, LocalDate afterOn,
                                 boolean changed, String detail, OffsetDateTime changedAt) {
    }

    private static final String SELECT = """
            SELECT c.id, c.decision_id, d.decision_number, c.holiday_year, c.subject_kind, c.subject, c.responsible_group,
                   c.before_on, c.after_on, c.changed, c.detail, c.changed_at
            FROM juece.deadline_change c JOIN juece.decision d ON d.id = c.decision_id""";

    /** Records a recomputation and, when the date moved, mails the responsible group (in the caller's transaction). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Decision d, int year, String subjectKind, String subject, String group, LocalDate before,
                       LocalDate after, boolean changed, String detail) {
        record(d, year, null, subjectKind, subject, group, before, after, changed, detail);
    }

    /**
     * As above; {@code organBasis} names the organ's own calendar day that changed (issue 15, Art. 64), null when a
     * year's national notice was loaded.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Decision d, int year, String organBasis, String subjectKind, String subject, String group,
                       LocalDate before, LocalDate after, boolean changed, String detail) {
        jdbc.sql("""
                INSERT INTO juece.deadline_change (decision_id, holiday_year, subject_kind, subject, responsible_group,
                                                   before_on, after_on, changed, detail, changed_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), year, subjectKind, subject, group, before, after, changed, detail, clock.now()).update();
        if (changed && group != null) {
            outbox.toGroups(d.id(), "DEADLINE_RECOMPUTED", List.of(group),
                    "【期限变更】" + d.number() + " " + subject + "按" + (organBasis != null ? organBasis : year + "年节假日安排") + "重新计算",
                    "决策事项：" + d.title() + "（" + d.number() + "）\n" + detail
                            + (organBasis != null ? "\n本机关的本地休息日或工作日调整有变，相关期限已重新计算。"
                            : "\n此前按法定节日暂定的期限，已按国务院办公厅公布的" + year + "年节假日安排重新计算。"),
                    outbox.link("/decisions/" + d.number() + "#deadline-changes"));
        }
    }

    public List<DeadlineChange> forDecision(long decisionId) {
        return jdbc.sql(SELECT + " WHERE c.decision_id = ? ORDER BY c.id").param(decisionId)
                .query(ROW).list();
    }

    /** The changes of the last 30 days that concern these groups (the home page's notice), newest first. */
    public List<DeadlineChange> recentFor(List<String> groups) {
        if (groups == null || groups.isEmpty()) {
            return List.of();
        }
        OffsetDateTime since = clock.now().minusDays(HOME_PAGE_DAYS);
        // at most one more than the page shows (issue 17: a notice can move the deadlines of thousands of open steps)
        return jdbc.sql(SELECT + " WHERE c.changed = TRUE AND c.changed_at >= :since"
                        + " AND c.responsible_group IN (:groups) ORDER BY c.id DESC LIMIT " + (HOME_PAGE_LIMIT + 1))
                .param("since", since).param("groups", groups).query(ROW).list();
    }

    /** The most changes the home page lists (the newest); each decision's dossier lists all of its own. */
    public static final int HOME_PAGE_LIMIT = 20;

    private static final org.springframework.jdbc.core.RowMapper<DeadlineChange> ROW = cn.juece.support.RecordRows.of(DeadlineChange.class);
}
