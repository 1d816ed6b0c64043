package cn.juece.supervision;

import java.nio.charset.StandardCharsets;

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

    @GetMapping("/supervision")
    String page(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year, Model model) {
        supervision.requireSupervisor(directory.currentActor());
        var overview = supervision.overview(new SupervisionService.Filter(unit, year));
        model.addAttribute("o", overview);
        model.addAttribute("units", directory.units(decisions.defaultOrgan()));
        model.addAttribute("unit", unit);
        model.addAttribute("year", year);
        return "supervision";
    }

    @GetMapping("/supervision/export.csv")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year) {
        return csv(supervision, directory, unit, year);
    }

    static ResponseEntity<byte[]> csv(SupervisionService supervision, Directory directory, String unit, Integer year) {
        supervision.requireSupervisor(directory.currentActor());
        byte[] csv = supervision.csv(supervision.overview(new SupervisionService.Filter(unit, year)));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("决策办理监督-待办环节.csv", StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv);
    }
}
