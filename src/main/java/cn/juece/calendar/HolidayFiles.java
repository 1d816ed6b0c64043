package cn.juece.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import cn.juece.calendar.HolidayYear.Holiday;
import cn.juece.calendar.HolidayYear.Notice;
import cn.juece.support.RuleViolation;

/**
 * The file format of config/holidays/&lt;year&gt;.yaml: read (YAML, and therefore JSON too) and written back in
 * exactly the layout of the files in config/, so that an exported year can replace its file unchanged.
 */
public final class HolidayFiles {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    static final String CLASSPATH_FILES = "classpath*:config/holidays/*.yaml";
    private static final Logger log = LoggerFactory.getLogger(HolidayFiles.class);

    private HolidayFiles() {
    }

    public static HolidayYear read(String text) {
        if (text == null || text.isBlank()) {
            throw RuleViolation.badRequest("CALENDAR_FILE_EMPTY", "节假日安排文件为空。");
        }
        try {
            return YAML.readValue(text, HolidayYear.class);
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        }
    }

    public static HolidayYear read(InputStream in) throws IOException {
        try {
            return YAML.readValue(in, HolidayYear.class);
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        }
    }

    private static RuleViolation unreadable(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : "（第" + e.getLocation().getLineNr() + "行）";
        return RuleViolation.badRequest("CALENDAR_FILE_UNREADABLE", "无法读取节假日安排文件" + where
                + "：请使用 config/holidays 中文件的格式（year、notices、note、holidays：name、from、to、work），日期写作 2026-01-01。");
    }

    /** The files config/holidays/&lt;year&gt;.yaml on the classpath, each validated; a broken file is logged and skipped. */
    public static List<HolidayYear> fromClasspath() {
        TreeMap<Integer, HolidayYear> years = new TreeMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources(CLASSPATH_FILES);
            for (Resource r : resources) {
                try (InputStream in = r.getInputStream()) {
                    HolidayYear y = HolidayFiles.read(in).validated();
                    String expected = y.year() + ".yaml";
                    if (!expected.equals(r.getFilename())) {
                        log.error("{} holds the year {}: not loaded (name it {})", r.getFilename(), y.year(), expected);
                        continue;
                    }
                    years.put(y.year(), y);
                } catch (RuleViolation e) {
                    log.error("{} not loaded: [{}] {}", r.getFilename(), e.code(), e.chineseMessage());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + CLASSPATH_FILES, e);
        }
        return List.copyOf(years.values());
    }

    /** The year in the layout of config/holidays/&lt;year&gt;.yaml, header comment included. */
    public static String write(HolidayYear y) {
        StringBuilder out = new StringBuilder();
        out.append("# Official holidays and make-up working days (调休上班日) of mainland China for ").append(y.year()).append(".\n")
                .append("# Seeds the database on first start; afterwards the database is the truth (DECISIONS.md 15): change a\n")
                .append("# year on /admin/calendar or with PUT /api/calendar/{year}; GET /api/calendar/{year}/export writes this file.\n")
                .append("# Each holiday lists its official rest days from..to (inclusive, weekends inside the run included) and the\n")
                .append("# make-up working days (work) that the notice sets for it.\n");
        out.append("year: ").append(y.year()).append('\n');
        out.append("notices:\n");
        for (Notice n : y.notices()) {
            out.append("  - title: ").append(quote(n.title())).append('\n')
                    .append("    number: ").append(quote(n.number())).append('\n')
                    .append("    issued: ").append(n.issued()).append('\n');
        }
        if (y.note() != null) {
            out.append("note: ").append(quote(y.note())).append('\n');
        }
        out.append("holidays:\n");
        for (Holiday h : y.holidays()) {
            out.append("  - name: ").append(quote(h.name())).append('\n')
                    .append("    from: ").append(h.from()).append('\n')
                    .append("    to: ").append(h.to()).append('\n');
            if (!h.work().isEmpty()) {
                out.append("    work: [")
                        .append(h.work().stream().map(LocalDate::toString).collect(Collectors.joining(", ")))
                        .append("]\n");
            }
        }
        return out.toString();
    }

    /**
     * Groups stored days back into holidays: each name's consecutive rest days form one run, its make-up
     * working days go with its first run; holidays in the order of their first rest day.
     */
    static List<Holiday> holidaysOf(List<CalendarDay> days) {
        Map<String, List<LocalDate>> rest = new LinkedHashMap<>();
        Map<String, List<LocalDate>> work = new LinkedHashMap<>();
        days.stream().sorted(Comparator.comparing(CalendarDay::date)).forEach(d ->
                (d.kind() == DayKind.REST ? rest : work).computeIfAbsent(d.holidayName(), k -> new ArrayList<>()).add(d.date()));
        List<Holiday> result = new ArrayList<>();
        rest.forEach((name, dates) -> {
            LocalDate from = dates.get(0);
            LocalDate prev = from;
            boolean first = true;
            for (LocalDate d : dates.subList(1, dates.size())) {
                if (!d.equals(prev.plusDays(1))) {
                    result.add(new Holiday(name, from, prev, first ? work.remove(name) : List.of()));
                    first = false;
                    from = d;
                }
                prev = d;
            }
            result.add(new Holiday(name, from, prev, first ? work.remove(name) : List.of()));
        });
        if (!work.isEmpty()) {
            // Every stored holiday has a rest run (validated), so its make-up days always find it.
            throw new IllegalStateException("Make-up working days without a rest day of their holiday: " + work);
        }
        result.sort(Comparator.comparing(Holiday::from));
        return result;
    }

    private static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
