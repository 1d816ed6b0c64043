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
    private final Set<Integer> gapsSeen;
    /** For an organ's view ({@link #forOrgan}): the national calendar it adds its overrides to; null for the national one. */
    private final WorkingDayCalendar national;
    private final String organ;
    private final Map<LocalDate, OrganDay> overrides;

    @org.springframework.beans.factory.annotation.Autowired
    public WorkingDayCalendar(CalendarSource source) {
        this.source = source;
        this.gapsSeen = ConcurrentHashMap.newKeySet();
        this.national = null;
        this.organ = null;
        this.overrides = Map.of();
    }

    private WorkingDayCalendar(WorkingDayCalendar national, String organ, Map<LocalDate, OrganDay> overrides) {
        this.source = national.source;
        this.gapsSeen = national.gapsSeen;
        this.national = national;
        this.organ = organ;
        this.overrides = overrides;
    }

    /**
     * The calendar a deciding organ's matters are counted on (issue 15, Art. 64): the national calendar plus the organ's
     * own overrides (a local rest day, a locally adjusted working day). Without an organ, or for an organ without
     * overrides, the national calendar itself, so that results are exactly the national ones.
     */
    public WorkingDayCalendar forOrgan(String organCode) {
        WorkingDayCalendar root = national != null ? national : this;
        if (organCode == null) {
            return root;
        }
        Map<LocalDate, OrganDay> days = root.data().organDays().get(organCode);
        if (days == null || days.isEmpty()) {
            return root;
        }
        if (organCode.equals(organ) && national != null && days.equals(overrides)) {
            return this;
        }
        return new WorkingDayCalendar(root, organCode, days);
    }

    /** The organ whose overrides this calendar counts; null for the national calendar. */
    public String organ() {
        return organ;
    }

    /** The organ's own override of the day, if this is an organ's calendar and it sets the day. */
    public Optional<OrganDay> organDay(LocalDate date) {
        return Optional.ofNullable(overrides.get(date));
    }

    /** Every organ's overrides, by organ and day (the admin page). */
    public Map<String, Map<LocalDate, OrganDay>> organDays() {
        return data().organDays();
    }

    /** A calendar over fixed data (tests, tools). */
    public static WorkingDayCalendar of(Collection<HolidayYear> years) {
        List<HolidayYear> copy = List.copyOf(years);
        return new WorkingDayCalendar(() -> copy);
    }

    /** A calendar over fixed data with organs' overrides (tests, tools). */
    public static WorkingDayCalendar of(Collection<HolidayYear> years, Collection<OrganDay> organDays) {
        List<HolidayYear> copy = List.copyOf(years);
        List<OrganDay> organ = List.copyOf(organDays);
        return new WorkingDayCalendar(new CalendarSource() {
            @Override
            public List<HolidayYear> loadYears() {
                return copy;
            }

            @Override
            public List<OrganDay> loadOrganDays() {
                return organ;
            }
        });
    }

    /** Reads the data again (after an administrator changed a year). */
    public void reload() {
        if (national != null) {
            national.reload();
            return;
        }
        Snapshot fresh = Snapshot.of(source.loadYears(), source.loadOrganDays());
        snapshot = fresh;
        gapsSeen.removeIf(fresh.years()::contains);
    }

    /** True on Monday to Friday unless officially a rest day, and on an official make-up working day. */
    public boolean isWorkingDay(LocalDate date) {
        OrganDay local = overrides.get(date);
        if (local != null) {
            return local.kind() == DayKind.WORK;
        }
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
        if (national != null) {
            return national.data();
        }
        Snapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                if (snapshot == null) {
                    snapshot = Snapshot.of(source.loadYears(), source.loadOrganDays());
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

    private record Snapshot(Map<LocalDate, CalendarDay> days, SortedSet<Integer> years,
                            Map<String, Map<LocalDate, OrganDay>> organDays) {

        static Snapshot of(List<HolidayYear> data, List<OrganDay> organ) {
            Map<LocalDate, CalendarDay> days = new HashMap<>();
            SortedSet<Integer> years = new TreeSet<>();
            for (HolidayYear y : data) {
                years.add(y.year());
                y.days().forEach(d -> days.put(d.date(), d));
            }
            Map<String, Map<LocalDate, OrganDay>> byOrgan = new java.util.TreeMap<>();
            for (OrganDay d : organ) {
                byOrgan.computeIfAbsent(d.organCode(), k -> new java.util.TreeMap<>()).put(d.date(), d);
            }
            byOrgan.replaceAll((k, v) -> Collections.unmodifiableMap(v));
            return new Snapshot(Map.copyOf(days), Collections.unmodifiableSortedSet(years), Collections.unmodifiableMap(byOrgan));
        }
    }
}
