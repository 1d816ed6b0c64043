package cn.juece.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditEntry;
import cn.juece.audit.AuditTrail;
import cn.juece.calendar.CalendarRepository.YearSummary;
import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * The administration of the calendar: years with data, warnings for years without, replacing a year
 * (administrators only, audited) and exporting it in the file format of config/holidays (DECISIONS.md 15).
 */
@Service
public class CalendarService {

    private final CalendarRepository repository;
    private final WorkingDayCalendar calendar;
    private final AuditTrail audit;
    private final Directory directory;
    private final AppClock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    CalendarService(CalendarRepository repository, WorkingDayCalendar calendar, AuditTrail audit, Directory directory,
                    AppClock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.calendar = calendar;
        this.audit = audit;
        this.directory = directory;
        this.clock = clock;
    }

    /** Years with data, and the warnings an administrator must see. */
    /**
     * @param provisional for each year without data (this year, next year, years a computation touched): the holidays the
     *                    regulation fixes, which the calendar counts until the notice is loaded (issue 16)
     */
    public record Overview(List<YearSummary> years, SortedSet<Integer> missingYears, SortedSet<Integer> gapsSeen,
                           List<String> warnings, Map<Integer, List<ProvisionalHoliday>> provisional) {
    }

    /** One holiday of the regulation as the admin page shows it: "2月5日至2月8日", "2月9日、2月10日". */
    public record ProvisionalHoliday(String name, String days, String madeUp) {

        static ProvisionalHoliday of(StatutoryHolidays.Holiday h) {
            java.time.format.DateTimeFormatter f = java.time.format.DateTimeFormatter.ofPattern("M月d日");
            LocalDate first = h.days().get(0);
            LocalDate last = h.days().get(h.days().size() - 1);
            String days = first.equals(last) ? f.format(first) : f.format(first) + "至" + f.format(last);
            String madeUp = h.madeUp().stream().map(f::format).collect(Collectors.joining("、"));
            return new ProvisionalHoliday(h.name(), days + "（" + h.days().size() + "天）", madeUp.isEmpty() ? "无" : madeUp);
        }
    }

    public Overview overview() {
        List<YearSummary> years = repository.summaries();
        int thisYear = clock.today().getYear();
        SortedSet<Integer> missing = calendar.yearsWithoutData(LocalDate.of(thisYear, 1, 1), LocalDate.of(thisYear + 1, 1, 1));
        SortedSet<Integer> gaps = calendar.gapsSeen();
        List<String> warnings = new ArrayList<>();
        for (int y : missing) {
            warnings.add("尚无" + y + "年的节假日安排数据：该年的期限暂按《全国年节及纪念日放假办法》规定的节日（含周末补假）计算，"
                    + "未计入调休，标为“暂定”。请在国务院办公厅公布" + y + "年部分节假日安排后及时录入，暂定的期限将随之重新计算。");
        }
        SortedSet<Integer> otherGaps = new TreeSet<>(gaps);
        otherGaps.removeAll(missing);
        if (!otherGaps.isEmpty()) {
            warnings.add("系统已计算落在以下无节假日数据年份的期限："
                    + otherGaps.stream().map(y -> y + "年").collect(Collectors.joining("、")) + "。这些期限暂按法定节日计算（未计入调休），标为“暂定”，录入该年节假日安排后将重新计算。");
        }
        Map<Integer, List<ProvisionalHoliday>> provisional = new java.util.TreeMap<>();
        SortedSet<Integer> withoutData = new TreeSet<>(missing);
        withoutData.addAll(gaps);
        for (int y : withoutData) {
            if (!calendar.hasDataFor(y)) {
                provisional.put(y, StatutoryHolidays.of(y).stream().map(ProvisionalHoliday::of).toList());
            }
        }
        return new Overview(years, missing, gaps, warnings, provisional);
    }

    public HolidayYear year(int year) {
        return repository.year(year).orElseThrow(() -> RuleViolation.notFound("CALENDAR_YEAR_NOT_FOUND",
                "尚无" + year + "年的节假日安排数据。"));
    }

    /** The year in the format of config/holidays/&lt;year&gt;.yaml. */
    public String export(int year) {
        return HolidayFiles.write(year(year));
    }

    /** Replaces a year's arrangement from a file's text (YAML, or the same structure in JSON). */
    @Transactional
    public HolidayYear replace(int year, String fileText) {
        requireAdmin();
        return replace(year, HolidayFiles.read(fileText));
    }

