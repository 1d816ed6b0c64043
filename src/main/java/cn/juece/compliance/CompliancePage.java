package cn.juece.compliance;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.juece.access.DecisionAccess;
import cn.juece.decision.Decision;
import cn.juece.document.DocumentService;
import cn.juece.web.StaffPage;

/** The compliance report's page, linked from the dossier, for whoever may see the decision. */
@Controller
@StaffPage
class CompliancePage {

    private final ComplianceService compliance;
    private final ComplianceDocuments documents;
    private final ComplianceAnnexes annexes;
    private final DecisionAccess access;

    CompliancePage(ComplianceService compliance, ComplianceDocuments documents, ComplianceAnnexes annexes, DecisionAccess access) {
        this.compliance = compliance;
        this.documents = documents;
        this.annexes = annexes;
        this.access = access;
    }

    @GetMapping("/decisions/{number}/compliance")
    String page(@PathVariable String number, Model model) {
        Decision d = access.visible(number);
        model.addAttribute("d", d);
        model.addAttribute("r", compliance.report(d));
        model.addAttribute("annexes", annexes.annexes(d.id()));
        return "compliance";
    }

    @GetMapping("/decisions/{number}/compliance.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable String number) {
        Decision d = access.visible(number);
        return ComplianceApi.file(d, documents.pdf(documents.document(d, compliance.report(d), null)), "pdf", MediaType.APPLICATION_PDF);
    }

    @GetMapping("/decisions/{number}/compliance.docx")
    ResponseEntity<byte[]> docx(@PathVariable String number) {
        Decision d = access.visible(number);
        return ComplianceApi.file(d, documents.docx(documents.document(d, compliance.report(d), null)), "docx",
                MediaType.parseMediaType(DocumentService.DOCX));
    }
}
