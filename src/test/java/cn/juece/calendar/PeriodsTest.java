package cn.juece.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpStatus;

import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/** The statutory periods of config/periods.yaml counted as RULES.md "How periods are counted" says. */
class PeriodsTest {

    private final Periods periods = TestCalendars.periods();

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    private static ZonedDateTime shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(AppClock.ZONE);
    }

    @Test
    void theTableHoldsTheRulesPeriods() {
        assertEquals(List.of("ADOPTION_FEEDBACK", "COMMENT_WINDOW", "EXPERT_RESEARCH", "HEARING_MATERIALS", "HEARING_NOTICE",
                "LEGALITY_REVIEW", "LEGALITY_SUPPLEMENT", "SYMPOSIUM_MATERIALS"),
                periods.all().stream().map(StatutoryPeriod::code).sorted().toList());
        check("COMMENT_WINDOW", 30, PeriodUnit.CALENDAR_DAYS, PeriodKind.MINIMUM, Strictness.GENERAL, true, "第二十条", "一般不少于30日");
        check("SYMPOSIUM_MATERIALS", 3, PeriodUnit.CALENDAR_DAYS, PeriodKind.BEFORE_EVENT, Strictness.STRICT, false, "第二十一条", "3日前");
        check("HEARING_NOTICE", 15, PeriodUnit.CALENDAR_DAYS, PeriodKind.BEFORE_EVENT, Strictness.STRICT, false, "第二十三条", "15日前");
        check("HEARING_MATERIALS", 7, PeriodUnit.CALENDAR_DAYS, PeriodKind.BEFORE_EVENT, Strictness.STRICT, false, "第二十四条", "7日前");
        check("EXPERT_RESEARCH", 7, PeriodUnit.WORKING_DAYS, PeriodKind.MINIMUM, Strictness.GENERAL, false, "第三十四条", "一般不少于7个工作日");
        check("LEGALITY_SUPPLEMENT", 3, PeriodUnit.WORKING_DAYS, PeriodKind.DEADLINE, Strictness.STRICT, false, "第四十二条", "3个工作日内");
        check("LEGALITY_REVIEW", 7, PeriodUnit.WORKING_DAYS, PeriodKind.MINIMUM, Strictness.GENERAL, false, "第四十四条", "一般不少于7个工作日");
        check("ADOPTION_FEEDBACK", 10, PeriodUnit.WORKING_DAYS, PeriodKind.DEADLINE, Strictness.STRICT, false, "第五十二条；政务公开要求", "10个工作日内");
    }

    private void check(String code, int length, PeriodUnit unit, PeriodKind kind, Strictness strictness, boolean window,
                       String article, String description) {
        StatutoryPeriod p = periods.period(code);
        assertEquals(length, p.length(), code);
        assertEquals(unit, p.unit(), code);
        assertEquals(kind, p.kind(), code);
        assertEquals(strictness, p.strictness(), code);
        assertEquals(window, p.publicWindow(), code);
        assertEquals(article, p.article(), code);
        assertEquals(description, p.describe(), code);
        assertFalse(p.nameZh().isBlank() || p.countedFrom().isBlank(), code);
    }

    @Test
    void legalityReviewStartedFriday20240927MayCloseOn20241012AndNotBefore() {
        LocalDate start = d("2024-09-27");
        assertEquals(d("2024-10-12"), periods.end("LEGALITY_REVIEW", start));
        assertEquals(shanghai("2024-10-12T23:59:59"), periods.endOfDay("LEGALITY_REVIEW", start));
        assertEquals(d("2024-10-12"), periods.earliestClose("LEGALITY_REVIEW", start));
        assertFalse(periods.mayCloseOn("LEGALITY_REVIEW", start, d("2024-09-30")));
        assertFalse(periods.mayCloseOn("LEGALITY_REVIEW", start, d("2024-10-11")));
        assertTrue(periods.mayCloseOn("LEGALITY_REVIEW", start, d("2024-10-12")));
        assertTrue(periods.mayCloseOn("LEGALITY_REVIEW", start, d("2024-10-14")));
    }

    @Test
    void commentWindowPublished20240920AcceptsCommentsThroughMonday20241021() {
        LocalDate published = d("2024-09-20");
        // 09-21 .. 10-20 are the 30 days; Sun 10-20 is a rest day, so the window runs through Mon 10-21.
        assertEquals(d("2024-10-21"), periods.end("COMMENT_WINDOW", published));
        assertEquals(OffsetDateTime.parse("2024-10-21T23:59:59+08:00").toInstant(),
                periods.endOfDay("COMMENT_WINDOW", published).toInstant());
        // A public window accepts input through 23:59:59 of its last day: it closes on the day after.
        assertFalse(periods.mayCloseOn("COMMENT_WINDOW", published, d("2024-10-21")));
        assertTrue(periods.mayCloseOn("COMMENT_WINDOW", published, d("2024-10-22")));
    }

    @ParameterizedTest(name = "{0} from {1} ends {2}")
    @CsvSource({
            // Calendar days: the start day is not counted; a last day on a rest day moves to the next working day.
            "COMMENT_WINDOW, 2024-03-04, 2024-04-03",
            "COMMENT_WINDOW, 2024-03-01, 2024-04-01",   // Sun 03-31
            "COMMENT_WINDOW, 2024-09-01, 2024-10-08",   // 10-01 国庆
            "COMMENT_WINDOW, 2024-09-12, 2024-10-12",   // Sat 10-12 is a make-up working day: it stays
            "COMMENT_WINDOW, 2026-01-16, 2026-02-24",   // 02-15 春节 .. 02-23
            "COMMENT_WINDOW, 2025-12-02, 2026-01-04",   // 01-01 元旦 .. 01-03 rest; Sun 01-04 is a make-up working day
            // Working days.
            "EXPERT_RESEARCH, 2025-01-24, 2025-02-10",  // 01-26 (make-up), 01-27, 02-05 .. 02-07, 02-08 (make-up), 02-10
            "LEGALITY_REVIEW, 2026-09-24, 2026-10-12",  // 09-28 .. 09-30, 10-08, 10-09, 10-10 (make-up), 10-12
            "LEGALITY_SUPPLEMENT, 2026-02-12, 2026-02-24", // 02-13, 02-14 (make-up), 02-24
            "ADOPTION_FEEDBACK, 2026-09-28, 2026-10-16",
            // "N days before" an event: the latest day for the act, never moved (even onto a holiday).
            "HEARING_NOTICE, 2024-10-20, 2024-10-05",
            "HEARING_MATERIALS, 2024-10-20, 2024-10-13",
            "SYMPOSIUM_MATERIALS, 2024-10-20, 2024-10-17"
    })
    void ends(String code, String start, String end) {
        assertEquals(d(end), periods.end(code, d(start)));
    }

    @Test
    void deadlinesAndDaysBeforeAreLateAfterTheirLastDayAndHoldNothing() {
        assertFalse(periods.isLate("LEGALITY_SUPPLEMENT", d("2026-02-12"), d("2026-02-24")));
        assertTrue(periods.isLate("LEGALITY_SUPPLEMENT", d("2026-02-12"), d("2026-02-25")));
        assertFalse(periods.isLate("HEARING_NOTICE", d("2024-10-20"), d("2024-10-05")));
        assertTrue(periods.isLate("HEARING_NOTICE", d("2024-10-20"), d("2024-10-06")));
        assertFalse(periods.isLate("LEGALITY_REVIEW", d("2024-09-27"), d("2025-01-01")), "a minimum is never late");
        assertTrue(periods.mayCloseOn("LEGALITY_SUPPLEMENT", d("2026-02-12"), d("2026-02-12")));
        assertTrue(periods.mayCloseOn("HEARING_NOTICE", d("2024-10-20"), d("2024-09-01")));
    }

    @Test
    void aPauseMovesTheEndByItsWholeWorkingDays() {
        LocalDate end = periods.end("LEGALITY_REVIEW", d("2024-09-27"));
        assertEquals(d("2024-10-12"), end);
        // Investigation from Tue 10-08 to Thu 10-10: 10-09 and 10-10 are not counted (DECISIONS.md 13).
        assertEquals(2, periods.pausedWorkingDays(d("2024-10-08"), d("2024-10-10")));
        assertEquals(d("2024-10-15"), periods.extend(end, d("2024-10-08"), d("2024-10-10")));
        // A pause across 国庆: from Mon 09-30 to Tue 10-08 holds one working day (10-08).
        assertEquals(1, periods.pausedWorkingDays(d("2024-09-30"), d("2024-10-08")));
        assertEquals(d("2024-10-14"), periods.extend(end, d("2024-09-30"), d("2024-10-08")));
        // A pause that starts and ends on the same day, or over a weekend only, moves nothing.
        assertEquals(end, periods.extend(end, d("2024-10-09"), d("2024-10-09")));
        assertEquals(end, periods.extend(end, d("2024-10-18"), d("2024-10-20")));
        // An Art. 42 supplement of 3 working days requested on 2026-02-12 pauses the review through 02-24.
        LocalDate reviewEnd = periods.end("LEGALITY_REVIEW", d("2026-02-09"));
        assertEquals(d("2026-02-25"), reviewEnd);
        assertEquals(3, periods.pausedWorkingDays(d("2026-02-12"), d("2026-02-24")));
        // 02-26, 02-27 and the make-up Saturday 02-28.
        assertEquals(d("2026-02-28"), periods.extend(reviewEnd, d("2026-02-12"), d("2026-02-24")));
        RuleViolation e = assertThrows(RuleViolation.class,
                () -> periods.extend(end, d("2024-10-10"), d("2024-10-08")));
        assertEquals("PAUSE_RANGE_INVALID", e.code());
    }

    @Test
    void remindersFallOnWorkingDaysBeforeTheLastDay() {
        assertEquals(d("2024-10-10"), periods.reminderDay("LEGALITY_REVIEW", d("2024-09-27"), 2));
        assertEquals(d("2024-09-29"), periods.reminderDay("LEGALITY_REVIEW", d("2024-09-27"), 6));
    }

    @Test
    void anUnknownCodeIsRefusedWithItsCode() {
        RuleViolation e = assertThrows(RuleViolation.class, () -> periods.end("NO_SUCH_PERIOD", d("2024-01-01")));
        assertEquals("PERIOD_NOT_FOUND", e.code());
        assertEquals(HttpStatus.NOT_FOUND, e.status());
    }

    @Test
    void bpmnDescriptionsResolveAgainstNowInShanghai() {
        // 2024-09-26 20:00 UTC is already Friday 09-27 04:00 in Shanghai: the review counts from 09-27.
        Date now = Date.from(OffsetDateTime.parse("2024-09-26T20:00:00Z").toInstant());
        assertEquals(shanghai("2024-10-12T23:59:59").toInstant(), periods.resolve("period:LEGALITY_REVIEW", now).toInstant());
        assertEquals(shanghai("2024-10-10T09:00:00").toInstant(), periods.resolve("period:LEGALITY_REVIEW-2", now).toInstant());
        assertEquals(shanghai("2024-10-21T23:59:59").toInstant(),
                periods.resolve(" period:COMMENT_WINDOW ", Date.from(shanghai("2024-09-20T16:30:00").toInstant())).toInstant());
        assertThrows(IllegalArgumentException.class, () -> periods.resolve("period:HEARING_NOTICE", now));
        assertThrows(IllegalArgumentException.class, () -> periods.resolve("period:legality_review", now));
        assertThrows(IllegalArgumentException.class, () -> periods.resolve("P7D", now));
        assertThrows(RuleViolation.class, () -> periods.resolve("period:NO_SUCH_PERIOD", now));
    }

    @Test
    void expressionMethodsCountFromTheEngineClock() {
        ClockUtil.setCurrentTime(Date.from(shanghai("2024-09-27T10:00:00").toInstant()));
        assertEquals(shanghai("2024-10-12T23:59:59").toInstant(), periods.dueDate("LEGALITY_REVIEW").toInstant());
        assertEquals(shanghai("2024-10-12T23:59:59").toInstant(), periods.dueDate("LEGALITY_REVIEW", null).toInstant());
        assertEquals(shanghai("2024-10-05T23:59:59").toInstant(),
                periods.dueDateFrom("HEARING_NOTICE", Date.from(shanghai("2024-10-20T00:00:00").toInstant())).toInstant());
        assertEquals(shanghai("2024-10-12T23:59:59").toInstant(), periods.dueDateFrom("LEGALITY_REVIEW", null).toInstant());
    }
}
