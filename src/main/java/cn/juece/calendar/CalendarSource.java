package cn.juece.calendar;

import java.util.List;

/** Where the working-day calendar reads the official arrangements from: the database, or a test's list. */
@FunctionalInterface
public interface CalendarSource {

    List<HolidayYear> loadYears();
}
