package cn.juece.calendar;

import java.util.List;

/** The calendar and periods of config/, for pure unit tests (no Spring, no database). */
final class TestCalendars {

    private static final List<HolidayYear> YEARS = HolidayFiles.fromClasspath();

    private TestCalendars() {
    }

    static List<HolidayYear> years() {
        return YEARS;
    }

    static WorkingDayCalendar calendar() {
        return WorkingDayCalendar.of(YEARS);
    }

    static Periods periods() {
        return Periods.of(calendar(), PeriodFile.fromClasspath());
    }
}
