package cn.juece.planner;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedSet;

import cn.juece.calendar.Periods;
import cn.juece.calendar.StatutoryPeriod;
import cn.juece.calendar.WorkingDayCalendar;

/**
 * The critical path from where a matter stands to the meeting, counted on the working-day calendar with the minimums
 * of the one period table (cn.juece.deadline / statutory_period: no number is copied here). Pure: facts in, plan out.
 * <p>
 * The path (RULES.md, DECISIONS.md 3): drafting → stages 4–6 in parallel (public participation with its comment window
 * (Art. 20) and hearing (Art. 23), expert research (Art. 34), risk assessment (Art. 36–40, no statutory minimum)) →
 * legality review (Art. 44, its minimum counted from the day after the submission; the Art. 42 supplement allowance
 * optionally) → the meeting. Counting follows {@link Periods}: the act's day is excluded, a calendar-day period whose
 * last day is a rest day ends on the next working day, a work step may close on its last day, a public window on the
 * day after. A step already done keeps its actual dates; a step running keeps its recorded dates (pauses included),
 * and a step that could have closed but has not is planned to close today.
 * <p>
 * Planning choices (not the rule's): acts with no minimum (submitting, countersigning, the risk report, the adoption
 * feedback) take no day; a hearing is held on a working day; the meeting may sit on the day the legality review may
 * be completed.
 */
public class PlanCalculator {

    static final String DRAFTING = "DRAFTING";
    static final String COMMENT = "COMMENT_WINDOW";
    static final String HEARING = "HEARING";
    static final String HEARING_NOTICE = "HEARING_NOTICE";
    static final String PARTICIPATION = "PARTICIPATION";
    static final String EXPERT = "EXPERT_RESEARCH";
    static final String RISK = "RISK";
    static final String LEGALITY = "LEGALITY_REVIEW";
    static final String SUPPLEMENT = "LEGALITY_SUPPLEMENT";
    static final String MEETING = "MEETING";

    static final String B_PARTICIPATION = "公众参与";
    static final String B_EXPERT = "专家论证";
    static final String B_RISK = "风险评估";
    private static final DateTimeFormatter CN = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Periods periods;

    public PlanCalculator(Periods periods) {
        this.periods = periods;
    }

