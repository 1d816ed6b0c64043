package cn.juece.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.decision.DecisionService;
import cn.juece.decision.DecisionScope;
import cn.juece.decision.DecisionStatus;
import cn.juece.decision.Stage;
import cn.juece.deadline.StepPeriods;
import cn.juece.expert.ExpertReviewService;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.identity.Organ;
import cn.juece.meeting.MeetingRecords;
import cn.juece.participation.ParticipationDeviations;
import cn.juece.report.AnnualReport.Figure;
import cn.juece.report.AnnualReport.Section;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * The annual figures (年度统计) of a deciding organ: what the government office writes into the 法治政府建设年度报告
 * and the 政务公开 report. Each figure is counted from the rows the steps wrote (DECISIONS.md 25) — the decisions,
 * their stage entries and endings, the launch, legality, risk and meeting facts, the participation, expert and
 * meeting records, the periods and deviations, the catalogue — and never from audit text; each keeps the numbers of
 * the decisions behind it. A fact counts in the year (Asia/Shanghai) it was recorded or, for an event with a day
 * (a hearing, a meeting), the year of that day. Read-only.
 */
@Service
public class AnnualFiguresService {

    /** Openness excerpt (冠县2021年政务公开工作要点): the public invited to sit in on executive meetings at least 3 times a year. */
    public static final int MEETINGS_WITH_PUBLIC_TARGET = 3;

    private final JdbcClient jdbc;
    private final DecisionService decisions;
    private final Directory directory;
    private final AppClock clock;
    private final StepPeriods stepPeriods;
    private final ParticipationDeviations participationDeviations;
    private final ExpertReviewService experts;

