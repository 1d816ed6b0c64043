package cn.juece.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Working-day arithmetic on the official calendar of mainland China (RULES.md "How periods are counted").
 * A working day (工作日) is Monday to Friday unless an official notice makes it a rest day, plus every
 * make-up working day (调休上班日) a notice sets on a weekend.
 * <p>
 * The days are cached in memory and reloaded when an administrator changes a year. For a year without data
 * the calendar answers with the holidays the national regulation itself fixes ({@link StatutoryHolidays}: 元旦, 春节,
 * 清明, 劳动节, 端午, 中秋, 国庆 and their made-up days, without a notice's make-up working days), and remembers the year
 * so that the admin page warns ({@link #gapsSeen()}): a deadline counted over such a year is provisional (暂定) and
 * recomputed when the year's notice is loaded (issue 16).
 */
@Component
public class WorkingDayCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);
    /** Far beyond any statutory period; guards the loops against a nonsensical argument. */
    static final int MAX_DAYS = 3660;

    private final CalendarSource source;
    private volatile Snapshot snapshot;
    private final Set<Integer> gapsSeen = ConcurrentHashMap.newKeySet();

    public WorkingDayCalendar(CalendarSource source) {
        this.source = source;
    }

    /** A calendar over fixed data (tests, tools). */
    public static WorkingDayCalendar of(Collection<HolidayYear> years) {
        List<HolidayYear> copy = List.copyOf(years);
        return new WorkingDayCalendar(() -> copy);
    }

    /** Reads the data again (after an administrator changed a year). */
    public void reload() {
        Snapshot fresh = Snapshot.of(source.loadYears());
        snapshot = fresh;
        gapsSeen.removeIf(fresh.years()::contains);
    }

    /** True on Monday to Friday unless officially a rest day, and on an official make-up working day. */
    public boolean isWorkingDay(LocalDate date) {
        Snapshot s = data();
        CalendarDay official = s.days().get(date);
        if (official != null) {
            return official.kind() == DayKind.WORK;
        }
        if (!s.years().contains(date.getYear())) {
            noteGap(date.getYear());
            // no notice yet: the regulation's own holidays (provisional, StatutoryHolidays)
            if (StatutoryHolidays.isRestDay(date)) {
                return false;
            }
        }
        return !HolidayYear.isWeekend(date);
    }

    public boolean isRestDay(LocalDate date) {
        return !isWorkingDay(date);
    }

    /** The official setting of the day (rest day of a holiday or make-up working day), if a notice sets it. */
    public Optional<CalendarDay> official(LocalDate date) {
        return Optional.ofNullable(data().days().get(date));
    }

    /**
     * The n-th working day after start; start itself is not counted (民法典 第201条). n = 0 gives start,
     * a negative n counts back (the |n|-th working day before start).
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        guard(n);
        int step = n >= 0 ? 1 : -1;
        LocalDate d = start;
        for (int left = Math.abs(n); left > 0; ) {
            d = d.plusDays(step);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** The first working day on or after the date (a calendar-day period ending on a rest day, 第203条). */
    public LocalDate workingDayOnOrAfter(LocalDate date) {
        LocalDate d = date;
        for (int i = 0; !isWorkingDay(d); i++) {
            guard(i);
            d = d.plusDays(1);
        }
        return d;
    }

    /**
     * The working days after a up to and including b (a excluded, b included), so that
     * {@code addWorkingDays(a, workingDaysBetween(a, b))} is the last working day on or before b.
     * Negative when b is before a; 0 when equal.
     */
    public int workingDaysBetween(LocalDate a, LocalDate b) {
        if (b.isBefore(a)) {
            return -workingDaysBetween(b, a);
        }
        guard((int) Math.min(Integer.MAX_VALUE, b.toEpochDay() - a.toEpochDay()));
        int count = 0;
        for (LocalDate d = a.plusDays(1); !d.isAfter(b); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The rest day the regulation gives on a day of a year without a notice (e.g. "春节", "国庆节（补假）"), if any: what
     * the calendar assumes until the notice is loaded.
     */
    public Optional<String> provisionalHoliday(LocalDate date) {
        if (hasDataFor(date.getYear()) || data().days().containsKey(date)) {
            return Optional.empty();
        }
        return Optional.ofNullable(StatutoryHolidays.restDays(date.getYear()).get(date));
    }

    /**
     * The years without a loaded notice that a computation from {@code from} to {@code to} counted over: a result
     * computed over them is provisional (暂定). Empty when every year has its notice.
     */
    public SortedSet<Integer> provisionalYears(LocalDate from, LocalDate to) {
        if (from == null || to == null) {
            return Collections.emptySortedSet();
        }
        return yearsWithoutData(from, to);
    }

    /** Whether an official arrangement of the year is loaded. */
    public boolean hasDataFor(int year) {
        return data().years().contains(year);
    }

    public SortedSet<Integer> yearsWithData() {
        return Collections.unmodifiableSortedSet(data().years());
    }

    /** The years from the year of {@code from} to the year of {@code to} that have no data. */
    public SortedSet<Integer> yearsWithoutData(LocalDate from, LocalDate to) {
        int a = Math.min(from.getYear(), to.getYear());
        int b = Math.max(from.getYear(), to.getYear());
        SortedSet<Integer> missing = new TreeSet<>();
        for (int y = a; y <= b; y++) {
            if (!hasDataFor(y)) {
                missing.add(y);
            }
        }
        return missing;
    }

    /** Years without data that a computation touched since start (or since the year was added): warn. */
    public SortedSet<Integer> gapsSeen() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(gapsSeen));
    }

    private void noteGap(int year) {
        if (gapsSeen.add(year)) {
            log.warn("No official holiday arrangement for {}: working days of that year are counted provisionally on the "
                    + "holidays of the national regulation, without make-up working days", year);
        }
    }

    private Snapshot data() {
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                if (snapshot == null) {
                    snapshot = Snapshot.of(source.loadYears());
                }
                s = snapshot;
            }
        }
        return s;
    }

    private static void guard(int n) {
        if (Math.abs(n) > MAX_DAYS) {
            throw new IllegalArgumentException("Period too long for the working-day calendar: " + n + " days");
        }
    }

    private record Snapshot(Map<LocalDate, CalendarDay> days, SortedSet<Integer> years) {

        static Snapshot of(List<HolidayYear> data) {
            Map<LocalDate, CalendarDay> days = new HashMap<>();
            SortedSet<Integer> years = new TreeSet<>();
            for (HolidayYear y : data) {
                years.add(y.year());
                y.days().forEach(d -> days.put(d.date(), d));
            }
            return new Snapshot(Map.copyOf(days), Collections.unmodifiableSortedSet(years));
        }
    }
}
