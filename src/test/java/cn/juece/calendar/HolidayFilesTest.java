package cn.juece.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import cn.juece.calendar.HolidayYear.Holiday;
import cn.juece.calendar.HolidayYear.Notice;
import cn.juece.support.RuleViolation;

/** config/holidays/&lt;year&gt;.yaml: every year 2018-2026 is there, valid, and the export writes it back unchanged. */
class HolidayFilesTest {

    private static final Path DIR = Path.of("config", "holidays");

    static Stream<Integer> years() {
        return Stream.iterate(2018, y -> y <= 2026, y -> y + 1);
    }

    @ParameterizedTest(name = "config/holidays/{0}.yaml")
    @MethodSource("years")
    void eachYearNamesItsNoticeAndExportsBackToTheSameFile(int year) throws IOException {
        String text = Files.readString(DIR.resolve(year + ".yaml"), StandardCharsets.UTF_8);
        HolidayYear y = HolidayFiles.read(text).validated();
        assertEquals(year, y.year());
        Notice first = y.notices().get(0);
        assertEquals("国务院办公厅关于" + year + "年部分节假日安排的通知", first.title());
        assertTrue(first.number().matches("国办发明电〔" + (year - 1) + "〕\\d+号"), first.number());
        assertEquals(year - 1, first.issued().getYear());
        // The seven holidays, 国庆节 and 中秋节 merged where the notice merges them.
        for (String name : List.of("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节")) {
            assertTrue(y.holidays().stream().anyMatch(h -> h.name().contains(name)), year + " lacks " + name);
        }
        // What the database stores (days) regrouped and written is the file itself.
        assertEquals(y.holidays(), HolidayFiles.holidaysOf(y.days()));
        assertEquals(text, HolidayFiles.write(y));
    }

    @Test
    void theSeederFindsEveryYearOnTheClasspath() {
        assertEquals(years().toList(), HolidayFiles.fromClasspath().stream().map(HolidayYear::year).toList());
    }

    @Test
    void jsonIsReadToo() {
        HolidayYear y = HolidayFiles.read("""
                {"year": 2027, "notices": [{"title": "国务院办公厅关于2027年部分节假日安排的通知", "number": "国办发明电〔2026〕1号",
                 "issued": "2026-11-01"}], "holidays": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}]}""");
        assertEquals(3, y.validated().restDayCount());
    }

    static HolidayYear year(Holiday... holidays) {
        return new HolidayYear(2027, List.of(new Notice("国务院办公厅关于2027年部分节假日安排的通知", "国办发明电〔2026〕1号",
                LocalDate.parse("2026-11-01"))), null, List.of(holidays));
    }

    static Holiday holiday(String name, String from, String to, String... work) {
        return new Holiday(name, LocalDate.parse(from), LocalDate.parse(to), Stream.of(work).map(LocalDate::parse).toList());
    }

    private static String refusal(HolidayYear y) {
        return assertThrows(RuleViolation.class, y::validated).code();
    }

    @Test
    void invalidArrangementsAreRefusedWithStableCodes() {
        assertEquals("CALENDAR_WORK_DAY_NOT_WEEKEND", refusal(year(holiday("春节", "2027-02-06", "2027-02-12", "2027-02-15"))));
        assertEquals("CALENDAR_RANGE_INVALID", refusal(year(holiday("春节", "2027-02-12", "2027-02-06"))));
        assertEquals("CALENDAR_DATE_OUT_OF_YEAR", refusal(year(holiday("元旦", "2026-11-30", "2026-12-01"))));
        assertEquals("CALENDAR_DATE_OUT_OF_YEAR", refusal(year(holiday("元旦", "2028-01-01", "2028-01-01"))));
        assertEquals("CALENDAR_DAY_DUPLICATED", refusal(year(holiday("中秋节", "2027-09-15", "2027-09-17"),
                holiday("国庆节", "2027-09-17", "2027-09-20"))));
        assertEquals("CALENDAR_DAY_DUPLICATED", refusal(year(holiday("春节", "2027-02-06", "2027-02-14", "2027-02-13"))));
        assertEquals("CALENDAR_NAME_INVALID", refusal(year(holiday(" ", "2027-02-06", "2027-02-12"))));
        assertEquals("CALENDAR_HOLIDAYS_MISSING", refusal(year()));
        assertEquals("CALENDAR_NOTICE_MISSING", refusal(new HolidayYear(2027, List.of(), null,
                List.of(holiday("元旦", "2027-01-01", "2027-01-01")))));
        assertEquals("CALENDAR_NOTICE_INCOMPLETE", refusal(new HolidayYear(2027, List.of(new Notice("通知", "", null)), null,
                List.of(holiday("元旦", "2027-01-01", "2027-01-01")))));
        assertEquals("CALENDAR_YEAR_INVALID", refusal(new HolidayYear(1999, year().notices(), null, List.of())));
        // The December before the year is allowed (元旦 runs), e.g. 2026-12-31 in the 2027 arrangement.
        assertEquals(3, year(holiday("元旦", "2026-12-31", "2027-01-02")).validated().restDayCount());
    }

    @Test
    void unreadableFilesAreRefusedInChinese() {
        RuleViolation e = assertThrows(RuleViolation.class, () -> HolidayFiles.read("year: 2027\nholidayz: []\n"));
        assertEquals("CALENDAR_FILE_UNREADABLE", e.code());
        assertTrue(e.chineseMessage().contains("第"), e.chineseMessage());
        assertEquals("CALENDAR_FILE_UNREADABLE", assertThrows(RuleViolation.class,
                () -> HolidayFiles.read("year: 2027\nholidays:\n  - name: 元旦\n    from: 2027-13-01\n    to: 2027-01-01\n")).code());
        assertEquals("CALENDAR_FILE_EMPTY", assertThrows(RuleViolation.class, () -> HolidayFiles.read("  ")).code());
    }
}