    public Plan plan(String number, PlanFacts f, PlanOptions o) {
        WorkingDayCalendar cal = periods.calendar();
        List<PlanSegment> segs = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        LocalDate today = f.today();

        // ---- drafting, and S: the day stages 4–6 start ---------------------------------------------------
        LocalDate s;
        if (f.parallelEntered()) {
            s = min(start(f.participationStage()), start(f.expertStage()), start(f.riskStage()));
            if (o.start() != null) {
                notes.add("公众参与、专家论证、风险评估已经开始，起算日按实际日期计算，不采用假设的起算日。");
            }
            LocalDate ds = f.drafting() == null ? s : f.drafting().start();
            segs.add(seg(DRAFTING, "草案拟定", null, null, ds, s, "无法定最短期限", true, 0, null));
        } else if (o.start() != null) {
            s = o.start();
            LocalDate ds = f.drafting() == null ? s : min(f.drafting().start(), s);
            segs.add(seg(DRAFTING, "草案拟定", null, null, ds, s, "无法定最短期限", false, 0,
                    "假设于" + CN.format(s) + "完成草案拟定并开始公众参与等程序"));
        } else {
            LocalDate ds = f.drafting() == null ? today : f.drafting().start();
            s = max(today, ds);
            segs.add(seg(DRAFTING, "草案拟定", null, null, ds, s, "无法定最短期限", false, 0,
                    f.drafting() == null ? "尚未启动：按今日启动、当日完成草案计算" : "草案拟定中：按今日完成计算"));
        }

        // ---- stage 4: public participation ------------------------------------------------------------------
        List<Branch> branches = new ArrayList<>();
        boolean comment = o.comment() != null ? o.comment() : f.comment();
        boolean hearing = o.hearing() != null ? o.hearing() : f.hearing();
        boolean participation = f.participation() || comment || hearing || f.participationStage() != null;
        if (participation) {
            branches.add(participation(f, o, s, comment, hearing, notes));
        }
        // ---- stage 5: expert review -------------------------------------------------------------------------
        boolean expert = f.expertStep() != null || (o.expert() != null ? o.expert() : f.expert() || f.expertStage() != null);
        if (expert) {
            branches.add(expert(f, s));
        }
        // ---- stage 6: risk assessment -----------------------------------------------------------------------
        boolean risk = o.risk() != null ? o.risk() : f.risk() || f.riskStage() != null;
        if (risk) {
            branches.add(stageOnly(RISK, "风险评估", B_RISK, "第三十六条至第四十条", f.riskStage(), s, today,
                    "无法定最短期限（评估报告按计划完成）"));
        }
        LocalDate join = s;
        for (Branch b : branches) {
            join = max(join, b.finish);
            segs.addAll(b.segments);
        }

        // ---- stage 7: legality review -----------------------------------------------------------------------
        StatutoryPeriod review = periods.period(LEGALITY);
        LocalDate reviewEnd;
        boolean reviewDone;
        if (f.legalityStep() != null) {
            PlanFacts.Step st = f.legalityStep();
            reviewDone = st.closedOn() != null;
            reviewEnd = reviewDone ? st.closedOn() : max(st.earliestClose(), today);
            segs.add(seg(LEGALITY, review.nameZh(), null, review.article(), st.start(), reviewEnd, review.describe(),
                    reviewDone, st.pausedDays(), st.pausedDays() > 0 ? "已扣除暂停计算的" + st.pausedDays() + "个工作日（第四十二条、第四十四条）" : null));
        } else {
            LocalDate submitted = f.legalityStage() != null && !f.legalityStage().ended() ? max(join, today) : join;
            reviewDone = false;
            reviewEnd = periods.end(review, submitted);
            segs.add(seg(LEGALITY, review.nameZh(), null, review.article(), submitted, reviewEnd, review.describe(), false, 0,
                    "报送之日的次日起算，第" + review.length() + "个工作日可办结"));
        }
        LocalDate ready = reviewEnd;
        StatutoryPeriod supplement = periods.period(SUPPLEMENT);
        LocalDate withSupplement = null;
        if (!reviewDone) {
            LocalDate extended = cal.addWorkingDays(reviewEnd, supplement.length());
            if (Boolean.TRUE.equals(o.supplement())) {
                segs.add(seg(SUPPLEMENT, supplement.nameZh(), null, supplement.article(), reviewEnd, extended, supplement.describe(), false, 0,
                        "补送材料的时间不计入审查期限（第四十二条）"));
                ready = extended;
            } else {
                withSupplement = extended;
            }
        }

        // ---- stage 8: the meeting ---------------------------------------------------------------------------
        LocalDate meeting;
        boolean met = f.meetingStage() != null;
        if (met) {
            meeting = f.meetingStage().start();
        } else {
            meeting = cal.workingDayOnOrAfter(reviewDone ? max(ready, today) : ready);
        }
        segs.add(seg(MEETING, "集体讨论决定", null, "第四十八条", meeting, meeting, "合法性审查通过后提请", met, 0,
                met ? "已提请集体讨论" : null));

        List<PlanSegment> marked = markCritical(segs, branches, join);
        LocalDate from = marked.stream().filter(x -> !x.done()).map(PlanSegment::start).min(Comparator.naturalOrder()).orElse(meeting);
        SortedSet<Integer> years = met ? java.util.Collections.emptySortedSet() : cal.provisionalYears(min(from, today), max(meeting, today));
        boolean provisional = !years.isEmpty() || (f.legalityStep() != null && f.legalityStep().provisional() && !reviewDone)
                || (f.expertStep() != null && f.expertStep().provisional() && f.expertStep().closedOn() == null);
        if (provisional) {
            notes.add("标“暂定”：计算涉及" + (years.isEmpty() ? "尚未公布节假日安排的年份" : String.join("、", years.stream().map(String::valueOf).toList()) + "年")
                    + "，暂按《全国年节及纪念日放假办法》规定的节日计算，公布后自动重新计算。");
        }
        return new Plan(number, today, meeting, provisional, List.copyOf(years), withSupplement, marked, o, notes, null);
    }

