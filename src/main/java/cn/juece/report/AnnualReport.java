package cn.juece.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The annual figures of one deciding organ (年度统计): for the government office's 法治政府建设年度报告 and 政务公开
 * report. Every figure is counted from the dossier tables (DECISIONS.md 25), never from audit text, and names the
 * decisions behind it.
 *
 * @param cutoff the day the figures stand at: the year's last day, or today for the current year
 */
public record AnnualReport(String organCode, String organName, int year, OffsetDateTime asOf, LocalDate cutoff,
                           List<Section> sections) {

    /** A group of figures with the articles behind them. */
    public record Section(String key, String title, String article, List<Figure> figures) {
    }

    /**
     * One figure.
     *
     * @param key       a stable code, e.g. DECIDED_APPROVED (the page listing its decisions takes it)
     * @param label     the figure's Chinese name
     * @param unit      the unit counted: 件 (decisions), 条 (opinions), 次 (meetings, hearings …), 个 (items)
     * @param value     the figure
     * @param decisions the numbers of the decisions behind it, in order
     * @param records   what else stands behind it where it is not a decision (a meeting's name and date, a
     *                  catalogue item without a decision), in Chinese
     * @param target    a yearly minimum the figure is held against (the openness excerpt's ≥3), or null
     */
    public record Figure(String key, String label, String unit, long value, List<String> decisions, List<String> records,
                         Integer target) {

        /** Whether the yearly minimum is reached; null where there is none. */
        @com.fasterxml.jackson.annotation.JsonProperty("targetMet")
        public Boolean targetMet() {
            return target == null ? null : value >= target;
        }
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public Optional<Figure> figure(String key) {
        return sections.stream().flatMap(s -> s.figures().stream()).filter(f -> f.key().equals(key)).findFirst();
    }

    public Optional<Section> sectionOf(String key) {
        return sections.stream().filter(s -> s.figures().stream().anyMatch(f -> f.key().equals(key))).findFirst();
    }
}
