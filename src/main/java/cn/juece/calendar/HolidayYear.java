package cn.juece.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.juece.support.RuleViolation;

/**
 * One year's official holiday arrangement as the State Council General Office announced it: the file
 * config/holidays/&lt;year&gt;.yaml, the body of PUT /api/calendar/{year}, and what the export writes back.
 *
 * @param year      the year the notice is for
 * @param notices   the notice (国务院办公厅关于&lt;year&gt;年部分节假日安排的通知) and any later notice changing it
 * @param note      how the data reads the notices where a choice was made (optional)
 * @param holidays  each holiday's official rest run and its make-up working days
 */
public record HolidayYear(Integer year, List<Notice> notices, String note, List<Holiday> holidays) {

    static final int NAME_MAX = 32;
    static final int MIN_YEAR = 2000;
    static final int MAX_YEAR = 2100;
    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    public HolidayYear {
        notices = notices == null ? List.of() : List.copyOf(notices);
        holidays = holidays == null ? List.of() : List.copyOf(holidays);
        note = note == null || note.isBlank() ? null : note.strip();
    }

    /** A State Council General Office notice: its title, document number (国办发明电〔…〕…号) and date. */
    public record Notice(String title, String number, LocalDate issued) {

        public String citation() {
            return title + "（" + number + "，" + CHINESE_DATE.format(issued) + "）";
        }
    }

    /**
     * One holiday: official rest days from..to (inclusive; weekends inside the run included) and the make-up
     * working days (调休上班日) the notice sets for it.
     */
    public record Holiday(String name, LocalDate from, LocalDate to, List<LocalDate> work) {

        public Holiday {
            work = work == null ? List.of() : work.stream().sorted().toList();
        }

        public List<LocalDate> restDays() {
            return from.datesUntil(to.plusDays(1)).toList();
        }
    }

    /** The same arrangement for another year number (the path of PUT /api/calendar/{year} decides). */
    public HolidayYear withYear(int y) {
        return new HolidayYear(y, notices, note, holidays);
    }

    /** The notices as cited in holiday_year.source and on the admin page. */
    public String source() {
        return notices.stream().map(Notice::citation).collect(Collectors.joining("；"));
    }

    /** Every day the notices set, in date order. */
    public List<CalendarDay> days() {
        List<CalendarDay> days = new ArrayList<>();
        for (Holiday h : holidays) {
            h.restDays().forEach(d -> days.add(new CalendarDay(d, DayKind.REST, h.name(), year)));
            h.work().forEach(d -> days.add(new CalendarDay(d, DayKind.WORK, h.name(), year)));
        }
        days.sort(Comparator.comparing(CalendarDay::date));
        return days;
    }

    public long restDayCount() {
        return days().stream().filter(d -> d.kind() == DayKind.REST).count();
    }

    public long workDayCount() {
        return days().stream().filter(d -> d.kind() == DayKind.WORK).count();
    }

    /**
     * Checks the arrangement before it is stored; a refusal names the problem in Chinese. A day may belong to
     * the year itself or to the December before it (the 元旦 of a year may start on 12-30 of the year before).
     */
    public HolidayYear validated() {
        if (year == null || year < MIN_YEAR || year > MAX_YEAR) {
            throw RuleViolation.badRequest("CALENDAR_YEAR_INVALID",
                    "年份无效：" + year + "。请填写 " + MIN_YEAR + "—" + MAX_YEAR + " 之间的年份。");
        }
        if (notices.isEmpty()) {
            throw RuleViolation.badRequest("CALENDAR_NOTICE_MISSING",
                    year + "年节假日安排未注明来源：请至少填写一份国务院办公厅通知的标题、文号和发布日期。");
        }
        for (Notice n : notices) {
            if (blank(n.title()) || blank(n.number()) || n.issued() == null) {
                throw RuleViolation.badRequest("CALENDAR_NOTICE_INCOMPLETE",
                        "通知信息不完整：每份通知都须填写标题（title）、文号（number）和发布日期（issued）。");
            }
            if (n.title().length() > 200 || n.number().length() > 64) {
                throw RuleViolation.badRequest("CALENDAR_NOTICE_INCOMPLETE", "通知标题不超过200字，文号不超过64字。");
            }
        }
        if (source().length() > 400) {
            throw RuleViolation.badRequest("CALENDAR_NOTICE_INCOMPLETE", "通知的标题、文号和日期合计不超过400字。");
        }
        if (note != null && note.length() > 1000) {
            throw RuleViolation.badRequest("CALENDAR_NOTE_TOO_LONG", "说明（note）不超过1000字。");
        }
        if (holidays.isEmpty()) {
            throw RuleViolation.badRequest("CALENDAR_HOLIDAYS_MISSING", year + "年节假日安排没有任何节日。");
        }
        Map<LocalDate, String> seen = new HashMap<>();
        for (Holiday h : holidays) {
            if (blank(h.name()) || h.name().length() > NAME_MAX) {
                throw RuleViolation.badRequest("CALENDAR_NAME_INVALID", "节日名称不能为空，且不超过" + NAME_MAX + "字。");
            }
            if (h.from() == null || h.to() == null || h.to().isBefore(h.from())) {
                throw RuleViolation.badRequest("CALENDAR_RANGE_INVALID",
                        h.name() + "：放假起止日期（from、to）必须填写，且结束日期不早于开始日期。");
            }
            for (CalendarDay d : new HolidayYear(year, notices, note, List.of(h)).days()) {
                if (!belongsToYear(d.date())) {
                    throw RuleViolation.badRequest("CALENDAR_DATE_OUT_OF_YEAR", h.name() + "：" + d.date() + " 不属于"
                            + year + "年的节假日安排（只能是该年的日期，或上一年12月的日期）。");
                }
                String other = seen.putIfAbsent(d.date(), h.name());
                if (other != null) {
                    throw RuleViolation.badRequest("CALENDAR_DAY_DUPLICATED",
                            d.date() + " 被重复列出（" + other + "、" + h.name() + "）。每一天只能是休息日或调休上班日之一。");
                }
                if (d.kind() == DayKind.WORK && !isWeekend(d.date())) {
                    throw RuleViolation.badRequest("CALENDAR_WORK_DAY_NOT_WEEKEND", h.name() + "：调休上班日 " + d.date()
                            + " 不是星期六或星期日。调休上班日只能是周末。");
                }
            }
        }
        return this;
    }

    private boolean belongsToYear(LocalDate d) {
        return d.getYear() == year || (d.getYear() == year - 1 && d.getMonthValue() == 12);
    }

    static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
