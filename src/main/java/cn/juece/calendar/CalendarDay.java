package cn.juece.calendar;

import java.time.LocalDate;

/** A day an official notice sets: rest or make-up working day, the holiday it belongs to, the notice's year. */
public record CalendarDay(LocalDate date, DayKind kind, String holidayName, int holidayYear) {
}
