package cn.juece.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.ibm.icu.impl.CalendarAstronomer;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;

/**
 * The holidays the national regulation itself fixes, for a year whose State Council General Office notice is not
 * loaded yet (issue 16: a calendar that never guesses silently). 全国年节及纪念日放假办法 as amended on 2024-11-10
 * (国务院令第795号, in force 2025-01-01), 第二条: 元旦 1 day (1 January); 春节 4 days (农历除夕、正月初一至初三);
 * 清明节 1 day (the day of the Qingming solar term); 劳动节 2 days (1 and 2 May); 端午节 1 day (农历五月初五);
 * 中秋节 1 day (农历八月十五); 国庆节 3 days (1 to 3 October). 第六条: a holiday of all citizens that falls on a Saturday or
 * Sunday is made up (补假) on a working day: here the first weekday after the holiday's run that is no holiday itself,
 * the day every notice of 2018–2026 gives it (checked in StatutoryHolidaysTest). Years before 2025 follow the 2013
 * text (春节 正月初一至初三, 劳动节 1 May only).
 * <p>
 * What this does not know: the make-up working days (调休上班日) and the longer runs a notice sets by moving weekends;
 * deadlines counted over such a year are therefore provisional (暂定) and recomputed when the notice is loaded
 * ({@link CalendarService}).
 * <p>
 * The lunar dates come from ICU4J's {@link ChineseCalendar} (astronomical, Beijing time, as GB/T 33661-2017
 * 农历的编算和颁行 prescribes); Qingming is the moment the sun's apparent longitude reaches 15°, from ICU's
 * {@link CalendarAstronomer} (the same astronomy ChineseCalendar uses), dated in Beijing time.
 */
public final class StatutoryHolidays {

    /** The first year the 2024 amendment applies to. */
    static final int AMENDMENT_2024_FROM = 2025;
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    /** Holiday names suffixed for a made-up day (补假, 第六条). */
    public static final String MADE_UP = "（补假）";

    private static final Map<Integer, Map<LocalDate, String>> CACHE = new ConcurrentHashMap<>();

    private StatutoryHolidays() {
    }

    /** One holiday of the regulation in a year: its statutory days and the days made up for those on a weekend. */
    public record Holiday(String name, List<LocalDate> days, List<LocalDate> madeUp) {
    }

    /** The year's statutory holidays in date order. */
    public static List<Holiday> of(int year) {
        boolean amended = year >= AMENDMENT_2024_FROM;
        Map<String, List<LocalDate>> fixed = new LinkedHashMap<>();
        fixed.put("元旦", List.of(LocalDate.of(year, 1, 1)));
        LocalDate newYear = lunar(year, 1, 1);
        fixed.put("春节", amended ? run(newYear.minusDays(1), 4) : run(newYear, 3));
        fixed.put("清明节", List.of(qingming(year)));
        fixed.put("劳动节", amended ? run(LocalDate.of(year, 5, 1), 2) : List.of(LocalDate.of(year, 5, 1)));
        fixed.put("端午节", List.of(lunar(year, 5, 5)));
        fixed.put("中秋节", List.of(lunar(year, 8, 15)));
        fixed.put("国庆节", run(LocalDate.of(year, 10, 1), 3));
        // 中秋 may fall inside 国庆 (e.g. 2020-10-01): the day counts once and its made-up day goes after the run.
        java.util.Set<LocalDate> statutory = new java.util.TreeSet<>();
        fixed.values().forEach(statutory::addAll);
        java.util.Set<LocalDate> taken = new java.util.TreeSet<>(statutory);
        List<Holiday> holidays = new ArrayList<>();
        for (var e : fixed.entrySet()) {
            List<LocalDate> madeUp = new ArrayList<>();
            LocalDate last = e.getValue().get(e.getValue().size() - 1);
            long weekendDays = e.getValue().stream().filter(StatutoryHolidays::isWeekend).count();
            LocalDate d = last;
            for (int i = 0; i < weekendDays; i++) {
                do {
                    d = d.plusDays(1);
                } while (isWeekend(d) || taken.contains(d));
                taken.add(d);
                madeUp.add(d);
            }
            holidays.add(new Holiday(e.getKey(), e.getValue(), List.copyOf(madeUp)));
        }
        holidays.sort(java.util.Comparator.comparing(h -> h.days().get(0)));
        return List.copyOf(holidays);
    }

    /** Every rest day the regulation gives in the year (statutory days and made-up days), with its holiday's name. */
    public static Map<LocalDate, String> restDays(int year) {
        return CACHE.computeIfAbsent(year, y -> {
            Map<LocalDate, String> days = new TreeMap<>();
            for (Holiday h : of(y)) {
                h.days().forEach(d -> days.putIfAbsent(d, h.name()));
                h.madeUp().forEach(d -> days.putIfAbsent(d, h.name() + MADE_UP));
            }
            return Collections.unmodifiableMap(days);
        });
    }

    /** Whether the regulation makes the day a rest day (weekends aside). */
    public static boolean isRestDay(LocalDate date) {
        return restDays(date.getYear()).containsKey(date);
    }

