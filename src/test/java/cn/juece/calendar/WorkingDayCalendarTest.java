package cn.juece.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Working-day arithmetic on the official calendar (RULES.md "How periods are counted"). The expected days
 * below are written from the State Council notices independently of config/holidays, so that a typo in a
 * file fails here.
 */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = TestCalendars.calendar();

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** Official rest days on weekdays and weekends, 2024-2026, as the notices announce them. */
    private static final List<String[]> REST_RUNS = List.of(
            // 2024 (国办发明电〔2023〕7号)
            new String[] {"2024-01-01", "2024-01-01"}, new String[] {"2024-02-10", "2024-02-17"},
            new String[] {"2024-04-04", "2024-04-06"}, new String[] {"2024-05-01", "2024-05-05"},
            new String[] {"2024-06-10", "2024-06-10"}, new String[] {"2024-09-15", "2024-09-17"},
            new String[] {"2024-10-01", "2024-10-07"},
            // 2025 (国办发明电〔2024〕12号)
            new String[] {"2025-01-01", "2025-01-01"}, new String[] {"2025-01-28", "2025-02-04"},
            new String[] {"2025-04-04", "2025-04-06"}, new String[] {"2025-05-01", "2025-05-05"},
            new String[] {"2025-05-31", "2025-06-02"}, new String[] {"2025-10-01", "2025-10-08"},
            // 2026 (国办发明电〔2025〕7号)
            new String[] {"2026-01-01", "2026-01-03"}, new String[] {"2026-02-15", "2026-02-23"},
            new String[] {"2026-04-04", "2026-04-06"}, new String[] {"2026-05-01", "2026-05-05"},
            new String[] {"2026-06-19", "2026-06-21"}, new String[] {"2026-09-25", "2026-09-27"},
            new String[] {"2026-10-01", "2026-10-07"});

    /** Every make-up working day (调休上班日) of 2024, 2025 and 2026: each a Saturday or Sunday. */
    static final List<String> MAKE_UP_DAYS = List.of(
            "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12",
            "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
            "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");

    static Stream<String> makeUpDays() {
        return MAKE_UP_DAYS.stream();
    }

    @ParameterizedTest(name = "{0} is a make-up working day")
    @MethodSource("makeUpDays")
    void everyMakeUpWeekendDayOf2024To2026IsAWorkingDay(String day) {
        LocalDate date = d(day);
        assertTrue(date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY, day);
        assertTrue(calendar.isWorkingDay(date), day);
        assertEquals(DayKind.WORK, calendar.official(date).orElseThrow().kind());
        // It counts: the working day before it is followed by it.
        LocalDate previousWorkingDay = calendar.addWorkingDays(date, -1);
        assertEquals(date, calendar.addWorkingDays(previousWorkingDay, 1), day);
    }

    @Test
    void everyDayOf2024To2026IsAsTheNoticesSay() {
        Set<LocalDate> rest = new TreeSet<>();
        for (String[] run : REST_RUNS) {
            d(run[0]).datesUntil(d(run[1]).plusDays(1)).forEach(rest::add);
        }
        Set<LocalDate> work = new TreeSet<>();
        MAKE_UP_DAYS.forEach(s -> work.add(d(s)));
        List<String> wrong = new ArrayList<>();
        for (LocalDate day = d("2024-01-01"); !day.isAfter(d("2026-12-31")); day = day.plusDays(1)) {
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            boolean expected = work.contains(day) || (!weekend && !rest.contains(day));
            if (calendar.isWorkingDay(day) != expected) {
                wrong.add(day + (expected ? " should be a working day" : " should be a rest day"));
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(Set.of(), calendar.gapsSeen());
    }

    @Test
    void rulesExampleSevenWorkingDaysFromFriday20240927EndOn20241012() {
        LocalDate start = d("2024-09-27");
        List<LocalDate> counted = new ArrayList<>();
        for (int n = 1; n <= 7; n++) {
            counted.add(calendar.addWorkingDays(start, n));
        }
        // Sun 09-29 (make-up), Mon 09-30, then 10-08 .. 10-11 and Sat 10-12 (make-up).
        assertEquals(List.of(d("2024-09-29"), d("2024-09-30"), d("2024-10-08"), d("2024-10-09"), d("2024-10-10"),
                d("2024-10-11"), d("2024-10-12")), counted);
        assertEquals(7, calendar.workingDaysBetween(start, d("2024-10-12")));
        assertEquals(start, calendar.addWorkingDays(d("2024-10-12"), -7));
    }

    static Stream<Arguments> acrossSpringFestivalAndNationalDay() {
        return Stream.of(
                // 春节 2024: 02-10..02-17 rest, Sun 02-04 and Sun 02-18 make-up; 除夕 02-09 is a working day.
                Arguments.of("2024-02-02", 1, "2024-02-04"),
                Arguments.of("2024-02-08", 1, "2024-02-09"),
                Arguments.of("2024-02-08", 2, "2024-02-18"),
                Arguments.of("2024-02-09", 2, "2024-02-19"),
                // 春节 2025: 01-28..02-04 rest, Sun 01-26 and Sat 02-08 make-up.
                Arguments.of("2025-01-24", 1, "2025-01-26"),
                Arguments.of("2025-01-27", 1, "2025-02-05"),
                Arguments.of("2025-02-07", 1, "2025-02-08"),
                Arguments.of("2025-02-07", 2, "2025-02-10"),
                // 春节 2026: 02-15..02-23 rest (9 days), Sat 02-14 and Sat 02-28 make-up.
                Arguments.of("2026-02-13", 1, "2026-02-14"),
                Arguments.of("2026-02-13", 2, "2026-02-24"),
                Arguments.of("2026-02-27", 1, "2026-02-28"),
                Arguments.of("2026-02-27", 2, "2026-03-02"),
                // 国庆 2024: 10-01..10-07 rest, Sun 09-29 and Sat 10-12 make-up.
                Arguments.of("2024-09-30", 1, "2024-10-08"),
                Arguments.of("2024-10-11", 1, "2024-10-12"),
                Arguments.of("2024-10-11", 2, "2024-10-14"),
                // 国庆、中秋 2025: 10-01..10-08 rest, Sun 09-28 and Sat 10-11 make-up.
                Arguments.of("2025-09-26", 1, "2025-09-28"),
                Arguments.of("2025-09-26", 4, "2025-10-09"),
                Arguments.of("2025-09-26", 6, "2025-10-11"),
                Arguments.of("2025-09-26", 7, "2025-10-13"),
                // 国庆 2026: 10-01..10-07 rest, Sun 09-20 and Sat 10-10 make-up; 中秋 09-25..09-27 rest.
                Arguments.of("2026-09-18", 1, "2026-09-20"),
                Arguments.of("2026-09-24", 1, "2026-09-28"),
                Arguments.of("2026-09-30", 1, "2026-10-08"),
                Arguments.of("2026-09-30", 3, "2026-10-10"),
                // n = 0 is the start day itself, even on a rest day.
                Arguments.of("2026-10-03", 0, "2026-10-03"),
                // Counting back over 春节 2026.
                Arguments.of("2026-02-24", -1, "2026-02-14"),
                Arguments.of("2026-02-24", -2, "2026-02-13"));
    }

    @ParameterizedTest(name = "{1} working days after {0} is {2}")
    @MethodSource("acrossSpringFestivalAndNationalDay")
    void addWorkingDaysAcrossHolidays(String start, int n, String expected) {
        assertEquals(d(expected), calendar.addWorkingDays(d(start), n));
        assertEquals(n, calendar.workingDaysBetween(d(start), d(expected)));
    }

    @Test
    void workingDaysBetweenIsTheInverseOfAddWorkingDaysOnEveryDayOf2024To2026() {
        for (LocalDate start = d("2024-01-01"); !start.isAfter(d("2026-12-31")); start = start.plusDays(1)) {
            for (int n = 0; n <= 40; n++) {
                LocalDate end = calendar.addWorkingDays(start, n);
                assertEquals(n, calendar.workingDaysBetween(start, end), start + " + " + n);
                assertTrue(n == 0 || calendar.isWorkingDay(end), start + " + " + n + " ends on a working day");
                assertEquals(-n, calendar.workingDaysBetween(end, start));
            }
        }
    }

    @Test
    void workingDaysBetweenCountsTheEndButNotTheStart() {
        assertEquals(0, calendar.workingDaysBetween(d("2024-10-01"), d("2024-10-07")));
        assertEquals(1, calendar.workingDaysBetween(d("2024-10-07"), d("2024-10-08")));
        assertEquals(0, calendar.workingDaysBetween(d("2024-10-08"), d("2024-10-08")));
        assertEquals(1, calendar.workingDaysBetween(d("2024-09-28"), d("2024-09-29")));
        // 2024: 262 weekdays, minus 19 official rest days on weekdays, plus 8 make-up days.
        assertEquals(251, calendar.workingDaysBetween(d("2023-12-31"), d("2024-12-31")));
    }

    @Test
    void workingDayOnOrAfter() {
        assertEquals(d("2024-10-21"), calendar.workingDayOnOrAfter(d("2024-10-20")));
        assertEquals(d("2024-10-08"), calendar.workingDayOnOrAfter(d("2024-10-01")));
        assertEquals(d("2024-10-12"), calendar.workingDayOnOrAfter(d("2024-10-12")));
        assertEquals(d("2024-10-09"), calendar.workingDayOnOrAfter(d("2024-10-09")));
    }

    @Test
    void earlierYearsFollowTheirNoticesAndAmendments() {
        // 2019: 劳动节 moved to 05-01..05-04 with Sun 04-28 and Sun 05-05 working (国办发明电〔2019〕3号).
        assertFalse(calendar.isWorkingDay(d("2019-05-02")));
        assertTrue(calendar.isWorkingDay(d("2019-05-05")));
        // The 元旦 of 2019 sets days of December 2018: Sat 12-29 working, Mon 12-31 rest.
        assertTrue(calendar.isWorkingDay(d("2018-12-29")));
        assertFalse(calendar.isWorkingDay(d("2018-12-31")));
        // 2020: 春节 extended to 02-02 (国办发明电〔2020〕1号); the make-up Saturday 02-01 was cancelled.
        assertFalse(calendar.isWorkingDay(d("2020-01-31")));
        assertFalse(calendar.isWorkingDay(d("2020-02-01")));
        assertTrue(calendar.isWorkingDay(d("2020-02-03")));
        assertEquals("春节（延长）", calendar.official(d("2020-02-01")).orElseThrow().holidayName());
        assertTrue(calendar.isWorkingDay(d("2020-01-19")));
        for (int y = 2018; y <= 2026; y++) {
            assertTrue(calendar.hasDataFor(y), "data for " + y);
        }
    }

    @Test
    void aYearWithoutDataCountsTheRegulationsHolidaysAndIsReported() {
        assertFalse(calendar.hasDataFor(2027));
        assertEquals(Set.of(2027), calendar.yearsWithoutData(d("2026-12-01"), d("2027-02-01")));
        assertEquals(Set.of(2027), calendar.provisionalYears(d("2026-12-01"), d("2027-02-01")));
        assertEquals(Set.of(), calendar.gapsSeen());
        // Fri 2027-01-01 is 元旦 by the regulation (issue 16): a rest day without a notice, and the gap is remembered.
        assertFalse(calendar.isWorkingDay(d("2027-01-01")));
        assertEquals("元旦", calendar.provisionalHoliday(d("2027-01-01")).orElseThrow());
        assertEquals(d("2027-01-05"), calendar.addWorkingDays(d("2026-12-31"), 2));
        assertEquals(Set.of(2027), calendar.gapsSeen());
        // 春节: 除夕 Fri 02-05 … 初三 Mon 02-08, Saturday and Sunday made up on 02-09 and 02-10; no make-up working day
        assertEquals(d("2027-02-11"), calendar.workingDayOnOrAfter(d("2027-02-05")));
        assertEquals("春节（补假）", calendar.provisionalHoliday(d("2027-02-10")).orElseThrow());
        assertFalse(calendar.isWorkingDay(d("2027-02-20")), "a Saturday stays a rest day until a notice makes it a make-up day");
        assertTrue(calendar.provisionalHoliday(d("2026-02-16")).isEmpty(), "2026 has its notice");
    }

    @Test
    void reloadPicksUpAChangedYear() {
        AtomicReference<List<HolidayYear>> data = new AtomicReference<>(TestCalendars.years().stream()
                .filter(y -> y.year() != 2026).toList());
        WorkingDayCalendar c = new WorkingDayCalendar(data::get);
        // without the notice: the regulation's 春节 (除夕 02-16 … 初三 02-19), not the notice's 02-15 … 02-23
        assertFalse(c.isWorkingDay(d("2026-02-16")));
        assertTrue(c.isWorkingDay(d("2026-02-20")));
        assertEquals(Set.of(2026), c.gapsSeen());
        data.set(TestCalendars.years());
        assertTrue(c.isWorkingDay(d("2026-02-20")), "cached until reloaded");
        c.reload();
        assertFalse(c.isWorkingDay(d("2026-02-20")));
        assertTrue(c.hasDataFor(2026));
        assertEquals(Set.of(), c.gapsSeen());
    }

    @Test
    void nonsensicalLengthsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> calendar.addWorkingDays(d("2024-01-01"), 100_000));
    }
}
