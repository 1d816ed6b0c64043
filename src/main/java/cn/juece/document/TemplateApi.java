package cn.juece.document;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import cn.juece.support.JsonApi;
import cn.juece.support.RuleViolation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The document templates on /api: list, read, change (administrators; each change a new version). */
@RestController
@JsonApi
@Tag(name = "公文模板", description = "合法性审查意见书、会议纪要、决策公布公告、意见采纳情况说明的模板")
class TemplateApi {

    private final DocumentTemplates templates;

    TemplateApi(DocumentTemplates templates) {
        this.templates = templates;
    }


    @GetMapping(value = "/api/document-templates", produces = MediaType.APPLICATION_JSON_VALUE)
    List<DocumentTemplates.Template> apiList() {
        return templates.all();
    }

    @GetMapping(value = "/api/document-templates/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    DocumentTemplates.Template apiGet(@PathVariable String code) {
        return templates.get(DocumentKind.parse(code));
    }

    @PutMapping(value = "/api/document-templates/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
    DocumentTemplates.Template apiPut(@PathVariable String code, @RequestBody Map<String, String> body) {
        if (body == null || !body.containsKey("body")) {
            throw RuleViolation.badRequest("TEMPLATE_EMPTY", "请提供模板内容（body）。");
        }
        return templates.update(DocumentKind.parse(code), body.get("body"));
    }
}
