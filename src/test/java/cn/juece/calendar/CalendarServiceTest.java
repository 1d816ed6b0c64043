package cn.juece.calendar;

import static cn.juece.calendar.HolidayFilesTest.holiday;
import static cn.juece.calendar.HolidayFilesTest.year;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the audit trail says when an administrator replaces a year. */
class CalendarServiceTest {

    @Test
    void theAuditDetailSaysWhatChanged() {
        HolidayYear before = year(holiday("春节", "2027-02-06", "2027-02-12", "2027-02-14"));
        HolidayYear after = year(holiday("春节", "2027-02-06", "2027-02-13"));
        String detail = CalendarService.describeChange(before, after);
        assertTrue(detail.contains("增2027-02-13休息日（春节）"), detail);
        assertTrue(detail.contains("删2027-02-14调休上班日"), detail);
        assertTrue(CalendarService.describeChange(null, after).contains("新增，休息日8天，调休上班日0天"));
        assertTrue(CalendarService.describeChange(after, after).contains("内容未变"));
    }
}
