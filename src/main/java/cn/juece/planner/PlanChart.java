package cn.juece.planner;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A Gantt-style timeline of a plan, laid out on the server for an inline SVG (no script, no CDN; UI.md): one bar per
 * step from its start to the day it may close, the deciding path drawn in the strong colour, done steps hatched grey.
 */
public record PlanChart(int width, int height, int labelWidth, List<Bar> bars, List<Tick> ticks, Tick today) {

    static final int ROW = 26;
    static final int TOP = 28;
    static final int LABEL = 230;
    static final int PLOT = 640;
    private static final DateTimeFormatter MD = DateTimeFormatter.ofPattern("M月d日");

    /** One step: the rectangle, its label and its title (tooltip), and the colour for its state. */
    public record Bar(String label, String title, int x, int y, int w, int textY, String fill, boolean critical, boolean done,
                      String dates) {
    }

    /** A day on the axis. */
    public record Tick(int x, String label) {
    }

    public static PlanChart of(Plan p) {
        LocalDate from = p.segments().stream().map(PlanSegment::start).min(LocalDate::compareTo).orElse(p.meetingOn());
        LocalDate to = p.segments().stream().map(PlanSegment::end).max(LocalDate::compareTo).orElse(p.meetingOn());
        LocalDate today = p.computedOn();
        if (today.isBefore(from)) {
            from = today;
        }
        if (today.isAfter(to)) {
            to = today;
        }
        long days = Math.max(1, ChronoUnit.DAYS.between(from, to) + 1);
        double perDay = (double) PLOT / days;
        List<Bar> bars = new ArrayList<>();
        int y = TOP;
        for (PlanSegment s : p.segments()) {
            int x = LABEL + (int) Math.round(ChronoUnit.DAYS.between(from, s.start()) * perDay);
            int w = Math.max(3, (int) Math.round((ChronoUnit.DAYS.between(s.start(), s.end()) + 1) * perDay));
            String fill = s.critical() ? (s.done() ? "#8c2a1c" : "#c0392b") : (s.done() ? "#7f8c8d" : "#5d8aa8");
            String label = (s.branch() == null ? "" : s.branch() + "·") + s.name();
            String dates = s.start().equals(s.end()) ? s.start().toString() : s.start() + " — " + s.end();
            String title = label + "：" + dates + "（" + s.minimum() + (s.article() == null ? "" : "，" + s.article()) + "；"
                    + (s.critical() ? "决定最早日期的路径；" : "") + s.stateLabel() + "）";
            bars.add(new Bar(label, title, x, y, w, y + 15, fill, s.critical(), s.done(), dates));
            y += ROW;
        }
        List<Tick> ticks = new ArrayList<>();
        long step = days <= 21 ? 7 : days <= 70 ? 14 : days <= 200 ? 30 : 60;
        for (long i = 0; i < days; i += step) {
            LocalDate day = from.plusDays(i);
            ticks.add(new Tick(LABEL + (int) Math.round(i * perDay), MD.format(day)));
        }
        Tick now = new Tick(LABEL + (int) Math.round(ChronoUnit.DAYS.between(from, today) * perDay), "今日");
        return new PlanChart(LABEL + PLOT + 20, y + 10, LABEL, bars, ticks, now);
    }
}
