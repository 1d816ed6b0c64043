package cn.juece.legality;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.juece.decision.Decision;
import cn.juece.document.DocumentKind;
import cn.juece.document.DocumentService;
import cn.juece.dossier.MaterialService;
import cn.juece.dossier.MaterialType;
import cn.juece.workflow.GateContext;
import cn.juece.workflow.StageGate;

/** Stage 7 as /api and the page show it: the submission (Art. 42), the review's record, the letter, Art. 47. */
@Component
class LegalityView {

    private final LegalityRecords records;
    private final LegalityService legality;
    private final MaterialService materials;
    private final DocumentService documents;

    private final cn.juece.identity.Directory directory;

    LegalityView(LegalityRecords records, LegalityService legality, MaterialService materials, DocumentService documents,
                 cn.juece.identity.Directory directory) {
        this.directory = directory;
        this.records = records;
        this.legality = legality;
        this.materials = materials;
        this.documents = documents;
    }

    Map<String, Object> of(Decision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("decision", d.number());
        m.put("note", "合法性审查的结论以“合法性审查”环节的办理结果为准；征求" + directory.unitName(directory.organ(d.organCode()).justiceUnit())
                + "意见等方式不能代替合法性审查（第四十一条）。");
        GateContext ctx = new GateContext(d, LegalityRecords.SUBMIT_TASK, null, null, () -> materials.materials(d.id()), 0,
                type -> materials.providers(d, type));
        List<Map<String, Object>> art42 = new ArrayList<>();
        for (StageGate g : LegalityRecords.materialGates()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("requirement", g.requirement());
            item.put("article", g.article());
            item.put("onFile", ctx.has(typeOf(g)));
            item.put("version", ctx.latest(typeOf(g)).map(v -> materials.cite(d.id(), v.id())).orElse(null));
            art42.add(item);
        }
        m.put("materials", art42);
        m.put("procedureRecord", records.procedureRecord(d));
        m.put("countersigns", records.countersigns(d.id()));
        m.put("officeMeeting", records.officeMeeting(d.id()).orElse(null));
        m.put("attestation", records.attestation(d.id()).orElse(null));
        // what the submission lacks matters while it is being prepared; afterwards later uploads are no gap
        boolean submitting = records.openTask(d, LegalityRecords.SUBMIT_TASK).isPresent();
        m.put("submitting", submitting);
        m.put("missingForSubmission", submitting ? records.missingForSubmission(ctx) : List.of());
        m.put("supplements", records.supplements(d.id()));
        // the round under review, or the latest one reviewed when no review is running
        int reviewed = legality.conclusions(d.id()).size();
        int round = records.openReviewStep(d.id()).isPresent() || reviewed == 0 ? records.reviewRound(d.id()) : reviewed;
        m.put("round", round);
        m.put("review", records.review(d.id(), round));
        m.put("points", records.points(d.id(), round));
        m.put("suggestions", records.suggestions(d.id(), round));
        m.put("signOffs", records.signOffs(d.id()));
        m.put("conclusions", legality.conclusions(d.id()));
        m.put("latestSuggestions", records.latestSuggestions(d.id()));
        m.put("letters", documents.ofDecision(d.id()).stream().filter(g -> g.kind() == DocumentKind.LEGALITY_OPINION).toList());
        return m;
    }

    private static MaterialType typeOf(StageGate g) {
        return MaterialType.valueOf(g.code().substring("MATERIAL_MISSING_".length()));
    }
}
