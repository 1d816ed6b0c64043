package cn.juece.calendar;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.juece.calendar.HolidayYear.Notice;
import cn.juece.support.AppClock;

/** The official arrangements in juece.holiday_year, juece.holiday_notice and juece.calendar_day. */
@Repository
class CalendarRepository implements CalendarSource {

    private final JdbcClient jdbc;

    CalendarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored year as listed on the admin page. */
    record YearSummary(int year, String source, String note, long restDays, long workDays, String loadedBy,
                       OffsetDateTime loadedAt) {
    }

    @Override
    public List<HolidayYear> loadYears() {
        Map<Integer, List<Notice>> notices = new HashMap<>();
        jdbc.sql("SELECT holiday_year, title, document_number, issued_on FROM juece.holiday_notice ORDER BY holiday_year, seq")
                .query(rs -> {
                    notices.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                            .add(new Notice(rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class)));
                });
        Map<Integer, List<CalendarDay>> days = new HashMap<>();
        jdbc.sql("SELECT cal_date, kind, holiday_name, holiday_year FROM juece.calendar_day ORDER BY cal_date")
                .query(rs -> {
                    CalendarDay d = new CalendarDay(rs.getObject(1, LocalDate.class), DayKind.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getInt(4));
                    days.computeIfAbsent(d.holidayYear(), k -> new ArrayList<>()).add(d);
                });
        return jdbc.sql("SELECT holiday_year, note FROM juece.holiday_year ORDER BY holiday_year")
                .query((rs, i) -> {
                    int y = rs.getInt(1);
                    return new HolidayYear(y, notices.getOrDefault(y, List.of()), rs.getString(2),
                            HolidayFiles.holidaysOf(days.getOrDefault(y, List.of())));
                })
                .list();
    }

    Optional<HolidayYear> year(int year) {
        return loadYears().stream().filter(y -> y.year() == year).findFirst();
    }

    List<YearSummary> summaries() {
        return jdbc.sql("""
                SELECT y.holiday_year, y.source, y.note,
                       (SELECT COUNT(*) FROM juece.calendar_day d WHERE d.holiday_year = y.holiday_year AND d.kind = 'REST'),
                       (SELECT COUNT(*) FROM juece.calendar_day d WHERE d.holiday_year = y.holiday_year AND d.kind = 'WORK'),
                       y.loaded_by, y.loaded_at
                FROM juece.holiday_year y ORDER BY y.holiday_year""")
                .query((rs, i) -> new YearSummary(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getLong(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).toOffsetDateTime()))
                .list();
    }

    boolean isEmpty() {
        return jdbc.sql("SELECT COUNT(*) FROM juece.holiday_year").query(Long.class).single() == 0;
    }

    boolean exists(int year) {
        return jdbc.sql("SELECT COUNT(*) FROM juece.holiday_year WHERE holiday_year = ?").param(year)
                .query(Long.class).single() > 0;
    }

    /** Days among the given ones that another year's notice already sets, with that year. */
    Map<LocalDate, Integer> claimedByOtherYears(int year, Collection<LocalDate> dates) {
        Map<LocalDate, Integer> claimed = new HashMap<>();
        if (dates.isEmpty()) {
            return claimed;
        }
        LocalDate from = dates.stream().min(LocalDate::compareTo).orElseThrow();
        LocalDate to = dates.stream().max(LocalDate::compareTo).orElseThrow();
        jdbc.sql("SELECT cal_date, holiday_year FROM juece.calendar_day WHERE cal_date BETWEEN ? AND ? AND holiday_year <> ?")
                .params(from, to, year)
                .query(rs -> {
                    LocalDate d = rs.getObject(1, LocalDate.class);
                    if (dates.contains(d)) {
                        claimed.put(d, rs.getInt(2));
                    }
                });
        return claimed;
    }

    /** Replaces (or adds) a year: its row, notices and days, in the caller's transaction. */
    void replace(HolidayYear y, String loadedBy, OffsetDateTime loadedAt) {
        jdbc.sql("DELETE FROM juece.calendar_day WHERE holiday_year = ?").param(y.year()).update();
        jdbc.sql("DELETE FROM juece.holiday_notice WHERE holiday_year = ?").param(y.year()).update();
        int updated = jdbc.sql("UPDATE juece.holiday_year SET source = ?, note = ?, loaded_by = ?, loaded_at = ? WHERE holiday_year = ?")
                .params(y.source(), y.note(), loadedBy, loadedAt, y.year()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO juece.holiday_year (holiday_year, source, note, loaded_by, loaded_at) VALUES (?, ?, ?, ?, ?)")
                    .params(y.year(), y.source(), y.note(), loadedBy, loadedAt).update();
        }
        int seq = 0;
        for (Notice n : y.notices()) {
            jdbc.sql("INSERT INTO juece.holiday_notice (holiday_year, seq, title, document_number, issued_on) VALUES (?, ?, ?, ?, ?)")
                    .params(y.year(), ++seq, n.title(), n.number(), n.issued()).update();
        }
        for (CalendarDay d : y.days()) {
            jdbc.sql("INSERT INTO juece.calendar_day (cal_date, holiday_year, kind, holiday_name) VALUES (?, ?, ?, ?)")
                    .params(d.date(), y.year(), d.kind().name(), d.holidayName()).update();
        }
    }

    // ---- issue 15: the deciding organs' own day overrides -------------------------------------------

    @Override
    public List<OrganDay> loadOrganDays() {
        return jdbc.sql("SELECT organ_code, cal_date, kind, reason, entered_by, entered_at FROM juece.organ_calendar_day "
                        + "ORDER BY organ_code, cal_date")
                .query((rs, i) -> new OrganDay(rs.getString(1), rs.getObject(2, LocalDate.class), DayKind.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).toOffsetDateTime()))
                .list();
    }

    Optional<OrganDay> organDay(String organ, LocalDate date) {
        return loadOrganDays().stream().filter(d -> d.organCode().equals(organ) && d.date().equals(date)).findFirst();
    }

    void insertOrganDay(OrganDay d) {
        jdbc.sql("INSERT INTO juece.organ_calendar_day (organ_code, cal_date, kind, reason, entered_by, entered_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(d.organCode(), d.date(), d.kind().name(), d.reason(), d.enteredBy(), d.enteredAt()).update();
    }

    boolean deleteOrganDay(String organ, LocalDate date) {
        return jdbc.sql("DELETE FROM juece.organ_calendar_day WHERE organ_code = ? AND cal_date = ?").params(organ, date).update() > 0;
    }
}
