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

    CalendarService(CalendarRepository repository, WorkingDayCalendar calendar, AuditTrail audit, Directory directory,
                    AppClock clock) {
        this.repository = repository;
        this.calendar = calendar;
        this.audit = audit;
        this.directory = directory;
        this.clock = clock;
    }

    /** Years with data, and the warnings an administrator must see. */
    public record Overview(List<YearSummary> years, SortedSet<Integer> missingYears, SortedSet<Integer> gapsSeen,
                           List<String> warnings) {
    }

    public Overview overview() {
        List<YearSummary> years = repository.summaries();
        int thisYear = clock.today().getYear();
        SortedSet<Integer> missing = calendar.yearsWithoutData(LocalDate.of(thisYear, 1, 1), LocalDate.of(thisYear + 1, 1, 1));
        SortedSet<Integer> gaps = calendar.gapsSeen();
        List<String> warnings = new ArrayList<>();
        for (int y : missing) {
            warnings.add("尚无" + y + "年的节假日安排数据：该年的期限暂按周末计算，节假日和调休上班日未计入，可能不准确。"
                    + "请在国务院办公厅公布" + y + "年部分节假日安排后及时录入。");
        }
        SortedSet<Integer> otherGaps = new TreeSet<>(gaps);
        otherGaps.removeAll(missing);
        if (!otherGaps.isEmpty()) {
            warnings.add("系统已计算落在以下无节假日数据年份的期限："
                    + otherGaps.stream().map(y -> y + "年").collect(Collectors.joining("、")) + "。这些期限暂按周末计算，请核对。");
        }
        return new Overview(years, missing, gaps, warnings);
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
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    calendar.reload();
                }
            });
        } else {
            calendar.reload();
        }
        return y;
    }

    /** The audit entries of the calendar, newest first. */
    public List<AuditEntry> history(int limit) {
        return audit.latestWithoutDecision(EnumSet.of(AuditAction.CALENDAR_SEEDED, AuditAction.CALENDAR_CHANGED), limit);
    }

    public boolean isAdmin(Actor actor) {
        return actor.groups().contains(Groups.ADMIN);
    }

    private Actor requireAdmin() {
        Actor actor = directory.currentActor();
        if (!isAdmin(actor)) {
            throw RuleViolation.forbidden("CALENDAR_ADMIN_ONLY", "只有系统管理员可以录入或修改节假日安排。");
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
