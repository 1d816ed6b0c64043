package cn.juece.calendar;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.support.JsonApi;
import cn.juece.support.RuleViolation;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The working-day calendar and the statutory periods over /api (issue 5). */
@RestController
@JsonApi
@Tag(name = "节假日与法定期限", description = "节假日安排（国务院办公厅通知）、工作日计算和法定期限表")
class CalendarApi {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml;charset=UTF-8");

    private final CalendarService service;
    private final Periods periods;
    private final WorkingDayCalendar calendar;

    CalendarApi(CalendarService service, Periods periods, WorkingDayCalendar calendar) {
        this.service = service;
        this.periods = periods;
        this.calendar = calendar;
    }

    @GetMapping("/api/calendar")
    @Operation(summary = "已有节假日数据的年份，以及缺少数据的警告（当年、次年和已计算过期限的年份）")
    CalendarService.Overview overview() {
        return service.overview();
    }

    @GetMapping("/api/calendar/{year}")
    @Operation(summary = "一年的节假日安排：来源通知、各节日放假起止日期和调休上班日")
    HolidayYear year(@PathVariable int year) {
        return service.year(year);
    }

    @PutMapping(value = "/api/calendar/{year}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/yaml",
            "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "录入或替换一年的节假日安排（仅系统管理员，记入审计）",
            description = "请求体为 config/holidays/<年份>.yaml 的格式（YAML），或同样结构的 JSON："
                    + "year、notices（title、number、issued）、note、holidays（name、from、to、work）。")
    HolidayYear replace(@PathVariable int year, @RequestBody String body) {
        return service.replace(year, body);
    }

    @GetMapping("/api/calendar/organs")
    @Operation(summary = "各决策机关的本地休息日和工作日调整（第六十四条；全国节假日安排之外，仅计入该机关事项的期限）")
    List<CalendarService.OrganDays> organDays() {
        return service.organDays();
    }

    @GetMapping("/api/calendar/organs/{organ}")
    @Operation(summary = "一个决策机关的本地休息日和工作日调整")
    CalendarService.OrganDays organDays(@PathVariable String organ) {
        return service.organDays(organ);
    }

    record OrganDayJson(String kind, String reason) {
    }

    @PutMapping("/api/calendar/organs/{organ}/days/{date}")
    @Operation(summary = "录入一个决策机关的本地休息日（kind=REST）或本地调整工作日（kind=WORK），写明依据（仅系统管理员，记入审计）",
            description = "该机关尚未办结的期限中计及该日的，立即重新计算并记入审计；其他机关的期限不受影响。")
    OrganDay putOrganDay(@PathVariable String organ, @PathVariable String date, @RequestBody OrganDayJson body) {
        return service.putOrganDay(organ, date, body == null ? null : body.kind(), body == null ? null : body.reason());
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/calendar/organs/{organ}/days/{date}")
    @Operation(summary = "删除一个决策机关的本地日历调整（仅系统管理员，记入审计；相关期限随之重新计算）")
    ResponseEntity<Void> removeOrganDay(@PathVariable String organ, @PathVariable String date) {
        service.removeOrganDay(organ, date);
        return ResponseEntity.noContent().build();
    }

    @GetMapping(value = "/api/calendar/{year}/export")
    @Operation(summary = "按 config/holidays/<年份>.yaml 的格式导出一年的节假日安排")
    ResponseEntity<byte[]> export(@PathVariable int year) {
        byte[] body = service.export(year).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(YAML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(year + ".yaml").build().toString())
                .body(body);
    }

    @GetMapping("/api/calendar/working-days")
    @Operation(summary = "工作日计算：start 之后第 n 个工作日（不含 start 当日）；或 start 至 end 之间的工作日数（不含 start，含 end）；"
            + "给出 organ 时按该决策机关的日历计算")
    WorkingDays workingDays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
                            @RequestParam(required = false) Integer n,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate end,
                            @RequestParam(required = false) String organ) {
        WorkingDayCalendar calendar = this.calendar.forOrgan(organ == null || organ.isBlank() ? null : service.organDays(organ).organ());
        if (n == null && end == null) {
            throw RuleViolation.badRequest("PARAMETER_MISSING", "请提供 n（工作日数）或 end（结束日期）之一。");
        }
        if (n != null && Math.abs(n) > WorkingDayCalendar.MAX_DAYS) {
            throw RuleViolation.badRequest("WORKING_DAYS_TOO_MANY", "工作日数过大（不超过" + WorkingDayCalendar.MAX_DAYS + "）。");
        }
        if (end != null && Math.abs(end.toEpochDay() - start.toEpochDay()) > WorkingDayCalendar.MAX_DAYS) {
            throw RuleViolation.badRequest("WORKING_DAYS_TOO_MANY", "起止日期相距过远（不超过" + WorkingDayCalendar.MAX_DAYS + "日）。");
        }
        LocalDate last = n != null ? calendar.addWorkingDays(start, n) : end;
        int count = n != null ? n : calendar.workingDaysBetween(start, end);
        return new WorkingDays(start, count, last, calendar.isWorkingDay(start),
                List.copyOf(calendar.yearsWithoutData(start, last)));
    }

    record WorkingDays(LocalDate start, int workingDays, LocalDate end, boolean startIsWorkingDay,
                       List<Integer> yearsWithoutData) {
    }

    @GetMapping("/api/periods")
    @Operation(summary = "法定期限表（期限代码、名称、长度、单位、类型、是否“一般”、条款、起算）")
    List<PeriodJson> periods() {
        return periods.all().stream().map(p -> PeriodJson.of(p, null, periods)).toList();
    }

    @GetMapping("/api/periods/{code}")
    @Operation(summary = "一个法定期限；给出 start（行为发生之日，或“日前”类期限的会议日期）时，同时给出截止日期和最早可办结日期；"
            + "给出 organ 时按该决策机关的日历（含其本地休息日和工作日调整）计算")
    PeriodJson period(@PathVariable String code,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
                      @RequestParam(required = false) String organ) {
        // counted on a deciding organ's calendar when named (issue 15, Art. 64)
        Periods counted = organ == null || organ.isBlank() ? periods : periods.forOrgan(service.organDays(organ).organ());
        return PeriodJson.of(counted.period(code), start, counted);
    }

    record PeriodJson(String code, String nameZh, int length, PeriodUnit unit, PeriodKind kind, Strictness strictness,
                      boolean publicWindow, String article, String countedFrom, String description,
                      LocalDate start, LocalDate lastDay, ZonedDateTime endsAt, LocalDate mayCloseFrom,
                      List<Integer> yearsWithoutData) {

        static PeriodJson of(StatutoryPeriod p, LocalDate start, Periods periods) {
            LocalDate last = start == null ? null : periods.end(p, start);
            return new PeriodJson(p.code(), p.nameZh(), p.length(), p.unit(), p.kind(), p.strictness(), p.publicWindow(),
                    p.article(), p.countedFrom(), p.describe(), start, last,
                    last == null ? null : Periods.endOfDay(last),
                    start == null || p.kind() != PeriodKind.MINIMUM ? null : periods.earliestClose(p.code(), start),
                    start == null ? null : List.copyOf(periods.calendar().yearsWithoutData(start, last)));
        }
    }
}
