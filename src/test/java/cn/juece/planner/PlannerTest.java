package cn.juece.planner;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.juece.calendar.HolidayFiles;
import cn.juece.calendar.PeriodFile;
import cn.juece.calendar.Periods;
import cn.juece.calendar.WorkingDayCalendar;

/**
 * Issue 16, the planner (最早合法决策日期): the earliest meeting date over the critical path, each expected date counted
 * here by hand on the 2024 holiday notice (config/holidays/2024.yaml: 国庆 10-01 … 10-07, make-up working days Sun 09-29
 * and Sat 10-12) and the period table (config/periods.yaml). Pure: no Spring, no database.
 */
class PlannerTest {

    static final Periods PERIODS = Periods.of(WorkingDayCalendar.of(HolidayFiles.fromClasspath()), PeriodFile.fromClasspath());
    static final PlanCalculator PLANNER = new PlanCalculator(PERIODS);

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    /** A launched matter still in drafting on {@code today}: participation, expert review and risk assessment required. */
    static PlanFacts drafting(LocalDate today) {
        return new PlanFacts(today, new PlanFacts.Span(today.minusDays(5), null), true, true, false, true, true,
                null, null, null, null, null, null, null, null, null);
    }

    static PlanSegment segment(Plan p, String step) {
        return p.segments().stream().filter(s -> s.step().equals(step)).findFirst().orElseThrow(() -> new AssertionError(step + " in " + p.segments()));
    }

    @Test
    void aCommentNoticeOn20September2024AndASevenWorkingDayLegalityReviewMeetOn31October() {
        // By hand: the notice is published on Fri 2024-09-20; the 30 days count from 09-21 (第201条) and end on 10-20, a
        // Sunday, so the window runs through Mon 10-21 24:00 (第203条; RULES.md's own example) and the step may close on
        // Tue 10-22. The legality review is submitted on 10-22 and counts from 10-23: Wed 23 (1), Thu 24 (2), Fri 25 (3),
        // Mon 28 (4), Tue 29 (5), Wed 30 (6), Thu 31 (7): completed, and the meeting may sit, on Thu 2024-10-31.
        Plan p = PLANNER.plan("GX-2024-0001", drafting(d("2024-09-10")), new PlanOptions(d("2024-09-20"), null, null, null, null, null));
        assertThat(p.meetingOn()).isEqualTo(d("2024-10-31"));
        assertThat(p.provisional()).isFalse();
        PlanSegment window = segment(p, "COMMENT_WINDOW");
        assertThat(window.start()).isEqualTo(d("2024-09-20"));
        assertThat(window.end()).isEqualTo(d("2024-10-22"));
        assertThat(window.minimum()).isEqualTo("一般不少于30日");
        assertThat(window.note()).contains("2024年10月21日24时");
        assertThat(segment(p, "LEGALITY_REVIEW").start()).isEqualTo(d("2024-10-22"));
        assertThat(segment(p, "LEGALITY_REVIEW").end()).isEqualTo(d("2024-10-31"));
        // Expert research runs in parallel: from 09-20, Mon 23 … Fri 27 (5), Sun 29 make-up (6), Mon 30 (7): off the path.
        assertThat(segment(p, "EXPERT_RESEARCH").end()).isEqualTo(d("2024-09-30"));
        assertThat(p.criticalPath()).extracting(PlanSegment::step)
                .containsExactly("DRAFTING", "COMMENT_WINDOW", "LEGALITY_REVIEW", "MEETING");
        assertThat(segment(p, "EXPERT_RESEARCH").critical()).isFalse();
        assertThat(segment(p, "RISK").critical()).isFalse();
        // The Art. 42 allowance: 3 working days more, Fri 11-01, Mon 11-04, Tue 11-05.
        assertThat(p.withSupplement()).isEqualTo(d("2024-11-05"));
        Plan supplemented = PLANNER.plan("GX-2024-0001", drafting(d("2024-09-10")), new PlanOptions(d("2024-09-20"), null, null, null, null, true));
        assertThat(supplemented.meetingOn()).isEqualTo(d("2024-11-05"));
        assertThat(segment(supplemented, "LEGALITY_SUPPLEMENT").critical()).isTrue();
    }

