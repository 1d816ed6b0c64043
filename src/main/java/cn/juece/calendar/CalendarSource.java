package cn.juece.calendar;

import java.util.List;

/** Where the working-day calendar reads the official arrangements from: the database, or a test's list. */
@FunctionalInterface
public interface CalendarSource {

    List<HolidayYear> loadYears();

    /** The deciding organs' own day overrides (issue 15); none by default (tests, tools). */
    default List<OrganDay> loadOrganDays() {
        return List.of();
    }
}
