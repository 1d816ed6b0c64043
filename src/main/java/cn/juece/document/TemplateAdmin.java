package cn.juece.document;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.juece.identity.Directory;
import cn.juece.support.RuleViolation;
import cn.juece.web.StaffPage;

/**
 * The administrators' page for the document templates ({@code /admin/templates}) and the same on /api: list, read,
 * change (a new version), and a PDF preview of the template with sample values.
 */
@Controller
@StaffPage
class TemplateAdmin {

    private final DocumentTemplates templates;
    private final DocumentService documents;
    private final Directory directory;

    TemplateAdmin(DocumentTemplates templates, DocumentService documents, Directory directory) {
        this.templates = templates;
        this.documents = documents;
        this.directory = directory;
    }

    @GetMapping("/admin/templates")
    String list(Model model) {
        model.addAttribute("templates", templates.all());
        model.addAttribute("mayEdit", templates.mayEdit(directory.currentActor()));
        return "admin-templates";
    }

    @GetMapping("/admin/templates/{code}")
    String edit(@PathVariable String code, Model model) {
        DocumentKind kind = DocumentKind.parse(code);
        model.addAttribute("t", templates.get(kind));
        model.addAttribute("history", templates.history(kind));
        model.addAttribute("mayEdit", templates.mayEdit(directory.currentActor()));
        model.addAttribute("sample", SampleValues.of(kind).keySet());
        return "admin-template";
    }

    @PostMapping("/admin/templates/{code}")
    String save(@PathVariable String code, @RequestParam String body, RedirectAttributes flash) {
        var t = templates.update(DocumentKind.parse(code), body);
        flash.addFlashAttribute("saved", "已保存为第" + t.version() + "版。");
        return "redirect:/admin/templates/" + code;
    }

    @PostMapping("/admin/templates/{code}/reset")
    String reset(@PathVariable String code, RedirectAttributes flash) {
        DocumentKind kind = DocumentKind.parse(code);
        var t = templates.update(kind, DocumentTemplates.defaultBody(kind));
        flash.addFlashAttribute("saved", "已恢复系统默认模板（第" + t.version() + "版）。");
        return "redirect:/admin/templates/" + code;
    }

    /** The template with sample values, as the PDF the offices will get (shown in the browser). */
    @GetMapping("/admin/templates/{code}/preview.pdf")
    ResponseEntity<byte[]> preview(@PathVariable String code) {
        DocumentKind kind = DocumentKind.parse(code);
        byte[] pdf = documents.pdf(documents.render(kind, SampleValues.of(kind)));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"preview.pdf\"")
                .header("X-Content-Type-Options", "nosniff").body(pdf);
    }
}