    /** Stage 4: a comment window and a hearing in parallel (or the stage's actual dates, or an act with no minimum). */
    private Branch participation(PlanFacts f, PlanOptions o, LocalDate s, boolean comment, boolean hearing, List<String> notes) {
        LocalDate today = f.today();
        PlanFacts.Span stage = f.participationStage();
        boolean ended = stage != null && stage.ended();
        LocalDate plannedStart = stage == null ? s : max(stage.start(), today);
        List<PlanSegment> segs = new ArrayList<>();
        LocalDate finish = stage == null ? s : stage.start();
        StatutoryPeriod window = periods.period(COMMENT);
        if (f.window() != null) {
            PlanFacts.Window w = f.window();
            boolean done = w.feedbackOn() != null || ended;
            LocalDate end = w.feedbackOn() != null ? w.feedbackOn() : ended ? stage.end() : max(w.closesOn().plusDays(1), today);
            segs.add(seg(COMMENT, "公开征求意见", B_PARTICIPATION, window.article(), w.opensOn(), end, window.describe(), done, 0,
                    "征求意见截止：" + CN.format(w.closesOn()) + "24时"));
            finish = max(finish, end);
            if (Boolean.FALSE.equals(o.comment())) {
                notes.add("征求意见公告已经发布，按实际日期计算。");
            }
        } else if (comment && !ended) {
            LocalDate last = periods.end(window, plannedStart);
            LocalDate end = periods.earliestClose(COMMENT, plannedStart);
            segs.add(seg(COMMENT, "公开征求意见", B_PARTICIPATION, window.article(), plannedStart, end, window.describe(), false, 0,
                    "公告之日的次日起算，截止" + CN.format(last) + "24时（末日为休息日的顺延至下一个工作日）"));
            finish = max(finish, end);
        }
        StatutoryPeriod notice = periods.period(HEARING_NOTICE);
        if (f.hearingHeld() != null) {
            PlanFacts.HearingFact h = f.hearingHeld();
            boolean done = h.reported() || ended;
            LocalDate end = done ? h.heldOn() : max(h.heldOn(), today);
            segs.add(seg(HEARING, "听证会", B_PARTICIPATION, notice.article(), h.noticeOn(), end, notice.describe() + "公告", done, 0,
                    "听证会" + CN.format(h.heldOn())));
            finish = max(finish, end);
            if (Boolean.FALSE.equals(o.hearing())) {
                notes.add("听证会已经公告，按实际日期计算。");
            }
        } else if (hearing && !ended) {
            // "15日前": the notice no later than the hearing's day minus 15 days, so the hearing no earlier than the
            // notice's day plus 15 (Art. 23); held on a working day.
            LocalDate held = periods.calendar().workingDayOnOrAfter(plannedStart.plusDays(notice.length()));
            segs.add(seg(HEARING, "听证会", B_PARTICIPATION, notice.article(), plannedStart, held, notice.describe() + "公告", false, 0,
                    "公告于召开之日" + notice.length() + "日前发布；听证会安排在工作日"));
            finish = max(finish, held);
        }
        for (PlanFacts.Event e : f.events()) {
            boolean done = e.done() || ended;
            LocalDate end = done || !e.end().isBefore(today) ? e.end() : today;
            segs.add(seg(e.step(), e.name(), B_PARTICIPATION, e.article(), e.start(), end, "无法定最短期限", done, 0, null));
            finish = max(finish, end);
        }
        if (ended) {
            segs.add(seg(PARTICIPATION, "公众参与", B_PARTICIPATION, "第十七条", stage.start(), stage.end(), "—", true, 0, "已完成"));
            finish = stage.end();
        } else if (segs.isEmpty()) {
            LocalDate end = stage == null ? s : max(stage.start(), today);
            segs.add(seg(PARTICIPATION, "公众参与（座谈会、书面征求意见等）", B_PARTICIPATION, "第十七条", plannedStart, end, "无法定最短期限", false, 0, null));
            finish = max(finish, end);
        }
        return new Branch(B_PARTICIPATION, segs, finish);
    }

