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

import cn.juece.identity.Directory;
import cn.juece.web.StaffPage;

/**
 * /supervision: the justice bureau's and administrators' view of every decision (Art. 60–63), filterable by
 * unit and year, with a CSV export; /api/supervision gives the same report as JSON.
 */
@Controller
@StaffPage
class SupervisionPage {

    private final SupervisionService service;
    private final Directory directory;

    SupervisionPage(SupervisionService service, Directory directory) {
        this.service = service;
        this.directory = directory;
    }

    @GetMapping("/supervision")
    String page(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("r", service.report(unit, year));
        model.addAttribute("units", directory.units(directory.organs().get(0).code()));
        model.addAttribute("unit", unit);
        model.addAttribute("year", year);
        return "supervision";
    }

    @GetMapping("/supervision.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String unit, @RequestParam(required = false) Integer year) {
        byte[] body = service.csv(service.report(unit, year)).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("决策监督" + (year == null ? "" : "-" + year) + (unit == null || unit.isBlank() ? "" : "-" + unit) + ".csv",
                                StandardCharsets.UTF_8).build().toString())
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(body);
    }
}