    /**
     * The Gregorian date of a lunar month and day (not a leap month) falling in the Gregorian year. ICU4J names the
     * months (which new moon begins 正月, 五月, 八月: the solar-term rules of the lunisolar calendar); the day a month
     * begins is the Beijing date of its new moon, taken from {@link #newMoon(double)} (Meeus, to about a minute)
     * because ICU's own lunar theory is off by several minutes: it puts the new moon of 2027-02-06 23:56 Beijing time
     * after midnight and so 春节 2027 on 02-07 instead of 02-06.
     */
    static LocalDate lunar(int gregorianYear, int lunarMonth, int lunarDay) {
        ChineseCalendar c = new ChineseCalendar(TimeZone.getTimeZone("Asia/Shanghai"));
        // Scan the Gregorian year: the lunar date occurs once in it for month >= 1 (正月初一 is always Jan 21 – Feb 20).
        for (LocalDate d = LocalDate.of(gregorianYear, 1, 1); d.getYear() == gregorianYear; d = d.plusDays(1)) {
            c.setTimeInMillis(d.atTime(12, 0).atZone(BEIJING).toInstant().toEpochMilli());
            if (c.get(ChineseCalendar.IS_LEAP_MONTH) == 0 && c.get(ChineseCalendar.MONTH) == lunarMonth - 1
                    && c.get(ChineseCalendar.DAY_OF_MONTH) == lunarDay) {
                LocalDate icuFirst = d.minusDays(lunarDay - 1L);
                LocalDate first = newMoonDay(icuFirst);
                return first.plusDays(lunarDay - 1L);
            }
        }
        throw new IllegalStateException("lunar " + lunarMonth + "/" + lunarDay + " not in " + gregorianYear);
    }

    /** The Beijing date of the new moon nearest to the day. */
    static LocalDate newMoonDay(LocalDate near) {
        double jd = near.atTime(12, 0).atZone(BEIJING).toInstant().toEpochMilli() / 86_400_000.0 + 2_440_587.5;
        double k = Math.rint((jd - 2_451_550.09766) / 29.530588861);
        double jde = newMoon(k);
        double year = 2000 + k / 12.3685;
        double t = year - 2000;
        double deltaT = 62.92 + 0.32217 * t + 0.005589 * t * t; // seconds, Espenak & Meeus for 2005–2050
        long millis = Math.round((jde - 2_440_587.5) * 86_400_000.0 - deltaT * 1000);
        return Instant.ofEpochMilli(millis).atZone(BEIJING).toLocalDate();
    }

    /** The Julian Ephemeris Day of the k-th new moon after 2000-01-06 (Meeus, Astronomical Algorithms, ch. 49). */
    static double newMoon(double k) {
        double t = k / 1236.85;
        double t2 = t * t, t3 = t2 * t, t4 = t3 * t;
        double jde = 2_451_550.09766 + 29.530588861 * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double m = Math.toRadians(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        double mp = Math.toRadians(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
        double f = Math.toRadians(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
        double om = Math.toRadians(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
        double c = -0.40720 * Math.sin(mp)
                + 0.17241 * e * Math.sin(m)
                + 0.01608 * Math.sin(2 * mp)
                + 0.01039 * Math.sin(2 * f)
                + 0.00739 * e * Math.sin(mp - m)
                - 0.00514 * e * Math.sin(mp + m)
                + 0.00208 * e * e * Math.sin(2 * m)
                - 0.00111 * Math.sin(mp - 2 * f)
                - 0.00057 * Math.sin(mp + 2 * f)
                + 0.00056 * e * Math.sin(2 * mp + m)
                - 0.00042 * Math.sin(3 * mp)
                + 0.00042 * e * Math.sin(m + 2 * f)
                + 0.00038 * e * Math.sin(m - 2 * f)
                - 0.00024 * e * Math.sin(2 * mp - m)
                - 0.00017 * Math.sin(om)
                - 0.00007 * Math.sin(mp + 2 * m)
                + 0.00004 * Math.sin(2 * mp - 2 * f)
                + 0.00004 * Math.sin(3 * m)
                + 0.00003 * Math.sin(mp + m - 2 * f)
                + 0.00003 * Math.sin(2 * mp + 2 * f)
                - 0.00003 * Math.sin(mp + m + 2 * f)
                + 0.00003 * Math.sin(mp - m + 2 * f)
                - 0.00002 * Math.sin(mp - m - 2 * f)
                - 0.00002 * Math.sin(3 * mp + m)
                + 0.00002 * Math.sin(4 * mp);
        // the planetary arguments (Meeus 49.3)
        double[] a = {299.77 + 0.107408 * k - 0.009173 * t2, 251.88 + 0.016321 * k, 251.83 + 26.651886 * k,
                349.42 + 36.412478 * k, 84.66 + 18.206239 * k, 141.74 + 53.303771 * k, 207.14 + 2.453732 * k,
                154.84 + 7.306860 * k, 34.52 + 27.261239 * k, 207.19 + 0.121824 * k, 291.34 + 1.844379 * k,
                161.72 + 24.198154 * k, 239.56 + 25.513099 * k, 331.55 + 3.592518 * k};
        double[] w = {0.000325, 0.000165, 0.000164, 0.000126, 0.000110, 0.000062, 0.000060, 0.000056, 0.000047,
                0.000042, 0.000040, 0.000037, 0.000035, 0.000023};
        double planetary = 0;
        for (int i = 0; i < a.length; i++) {
            planetary += w[i] * Math.sin(Math.toRadians(a[i]));
        }
        return jde + c + planetary;
    }

    /** The day (Beijing time) the sun's apparent longitude reaches 15°: the Qingming solar term. */
    static LocalDate qingming(int year) {
        long from = LocalDate.of(year, 3, 25).atStartOfDay(BEIJING).toInstant().toEpochMilli();
        CalendarAstronomer astro = new CalendarAstronomer(from);
        long at = astro.getSunTime(Math.toRadians(15), true);
        return Instant.ofEpochMilli(at).atZone(BEIJING).toLocalDate();
    }

    private static List<LocalDate> run(LocalDate first, int days) {
        return first.datesUntil(first.plusDays(days)).toList();
    }

    static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
