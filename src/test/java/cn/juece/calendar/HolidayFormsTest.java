package cn.juece.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.juece.IntegrationTest;
import cn.juece.support.StaffBrowser;

/**
 * Holidays by form (issue 11): an administrator enters a year's holidays one by one — a day or a range and its
 * name, then each make-up working day — through the same checks and audit as the yearly file; the working-day
 * calendar uses them at once. Others read the year and are refused the forms.
 */
class HolidayFormsTest extends IntegrationTest {

    private static final int YEAR = 2091;

    @Autowired
    private WorkingDayCalendar calendar;

    @Test
    void anAdministratorEntersAYearHolidayByHoliday() {
        var admin = new StaffBrowser(port, "admin", PASSWORD);
        assertThat(admin.get("/admin/calendar")).contains("逐项录入节假日", "通知标题（新的一年必填）", "按年度通知导入或替换一年的节假日安排");

        // a new year needs the notice it comes from
        assertThat(admin.post("/admin/calendar", "/admin/calendar/holidays", Map.of("year", "2091", "name", "元旦", "from", "2091-01-01")))
                .endsWith("/admin/calendar");
        assertThat(admin.get("/admin/calendar")).contains("请同时填写所依据的国务院办公厅通知的标题、文号和发布日期", "CALENDAR_NOTICE_MISSING");
        assertThat(calendar.hasDataFor(YEAR)).isFalse();

        Map<String, String> first = new LinkedHashMap<>(Map.of("year", "2091", "name", "元旦", "from", "2091-01-01",
                "noticeTitle", "国务院办公厅关于2091年部分节假日安排的通知", "noticeNumber", "国办发明电〔2090〕7号", "noticeIssued", "2090-11-12"));
        assertThat(admin.post("/admin/calendar", "/admin/calendar/holidays", first)).endsWith("/admin/calendar/2091?saved");
        String page = admin.get("/admin/calendar/2091?saved");
        assertThat(page).contains("已保存", "国务院办公厅关于2091年部分节假日安排的通知（国办发明电〔2090〕7号，2090年11月12日）",
                "元旦", "1月1日至1月1日，共1天", "录入一个节日的放假日期", "录入一个调休上班日");

        // a range, then its make-up day: a weekday is refused with the rule, a Saturday taken
        LocalDate from = LocalDate.of(YEAR, 2, 10);
        LocalDate to = from.plusDays(6);
        admin.post("/admin/calendar/2091", "/admin/calendar/holidays", Map.of("year", "2091", "name", "春节", "from", from.toString(),
                "to", to.toString()));
        LocalDate weekday = to.plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate saturday = to.plusDays(1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        admin.post("/admin/calendar/2091", "/admin/calendar/work-days", Map.of("year", "2091", "holiday", "春节", "date", weekday.toString()));
        assertThat(admin.get("/admin/calendar/2091")).contains("不是星期六或星期日", "CALENDAR_WORK_DAY_NOT_WEEKEND");
        assertThat(admin.post("/admin/calendar/2091", "/admin/calendar/work-days",
                Map.of("year", "2091", "holiday", "春节", "date", saturday.toString()))).endsWith("/admin/calendar/2091?saved");
        page = admin.get("/admin/calendar/2091");
        assertThat(page).contains("春节", "2月10日至2月16日，共7天", saturday.getMonthValue() + "月" + saturday.getDayOfMonth() + "日（星期六）");

        // the calendar counts them at once
        assertThat(calendar.hasDataFor(YEAR)).isTrue();
        assertThat(calendar.isRestDay(from.with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY)))).isTrue();
        assertThat(calendar.isWorkingDay(saturday)).isTrue();

        // each change is in the calendar's record, as the file import's are
        String history = admin.get("/admin/calendar");
        assertThat(history).contains("2091年节假日安排（国务院办公厅关于2091年部分节假日安排的通知（国办发明电〔2090〕7号，2090年11月12日））：新增",
                "增" + saturday + "调休上班日（春节）", "系统管理员");

        // a make-up day entered by mistake is removed
        admin.post("/admin/calendar/2091", "/admin/calendar/work-days/removal", Map.of("year", "2091", "date", saturday.toString()));
        assertThat(calendar.isWorkingDay(saturday)).isFalse();
        assertThat(admin.get("/admin/calendar")).contains("删" + saturday + "调休上班日");

        // others read the year, without forms, and are refused
        var clerk = new StaffBrowser(port, "fgj_wang", PASSWORD);
        String read = clerk.get("/admin/calendar/2091");
        assertThat(read).contains("春节").doesNotContain("录入一个节日的放假日期", "/admin/calendar/holidays/removal");
        assertThat(clerk.get("/admin/calendar")).doesNotContain("逐项录入节假日");
        clerk.post("/admin/calendar/2091", "/admin/calendar/holidays", Map.of("year", "2091", "name", "清明节", "from", "2091-04-05"));
        assertThat(clerk.get("/admin/calendar/2091")).contains("只有系统管理员可以录入或修改节假日安排").doesNotContain("清明节");
    }
}