    /**
     * Replaces (or adds) a year's official arrangement: administrators only, checked, audited with what
     * changed; the calendar in memory is reloaded once the change is committed.
     */
    @Transactional
    public HolidayYear replace(int year, HolidayYear data) {
        Actor actor = requireAdmin();
        if (data.year() != null && data.year() != year) {
            throw RuleViolation.badRequest("CALENDAR_YEAR_MISMATCH",
                    "文件中的年份（" + data.year() + "）与所修改的年份（" + year + "）不一致。");
        }
        HolidayYear y = data.withYear(year).validated();
        Map<LocalDate, Integer> claimed = repository.claimedByOtherYears(year, y.days().stream().map(CalendarDay::date).toList());
        if (!claimed.isEmpty()) {
            String list = claimed.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "（已属" + e.getValue() + "年安排）").collect(Collectors.joining("、"));
            throw new RuleViolation("CALENDAR_DAY_CLAIMED", "以下日期已由其他年份的通知安排，不能重复列入" + year + "年：" + list + "。");
        }
        HolidayYear before = repository.year(year).orElse(null);
        repository.replace(y, actor.id(), clock.now());
        audit.record(actor, null, null, AuditAction.CALENDAR_CHANGED, describeChange(before, y));
        // Counted with the new arrangement at once, in this transaction (it reads the rows just written), so that
        // what was counted provisionally over the year is recomputed with the change (issue 16); read again once the
        // transaction ends, committed or rolled back.
        reloadNowAndAfterCommit();
        events.publishEvent(new HolidayNoticeLoaded(year, y.source(), actor));
        return y;
    }

    /**
     * One holiday entered by form (a date or a date range and its name) into a year's arrangement, as the State Council
     * General Office announced it: added, or its rest days corrected when the year already has a holiday of that name
     * (its make-up days kept). A year not yet recorded needs the notice it comes from. Administrators only; checked and
     * audited like the yearly file ({@link #replace(int, HolidayYear)}), which stays for the whole notice.
     *
     * @param to the last rest day; null for a single day
     * @param notice the notice, for a year not yet recorded (ignored otherwise)
     */
    @Transactional
    public HolidayYear putHoliday(int year, String name, LocalDate from, LocalDate to, HolidayYear.Notice notice) {
        requireAdmin();
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw RuleViolation.badRequest("CALENDAR_NAME_INVALID", "请填写节日名称（如“春节”）。");
        }
        if (from == null) {
            throw RuleViolation.badRequest("CALENDAR_RANGE_INVALID", "请填写" + n + "的放假日期（一天），或放假的开始日期和结束日期。");
        }
        LocalDate last = to == null ? from : to;
        if (last.isBefore(from)) {
            throw RuleViolation.badRequest("CALENDAR_RANGE_INVALID", n + "：放假结束日期不能早于开始日期。");
        }
        HolidayYear before = repository.year(year).orElse(null);
        if (before == null && (notice == null || notice.title() == null || notice.number() == null || notice.issued() == null)) {
            throw RuleViolation.badRequest("CALENDAR_NOTICE_MISSING", "尚无" + year
                    + "年的节假日安排：请同时填写所依据的国务院办公厅通知的标题、文号和发布日期。");
        }
        List<HolidayYear.Holiday> holidays = new ArrayList<>();
        List<LocalDate> work = List.of();
        if (before != null) {
            for (HolidayYear.Holiday h : before.holidays()) {
                if (h.name().equals(n)) {
                    work = h.work();
                } else {
                    holidays.add(h);
                }
            }
        }
        holidays.add(new HolidayYear.Holiday(n, from, last, work));
        holidays.sort(java.util.Comparator.comparing(HolidayYear.Holiday::from));
        List<HolidayYear.Notice> notices = before != null ? before.notices() : notice == null ? List.of() : List.of(notice);
        return replace(year, new HolidayYear(year, notices, before == null ? null : before.note(), holidays));
    }

    /** One make-up working day (调休上班日, a weekend day) of a holiday already in the year's arrangement; as above. */
    @Transactional
    public HolidayYear addWorkDay(int year, String holiday, LocalDate date) {
        requireAdmin();
        if (date == null) {
            throw RuleViolation.badRequest("CALENDAR_RANGE_INVALID", "请填写调休上班的日期。");
        }
        HolidayYear before = year(year);
        HolidayYear.Holiday of = before.holidays().stream().filter(h -> h.name().equals(holiday == null ? "" : holiday.strip()))
                .findFirst().orElseThrow(() -> RuleViolation.badRequest("CALENDAR_HOLIDAY_UNKNOWN",
                        "请选择该调休上班日所属的节日（须先录入该节日的放假日期）。"));
        List<HolidayYear.Holiday> holidays = before.holidays().stream().map(h -> h != of ? h
                : new HolidayYear.Holiday(h.name(), h.from(), h.to(),
                        java.util.stream.Stream.concat(h.work().stream(), java.util.stream.Stream.of(date)).distinct().toList()))
                .toList();
        return replace(year, new HolidayYear(year, before.notices(), before.note(), holidays));
    }

    /** Removes a holiday (with its make-up days) entered by mistake; as above. A year keeps at least one holiday. */
    @Transactional
    public HolidayYear removeHoliday(int year, String holiday) {
        requireAdmin();
        HolidayYear before = year(year);
        List<HolidayYear.Holiday> holidays = before.holidays().stream().filter(h -> !h.name().equals(holiday)).toList();
        if (holidays.size() == before.holidays().size()) {
            throw RuleViolation.badRequest("CALENDAR_HOLIDAY_UNKNOWN", year + "年节假日安排中没有“" + holiday + "”。");
        }
        return replace(year, new HolidayYear(year, before.notices(), before.note(), holidays));
    }

    /** Removes one make-up working day entered by mistake; as above. */
    @Transactional
    public HolidayYear removeWorkDay(int year, LocalDate date) {
        requireAdmin();
        HolidayYear before = year(year);
        if (before.holidays().stream().noneMatch(h -> h.work().contains(date))) {
            throw RuleViolation.badRequest("CALENDAR_HOLIDAY_UNKNOWN", year + "年节假日安排中没有" + date + "这一调休上班日。");
        }
        List<HolidayYear.Holiday> holidays = before.holidays().stream()
                .map(h -> new HolidayYear.Holiday(h.name(), h.from(), h.to(), h.work().stream().filter(w -> !w.equals(date)).toList()))
                .toList();
        return replace(year, new HolidayYear(year, before.notices(), before.note(), holidays));
    }

    // ---- issue 15 (Art. 64): each deciding organ's own rest days and adjusted working days ----------------

    /** The organs with their overrides, in the order of config/organisation.yaml (the admin page, the API). */
    public record OrganDays(String organ, String name, List<OrganDay> days) {
    }

    public List<OrganDays> organDays() {
        Map<String, Map<LocalDate, OrganDay>> all = calendar.organDays();
        return directory.organs().stream().map(o -> new OrganDays(o.code(), o.name(),
                List.copyOf(all.getOrDefault(o.code(), Map.of()).values()))).toList();
    }

    public OrganDays organDays(String organ) {
        String code = knownOrgan(organ);
        return organDays().stream().filter(o -> o.organ().equals(code)).findFirst().orElseThrow();
    }

    /**
     * Adds one organ's own rest day (e.g. 自治县成立纪念日) or adjusted working day, which the national notice does not
     * set: administrators only, audited; the organ's open deadlines counted over the day are recomputed at once
     * ({@link HolidayNoticeLoaded} scoped to the organ), other organs' are not touched.
     *
     * @param date   the day, yyyy-MM-dd
     * @param kind   REST (本地休息日) or WORK (本地调整工作日)
     * @param reason the ground: the local regulation or notice that sets the day
     */
    @Transactional
    public OrganDay putOrganDay(String organ, String date, String kind, String reason) {
        Actor actor = requireAdmin("只有系统管理员可以录入或删除决策机关的本地休息日和工作日调整。");
        String code = knownOrgan(organ);
        LocalDate day = parseDay(date);
        DayKind k;
        try {
            k = DayKind.valueOf(kind == null ? "" : kind.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.badRequest("CALENDAR_KIND_INVALID", "请选择调整类型：REST（本地休息日）或 WORK（本地调整工作日）。");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 200) {
            throw RuleViolation.badRequest("CALENDAR_REASON_REQUIRED",
                    "请写明依据（不超过200字），如“××自治县自治条例第×条（自治县成立纪念日放假1天）”。");
        }
        if (calendar.organDays().getOrDefault(code, Map.of()).containsKey(day)) {
            throw new RuleViolation(org.springframework.http.HttpStatus.CONFLICT, "CALENDAR_ORGAN_DAY_EXISTS",
                    directory.organ(code).name() + "已有" + day + "的日历调整，请先删除再重新录入。");
        }
        boolean nationallyWorking = calendar.isWorkingDay(day);
        if ((k == DayKind.REST) != nationallyWorking) {
            throw RuleViolation.badRequest("CALENDAR_ORGAN_DAY_NO_EFFECT", day + "按全国节假日安排已是"
                    + (nationallyWorking ? "工作日" : "休息日") + "，无需作为本地" + (k == DayKind.REST ? "休息日" : "工作日") + "录入。");
        }
        OrganDay d = new OrganDay(code, day, k, why, actor.id(), clock.now());
        repository.insertOrganDay(d);
        audit.record(actor, null, null, AuditAction.CALENDAR_ORGAN_DAY_CHANGED, directory.organ(code).name() + "（" + code
                + "）：增" + day + "为本地" + (k == DayKind.REST ? "休息日" : "工作日") + "（依据：" + why + "）");
        organDayChanged(code, day, why, actor);
        return d;
    }

    /** Removes an organ's override entered by mistake (or repealed); as above. */
    @Transactional
    public void removeOrganDay(String organ, String date) {
        Actor actor = requireAdmin("只有系统管理员可以录入或删除决策机关的本地休息日和工作日调整。");
        String code = knownOrgan(organ);
        LocalDate day = parseDay(date);
        OrganDay before = calendar.organDays().getOrDefault(code, Map.of()).get(day);
        if (before == null || !repository.deleteOrganDay(code, day)) {
            throw RuleViolation.notFound("CALENDAR_ORGAN_DAY_NOT_FOUND", directory.organ(code).name() + "没有" + day + "的日历调整。");
        }
        audit.record(actor, null, null, AuditAction.CALENDAR_ORGAN_DAY_CHANGED, directory.organ(code).name() + "（" + code
                + "）：删" + day + "本地" + (before.kind() == DayKind.REST ? "休息日" : "工作日") + "（原依据：" + before.reason() + "）");
        organDayChanged(code, day, "删除" + day + "本地" + (before.kind() == DayKind.REST ? "休息日" : "工作日"), actor);
    }

    private void organDayChanged(String organ, LocalDate day, String ground, Actor actor) {
        reloadNowAndAfterCommit();
        events.publishEvent(new HolidayNoticeLoaded(day.getYear(), ground, actor, organ, day));
    }

    private String knownOrgan(String organ) {
        String code = organ == null ? "" : organ.strip();
        if (directory.organs().stream().noneMatch(o -> o.code().equals(code))) {
            throw RuleViolation.notFound("ORGAN_NOT_FOUND", "决策机关不存在：" + code + "。");
        }
        return code;
    }

    private static LocalDate parseDay(String date) {
        try {
            return LocalDate.parse(date == null ? "" : date.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw RuleViolation.badRequest("CALENDAR_DATE_INVALID", "日期格式不正确：请按“2027-05-01”的格式填写。");
        }
    }

    private void reloadNowAndAfterCommit() {
        calendar.reload();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    calendar.reload();
                }
            });
        }
    }

    /** The audit entries of the calendar, newest first. */
    public List<AuditEntry> history(int limit) {
        return audit.latestWithoutDecision(EnumSet.of(AuditAction.CALENDAR_SEEDED, AuditAction.CALENDAR_CHANGED,
                AuditAction.CALENDAR_ORGAN_DAY_CHANGED), limit);
    }

    public boolean isAdmin(Actor actor) {
        return actor.groups().contains(Groups.ADMIN);
    }

    private Actor requireAdmin() {
        return requireAdmin("只有系统管理员可以录入或修改节假日安排。");
    }

    private Actor requireAdmin(String message) {
        Actor actor = directory.currentActor();
        if (!isAdmin(actor)) {
            throw RuleViolation.forbidden("CALENDAR_ADMIN_ONLY", message);
        }
        return actor;
    }

    /** "2027年节假日安排：新增…" or "…：修改，休息日 +…，−…" — what the audit entry says. */
    static String describeChange(HolidayYear before, HolidayYear after) {
        String head = after.year() + "年节假日安排（" + after.source() + "）";
        if (before == null) {
            return head + "：新增，休息日" + after.restDayCount() + "天，调休上班日" + after.workDayCount() + "天";
        }
        Map<LocalDate, CalendarDay> old = before.days().stream().collect(Collectors.toMap(CalendarDay::date, Function.identity()));
        Map<LocalDate, CalendarDay> now = after.days().stream().collect(Collectors.toMap(CalendarDay::date, Function.identity()));
        List<String> changes = new ArrayList<>();
        new TreeSet<>(now.keySet()).forEach(d -> {
            CalendarDay o = old.get(d);
            CalendarDay n = now.get(d);
            if (o == null) {
                changes.add("增" + d + n.kind().label() + "（" + n.holidayName() + "）");
            } else if (o.kind() != n.kind() || !o.holidayName().equals(n.holidayName())) {
                changes.add("改" + d + "为" + n.kind().label() + "（" + n.holidayName() + "）");
            }
        });
        new TreeSet<>(old.keySet()).stream().filter(d -> !now.containsKey(d))
                .forEach(d -> changes.add("删" + d + old.get(d).kind().label()));
        boolean sourceChanged = !before.source().equals(after.source()) || !java.util.Objects.equals(before.note(), after.note());
        if (changes.isEmpty()) {
            return head + (sourceChanged ? "：修改通知或说明，日期未变" : "：重新提交，内容未变");
        }
        return head + "：修改，" + String.join("；", changes);
    }
}
