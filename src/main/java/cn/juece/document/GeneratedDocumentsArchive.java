package cn.juece.document;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.juece.archive.ArchiveDocuments;
import cn.juece.decision.Decision;
import cn.juece.dossier.MaterialService;
import cn.juece.identity.Directory;

/**
 * Art. 59: every official document generated for the decision (合法性审查意见书, 会议纪要, 决策公布公告, 意见收集采纳情况说明,
 * 合规情况报告 — each generation, not only the latest), in the archive package's documents/ as stored: the Word file and
 * the PDF, byte for byte the material versions they were filed as, each with its SHA-256 in the manifest so the
 * offline check covers them.
 */
@Component
@Order(10)
class GeneratedDocumentsArchive implements ArchiveDocuments {

    private final DocumentService documents;
    private final MaterialService materials;
    private final Directory directory;

    GeneratedDocumentsArchive(DocumentService documents, MaterialService materials, Directory directory) {
        this.documents = documents;
        this.materials = materials;
        this.directory = directory;
    }

    @Override
    public List<Document> documents(Decision d) {
        List<Document> list = new ArrayList<>();
        for (DocumentService.Generated g : documents.ofDecision(d.id())) {
            list.add(document(d, g, g.docxVersionId(), "docx", "Word 版"));
            list.add(document(d, g, g.pdfVersionId(), "pdf", "PDF 版"));
        }
        return list;
    }

    private Document document(Decision d, DocumentService.Generated g, long versionId, String extension, String form) {
        var stored = materials.download(d.number(), versionId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", g.kind().name());
        details.put("kindLabel", g.kind().label());
        details.put("article", g.kind().article());
        details.put("generatedDocumentId", g.id());
        details.put("templateVersion", g.templateVersion());
        details.put("materialVersionId", versionId);
        details.put("generatedBy", g.generatedBy());
        details.put("generatedByName", directory.displayName(g.generatedBy()));
        details.put("generatedAt", g.generatedAt());
        String file = g.kind().label() + "-" + d.number() + "-" + g.id() + "." + extension;
        return new Document(file, g.kind().label() + "（" + form + "）", stored.version().contentType(), stored.bytes(), details);
    }
}