    /** Stage 5: the experts' research time, counted from the day after the materials are delivered (Art. 34). */
    private Branch expert(PlanFacts f, LocalDate s) {
        LocalDate today = f.today();
        StatutoryPeriod research = periods.period(EXPERT);
        PlanFacts.Span stage = f.expertStage();
        List<PlanSegment> segs = new ArrayList<>();
        LocalDate finish;
        if (f.expertStep() != null) {
            PlanFacts.Step st = f.expertStep();
            boolean done = st.closedOn() != null || (stage != null && stage.ended());
            LocalDate end = st.closedOn() != null ? st.closedOn() : done ? stage.end() : max(st.earliestClose(), today);
            segs.add(seg(EXPERT, research.nameZh(), B_EXPERT, research.article(), st.start(), end, research.describe(), done, st.pausedDays(),
                    st.pausedDays() > 0 ? "已扣除暂停计算的" + st.pausedDays() + "个工作日" : null));
            finish = end;
        } else if (stage != null && stage.ended()) {
            segs.add(seg(EXPERT, "专家论证", B_EXPERT, research.article(), stage.start(), stage.end(), research.describe(), true, 0, "已完成"));
            finish = stage.end();
        } else {
            LocalDate delivered = stage == null ? s : max(stage.start(), today);
            finish = periods.end(research, delivered);
            segs.add(seg(EXPERT, research.nameZh(), B_EXPERT, research.article(), delivered, finish, research.describe(), false, 0,
                    "向专家提供资料之日的次日起算"));
        }
        return new Branch(B_EXPERT, segs, finish);
    }

    /** A stage with no statutory minimum: its actual dates, or no day of its own. */
    private static Branch stageOnly(String code, String name, String branch, String article, PlanFacts.Span stage, LocalDate s,
                                    LocalDate today, String minimum) {
        boolean done = stage != null && stage.ended();
        LocalDate start = stage == null ? s : stage.start();
        LocalDate end = done ? stage.end() : stage == null ? s : max(stage.start(), today);
        return new Branch(branch, List.of(seg(code, name, branch, article, start, end, minimum, done, 0, done ? "已完成" : null)), end);
    }

    /** The meeting, the legality review (and the supplement allowance), the branch that finishes last, and drafting. */
    private static List<PlanSegment> markCritical(List<PlanSegment> segs, List<Branch> branches, LocalDate join) {
        java.util.Set<PlanSegment> critical = new java.util.HashSet<>();
        segs.stream().filter(x -> x.branch() == null && !x.step().equals(DRAFTING)).forEach(critical::add);
        LocalDate criticalStart = null;
        for (Branch b : branches) {
            if (!b.finish.equals(join)) {
                continue;
            }
            // the step of the branch that finishes it (a stage's own record when it has ended)
            PlanSegment decider = b.segments.stream().filter(x -> x.end().equals(b.finish))
                    .max(Comparator.comparing((PlanSegment x) -> x.step().equals(PARTICIPATION))).orElse(null);
            if (decider != null) {
                critical.add(decider);
                criticalStart = criticalStart == null ? decider.start() : min(criticalStart, decider.start());
            }
        }
        PlanSegment drafting = segs.stream().filter(x -> x.step().equals(DRAFTING)).findFirst().orElseThrow();
        if (criticalStart == null || !criticalStart.isAfter(drafting.end())) {
            critical.add(drafting);
        }
        return segs.stream().map(x -> x.critical(critical.contains(x))).toList();
    }

    private record Branch(String name, List<PlanSegment> segments, LocalDate finish) {
    }

    private static PlanSegment seg(String step, String name, String branch, String article, LocalDate start, LocalDate end,
                                   String minimum, boolean done, int paused, String note) {
        return new PlanSegment(step, name, branch, article, start, end, minimum, false, done, paused, note);
    }

    private static LocalDate start(PlanFacts.Span span) {
        return span == null ? null : span.start();
    }

    static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    static LocalDate min(LocalDate... days) {
        LocalDate m = null;
        for (LocalDate d : days) {
            if (d != null && (m == null || d.isBefore(m))) {
                m = d;
            }
        }
        return m;
    }
}
