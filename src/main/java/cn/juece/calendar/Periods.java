package cn.juece.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * The statutory periods of the rule counted on the working-day calendar, as RULES.md "How periods are
 * counted" says: the day of the act is not counted (民法典 第201条); a period ends at 24:00 of its last day
 * (第203条), here 23:59:59 Asia/Shanghai (DECISIONS.md 11); a calendar-day period whose last day is a rest
 * day ends on the next working day (第203条); working-day periods count working days; "N days before" an
 * event means no later than the event's date minus N calendar days.
 * <p>
 * The bean is named {@code periods} so that BPMN expressions can use it, e.g.
 * {@code camunda:dueDate="${periods.dueDate('LEGALITY_REVIEW', execution)}"}; the string form
 * {@code period:LEGALITY_REVIEW} works through {@link StatutoryBusinessCalendar} (docs/periods.md).
 */
@Component("periods")
public class Periods {

    /** The last instant of a period's last day that we store (24:00 is the next day's 00:00). */
    public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);
    /** When a reminder before a deadline is due on its day. */
    public static final LocalTime REMINDER_TIME = LocalTime.of(9, 0);
    /** period:CODE, or period:CODE-N for the N-th working day before the last day (a reminder). */
    static final Pattern DESCRIPTION = Pattern.compile("period:([A-Z][A-Z0-9_]*)(?:-(\\d{1,3}))?");
    public static final String PREFIX = "period:";

    private final WorkingDayCalendar calendar;
    private final PeriodSource source;
    private volatile Map<String, StatutoryPeriod> table;

    public Periods(WorkingDayCalendar calendar, PeriodSource source) {
        this.calendar = calendar;
        this.source = source;
    }

    /** Periods over a fixed table (tests, tools). */
    public static Periods of(WorkingDayCalendar calendar, List<StatutoryPeriod> periods) {
        List<StatutoryPeriod> copy = List.copyOf(periods);
        return new Periods(calendar, () -> copy);
    }

    public WorkingDayCalendar calendar() {
        return calendar;
    }

    /**
     * The periods counted on a deciding organ's calendar (issue 15, Art. 64): the national calendar plus the organ's own
     * rest days and adjusted working days. Without an organ, or for an organ without overrides, these periods.
     */
    public Periods forOrgan(String organCode) {
        WorkingDayCalendar local = calendar.forOrgan(organCode);
        if (local == calendar) {
            return this;
        }
        Periods view = new Periods(local, source);
        view.table = table();
        return view;
    }

    public void reload() {
        table = index(source.loadPeriods());
    }

    public List<StatutoryPeriod> all() {
        return List.copyOf(table().values());
    }

    public StatutoryPeriod period(String code) {
        StatutoryPeriod p = table().get(code);
        if (p == null) {
            throw RuleViolation.notFound("PERIOD_NOT_FOUND", "法定期限表中没有代码为 " + code + " 的期限。");
        }
        return p;
    }

    /**
     * The last day of the period that starts with the act on {@code start} (for BEFORE_EVENT: {@code start}
     * is the event's date, and the result is the latest day for the act).
     */
    public LocalDate end(String code, LocalDate start) {
        return end(period(code), start);
    }

    public LocalDate end(StatutoryPeriod p, LocalDate start) {
        return switch (p.kind()) {
            // "N日前": no later than the event's date minus N calendar days (Art. 21, 23, 24).
            case BEFORE_EVENT -> start.minusDays(p.length());
            case MINIMUM, DEADLINE -> switch (p.unit()) {
                // The act's day is excluded (第201条); a last day on a rest day moves to the next working day (第203条).
                case CALENDAR_DAYS -> calendar.workingDayOnOrAfter(start.plusDays(p.length()));
                case WORKING_DAYS -> calendar.addWorkingDays(start, p.length());
            };
        };
    }

    /** 23:59:59 Asia/Shanghai of the last day (DECISIONS.md 11). */
    public ZonedDateTime endOfDay(String code, LocalDate start) {
        return endOfDay(end(code, start));
    }

    public static ZonedDateTime endOfDay(LocalDate day) {
        return day.atTime(END_OF_DAY).atZone(AppClock.ZONE);
    }

    /**
     * The first day a step held by a minimum may close: a work step on the period's last day itself (a
     * 7-working-day review may be completed on its 7th working day, DECISIONS.md 11); a public window on the
     * day after its last day, since it accepts input through 23:59:59 of that day. Null for a deadline or a
     * "days before" period: they hold nothing.
     */
    public LocalDate earliestClose(String code, LocalDate start) {
        StatutoryPeriod p = period(code);
        if (p.kind() != PeriodKind.MINIMUM) {
            return null;
        }
        LocalDate end = end(p, start);
        return p.publicWindow() ? end.plusDays(1) : end;
    }

    /**
     * Whether a step held by the minimum {@code code}, started on {@code start}, may close on {@code today}
     * (always, for a period that is not a minimum). Shortening a "一般" minimum with an approved reason
     * (DECISIONS.md 12) is the caller's decision, not the calendar's.
     */
    public boolean mayCloseOn(String code, LocalDate start, LocalDate today) {
        LocalDate earliest = earliestClose(code, start);
        return earliest == null || !today.isBefore(earliest);
    }

    /** Whether an act on {@code actDate} is late for a deadline or a "days before" period. */
    public boolean isLate(String code, LocalDate start, LocalDate actDate) {
        StatutoryPeriod p = period(code);
        return p.kind() != PeriodKind.MINIMUM && actDate.isAfter(end(p, start));
    }

    /**
     * The whole working days of a pause: from the day after it starts through the day it ends
     * (DECISIONS.md 13), i.e. the working days in (pauseStart, pauseEnd].
     */
    public int pausedWorkingDays(LocalDate pauseStart, LocalDate pauseEnd) {
        if (pauseEnd.isBefore(pauseStart)) {
            throw RuleViolation.badRequest("PAUSE_RANGE_INVALID", "暂停结束日期不能早于开始日期。");
        }
        return calendar.workingDaysBetween(pauseStart, pauseEnd);
    }

    /**
     * Moves a period's last day by the paused working days (Art. 42 supplements, Art. 44 investigation,
     * symposiums, hearings, public comment, advisers' and lawyers' opinions are not counted).
     */
    public LocalDate extend(LocalDate end, LocalDate pauseStart, LocalDate pauseEnd) {
        return calendar.addWorkingDays(end, pausedWorkingDays(pauseStart, pauseEnd));
    }

    /** The day of a reminder: the N-th working day before the period's last day. */
    public LocalDate reminderDay(String code, LocalDate start, int workingDaysBefore) {
        return calendar.addWorkingDays(end(code, start), -workingDaysBefore);
    }

    // ---- BPMN: expressions and the business calendar -----------------------------------------------

    /** The period's end, 23:59:59 of its last day, counted from the engine's now (ClockUtil). */
    public Date dueDate(String code) {
        return Date.from(endOfDay(code, engineToday()).toInstant());
    }

    /**
     * For {@code ${periods.dueDate('LEGALITY_REVIEW', execution)}} in a due date, follow-up date or timer:
     * counted from the engine's now (the act is the task's or the timer's creation). The execution or task
     * is the context of the call; the start is not read from it.
     */
    public Date dueDate(String code, VariableScope scope) {
        return dueDate(code);
    }

    /**
     * Counted from a date the process holds, e.g. {@code ${periods.dueDateFrom('COMMENT_WINDOW', publishedOn)}};
     * for a BEFORE_EVENT period pass the event's date: the result is the latest moment for the act.
     */
    public Date dueDateFrom(String code, Date start) {
        LocalDate day = start == null ? engineToday() : LocalDate.ofInstant(start.toInstant(), AppClock.ZONE);
        return Date.from(endOfDay(code, day).toInstant());
    }

    /**
     * Resolves {@code period:CODE} (23:59:59 of the last day) or {@code period:CODE-N} (09:00 of the N-th
     * working day before the last day, for a reminder), counted from {@code now}'s day in Asia/Shanghai.
     */
    public Date resolve(String description, Date now) {
        Matcher m = DESCRIPTION.matcher(description == null ? "" : description.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a period description (period:CODE or period:CODE-N): " + description);
        }
        StatutoryPeriod p = period(m.group(1));
        if (p.kind() == PeriodKind.BEFORE_EVENT) {
            throw new IllegalArgumentException(p.code() + " is counted back from an event: use "
                    + "${periods.dueDateFrom('" + p.code() + "', eventDate)} instead of " + description);
        }
        LocalDate start = LocalDate.ofInstant((now == null ? ClockUtil.getCurrentTime() : now).toInstant(), AppClock.ZONE);
        LocalDate end = end(p, start);
        ZonedDateTime at = m.group(2) == null
                ? endOfDay(end)
                : calendar.addWorkingDays(end, -Integer.parseInt(m.group(2))).atTime(REMINDER_TIME).atZone(AppClock.ZONE);
        return Date.from(at.toInstant());
    }

    private static LocalDate engineToday() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), AppClock.ZONE);
    }

    private Map<String, StatutoryPeriod> table() {
        Map<String, StatutoryPeriod> t = table;
        if (t == null) {
            synchronized (this) {
                if (table == null) {
                    table = index(source.loadPeriods());
                }
                t = table;
            }
        }
        return t;
    }

    private static Map<String, StatutoryPeriod> index(List<StatutoryPeriod> periods) {
        Map<String, StatutoryPeriod> map = new LinkedHashMap<>();
        periods.forEach(p -> map.put(p.code(), p));
        return java.util.Collections.unmodifiableMap(map);
    }
}