    AnnualFiguresService(JdbcClient jdbc, DecisionService decisions, Directory directory, AppClock clock,
                         StepPeriods stepPeriods, ParticipationDeviations participationDeviations,
                         ExpertReviewService experts) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.directory = directory;
        this.clock = clock;
        this.stepPeriods = stepPeriods;
        this.participationDeviations = participationDeviations;
        this.experts = experts;
    }

    // ---- who may read them -------------------------------------------------------------------------

    /**
     * Whether the person may read the organ's annual figures: the government office (which writes the reports,
     * Art. 59 and the openness excerpt), the justice bureau (法治政府建设, Art. 8), the decision organ's acting group
     * and administrators.
     */
    public boolean mayRead(Actor actor, String organCode) {
        if (actor == null || actor.isSystem()) {
            return false;
        }
        Organ organ = directory.organ(organCode);
        return actor.inAnyGroup(Set.of(Groups.unit(organ.officeUnit()), Groups.unit(organ.justiceUnit()),
                Groups.decisionOrgan(organ.code()), Groups.ADMIN));
    }

    /** Whether the person may read some organ's figures (for the menu; Art. 64: each organ's readers its own). */
    public boolean mayRead(Actor actor) {
        return directory.organs().stream().anyMatch(o -> mayRead(actor, o.code()));
    }

    public void requireReader(Actor actor, String organCode) {
        if (!mayRead(actor, organCode)) {
            Organ organ = directory.organ(organCode);
            throw RuleViolation.forbidden("ANNUAL_FIGURES_FORBIDDEN", organ.name() + "的年度统计供" + directory.unitName(organ.officeUnit())
                    + "、" + directory.unitName(organ.justiceUnit()) + "、决策机关和系统管理员使用（第八条、第五十九条；政务公开工作要点）。");
        }
    }

    /**
     * The organ asked for, refused when unknown; when none is given, the first organ the person acting now may read
     * (Art. 64), or the default one.
     */
    public String organ(String code) {
        if (code == null || code.isBlank()) {
            Actor actor = directory.currentActor();
            return directory.organsOf(actor).stream().filter(o -> mayRead(actor, o)).findFirst().orElse(decisions.defaultOrgan());
        }
        return directory.organs().stream().map(Organ::code).filter(c -> c.equalsIgnoreCase(code.strip())).findFirst()
                .orElseThrow(() -> RuleViolation.badRequest("ORGAN_INVALID", "决策机关“" + code + "”不存在。"));
    }

    /** The year asked for (this year when none is given), refused when not a plausible year. */
    public int year(Integer year) {
        if (year == null) {
            return clock.today().getYear();
        }
        if (year < 2000 || year > 2100) {
            throw RuleViolation.badRequest("YEAR_INVALID", "统计年度应为2000年至2100年之间的四位年份，例如 year=" + clock.today().getYear() + "。");
        }
        return year;
    }

    // ---- the figures -------------------------------------------------------------------------------

    private record Dec(long id, String number, String title, OffsetDateTime createdAt, DecisionStatus status) {
    }

    /** A fact of a decision: its code (outcome, status, stage), when it was recorded, its round. */
    private record Fact(long decisionId, String code, String label, OffsetDateTime at, int round) {
    }

    /** The figures of the organ for the year, as they stand now (or at the year's end for a past year). */
    @Transactional(readOnly = true)
    public AnnualReport report(String organCode, int year) {
        OffsetDateTime now = clock.now();
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        LocalDate cutoff = now.toLocalDate().isBefore(yearEnd) ? now.toLocalDate() : yearEnd;
        OffsetDateTime cutoffEnd = cutoff.plusDays(1).atStartOfDay(AppClock.ZONE).toOffsetDateTime();
        Organ organ = directory.organ(organCode);

        Map<Long, Dec> decs = new LinkedHashMap<>();
        jdbc.sql("SELECT id, decision_number, title, created_at, status FROM juece.decision WHERE organ_code = ? ORDER BY id")
                .param(organCode)
                .query((rs, i) -> new Dec(rs.getLong(1), rs.getString(2), rs.getString(3), time(rs, 4), DecisionStatus.valueOf(rs.getString(5))))
                .list().forEach(d -> decs.put(d.id(), d));
        Predicate<OffsetDateTime> inYear = t -> t != null && t.atZoneSameInstant(AppClock.ZONE).getYear() == year;

        List<Section> sections = new ArrayList<>();

        // 1. Decisions (Art. 3, 11, 45, 50, 59)
        List<Figure> matters = new ArrayList<>();
        List<Dec> registered = decs.values().stream().filter(d -> inYear.test(d.createdAt())).toList();
        matters.add(figure("REGISTERED", "登记的决策事项", "件", numbers(registered.stream().map(Dec::id).toList(), decs)));
        List<Fact> launch = latest(facts("launch_decision", organCode));
        matters.add(figure("LAUNCHED", "决定启动", "件", numbers(launch, decs, f -> "LAUNCH".equals(f.code()) && inYear.test(f.at()))));
        List<Fact> endings = endings(organCode);
        matters.add(figure("NOT_LAUNCHED", "决定不启动（第十一条）", "件", numbers(endings, decs, f -> "NOT_LAUNCHED".equals(f.code()) && inYear.test(f.at()))));
        List<Fact> meetingDecisions = latest(facts("meeting_decision", organCode));
        matters.add(figure("DECIDED", "经集体讨论作出决定（第五十条）", "件", numbers(meetingDecisions, decs, f -> inYear.test(f.at()))));
        matters.add(figure("DECIDED_APPROVED", "其中：同意", "件", numbers(meetingDecisions, decs, f -> "APPROVED".equals(f.code()) && inYear.test(f.at()))));
        matters.add(figure("DECIDED_APPROVED_IN_PRINCIPLE", "其中：原则同意", "件", numbers(meetingDecisions, decs, f -> "APPROVED_IN_PRINCIPLE".equals(f.code()) && inYear.test(f.at()))));
        matters.add(figure("DECIDED_REJECTED", "其中：不同意", "件", numbers(meetingDecisions, decs, f -> "REJECTED".equals(f.code()) && inYear.test(f.at()))));
        matters.add(figure("OUT_OF_SCOPE", "不适用本规定（第三条）", "件", numbers(endings, decs, f -> "OUT_OF_SCOPE".equals(f.code()) && inYear.test(f.at()))));
        matters.add(figure("TERMINATED", "终止决策（第四十五条）", "件", numbers(endings, decs, f -> "TERMINATED".equals(f.code()) && inYear.test(f.at()))));
        matters.add(figure("ARCHIVED", "已归档（第五十九条）", "件", numbers(endings, decs, f -> "ARCHIVED".equals(f.code()) && inYear.test(f.at()))));
        sections.add(new Section("MATTERS", "决策事项办理情况", "第三条、第十一条、第四十五条、第五十条、第五十九条", matters));

        // 2. The year's registered decisions by where they stood at the cut-off
        sections.add(new Section("STAGES", "本年登记事项截至" + cutoff + "所处阶段", "第十一条至第五十九条",
                byStage(organCode, registered, endings, cutoffEnd, decs)));

        // 3. Public participation (Art. 17-29)
        sections.add(new Section("PARTICIPATION", "公众参与", "第十七条至第二十九条", participation(organCode, inYear, year, decs)));

        // 4. Expert review and risk assessment (Art. 30-40)
        List<Figure> review = new ArrayList<>();
        List<Fact> expertCloses = facts("expert_review_close", organCode);
        review.add(figure("EXPERT_REVIEWS", "完成专家论证", "次", numbersOf(expertCloses, decs, f -> inYear.test(f.at())),
                expertCloses.stream().filter(f -> inYear.test(f.at())).count(), List.of()));
        List<List<Long>> expertOpinions = expertOpinions(organCode, year);
        review.add(figure("EXPERT_OPINIONS", "专家提出论证意见", "条", numbers(expertOpinions.get(0), decs), expertOpinions.get(0).size(), List.of()));
        review.add(figure("EXPERT_OPINIONS_ADOPTED", "其中：采纳或部分采纳", "条", numbers(expertOpinions.get(1), decs), expertOpinions.get(1).size(), List.of()));
        List<Fact> risks = latest(facts("risk_assessment", organCode)).stream().filter(f -> inYear.test(f.at())).toList();
        review.add(figure("RISK_ASSESSMENTS", "完成风险评估", "件", numbers(risks, decs, f -> true)));
        for (String[] level : new String[][] {{"HIGH", "高风险"}, {"MEDIUM", "中风险"}, {"LOW", "低风险"}}) {
            review.add(figure("RISK_" + level[0], "其中：" + level[1], "件", numbers(risks, decs, f -> level[0].equals(f.code()))));
        }
        sections.add(new Section("EXPERT_RISK", "专家论证和风险评估", "第三十条至第四十条", review));

        // 5. Legality review (Art. 41-47)
        List<Figure> legality = new ArrayList<>();
        List<Fact> conclusions = facts("legality_conclusion", organCode).stream().filter(f -> inYear.test(f.at())).toList();
        legality.add(figure("LEGALITY_REVIEWS", "合法性审查（含再次审查）", "次", numbersOf(conclusions, decs, f -> true), conclusions.size(), List.of()));
        Map<String, String> conclusionLabels = new LinkedHashMap<>();
        for (String c : List.of("PASSED", "PROVISIONS_ILLEGAL", "MISSING_PARTICIPATION", "MISSING_EXPERT", "MISSING_RISK", "ILLEGAL")) {
            conclusionLabels.put(c, null);
        }
        conclusions.forEach(f -> conclusionLabels.put(f.code(), f.label()));
        conclusionLabels.forEach((code, label) -> {
            List<Fact> these = conclusions.stream().filter(f -> f.code().equals(code)).toList();
            legality.add(figure("LEGALITY_" + code, "其中：" + (label != null ? label : legalityLabel(code)), "次",
                    numbersOf(these, decs, f -> true), these.size(), List.of()));
        });
        sections.add(new Section("LEGALITY", "合法性审查", "第四十一条至第四十七条", legality));

        // 6. Meetings and openness (Art. 48-50; openness excerpt)
        sections.add(new Section("MEETINGS", "集体讨论和会议公开", "第四十八条至第五十条；政务公开工作要点", meetings(organCode, year, decs)));

        // 7. Deviations and overdue steps (DECISIONS.md 12; Art. 60-63)
        sections.add(new Section("DISCIPLINE", "偏离“一般”要求和逾期环节", "第二十条、第二十四条、第三十一条、第三十四条、第四十四条；第六十条至第六十三条",
                discipline(organCode, inYear, cutoff, year, decs)));

        // 8. The annual catalogue (Art. 4; openness excerpt): not for an organ set up to keep none (Art. 64), unless it
        // kept one that year before it was
        if (organ.keepsCatalogue() || jdbc.sql("SELECT COUNT(*) FROM juece.catalogue WHERE organ_code = ? AND catalogue_year = ?")
                .params(organCode, year).query(Long.class).single() > 0) {
            sections.add(new Section("CATALOGUE", "年度决策事项目录", "第四条；政务公开工作要点", catalogue(organCode, year, cutoffEnd, decs)));
        }

        return new AnnualReport(organCode, organ.name(), year, now, cutoff, List.copyOf(sections));
    }

    private List<Figure> byStage(String organCode, List<Dec> registered, List<Fact> endings, OffsetDateTime cutoffEnd, Map<Long, Dec> decs) {
        Set<Long> ids = registered.stream().map(Dec::id).collect(Collectors.toSet());
        Set<Long> ended = endings.stream().filter(f -> ids.contains(f.decisionId()) && f.at().isBefore(cutoffEnd))
                .map(Fact::decisionId).collect(Collectors.toSet());
        // The stage last entered before the cut-off (stage entries are rows, DECISIONS.md 25); stages 4-6 run in
        // parallel (DECISIONS.md 3): a decision counts once, in the stage it entered last.
        Map<Long, Stage> stageOf = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT e.decision_id, e.stage, e.entered_at FROM juece.stage_entry e JOIN juece.decision d ON d.id = e.decision_id"
                            + " WHERE d.organ_code = ? ORDER BY e.id")
                    .param(organCode)
                    .query((rs, i) -> new Fact(rs.getLong(1), rs.getString(2), null, time(rs, 3), 0)).list().stream()
                    .filter(f -> ids.contains(f.decisionId()) && f.at().isBefore(cutoffEnd))
                    .forEach(f -> stageOf.put(f.decisionId(), Stage.valueOf(f.code())));
        }
        List<Figure> figures = new ArrayList<>();
        for (Stage s : Stage.values()) {
            List<Long> in = registered.stream().map(Dec::id).filter(id -> !ended.contains(id))
                    .filter(id -> stageOf.getOrDefault(id, Stage.PROPOSAL) == s).toList();
            figures.add(figure("STAGE_" + s.name(), s.number() + ". " + s.label(), "件", numbers(in, decs)));
        }
        figures.add(figure("STAGE_ENDED", "程序已结束（不启动、不适用、终止或归档）", "件",
                numbers(registered.stream().map(Dec::id).filter(ended::contains).toList(), decs)));
        return figures;
    }

    private List<Figure> participation(String organCode, Predicate<OffsetDateTime> inYear, int year, Map<Long, Dec> decs) {
        List<Figure> figures = new ArrayList<>();
        record Notice(long id, long decisionId, OffsetDateTime publishedAt) {
        }
        List<Notice> notices = jdbc.sql("SELECT c.id, c.decision_id, c.published_at FROM juece.public_consultation c"
                        + " JOIN juece.decision d ON d.id = c.decision_id WHERE d.organ_code = ? ORDER BY c.id")
                .param(organCode).query((rs, i) -> new Notice(rs.getLong(1), rs.getLong(2), time(rs, 3))).list();
        List<Notice> yearNotices = notices.stream().filter(n -> inYear.test(n.publishedAt())).toList();
        figures.add(figure("COMMENT_NOTICES", "公开征求意见公告", "次", numbers(yearNotices.stream().map(Notice::decisionId).toList(), decs),
                yearNotices.size(), List.of()));
        record Received(long decisionId, OffsetDateTime at, String adoption) {
        }
        List<Received> opinions = jdbc.sql("SELECT c.decision_id, o.submitted_at, COALESCE(o.adoption, k.adoption)"
                        + " FROM juece.opinion o JOIN juece.public_consultation c ON c.id = o.consultation_id"
                        + " JOIN juece.decision d ON d.id = c.decision_id LEFT JOIN juece.opinion_cluster k ON k.id = o.cluster_id"
                        + " WHERE d.organ_code = ? ORDER BY o.id")
                .param(organCode).query((rs, i) -> new Received(rs.getLong(1), time(rs, 2), rs.getString(3))).list()
                .stream().filter(r -> inYear.test(r.at())).toList();
        figures.add(figure("OPINIONS_RECEIVED", "收到公众意见", "条", numbers(opinions.stream().map(Received::decisionId).toList(), decs),
                opinions.size(), List.of()));
        List<Received> adopted = opinions.stream().filter(r -> "ADOPTED".equals(r.adoption()) || "PARTLY_ADOPTED".equals(r.adoption())).toList();
        figures.add(figure("OPINIONS_ADOPTED", "其中：采纳或部分采纳", "条", numbers(adopted.stream().map(Received::decisionId).toList(), decs),
                adopted.size(), List.of()));
        List<Long> campaigns = jdbc.sql("SELECT c.decision_id, k.created_at FROM juece.opinion_cluster k"
                        + " JOIN juece.public_consultation c ON c.id = k.consultation_id JOIN juece.decision d ON d.id = c.decision_id"
                        + " WHERE d.organ_code = ? ORDER BY k.id")
                .param(organCode).query((rs, i) -> inYear.test(time(rs, 2)) ? rs.getLong(1) : null).list()
                .stream().filter(java.util.Objects::nonNull).toList();
        figures.add(figure("CAMPAIGNS", "相同或相近意见归并（批量意见）", "组", numbers(campaigns, decs), campaigns.size(), List.of()));
        figures.add(held("SYMPOSIUMS", "召开座谈会（第二十一条）", "symposium", Set.of("HELD"), organCode, year, decs));
        figures.add(held("HEARINGS", "举行听证会（第二十二条至第二十六条）", "hearing", Set.of("HELD", "REPORTED"), organCode, year, decs));
        List<long[]> questionnaires = jdbc.sql("SELECT q.decision_id, q.opens_on FROM juece.questionnaire q JOIN juece.decision d ON d.id = q.decision_id"
                        + " WHERE d.organ_code = ? ORDER BY q.id")
                .param(organCode).query((rs, i) -> new long[] {rs.getLong(1), rs.getObject(2, LocalDate.class).getYear()}).list()
                .stream().filter(x -> x[1] == year).toList();
        figures.add(figure("QUESTIONNAIRES", "开展问卷调查（第十九条）", "次", numbers(questionnaires.stream().map(x -> x[0]).toList(), decs),
                questionnaires.size(), List.of()));
        return figures;
    }

    /** Symposiums or hearings held in the year (the day they were held). */
    private Figure held(String key, String label, String table, Set<String> statuses, String organCode, int year, Map<Long, Dec> decs) {
        record Held(long decisionId, LocalDate on, String status, String title) {
        }
        List<Held> rows = jdbc.sql("SELECT x.decision_id, x.held_on, x.status, x.title FROM juece." + table + " x"
                        + " JOIN juece.decision d ON d.id = x.decision_id WHERE d.organ_code = ? ORDER BY x.held_on, x.id")
                .param(organCode).query((rs, i) -> new Held(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4)))
                .list().stream().filter(h -> h.on().getYear() == year && statuses.contains(h.status())).toList();
        return figure(key, label, "次", numbers(rows.stream().map(Held::decisionId).toList(), decs), rows.size(),
                rows.stream().map(h -> h.on() + " " + h.title()).toList());
    }

    /** The decision of each expert opinion given in the year, and of each adopted wholly or partly (Art. 35). */
    private List<List<Long>> expertOpinions(String organCode, int year) {
        List<Long> given = new ArrayList<>();
        List<Long> adopted = new ArrayList<>();
        jdbc.sql("SELECT r.decision_id, o.submitted_at, o.adoption FROM juece.expert_opinion o JOIN juece.expert_panel_member m ON m.id = o.member_id"
                        + " JOIN juece.expert_review r ON r.id = m.review_id JOIN juece.decision d ON d.id = r.decision_id WHERE d.organ_code = ?"
                        + " ORDER BY o.id")
                .param(organCode).query((rs, i) -> {
                    OffsetDateTime at = time(rs, 2);
                    if (at != null && at.getYear() == year) {
                        given.add(rs.getLong(1));
                        String a = rs.getString(3);
                        if ("ADOPTED".equals(a) || "PARTLY_ADOPTED".equals(a)) {
                            adopted.add(rs.getLong(1));
                        }
                    }
                    return 0;
                }).list();
        return List.of(given, adopted);
    }

    private List<Figure> meetings(String organCode, int year, Map<Long, Dec> decs) {
        record Meeting(long id, String name, LocalDate on) {
        }
        List<Meeting> meetings = jdbc.sql("SELECT id, name, meeting_date FROM juece.gov_meeting WHERE organ_code = ? ORDER BY meeting_date, id")
                .param(organCode).query((rs, i) -> new Meeting(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class))).list()
                .stream().filter(m -> m.on().getYear() == year).toList();
        Map<Long, List<Long>> agenda = new HashMap<>();
        Set<Long> withPublic = new LinkedHashSet<>();
        if (!meetings.isEmpty()) {
            jdbc.sql("SELECT i.meeting_id, i.decision_id FROM juece.gov_meeting_item i JOIN juece.gov_meeting m ON m.id = i.meeting_id"
                            + " WHERE m.organ_code = ? ORDER BY i.meeting_id, i.seq")
                    .param(organCode).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).list()
                    .forEach(x -> agenda.computeIfAbsent(x[0], k -> new ArrayList<>()).add(x[1]));
            List<String> invited = Arrays.stream(MeetingRecords.Category.values()).filter(MeetingRecords.Category::invitedPublic)
                    .map(Enum::name).toList();
            jdbc.sql("SELECT DISTINCT a.meeting_id FROM juece.gov_meeting_attendee a JOIN juece.gov_meeting m ON m.id = a.meeting_id"
                            + " WHERE m.organ_code = ? AND a.category IN (" + String.join(", ", invited.stream().map(c -> "'" + c + "'").toList()) + ")")
                    .param(organCode).query(Long.class).list().forEach(withPublic::add);
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(figure("MEETINGS", "召开常务会议、全体会议讨论决策事项", "次",
                numbers(meetings.stream().flatMap(m -> agenda.getOrDefault(m.id(), List.of()).stream()).toList(), decs),
                meetings.size(), meetings.stream().map(m -> m.on() + " " + m.name()).toList()));
        List<Meeting> open = meetings.stream().filter(m -> withPublic.contains(m.id())).toList();
        figures.add(new Figure("MEETINGS_WITH_PUBLIC", "其中：邀请利益相关方、公众、专家或媒体列席", "次", open.size(),
                numbers(open.stream().flatMap(m -> agenda.getOrDefault(m.id(), List.of()).stream()).toList(), decs),
                open.stream().map(m -> m.on() + " " + m.name()).toList(), MEETINGS_WITH_PUBLIC_TARGET));
        return figures;
    }

    private List<Figure> discipline(String organCode, Predicate<OffsetDateTime> inYear, LocalDate cutoff, int year, Map<Long, Dec> decs) {
        List<Figure> figures = new ArrayList<>();
        // the organ's facts only (issue 17), each through its table's decision_id index
        DecisionScope scope = DecisionScope.ofOrgans(List.of(organCode));
        var periodDeviations = stepPeriods.deviations(scope).stream().filter(x -> decs.containsKey(x.decisionId()) && inYear.test(x.approvedAt()))
                .toList();
        List<Long> shortened = periodDeviations.stream().map(x -> x.decisionId()).toList();
        List<String> what = new ArrayList<>();
        periodDeviations.forEach(x -> what.add(decs.get(x.decisionId()).number() + " " + x.periodName() + "缩短"));
        List<Long> others = new ArrayList<>();
        participationDeviations.of(scope).stream().filter(x -> decs.containsKey(x.decisionId()) && inYear.test(x.approvedAt())).forEach(x -> {
            others.add(x.decisionId());
            what.add(decs.get(x.decisionId()).number() + " " + x.what());
        });
        experts.deviations(scope).stream().filter(x -> decs.containsKey(x.decisionId()) && inYear.test(x.approvedAt())).forEach(x -> {
            others.add(x.decisionId());
            what.add(decs.get(x.decisionId()).number() + " " + x.what());
        });
        List<Long> all = new ArrayList<>(shortened);
        all.addAll(others);
        figures.add(figure("DEVIATIONS", "经批准偏离“一般”要求", "次", numbers(all, decs), all.size(), what));
        figures.add(figure("DEVIATIONS_PERIODS", "其中：缩短“一般不少于”的期限", "次", numbers(shortened, decs), shortened.size(), List.of()));

        // Deadlines (not minimums) whose last day fell in the year and that closed after it, or are still open past it.
        Set<String> deadlines = new LinkedHashSet<>(jdbc.sql("SELECT code FROM juece.statutory_period WHERE kind = 'DEADLINE'").query(String.class).list());
        List<String> steps = new ArrayList<>();
        List<Long> overdue = new ArrayList<>();
        stepPeriods.ending(scope, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)).stream()
                .filter(p -> decs.containsKey(p.decisionId()) && deadlines.contains(p.periodCode()) && p.endOn().getYear() == year)
                .filter(p -> p.closedAt() != null ? p.closedAt().atZoneSameInstant(AppClock.ZONE).toLocalDate().isAfter(p.endOn())
                        : p.isOpen() && cutoff.isAfter(p.endOn()))
                .forEach(p -> {
                    overdue.add(p.decisionId());
                    steps.add(decs.get(p.decisionId()).number() + " " + p.taskName() + "（期限" + p.endOn() + "）");
                });
        figures.add(figure("OVERDUE_STEPS", "逾期环节（含逾期办结和逾期未办结）", "个", numbers(overdue, decs), overdue.size(), steps));
        return figures;
    }

    private List<Figure> catalogue(String organCode, int year, OffsetDateTime cutoffEnd, Map<Long, Dec> decs) {
        List<Item> items = jdbc.sql("SELECT i.name, i.removed, i.decision_id FROM juece.catalogue_item i JOIN juece.catalogue c ON c.id = i.catalogue_id"
                        + " WHERE c.organ_code = ? AND c.catalogue_year = ? ORDER BY i.seq_no, i.id")
                .params(organCode, year).query((rs, i) -> new Item(rs.getString(1), rs.getBoolean(2), (Long) rs.getObject(3, Long.class))).list();
        // An item is done when its decision was decided at the meeting or its procedure ended by the cut-off.
        Set<Long> done = new LinkedHashSet<>();
        latest(facts("meeting_decision", organCode)).stream().filter(f -> f.at().isBefore(cutoffEnd)).forEach(f -> done.add(f.decisionId()));
        endings(organCode).stream().filter(f -> f.at().isBefore(cutoffEnd)).forEach(f -> done.add(f.decisionId()));
        List<Item> listed = items.stream().filter(i -> !i.removed()).toList();
        List<Item> finished = listed.stream().filter(i -> i.decisionId() != null && done.contains(i.decisionId())).toList();
        List<Item> carried = listed.stream().filter(i -> !finished.contains(i)).toList();
        List<Item> removed = items.stream().filter(Item::removed).toList();
        List<Figure> figures = new ArrayList<>();
        figures.add(itemFigure("CATALOGUE_ITEMS", "目录内事项（不含调出）", listed, decs));
        figures.add(itemFigure("CATALOGUE_DONE", "其中：已作出决定或程序已结束", finished, decs));
        figures.add(itemFigure("CATALOGUE_CARRIED_OVER", "其中：未完成，结转下一年度", carried, decs));
        figures.add(itemFigure("CATALOGUE_REMOVED", "年度内调出目录", removed, decs));
        return figures;
    }

    /** A catalogue item: its name, whether it was taken out of the catalogue, its decision if registered. */
    private record Item(String name, boolean removed, Long decisionId) {
    }

    private static Figure itemFigure(String key, String label, List<Item> items, Map<Long, Dec> decs) {
        List<Long> ids = items.stream().map(Item::decisionId).filter(java.util.Objects::nonNull).toList();
        List<String> names = items.stream().map(i -> i.decisionId() != null && decs.containsKey(i.decisionId())
                ? i.name() + "（" + decs.get(i.decisionId()).number() + "）" : i.name() + "（未登记决策事项）").toList();
        return figure(key, label, "项", numbers(ids, decs), items.size(), names);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** The step facts of one table (task_id-keyed fact rows) of the organ's decisions, in the order recorded. */
    private List<Fact> facts(String table, String organCode) {
        return jdbc.sql("SELECT x.decision_id, x.outcome, x.outcome_label, x.acted_at, x.round FROM juece." + table + " x"
                        + " JOIN juece.decision d ON d.id = x.decision_id WHERE d.organ_code = ? ORDER BY x.id")
                .param(organCode).query((rs, i) -> new Fact(rs.getLong(1), rs.getString(2), rs.getString(3), time(rs, 4), rs.getInt(5))).list();
    }

    private List<Fact> endings(String organCode) {
        return jdbc.sql("SELECT e.decision_id, e.status, e.ended_at FROM juece.procedure_end e JOIN juece.decision d ON d.id = e.decision_id"
                        + " WHERE d.organ_code = ?")
                .param(organCode).query((rs, i) -> new Fact(rs.getLong(1), rs.getString(2), null, time(rs, 3), 0)).list();
    }

    /** The last fact of each decision (the newest round). */
    private static List<Fact> latest(List<Fact> facts) {
        Map<Long, Fact> last = new LinkedHashMap<>();
        facts.forEach(f -> last.put(f.decisionId(), f));
        return new ArrayList<>(last.values());
    }

    private static List<Long> ids(List<Fact> facts, Predicate<Fact> which) {
        return facts.stream().filter(which).map(Fact::decisionId).toList();
    }

    private static List<String> numbers(List<Fact> facts, Map<Long, Dec> decs, Predicate<Fact> which) {
        return numbers(ids(facts, which), decs);
    }

    private static List<String> numbersOf(List<Fact> facts, Map<Long, Dec> decs, Predicate<Fact> which) {
        return numbers(facts, decs, which);
    }

    /** Distinct decision numbers, in number order. */
    private static List<String> numbers(Collection<Long> ids, Map<Long, Dec> decs) {
        return ids.stream().map(decs::get).filter(java.util.Objects::nonNull).map(Dec::number).distinct().sorted().toList();
    }

    /** A figure counting decisions: its value is the number of decisions behind it. */
    private static Figure figure(String key, String label, String unit, List<String> decisions) {
        return new Figure(key, label, unit, decisions.size(), decisions, List.of(), null);
    }

    private static Figure figure(String key, String label, String unit, List<String> decisions, long value, List<String> records) {
        return new Figure(key, label, unit, value, decisions, List.copyOf(records), null);
    }

    static String legalityLabel(String code) {
        return switch (code) {
            case "PASSED" -> "合法";
            case "PROVISIONS_ILLEGAL" -> "部分条款不合法，修改后提请审议";
            case "MISSING_PARTICIPATION" -> "应当履行而未履行公众参与程序";
            case "MISSING_EXPERT" -> "应当履行而未履行专家论证程序";
            case "MISSING_RISK" -> "应当履行而未履行风险评估程序";
            case "ILLEGAL" -> "超越法定权限或主要内容不合法";
            default -> code;
        };
    }

    private static OffsetDateTime time(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime();
    }
}
