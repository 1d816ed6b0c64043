package cn.juece.report;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.document.DocumentService;
import cn.juece.identity.Directory;
import cn.juece.support.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

@RestController
@JsonApi
@Tag(name = "年度统计", description = "决策机关年度重大行政决策统计：登记、启动、决定、公众参与、专家论证、风险评估、合法性审查、会议公开、偏离、逾期和年度目录完成情况，每项列出所涉决策事项")
class AnnualFiguresApi {

    private final AnnualFiguresService figures;
    private final AnnualFiguresExport export;
    private final Directory directory;

    AnnualFiguresApi(AnnualFiguresService figures, AnnualFiguresExport export, Directory directory) {
        this.figures = figures;
        this.export = export;
        this.directory = directory;
    }

    @GetMapping("/api/reports/annual")
    @Operation(summary = "年度统计（year：统计年度，默认本年；organ：决策机关代码，默认本级政府）")
    AnnualReport annual(@RequestParam(required = false) Integer year, @RequestParam(required = false) String organ) {
        return report(figures, directory, year, organ);
    }

    @GetMapping("/api/reports/annual/export.xlsx")
    @Operation(summary = "年度统计导出（.xlsx）")
    ResponseEntity<byte[]> xlsx(@RequestParam(required = false) Integer year, @RequestParam(required = false) String organ) {
        return xlsx(export, report(figures, directory, year, organ));
    }

    @GetMapping("/api/reports/annual/export.docx")
    @Operation(summary = "年度统计导出（.docx，公文格式）")
    ResponseEntity<byte[]> docx(@RequestParam(required = false) Integer year, @RequestParam(required = false) String organ) {
        return docx(export, report(figures, directory, year, organ));
    }

    /** The report the person may read: the organ and the year checked, the reader checked. */
    static AnnualReport report(AnnualFiguresService figures, Directory directory, Integer year, String organ) {
        String code = figures.organ(organ);
        figures.requireReader(directory.currentActor(), code);
        return figures.report(code, figures.year(year));
    }

    static ResponseEntity<byte[]> xlsx(AnnualFiguresExport export, AnnualReport r) {
        return file(export.xlsx(r), AnnualFiguresExport.fileName(r, "xlsx"), MediaType.parseMediaType(AnnualFiguresExport.XLSX));
    }

    static ResponseEntity<byte[]> docx(AnnualFiguresExport export, AnnualReport r) {
        return file(export.docx(r), AnnualFiguresExport.fileName(r, "docx"), MediaType.parseMediaType(DocumentService.DOCX));
    }

    private static ResponseEntity<byte[]> file(byte[] body, String name, MediaType type) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(type).body(body);
    }
}
