package cn.juece.document;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.decision.Decision;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialVersion;
import cn.juece.identity.Directory;
import cn.juece.support.AppClock;

/**
 * The one document service of the stages (issue 13): a record's values go through the administrators' template
 * ({@link DocumentTemplates}) into an {@link OfficialDocument}, written as .docx (for WPS and Word) and as PDF with
 * embedded CJK fonts, both after GB/T 9704. Generating stores both files as new versions of the material the
 * document is (e.g. 合法性审查意见书), given by the person generating it for the party that provides that
 * material; an edited .docx uploaded later becomes the next version like any upload.
 */
@Service
public class DocumentService {

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String PDF = "application/pdf";
    static final DateTimeFormatter CN_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final DocumentTemplates templates;
    private final DocxWriter docx;
    private final PdfWriter pdf;
    private final MaterialService materials;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Directory directory;
    private final AppClock clock;

    DocumentService(DocumentTemplates templates, DocxWriter docx, PdfWriter pdf, MaterialService materials, JdbcClient jdbc,
                    AuditTrail audit, Directory directory, AppClock clock) {
        this.templates = templates;
        this.docx = docx;
        this.pdf = pdf;
        this.materials = materials;
        this.jdbc = jdbc;
        this.audit = audit;
        this.directory = directory;
        this.clock = clock;
    }

    /** A generated document as stored: its template version and the two material versions. */
    public record Generated(long id, long decisionId, DocumentKind kind, long templateId, int templateVersion,
                            long docxVersionId, long pdfVersionId, String generatedBy, OffsetDateTime generatedAt) {
    }

    /** The document the current template makes of these values (nothing stored). */
    public OfficialDocument render(DocumentKind kind, Map<String, ?> values) {
        return DocumentLayout.parse(TemplateText.render(templates.get(kind).body(), values));
    }

    public byte[] docx(OfficialDocument doc) {
        return docx.write(doc);
    }

    public byte[] pdf(OfficialDocument doc) {
        return pdf.write(doc);
    }

    /**
     * Generates the document from the record's values and stores it in the decision's dossier (.docx, then PDF),
     * as the person acting now.
     */
    @Transactional
    public Generated generate(Decision d, DocumentKind kind, Map<String, ?> values) {
        DocumentTemplates.Template template = templates.get(kind);
        OfficialDocument doc = DocumentLayout.parse(TemplateText.render(template.body(), values));
        byte[] word = docx.write(doc);
        byte[] portable = pdf.write(doc);
        String base = kind.label() + "-" + d.number();
        String note = "系统根据" + kind.label() + "的办理记录生成（模板第" + template.version() + "版）";
        MaterialVersion w = materials.upload(d.number(), kind.material(), kind.label(), base + ".docx", DOCX, word, note);
        MaterialVersion p = materials.upload(d.number(), kind.material(), kind.label() + "（PDF）", base + ".pdf", PDF, portable, note);
        var actor = directory.currentActor();
        var now = clock.now();
        jdbc.sql("""
                INSERT INTO juece.generated_document (decision_id, kind, template_id, docx_version_id, pdf_version_id, generated_by, generated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), kind.name(), template.id(), w.id(), p.id(), actor.id(), now).update();
        long id = latestId(d.id(), kind);
        audit.record(actor, d.id(), d.number(), AuditAction.DOCUMENT_GENERATED, "生成《" + kind.label() + "》（" + kind.article()
                + "；模板第" + template.version() + "版）：Word 版第" + w.versionNo() + "版、PDF 版第" + p.versionNo() + "版");
        return latest(d.id(), kind).filter(g -> g.id() == id).orElseThrow();
    }

    public Optional<Generated> latest(long decisionId, DocumentKind kind) {
        return jdbc.sql("""
                SELECT g.*, t.version AS template_version FROM juece.generated_document g JOIN juece.document_template t ON t.id = g.template_id
                WHERE g.decision_id = ? AND g.kind = ? ORDER BY g.id DESC FETCH FIRST 1 ROWS ONLY""")
                .params(decisionId, kind.name()).query((rs, i) -> map(rs)).optional();
    }

    public List<Generated> ofDecision(long decisionId) {
        return jdbc.sql("""
                SELECT g.*, t.version AS template_version FROM juece.generated_document g JOIN juece.document_template t ON t.id = g.template_id
                WHERE g.decision_id = ? ORDER BY g.id""").param(decisionId).query((rs, i) -> map(rs)).list();
    }

    private long latestId(long decisionId, DocumentKind kind) {
        return jdbc.sql("SELECT MAX(id) FROM juece.generated_document WHERE decision_id = ? AND kind = ?")
                .params(decisionId, kind.name()).query(Long.class).single();
    }

    /**
     * A unit's name as a document prints it: the county's units are named "县司法局" in the organisation, documents
     * say "冠县司法局"; "县政府办公室" becomes "冠县人民政府办公室".
     */
    public static String officialName(cn.juece.identity.Organ organ, String unitName) {
        if (unitName == null || organ.shortName() == null) {
            return unitName;
        }
        if (unitName.startsWith("县政府")) {
            return organ.name() + unitName.substring(3);
        }
        if (unitName.startsWith("县") && organ.shortName().endsWith("县")) {
            return organ.shortName() + unitName.substring(1);
        }
        return unitName;
    }

    /** 2026年11月23日 */
    public static String cnDate(LocalDate day) {
        return day == null ? "" : CN_DATE.format(day);
    }

    private static Generated map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Generated(rs.getLong("id"), rs.getLong("decision_id"), DocumentKind.valueOf(rs.getString("kind")),
                rs.getLong("template_id"), rs.getInt("template_version"), rs.getLong("docx_version_id"),
                rs.getLong("pdf_version_id"), rs.getString("generated_by"),
                rs.getObject("generated_at", OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).toOffsetDateTime());
    }
}
