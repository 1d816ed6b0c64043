package cn.juece.supervision;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.juece.decision.DecisionService;
import cn.juece.identity.Directory;
import cn.juece.web.StaffPage;

/** The supervision page with its charts and tables, and the CSV export of open steps. */
@Controller
@StaffPage
class SupervisionPage {

    private final SupervisionService supervision;
    private final Directory directory;
    private final DecisionService decisions;

    SupervisionPage(SupervisionService supervision, Directory directory, DecisionService decisions) {
        this.supervision = supervision;
        this.directory = directory;
        this.decisions = decisions;
    }

    /** The overview with one page of the open steps (issue 17): by due day or creation, by unit, year, stage, decision. */
    @GetMapping("/supervision")
    String page(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) String stage, @RequestParam(required = false) String decision,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String organ, Model model) {
        supervision.requireSupervisor(directory.currentActor());
        int[] b = cn.juece.support.Page.bounds(page, size);
        String order = cn.juece.support.Page.sort(sort);
        var s = cn.juece.decision.Stage.parseOrNull(stage);
        var filter = new SupervisionService.Filter(unit, year, s, decision, organ);
        var overview = supervision.overview(filter, b[0], b[1], order);
        model.addAttribute("o", overview);
        // Art. 64: one organ (?organ=QQ) or every organ the person supervises
        List<String> organs = supervision.organs(filter);
        model.addAttribute("units", organs.stream().flatMap(o -> directory.units(o).stream()).toList());
        model.addAttribute("organChoices", supervision.supervisedOrgans(directory.currentActor()).stream().map(directory::organ).toList());
        model.addAttribute("organ", organ == null || organ.isBlank() ? "" : organ.strip().toUpperCase(java.util.Locale.ROOT));
        model.addAttribute("unit", unit);
        model.addAttribute("year", year);
        model.addAttribute("stage", s);
        model.addAttribute("decision", decision == null ? "" : decision.strip());
        model.addAttribute("sort", order);
        model.addAttribute("stageChoices", cn.juece.decision.Stage.values());
        return "supervision";
    }

    @GetMapping("/supervision/export.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) String stage, @RequestParam(required = false) String decision,
                                  @RequestParam(required = false) String organ) {
        return csv(supervision, directory, new SupervisionService.Filter(unit, year, cn.juece.decision.Stage.parseOrNull(stage), decision, organ));
    }

    static ResponseEntity<byte[]> csv(SupervisionService supervision, Directory directory, SupervisionService.Filter filter) {
        supervision.requireSupervisor(directory.currentActor());
        byte[] csv = supervision.csv(filter);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("决策办理监督-待办环节.csv", StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv);
    }
}
