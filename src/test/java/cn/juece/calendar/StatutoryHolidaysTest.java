package cn.juece.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Issue 16: the holidays of 全国年节及纪念日放假办法 (2024 amendment) computed from the lunar calendar and the solar
 * terms, checked against the notices the application ships (config/holidays): every statutory day and every made-up
 * day (补假, 第六条) of 2025 and 2026 is an official rest day of that year's notice.
 */
class StatutoryHolidaysTest {

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void theDaysOf2025And2026AreThoseTheRegulationFixes() {
        // 2025: 除夕 01-28, 初一 01-29; 清明 04-04; 端午 05-31 (Sat, made up on Mon 06-02); 中秋 10-06
        assertThat(StatutoryHolidays.restDays(2025)).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.ofEntries(
                Map.entry(d("2025-01-01"), "元旦"),
                Map.entry(d("2025-01-28"), "春节"), Map.entry(d("2025-01-29"), "春节"), Map.entry(d("2025-01-30"), "春节"),
                Map.entry(d("2025-01-31"), "春节"),
                Map.entry(d("2025-04-04"), "清明节"),
                Map.entry(d("2025-05-01"), "劳动节"), Map.entry(d("2025-05-02"), "劳动节"),
                Map.entry(d("2025-05-31"), "端午节"), Map.entry(d("2025-06-02"), "端午节（补假）"),
                Map.entry(d("2025-10-01"), "国庆节"), Map.entry(d("2025-10-02"), "国庆节"), Map.entry(d("2025-10-03"), "国庆节"),
                Map.entry(d("2025-10-06"), "中秋节"))));
        // 2026: 除夕 02-16; 清明 Sun 04-05 (made up Mon 04-06); 劳动节 Sat 05-02 made up Mon 05-04; 端午 06-19;
        // 中秋 09-25; 国庆 Sat 10-03 made up Mon 10-05
        assertThat(StatutoryHolidays.restDays(2026).keySet()).containsExactly(
                d("2026-01-01"), d("2026-02-16"), d("2026-02-17"), d("2026-02-18"), d("2026-02-19"),
                d("2026-04-05"), d("2026-04-06"), d("2026-05-01"), d("2026-05-02"), d("2026-05-04"),
                d("2026-06-19"), d("2026-09-25"), d("2026-10-01"), d("2026-10-02"), d("2026-10-03"), d("2026-10-05"));
    }

    @Test
    void everyComputedDayIsAnOfficialRestDayOfThePublishedNotices() {
        WorkingDayCalendar official = TestCalendars.calendar();
        for (int year = StatutoryHolidays.AMENDMENT_2024_FROM; year <= 2026; year++) {
            for (var e : StatutoryHolidays.restDays(year).entrySet()) {
                CalendarDay day = official.official(e.getKey()).orElse(null);
                assertThat(day).as(year + " " + e).isNotNull();
                assertThat(day.kind()).as(year + " " + e).isEqualTo(DayKind.REST);
                assertThat(day.holidayName()).as(year + " " + e).contains(e.getValue().replace(StatutoryHolidays.MADE_UP, ""));
            }
        }
        // the 2013 text for the years before (春节 初一至初三, 劳动节 one day): the same check over 2018-2024, except
        // 2020's 清明 and the made-up days notices gave elsewhere in the run
        for (int year = 2018; year < StatutoryHolidays.AMENDMENT_2024_FROM; year++) {
            for (StatutoryHolidays.Holiday h : StatutoryHolidays.of(year)) {
                for (LocalDate day : h.days()) {
                    assertThat(official.official(day)).as(year + " " + h.name() + " " + day).isPresent();
                    assertThat(official.official(day).get().kind()).as(year + " " + h.name() + " " + day).isEqualTo(DayKind.REST);
                }
            }
        }
    }

    @Test
    void qingmingFollowsTheSunAndTheLunarHolidaysTheMoon() {
        // the Qingming solar term (sun at 15°), Beijing time
        Map<Integer, LocalDate> qingming = Map.of(2018, d("2018-04-05"), 2019, d("2019-04-05"), 2020, d("2020-04-04"),
                2021, d("2021-04-04"), 2024, d("2024-04-04"), 2027, d("2027-04-05"), 2028, d("2028-04-04"),
                2029, d("2029-04-04"), 2030, d("2030-04-05"));
        qingming.forEach((y, day) -> assertThat(StatutoryHolidays.qingming(y)).as("清明 " + y).isEqualTo(day));
        // 2027: 春节 初一 on Sat 02-06, so 除夕 Fri 02-05 … 初三 Mon 02-08, Sat and Sun made up on 02-09 and 02-10
        StatutoryHolidays.Holiday spring = StatutoryHolidays.of(2027).stream().filter(h -> h.name().equals("春节")).findFirst().orElseThrow();
        assertThat(spring.days()).containsExactly(d("2027-02-05"), d("2027-02-06"), d("2027-02-07"), d("2027-02-08"));
        assertThat(spring.madeUp()).containsExactly(d("2027-02-09"), d("2027-02-10"));
        assertThat(StatutoryHolidays.lunar(2027, 5, 5)).isEqualTo(d("2027-06-09"));
        // 春节 (正月初一) of the coming years, as the almanacs give them
        Map<Integer, LocalDate> springs = Map.of(2027, d("2027-02-06"), 2028, d("2028-01-26"), 2029, d("2029-02-13"),
                2030, d("2030-02-03"), 2031, d("2031-01-23"), 2032, d("2032-02-11"), 2033, d("2033-01-31"),
                2034, d("2034-02-19"), 2035, d("2035-02-08"));
        springs.forEach((y, day) -> assertThat(StatutoryHolidays.lunar(y, 1, 1)).as("春节 " + y).isEqualTo(day));
        assertThat(StatutoryHolidays.lunar(2027, 8, 15)).isEqualTo(d("2027-09-15"));
        // 国庆 2027: Fri 10-01 … Sun 10-03, made up Mon 10-04 and Tue 10-05
        assertThat(StatutoryHolidays.of(2027).stream().filter(h -> h.name().equals("国庆节")).findFirst().orElseThrow().madeUp())
                .containsExactly(d("2027-10-04"), d("2027-10-05"));
        List<LocalDate> all = List.copyOf(StatutoryHolidays.restDays(2027).keySet());
        assertThat(all).contains(d("2027-01-01"), d("2027-05-03")); // 劳动节 Sat 05-01, Sun 05-02: made up Mon 05-03, Tue 05-04
    }
}
