package cn.juece.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.stream.Collectors;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import cn.juece.audit.AuditAction;
import cn.juece.identity.Directory;
import cn.juece.support.RuleViolation;
import cn.juece.web.StaffPage;

/**
 * /admin/calendar: the years with official holiday data, warnings for years without (this year, next year,
 * and any year a deadline was computed in), the statutory periods, and for administrators a form to add or
 * replace a year (the change is audited).
 */
@Controller
@StaffPage
class CalendarPage {

    static final int MAX_FILE_BYTES = 64 * 1024;

    private final CalendarService service;
    private final Periods periods;
    private final Directory directory;

    CalendarPage(CalendarService service, Periods periods, Directory directory) {
        this.service = service;
        this.periods = periods;
        this.directory = directory;
    }

    @GetMapping("/admin/calendar")
    String page(@RequestParam(required = false) String organ, Model model) {
        model.addAttribute("overview", service.overview());
        // issue 15 (Art. 64): each organ's own rest days and adjusted working days; ?organ= shows one
        model.addAttribute("organDays", organ == null || organ.isBlank() ? service.organDays()
                : java.util.List.of(service.organDays(organ)));
        model.addAttribute("organFilter", organ == null || organ.isBlank() ? null : organ.strip());
        model.addAttribute("periods", periods.all());
        model.addAttribute("history", service.history(20).stream()
                .map(e -> new HistoryRow(e.occurredAt(), e.actorName(), AuditAction.valueOf(e.action()).label(), e.detail()))
                .toList());
        model.addAttribute("admin", service.isAdmin(directory.currentActor()));
        model.addAttribute("directory", directory);
        return "admin-calendar";
    }

    @GetMapping("/admin/calendar/{year}")
    String year(@PathVariable int year, Model model) {
        HolidayYear y = service.year(year);
        model.addAttribute("y", y);
        model.addAttribute("rows", y.holidays().stream().map(HolidayRow::of).toList());
        model.addAttribute("holidays", y.holidays());
        model.addAttribute("admin", service.isAdmin(directory.currentActor()));
        return "admin-calendar-year";
    }

    record HistoryRow(OffsetDateTime occurredAt, String actorName, String action, String detail) {
    }

    /** One holiday as the page shows it: "2月15日至2月23日，共9天", "2月14日（星期六）、2月28日（星期六）". */
    record HolidayRow(String name, String rest, String work) {

        static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日");

        static HolidayRow of(HolidayYear.Holiday h) {
            String rest = DAY.format(h.from()) + "至" + DAY.format(h.to()) + "，共" + h.restDays().size() + "天";
            String work = h.work().stream()
                    .map(d -> DAY.format(d) + "（" + d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.CHINA) + "）")
                    .collect(Collectors.joining("、"));
            return new HolidayRow(h.name(), rest, work.isEmpty() ? "无" : work);
        }
    }

    /** One holiday by form: a day or a range and its name; a year not yet recorded also names its notice. */
    @PostMapping("/admin/calendar/holidays")
    String holiday(@RequestParam(required = false) Integer year, @RequestParam(required = false) String name,
                   @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                   @RequestParam(required = false) String noticeTitle, @RequestParam(required = false) String noticeNumber,
                   @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate noticeIssued) {
        int y = requireYear(year);
        service.putHoliday(y, name, from, to, new HolidayYear.Notice(blankToNull(noticeTitle), blankToNull(noticeNumber), noticeIssued));
        return "redirect:/admin/calendar/" + y + "?saved";
    }

    /** One make-up working day (调休上班日) of a holiday of the year. */
    @PostMapping("/admin/calendar/work-days")
    String workDay(@RequestParam(required = false) Integer year, @RequestParam(required = false) String holiday,
                   @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate date) {
        int y = requireYear(year);
        service.addWorkDay(y, holiday, date);
        return "redirect:/admin/calendar/" + y + "?saved";
    }

    @PostMapping("/admin/calendar/holidays/removal")
    String removeHoliday(@RequestParam(required = false) Integer year, @RequestParam(required = false) String name) {
        int y = requireYear(year);
        service.removeHoliday(y, name);
        return "redirect:/admin/calendar/" + y + "?saved";
    }

    @PostMapping("/admin/calendar/work-days/removal")
    String removeWorkDay(@RequestParam(required = false) Integer year,
                         @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate date) {
        int y = requireYear(year);
        service.removeWorkDay(y, date);
        return "redirect:/admin/calendar/" + y + "?saved";
    }

    /** One organ's own rest day or adjusted working day (issue 15, Art. 64). */
    @PostMapping("/admin/calendar/organs/{organ}/days")
    String organDay(@PathVariable String organ, @RequestParam(required = false) String date,
                    @RequestParam(required = false) String kind, @RequestParam(required = false) String reason) {
        OrganDay d = service.putOrganDay(organ, date, kind, reason);
        return "redirect:/admin/calendar?organ=" + d.organCode() + "&saved#organ-" + d.organCode();
    }

    @PostMapping("/admin/calendar/organs/{organ}/days/removal")
    String removeOrganDay(@PathVariable String organ, @RequestParam(required = false) String date) {
        service.removeOrganDay(organ, date);
        return "redirect:/admin/calendar?organ=" + organ.strip() + "&saved#organ-" + organ.strip();
    }

    private static int requireYear(Integer year) {
        if (year == null) {
            throw RuleViolation.badRequest("CALENDAR_YEAR_INVALID", "请填写年份（如2027）。");
        }
        return year;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @PostMapping("/admin/calendar")
    String replace(@RequestParam int year, @RequestParam(required = false) MultipartFile file,
                   @RequestParam(required = false) String content) throws IOException {
        String text;
        if (file != null && !file.isEmpty()) {
            if (file.getSize() > MAX_FILE_BYTES) {
                throw RuleViolation.badRequest("CALENDAR_FILE_TOO_LARGE", "节假日安排文件不应超过64KB。");
            }
            text = new String(file.getBytes(), StandardCharsets.UTF_8);
        } else {
            text = content;
        }
        service.replace(year, text);
        return "redirect:/admin/calendar/" + year + "?saved";
    }
}