    @Test
    void whatIfAHearingOrAnotherStartDateMovesTheDate() {
        PlanFacts f = drafting(d("2024-09-10"));
        // No comment window, no hearing: expert research decides: it may close Mon 09-30 (above); the review counts
        // from 10-01, skipping 国庆: Tue 10-08 (1), 09 (2), 10 (3), 11 (4), Sat 10-12 make-up (5), Mon 14 (6), Tue 15 (7).
        Plan none = PLANNER.plan("n", f, new PlanOptions(d("2024-09-20"), false, false, null, null, null));
        assertThat(none.meetingOn()).isEqualTo(d("2024-10-15"));
        assertThat(none.criticalPath()).extracting(PlanSegment::step).containsExactly("DRAFTING", "EXPERT_RESEARCH", "LEGALITY_REVIEW", "MEETING");
        // Add a hearing: notice on 09-20, held no earlier than 15 days later, 10-05, a holiday, so on Tue 10-08; the
        // review then counts from 10-09: Wed 09 (1), Thu 10 (2), Fri 11 (3), Sat 12 make-up (4), Mon 14 (5), Tue 15 (6),
        // Wed 16 (7): the date moves to 2024-10-16 and the hearing decides it.
        Plan hearing = PLANNER.plan("n", f, new PlanOptions(d("2024-09-20"), false, true, null, null, null));
        assertThat(hearing.meetingOn()).isEqualTo(d("2024-10-16"));
        assertThat(segment(hearing, "HEARING").end()).isEqualTo(d("2024-10-08"));
        assertThat(segment(hearing, "HEARING").critical()).isTrue();
        // Without expert review too, the hearing still decides.
        assertThat(PLANNER.plan("n", f, new PlanOptions(d("2024-09-20"), false, true, false, null, null)).meetingOn()).isEqualTo(d("2024-10-16"));
        // With the comment window, the hearing runs inside it: 2024-10-31 again.
        assertThat(PLANNER.plan("n", f, new PlanOptions(d("2024-09-20"), null, true, null, null, null)).meetingOn()).isEqualTo(d("2024-10-31"));
        // Start a week later, Fri 09-27: the window's 30th day is Sun 10-27, so through Mon 10-28, closing Tue 10-29; the
        // review: Wed 30 (1), Thu 31 (2), Fri 11-01 (3), Mon 04 (4), Tue 05 (5), Wed 06 (6), Thu 07 (7).
        assertThat(PLANNER.plan("n", f, new PlanOptions(d("2024-09-27"), null, null, null, null, null)).meetingOn()).isEqualTo(d("2024-11-07"));
    }

    @Test
    void stepsAlreadyDoneKeepTheirActualDatesAndPausesTakenCount() {
        // Participation ran 09-20 … 10-25 (window 09-20 … 10-21, feedback published 10-25), the experts finished on 10-10,
        // the review was submitted on Fri 10-25 and runs: Mon 28 (1), 29 (2), 30 (3), 31 (4), Fri 11-01 (5), Mon 04 (6), Tue 05 (7).
        PlanFacts f = new PlanFacts(d("2024-10-28"), new PlanFacts.Span(d("2024-09-01"), d("2024-09-20")), true, true, false, true, false,
                new PlanFacts.Span(d("2024-09-20"), d("2024-10-25")), new PlanFacts.Span(d("2024-09-20"), d("2024-10-10")), null,
                new PlanFacts.Window(d("2024-09-20"), d("2024-10-21"), d("2024-10-25")), null,
                new PlanFacts.Step(d("2024-09-23"), d("2024-10-08"), d("2024-10-10"), 0, false),
                new PlanFacts.Span(d("2024-10-25"), null), new PlanFacts.Step(d("2024-10-25"), d("2024-11-05"), null, 0, false), null);
        Plan p = PLANNER.plan("n", f, PlanOptions.RECORDED);
        assertThat(p.meetingOn()).isEqualTo(d("2024-11-05"));
        PlanSegment window = segment(p, "COMMENT_WINDOW");
        assertThat(window.done()).isTrue();
        assertThat(window.end()).isEqualTo(d("2024-10-25"));
        assertThat(segment(p, "EXPERT_RESEARCH").done()).isTrue();
        assertThat(segment(p, "EXPERT_RESEARCH").end()).isEqualTo(d("2024-10-10"));
        assertThat(segment(p, "PARTICIPATION").critical()).isTrue();
        assertThat(segment(p, "LEGALITY_REVIEW").done()).isFalse();
        // a what-if start cannot move what already happened
        assertThat(PLANNER.plan("n", f, new PlanOptions(d("2025-01-01"), null, true, null, null, null)).meetingOn()).isEqualTo(d("2024-11-05"));
        // an Art. 44 pause of 2 working days taken on the review moved its earliest close to Thu 11-07: so does the plan
        PlanFacts paused = new PlanFacts(f.today(), f.drafting(), true, true, false, true, false, f.participationStage(), f.expertStage(), null,
                f.window(), null, f.expertStep(), f.legalityStage(), new PlanFacts.Step(d("2024-10-25"), d("2024-11-07"), null, 2, false), null);
        Plan q = PLANNER.plan("n", paused, PlanOptions.RECORDED);
        assertThat(q.meetingOn()).isEqualTo(d("2024-11-07"));
        assertThat(segment(q, "LEGALITY_REVIEW").pausedDays()).isEqualTo(2);
        // a review that could have closed but has not is planned for today
        PlanFacts late = new PlanFacts(d("2024-11-12"), f.drafting(), true, true, false, true, false, f.participationStage(), f.expertStage(), null,
                f.window(), null, f.expertStep(), f.legalityStage(), f.legalityStep(), null);
        assertThat(PLANNER.plan("n", late, PlanOptions.RECORDED).meetingOn()).isEqualTo(d("2024-11-12"));
    }

