package cn.juece.compliance;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.access.DecisionAccess;
import cn.juece.decision.Decision;
import cn.juece.document.DocumentService;
import cn.juece.document.OfficialDocument;
import cn.juece.support.JsonApi;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The compliance report on /api (issue 16). Who may read it is who may see the decision (DECISIONS.md 23): anyone else
 * gets exactly the answer of a number that does not exist.
 */
@RestController
@JsonApi
@Tag(name = "合规情况报告", description = "一件决策事项适用的每一条程序要求（条款、要求、证据、状况），由阶段规则登记表、法定期限和决策案卷计算")
class ComplianceApi {

    private final ComplianceService compliance;
    private final ComplianceDocuments documents;
    private final ComplianceAnnexes annexes;
    private final DecisionAccess access;

    ComplianceApi(ComplianceService compliance, ComplianceDocuments documents, ComplianceAnnexes annexes, DecisionAccess access) {
        this.compliance = compliance;
        this.documents = documents;
        this.annexes = annexes;
        this.access = access;
    }

    @GetMapping("/api/decisions/{number}/compliance")
    @Operation(summary = "合规情况报告",
            description = "lines 逐条列出适用于本事项所经路径的条款（article）、要求（requirement）、状况（status：MET 已满足、"
                    + "DEVIATION_APPROVED 经批准变通、NOT_APPLICABLE 不适用、NOT_YET_DUE 尚未到期、UNMET 未满足）、说明（note）和证据"
                    + "（evidence：材料版本及其 SHA-256、办理记录、期限及其日期、变通的理由和批准人、程序安排）；draft 为计算所依据的决策草案版本。")
    ComplianceReport report(@PathVariable String number) {
        return compliance.report(access.visible(number));
    }

    @GetMapping("/api/decisions/{number}/compliance.pdf")
    @Operation(summary = "合规情况报告（PDF）")
    ResponseEntity<byte[]> pdf(@PathVariable String number) {
        Decision d = access.visible(number);
        return file(d, documents.pdf(document(d)), "pdf", MediaType.APPLICATION_PDF);
    }

    @GetMapping("/api/decisions/{number}/compliance.docx")
    @Operation(summary = "合规情况报告（Word）")
    ResponseEntity<byte[]> docx(@PathVariable String number) {
        Decision d = access.visible(number);
        return file(d, documents.docx(document(d)), "docx", MediaType.parseMediaType(DocumentService.DOCX));
    }

    @GetMapping("/api/decisions/{number}/compliance/annexes")
    @Operation(summary = "作为附件报送的合规情况报告",
            description = "每次报送合法性审查、提请集体讨论时自动附上的报告：所依据的决策草案版本（draftVersionId、draftVersionNo、draftSha256）"
                    + "和存为案卷材料的版本（pdfVersionId、docxVersionId）。")
    List<ComplianceAnnexes.Annex> annexes(@PathVariable String number) {
        return annexes.annexes(access.visible(number).id());
    }

    private OfficialDocument document(Decision d) {
        return documents.document(d, compliance.report(d), null);
    }

    static ResponseEntity<byte[]> file(Decision d, byte[] bytes, String ext, MediaType type) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("合规情况报告-" + d.number() + "." + ext, StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }
}
