package cn.juece.compliance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.juece.audit.AuditAction;
import cn.juece.audit.AuditTrail;
import cn.juece.compliance.ComplianceReport.DraftRef;
import cn.juece.decision.Decision;
import cn.juece.document.DocumentService;
import cn.juece.document.OfficialDocument;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;
import cn.juece.dossier.MaterialVersion;
import cn.juece.support.AppClock;
import cn.juece.workflow.StepCompletion;
import cn.juece.workflow.StepCompletionHandler;

/**
 * Attaches the compliance report as an annex when the lead unit submits the draft for legality review (Art. 42) and
 * to the meeting (Art. 49): computed in the submission's transaction, after its rule check, stored by the system as a
 * new version of the dossier's 合规情况报告 (.docx and PDF), with a row naming the draft version it was computed
 * against, so the annex always matches what was submitted even after the draft changes.
 */
@Component
class ComplianceAnnexes implements StepCompletionHandler {

    static final Map<String, String> OCCASIONS = Map.of("legality-submit", "LEGALITY_SUBMISSION", "meeting-submit", "MEETING_SUBMISSION");
    static final Map<String, String> OCCASION_LABELS = Map.of("LEGALITY_SUBMISSION", "报送合法性审查", "MEETING_SUBMISSION", "提请集体讨论");

    private final ComplianceService compliance;
    private final ComplianceDocuments documents;
    private final MaterialService materials;
    private final JdbcClient jdbc;
    private final AuditTrail audit;

    ComplianceAnnexes(ComplianceService compliance, ComplianceDocuments documents, MaterialService materials, JdbcClient jdbc,
                      AuditTrail audit) {
        this.compliance = compliance;
        this.documents = documents;
        this.materials = materials;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** An annex as it was attached. */
    record Annex(long id, String occasion, String occasionLabel, String taskId, int round, Long draftVersionId, Integer draftVersionNo,
                 String draftSha256, long pdfVersionId, long docxVersionId, int metCount, int unmetCount, String createdBy,
                 OffsetDateTime createdAt) {
    }

    @Override
    public boolean handles(String taskKey) {
        return OCCASIONS.containsKey(taskKey);
    }

    @Override
    public void completed(StepCompletion step) {
        Decision d = step.decision();
        String occasion = OCCASIONS.get(step.taskKey());
        String label = OCCASION_LABELS.get(occasion);
        ComplianceReport report = compliance.report(d);
        DraftRef draft = report.draft();
        String when = "本报告作为附件随" + label + (step.round() > 1 ? "（第" + step.round() + "轮）" : "") + "一并报送。";
        OfficialDocument doc = documents.document(d, report, when);
        String note = "随" + label + (step.round() > 1 ? "（第" + step.round() + "轮）" : "") + "自动生成；依据"
                + (draft == null ? "（尚无决策草案）" : "《决策草案》第" + draft.versionNo() + "版，SHA-256 " + draft.sha256());
        if (note.length() > 500) {
            note = note.substring(0, 500);
        }
        String base = "合规情况报告-" + d.number() + "-" + label;
        MaterialVersion w = materials.storeGenerated(d, MaterialType.COMPLIANCE_REPORT, "合规情况报告", base + ".docx",
                DocumentService.DOCX, documents.docx(doc), note);
        MaterialVersion p = materials.storeGenerated(d, MaterialType.COMPLIANCE_REPORT, "合规情况报告（PDF）", base + ".pdf",
                DocumentService.PDF, documents.pdf(doc), note);
        int met = report.counts().get("MET") + report.counts().get("DEVIATION_APPROVED");
        int unmet = report.counts().get("UNMET");
        jdbc.sql("""
                INSERT INTO juece.compliance_annex (decision_id, occasion, task_id, round_no, draft_version_id, draft_version_no, draft_sha256,
                                                    pdf_version_id, docx_version_id, met_count, unmet_count, created_by, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), occasion, step.taskId(), step.round(), draft == null ? null : draft.versionId(),
                        draft == null ? null : draft.versionNo(), draft == null ? null : draft.sha256(), p.id(), w.id(), met, unmet,
                        step.actor().id(), step.completedAt())
                .update();
        audit.record(step.actor(), step.actedFor(), d.id(), d.number(), AuditAction.COMPLIANCE_ANNEXED,
                "随" + label + "附《合规情况报告》（Word 版第" + w.versionNo() + "版、PDF 版第" + p.versionNo() + "版；依据"
                        + (draft == null ? "：尚无决策草案" : "《决策草案》第" + draft.versionNo() + "版") + "；已满足或经批准变通" + met
                        + "项，未满足" + unmet + "项）", null);
    }

    List<Annex> annexes(long decisionId) {
        return jdbc.sql("SELECT * FROM juece.compliance_annex WHERE decision_id = ? ORDER BY id").param(decisionId)
                .query((rs, i) -> new Annex(rs.getLong("id"), rs.getString("occasion"), OCCASION_LABELS.get(rs.getString("occasion")),
                        rs.getString("task_id"), rs.getInt("round_no"), (Long) rs.getObject("draft_version_id", Long.class),
                        (Integer) rs.getObject("draft_version_no", Integer.class), rs.getString("draft_sha256"),
                        rs.getLong("pdf_version_id"), rs.getLong("docx_version_id"), rs.getInt("met_count"), rs.getInt("unmet_count"),
                        rs.getString("created_by"),
                        rs.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).toOffsetDateTime()))
                .list();
    }

    static Set<String> occasions() {
        return Set.copyOf(OCCASIONS.values());
    }
}
