package cn.juece.compliance;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.juece.compliance.ComplianceReport.Evidence;
import cn.juece.compliance.ComplianceReport.Line;
import cn.juece.decision.Decision;
import cn.juece.decision.Stage;
import cn.juece.document.DocumentKind;
import cn.juece.document.DocumentService;
import cn.juece.document.OfficialDocument;
import cn.juece.identity.Directory;
import cn.juece.support.AppClock;

/**
 * The compliance report as a document, through the one document service (the administrators' template
 * {@code COMPLIANCE_REPORT}, .docx and PDF with embedded CJK fonts).
 */
@Component
class ComplianceDocuments {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年M月d日H时mm分");
    private static final String[] CN = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"};

    private final DocumentService documents;
    private final Directory directory;

    ComplianceDocuments(DocumentService documents, Directory directory) {
        this.documents = documents;
        this.directory = directory;
    }

    OfficialDocument document(Decision d, ComplianceReport r, String occasion) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("organName", directory.organ(d.organCode()).name());
        v.put("decisionTitle", r.title());
        v.put("decisionNumber", r.decisionNumber());
        v.put("leadUnit", DocumentService.officialName(directory.organ(d.organCode()), r.leadUnit()));
        v.put("stage", r.stage());
        v.put("status", r.status());
        v.put("computedAt", TIME.format(r.computedAt().atZoneSameInstant(AppClock.ZONE)));
        v.put("draft", r.draft() == null ? "（尚无决策草案）" : r.draft().describe());
        v.put("occasion", occasion == null ? "" : occasion);
        v.put("total", r.lines().size());
        v.put("met", r.counts().get("MET"));
        v.put("deviation", r.counts().get("DEVIATION_APPROVED"));
        v.put("notApplicable", r.counts().get("NOT_APPLICABLE"));
        v.put("notYetDue", r.counts().get("NOT_YET_DUE"));
        v.put("unmet", r.counts().get("UNMET"));
        List<Map<String, Object>> stages = new ArrayList<>();
        for (Stage s : Stage.values()) {
            List<Line> lines = r.lines().stream().filter(l -> l.stage().equals(s.name())).toList();
            if (lines.isEmpty()) {
                continue;
            }
            List<Map<String, Object>> ls = new ArrayList<>();
            int no = 1;
            for (Line l : lines) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("no", no++);
                m.put("article", l.article());
                m.put("requirement", l.requirement());
                m.put("task", l.taskName() + (l.unit() == null ? "" : "（" + l.unit() + "）") + (l.round() == null || l.round() < 2 ? "" : "，第" + l.round() + "轮"));
                m.put("status", l.statusLabel());
                m.put("note", l.note() == null ? "" : l.note());
                m.put("evidence", l.evidence().stream().map(ComplianceDocuments::evidence).toList());
                ls.add(m);
            }
            stages.add(Map.of("cnNo", CN[stages.size()], "label", s.label(), "lines", ls));
        }
        v.put("stages", stages);
        v.put("date", DocumentService.cnDate(r.computedAt().atZoneSameInstant(AppClock.ZONE).toLocalDate()));
        return documents.render(DocumentKind.COMPLIANCE_REPORT, v);
    }

    byte[] docx(OfficialDocument doc) {
        return documents.docx(doc);
    }

    byte[] pdf(OfficialDocument doc) {
        return documents.pdf(doc);
    }

    /** One evidence as a sentence: "材料：《决策草案》第2版（草案.docx），王海涛（县发展和改革局），2026-11-23，SHA-256 …". */
    static String evidence(Evidence e) {
        StringBuilder b = new StringBuilder(e.kindLabel()).append("：").append(e.text());
        if (e.by() != null) {
            b.append("，").append(e.by());
        }
        if (e.at() != null) {
            b.append("，").append(e.at().atZoneSameInstant(AppClock.ZONE).toLocalDate());
        }
        if (e.sha256() != null) {
            b.append("，SHA-256 ").append(e.sha256());
        }
        return b.toString();
    }
}
