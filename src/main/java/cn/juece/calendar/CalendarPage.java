package cn.juece.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.stream.Collectors;

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
    String page(Model model) {
        model.addAttribute("overview", service.overview());
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
