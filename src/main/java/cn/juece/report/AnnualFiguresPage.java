package cn.juece.report;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.decision.DecisionService;
import cn.juece.identity.Directory;
import cn.juece.report.AnnualReport.Figure;
import cn.juece.support.RuleViolation;
import cn.juece.web.StaffPage;

/**
 * The annual figures page for the government office (年度统计): each section with a bar chart drawn on the server
 * as inline SVG (no script, no CDN), each figure linking to the page that lists the decisions behind it, and the
 * .xlsx and .docx exports.
 */
@Controller
@StaffPage
class AnnualFiguresPage {

    /** Width of the longest bar, in SVG user units. */
    static final int BAR_WIDTH = 360;

    private final AnnualFiguresService figures;
    private final AnnualFiguresExport export;
    private final Directory directory;
    private final DecisionService decisions;

    AnnualFiguresPage(AnnualFiguresService figures, AnnualFiguresExport export, Directory directory, DecisionService decisions) {
        this.figures = figures;
        this.export = export;
        this.directory = directory;
        this.decisions = decisions;
    }

    /** One bar of a section's chart: the figure, its bar's length and its row's offset. */
    public record Bar(Figure figure, int width, int y) {
    }

    @GetMapping("/reports/annual")
    String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) String organ, Model model) {
        AnnualReport r = AnnualFiguresApi.report(figures, directory, year, organ);
        model.addAttribute("r", r);
        // only the organs whose figures the person may read (Art. 64: a township's office reads its own)
        var me = directory.currentActor();
        model.addAttribute("organs", directory.organs().stream().filter(o -> figures.mayRead(me, o.code())).toList());
        List<List<Bar>> charts = new ArrayList<>();
        for (var s : r.sections()) {
            long max = Math.max(1, s.figures().stream().mapToLong(Figure::value).max().orElse(1));
            List<Bar> bars = new ArrayList<>();
            for (int i = 0; i < s.figures().size(); i++) {
                Figure f = s.figures().get(i);
                bars.add(new Bar(f, (int) Math.round((double) f.value() / max * BAR_WIDTH), i * 26));
            }
            charts.add(bars);
        }
        model.addAttribute("charts", charts);
        return "report-annual";
    }

    @GetMapping("/reports/annual/figure")
    String figure(@RequestParam(required = false) Integer year, @RequestParam(required = false) String organ,
                  @RequestParam String key, Model model) {
        AnnualReport r = AnnualFiguresApi.report(figures, directory, year, organ);
        Figure f = r.figure(key).orElseThrow(() -> RuleViolation.notFound("FIGURE_NOT_FOUND", "统计项“" + key + "”不存在。"));
        model.addAttribute("r", r);
        model.addAttribute("f", f);
        model.addAttribute("section", r.sectionOf(key).orElseThrow());
        model.addAttribute("rows", f.decisions().stream().map(n -> decisions.find(n).orElse(null)).filter(java.util.Objects::nonNull)
                .map(d -> new Row(d.number(), d.title(), directory.unitName(d.leadUnit()), d.stage().label(), d.status().label())).toList());
        return "report-annual-figure";
    }

    public record Row(String number, String title, String unit, String stage, String status) {
    }

    @GetMapping("/reports/annual/export.xlsx")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Integer year, @RequestParam(required = false) String organ) {
        return AnnualFiguresApi.xlsx(export, AnnualFiguresApi.report(figures, directory, year, organ));
    }

    @GetMapping("/reports/annual/export.docx")
    ResponseEntity<byte[]> docx(@RequestParam(required = false) Integer year, @RequestParam(required = false) String organ) {
        return AnnualFiguresApi.docx(export, AnnualFiguresApi.report(figures, directory, year, organ));
    }
}
