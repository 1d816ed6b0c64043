package cn.juece.calendar;

import java.util.Date;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's due-date calendar, taught the statutory periods: a due date, follow-up date or timeDate
 * timer written {@code period:CODE} (or {@code period:CODE-N} for a reminder N working days before) is
 * resolved by {@link Periods} against the engine's now (ClockUtil); anything else (ISO dates, durations
 * such as P3D) goes to the engine's own calendar unchanged. See docs/periods.md.
 */
public class StatutoryBusinessCalendar implements BusinessCalendar {

    /** The name under which it is also registered, for code that asks the calendar manager by name. */
    public static final String NAME = "statutory";

    private final BusinessCalendar fallback;
    private final Supplier<Periods> periods;
    /** The deciding organ of the matter a process's business key (the decision number) names; null if unknown. */
    private final java.util.function.Function<String, String> organOf;

    public StatutoryBusinessCalendar(BusinessCalendar fallback, Supplier<Periods> periods) {
        this(fallback, periods, key -> null);
    }

    /**
     * @param organOf the organ of the decision a business key names (issue 15, Art. 64): a task's {@code period:CODE} is
     *                counted on that organ's calendar
     */
    public StatutoryBusinessCalendar(BusinessCalendar fallback, Supplier<Periods> periods,
                                     java.util.function.Function<String, String> organOf) {
        this.fallback = fallback;
        this.periods = periods;
        this.organOf = organOf;
    }

    public static boolean isPeriod(String description) {
        return description != null && description.strip().startsWith(Periods.PREFIX);
    }

    @Override
    public Date resolveDuedate(String description) {
        return resolveDuedate(description, (Date) null);
    }

    @Override
    public Date resolveDuedate(String description, Date startDate) {
        if (isPeriod(description)) {
            return periods.get().resolve(description, startDate == null ? ClockUtil.getCurrentTime() : startDate);
        }
        if (fallback == null) {
            throw new IllegalArgumentException("Not a statutory period (period:CODE): " + description);
        }
        return startDate == null ? fallback.resolveDuedate(description) : fallback.resolveDuedate(description, startDate);
    }

    @Override
    public Date resolveDuedate(String description, Task task) {
        if (isPeriod(description)) {
            // a user task's due or follow-up date: counted on its decision's organ's calendar (issue 15)
            String key = task instanceof org.camunda.bpm.engine.delegate.DelegateTask t && t.getExecution() != null
                    ? t.getExecution().getProcessBusinessKey() : null;
            String organ = key == null ? null : organOf.apply(key);
            return periods.get().forOrgan(organ).resolve(description, ClockUtil.getCurrentTime());
        }
        if (fallback == null) {
            throw new IllegalArgumentException("Not a statutory period (period:CODE): " + description);
        }
        return fallback.resolveDuedate(description, task);
    }
}