    @Test
    void aSymposiumAnnouncedAfterTheWindowHoldsParticipationUntilItIsHeld() {
        // Participation began on 09-20 with the window through 10-21 (closing 10-22); a symposium is set for Fri 10-25
        // (Art. 21: the stage ends only once it is held). The review counts from 10-25: Mon 28 (1), 29, 30, 31, Fri 11-01
        // (5), Mon 04 (6), Tue 05 (7).
        PlanFacts f = new PlanFacts(d("2024-10-08"), new PlanFacts.Span(d("2024-09-01"), d("2024-09-20")), true, true, false, false, false,
                new PlanFacts.Span(d("2024-09-20"), null), null, null, new PlanFacts.Window(d("2024-09-20"), d("2024-10-21"), null), null,
                null, null, null, null,
                List.of(new PlanFacts.Event("SYMPOSIUM", "座谈会：停车收费", "第二十一条", d("2024-10-08"), d("2024-10-25"), false)));
        Plan p = PLANNER.plan("n", f, PlanOptions.RECORDED);
        assertThat(p.meetingOn()).isEqualTo(d("2024-11-05"));
        assertThat(segment(p, "SYMPOSIUM").critical()).isTrue();
        assertThat(segment(p, "COMMENT_WINDOW").critical()).isFalse();
        assertThat(segment(p, "COMMENT_WINDOW").end()).isEqualTo(d("2024-10-22"));
    }

    @Test
    void aDateCountedOverAYearWithoutAHolidayNoticeIsProvisional() {
        // 2027's notice is not in config/holidays: a window opened on 2026-12-10 ends in 2027.
        assertThat(PERIODS.calendar().hasDataFor(2027)).isFalse();
        Plan p = PLANNER.plan("n", drafting(d("2026-12-01")), new PlanOptions(d("2026-12-10"), null, null, null, null, null));
        assertThat(p.meetingOn().getYear()).isEqualTo(2027);
        assertThat(p.provisional()).isTrue();
        assertThat(p.provisionalYears()).containsExactly(2027);
        assertThat(p.notes()).anyMatch(n -> n.contains("暂定"));
        // the same matter in 2024 is not
        assertThat(PLANNER.plan("n", drafting(d("2024-09-10")), new PlanOptions(d("2024-09-20"), null, null, null, null, null)).provisional()).isFalse();
    }

    @Test
    void eachMinimumComesFromThePeriodTable() {
        var review = PERIODS.period("LEGALITY_REVIEW");
        var changed = Periods.of(PERIODS.calendar(), PeriodFile.fromClasspath().stream()
                .map(x -> x.code().equals("LEGALITY_REVIEW") ? new cn.juece.calendar.StatutoryPeriod(x.code(), x.nameZh(), 10, x.unit(),
                        x.kind(), x.strictness(), x.publicWindow(), x.article(), x.countedFrom()) : x).toList());
        Plan p = new PlanCalculator(changed).plan("n", drafting(d("2024-09-10")), new PlanOptions(d("2024-09-20"), null, null, null, null, null));
        // 10 working days from 10-22: … 10-31 (7), Fri 11-01 (8), Mon 11-04 (9), Tue 11-05 (10)
        assertThat(review.length()).isEqualTo(7);
        assertThat(p.meetingOn()).isEqualTo(d("2024-11-05"));
        assertThat(List.of(segment(p, "LEGALITY_REVIEW").minimum())).containsExactly("一般不少于10个工作日");
    }
}
