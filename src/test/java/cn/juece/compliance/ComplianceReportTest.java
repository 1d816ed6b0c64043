package cn.juece.compliance;

import static cn.juece.LifecycleDriver.JUSTICE;
import static cn.juece.LifecycleDriver.LEAD;
import static cn.juece.LifecycleDriver.READER;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.support.StaffBrowser;

/**
 * Issue 16: the compliance report (合规情况报告) — each article on the path a matter took, with its evidence and status,
 * computed from the stage-gate registry, the periods and the dossier; shown, exported, annexed to the submissions.
 */
class ComplianceReportTest extends IntegrationTest {

    static final String OPERATOR = "yw_zhao";
    static final String OUTSIDER = "zjj_sun"; // 县住建局: no role in the fgj decisions

    @Autowired
    RuntimeService runtime;

    @AfterEach
    void resetClock() {
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    @Test
    void aCleanDecisionMeetsEveryArticleOnItsPathAndCarriesTheAnnexOfWhatWasSubmitted() throws Exception {
        var d = driver();
        String n = d.wholeLifecycle("城区集中供热价格调整方案（合规情况报告）");
        JsonNode r = report(READER, n);
        List<JsonNode> lines = lines(r);
        // every line is met, deviation-free, or not on the path; nothing unmet or pending once archived
        assertThat(lines).filteredOn(l -> status(l).equals("UNMET") || status(l).equals("NOT_YET_DUE"))
                .as(lines.toString()).isEmpty();
        assertThat(r.get("counts").get("MET").asInt()).isGreaterThan(40);
        // a met line always carries its evidence: at least the record of the step that closed on it
        assertThat(lines).filteredOn(l -> status(l).equals("MET")).allSatisfy(l -> assertThat(l.get("evidence")).isNotEmpty());

        // Art. 13: the draft, with the version and hash of the file that met it
        JsonNode draft = line(lines, "drafting-draft", "MATERIAL_MISSING_DRAFT");
        assertThat(status(draft)).isEqualTo("MET");
        assertThat(draft.get("article").asText()).isEqualTo("第十三条");
        JsonNode evidence = kind(draft, "MATERIAL");
        assertThat(evidence.get("versionNo").asInt()).isEqualTo(1);
        assertThat(evidence.get("sha256").asText()).hasSize(64);
        // Art. 14: both legal voices heard at the initial review, which passed
        assertThat(status(line(lines, "drafting-initial-review", "LEGAL_ADVISER_OPINION_MISSING"))).isEqualTo("MET");
        assertThat(status(line(lines, "drafting-initial-review", "PUBLIC_LAWYER_OPINION_MISSING"))).isEqualTo("MET");
        // a requirement for another outcome (RETURNED) does not apply, and says why
        JsonNode returned = lines.stream().filter(l -> l.get("taskKey").asText().equals("drafting-initial-review")
                && l.get("code").asText().equals("REASON_REQUIRED")).findFirst().orElseThrow();
        assertThat(status(returned)).isEqualTo("NOT_APPLICABLE");
        assertThat(returned.get("note").asText()).contains("通过");
        // Art. 14: no market or trade impact, so neither review applies
        assertThat(status(line(lines, "drafting-arrangements", "FAIR_COMPETITION_REVIEW_MISSING"))).isEqualTo("NOT_APPLICABLE");
        // Art. 22, 26: no hearing was required (recorded), so the hearing report does not apply
        JsonNode hearing = line(lines, "participation-conduct", "HEARING_NOT_REPORTED");
        assertThat(status(hearing)).isEqualTo("NOT_APPLICABLE");
        assertThat(status(line(lines, "participation-conduct", "HEARING_QUESTION_UNANSWERED"))).isEqualTo("MET");
        // Art. 34, 44: the minimums ran, with their dates
        JsonNode review = line(lines, "legality-review", "PERIOD_MINIMUM_NOT_MET");
        assertThat(status(review)).isEqualTo("MET");
        assertThat(review.get("article").asText()).contains("第四十四条");
        assertThat(kind(review, "PERIOD").get("text").asText()).contains("最早", "可办结");
        assertThat(status(line(lines, "expert-conduct", "PERIOD_MINIMUM_NOT_MET"))).isEqualTo("MET");
        // Art. 46: the signed-off letter of this round
        assertThat(status(line(lines, "legality-review", "MATERIAL_MISSING_LEGALITY_OPINION"))).isEqualTo("MET");
        // Art. 50, 59: the meeting's record and the archive number
        assertThat(status(line(lines, "meeting-decide", "MEETING_RECORD_INCOMPLETE"))).isEqualTo("MET");
        assertThat(status(line(lines, "archive-file", "ARCHIVE_NUMBER_MISSING"))).isEqualTo("MET");
        // Art. 52: the 10-working-day feedback deadline, closed in time
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.get("taskKey").asText()).isEqualTo("publication-feedback");
            assertThat(kind(l, "PERIOD")).isNotNull();
            assertThat(status(l)).isEqualTo("MET");
        });
        // branches the matter did not take are not applicable, with the flow that would have led there
        JsonNode revise = line(lines, "legality-revise", "ADOPTION_NOT_DECIDED");
        assertThat(status(revise)).isEqualTo("NOT_APPLICABLE");
        assertThat(revise.get("note").asText()).contains("仅在");

        // annexed to the legality submission and to the meeting, each with the draft version it was computed against
        JsonNode annexes = d.as(READER).get("/api/decisions/" + n + "/compliance/annexes").getBody();
        assertThat(annexes).hasSize(2);
        assertThat(annexes.get(0).get("occasion").asText()).isEqualTo("LEGALITY_SUBMISSION");
        assertThat(annexes.get(1).get("occasion").asText()).isEqualTo("MEETING_SUBMISSION");
        for (JsonNode a : annexes) {
            assertThat(a.get("draftVersionId").asLong()).isEqualTo(evidence.get("versionId").asLong());
            assertThat(a.get("unmetCount").asInt()).isZero();
        }
        String pdf = pdfText(bytes(READER, "/api/decisions/" + n + "/materials/versions/" + annexes.get(0).get("pdfVersionId").asLong()));
        assertThat(pdf.replaceAll("\\s", "")).contains("合规情况报告", "随报送合法性审查一并报送", "《决策草案》第1版", evidence.get("sha256").asText());
        assertThat(d.auditActions(n)).contains("COMPLIANCE_ANNEXED");

        // exports through the document service
        byte[] exported = bytes(READER, "/api/decisions/" + n + "/compliance.pdf");
        assertThat(new String(exported, 0, 5)).isEqualTo("%PDF-");
        assertThat(pdfText(exported).replaceAll("\\s", "")).contains("城区集中供热价格调整方案（合规情况报告）", "已满足", "不适用");
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(bytes(READER, "/api/decisions/" + n + "/compliance.docx")));
             XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            assertThat(x.getText()).contains("合规情况报告", "第十三条", "第四十四条", "已满足");
        }
        // the page, linked from the dossier
        StaffBrowser browser = new StaffBrowser(port, READER, PASSWORD);
        assertThat(browser.get("/decisions/" + n)).contains("/decisions/" + n + "/compliance");
        String page = browser.get("/decisions/" + n + "/compliance");
        assertThat(page).contains("合规情况报告", "已满足", "不适用", "报送合法性审查", "提请集体讨论").doesNotContain("NOT_APPLICABLE", "MATERIAL_MISSING");
    }

    @Test
    void anApprovedShorteningIsADeviationWithItsReasonAndApproverAndSkippedProceduresAreNotApplicableWithTheirGround() {
        var d = driver();
        String n = d.create("县城区停车收费标准调整（合规情况报告·变通）");
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, false);
        d.submitForLegality(n);
        d.recordReview(n, "PASSED");
        d.issueLetter(n);
        // while the review runs: its minimum is not yet due
        JsonNode running = line(lines(report(JUSTICE, n)), "legality-review", "PERIOD_MINIMUM_NOT_MET");
        assertThat(status(running)).isEqualTo("NOT_YET_DUE");
        assertThat(status(line(lines(report(JUSTICE, n)), "meeting-decide", "MEETING_RECORD_INCOMPLETE"))).isEqualTo("NOT_YET_DUE");
        // the justice bureau's head shortens the 7 working days (Art. 44 "一般"), and the review closes early
        String task = d.task(n, "legality-review").get("id").asText();
        String why = "县政府常务会议定于本周召开，情况紧急，经局务会研究同意缩短合法性审查时间";
        assertThat(d.as("sfj_head").post("/api/tasks/" + task + "/deviation", Map.of("reason", why)).getStatusCode().value()).isEqualTo(201);
        d.complete(JUSTICE, n, "legality-review", "sfj", "PASSED", null);

        List<JsonNode> lines = lines(report(LEAD, n));
        JsonNode shortened = line(lines, "legality-review", "PERIOD_MINIMUM_NOT_MET");
        assertThat(status(shortened)).isEqualTo("DEVIATION_APPROVED");
        assertThat(shortened.get("statusLabel").asText()).isEqualTo("经批准变通");
        assertThat(shortened.get("note").asText()).contains("孙国平", why);
        JsonNode deviation = kind(shortened, "DEVIATION");
        assertThat(deviation.get("by").asText()).isEqualTo("孙国平");
        assertThat(deviation.get("text").asText()).contains(why);

        // no participation, no expert review, no risk assessment: not applicable, each with its recorded ground
        for (String[] skipped : new String[][] {{"participation-conduct", "涉及国家秘密"}, {"expert-conduct", "不属于专业性、技术性较强"},
                {"risk-assess", "不会对经济发展"}}) {
            List<JsonNode> of = lines.stream().filter(l -> l.get("taskKey").asText().equals(skipped[0])).toList();
            assertThat(of).isNotEmpty().allSatisfy(l -> {
                assertThat(status(l)).isEqualTo("NOT_APPLICABLE");
                assertThat(l.get("note").asText()).contains(skipped[1], "理由");
                assertThat(kind(l, "ARRANGEMENT").get("by").asText()).isEqualTo("王海涛");
            });
        }
        assertThat(lines).filteredOn(l -> status(l).equals("UNMET")).isEmpty();
        // stages ahead are not yet due
        assertThat(status(line(lines, "archive-file", "ARCHIVE_NUMBER_MISSING"))).isEqualTo("NOT_YET_DUE");
    }

    @Test
    void aStepAnOperatorMovedTheRunPastIsUnmet() {
        var d = driver();
        String n = d.create("县城区公交线路优化方案（合规情况报告·跳过）");
        d.study(n);
        d.launch(n);
        d.draft(n, false, true, false);
        assertThat(d.openTaskKeys(n)).containsExactly("expert-conduct");
        assertThat(status(line(lines(report(LEAD, n)), "expert-conduct", "EXPERT_OPINION_MISSING"))).isEqualTo("NOT_YET_DUE");
        String lifecycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).processDefinitionKey("decision-lifecycle")
                .singleResult().getId();
        // an operator moves the run past the expert review
        var moved = as(OPERATOR).send(HttpMethod.POST, "/engine-rest/process-instance/" + lifecycle + "/modification",
                Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", "call-expert"),
                        Map.of("type", "startBeforeActivity", "activityId", "merge-expert")),
                        "annotation", "测试：模拟运维人员改写流程运行位置"));
        assertThat(moved.getStatusCode().value()).as(moved.getBody()).isEqualTo(204);
        assertThat(d.openTaskKeys(n)).containsExactly("legality-submit");

        List<JsonNode> lines = lines(report(JUSTICE, n));
        for (String code : List.of("EXPERT_PANEL_COMPOSITION", "EXPERT_OPINION_MISSING", "MATERIAL_MISSING_EXPERT_OPINION",
                "PERIOD_MINIMUM_NOT_MET")) {
            JsonNode l = line(lines, "expert-conduct", code);
            assertThat(status(l)).as(code).isEqualTo("UNMET");
            assertThat(l.get("statusLabel").asText()).isEqualTo("未满足");
            assertThat(l.get("note").asText()).contains("未经办结即被取消");
        }
        // the submission now open is not yet due; the procedures not held are not applicable
        assertThat(status(line(lines, "legality-submit", "LEGALITY_SUBMISSION_INCOMPLETE"))).isEqualTo("NOT_YET_DUE");
        assertThat(status(line(lines, "participation-conduct", "MATERIAL_MISSING_PARTICIPATION_REPORT")))
                .isEqualTo("NOT_APPLICABLE");
        assertThat(report(JUSTICE, n).get("counts").get("UNMET").asInt()).isGreaterThanOrEqualTo(4);
        String page = new StaffBrowser(port, JUSTICE, PASSWORD).get("/decisions/" + n + "/compliance");
        assertThat(page).contains("未满足", "未经办结即被取消");
    }

    @Test
    void theAnnexKeepsTheDraftItWasComputedAgainstAfterTheDraftChanges() {
        var d = driver();
        String n = d.create("县农贸市场管理办法（合规情况报告·附件版本）");
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, false);
        long submitted = draftVersion(report(LEAD, n)).get("versionId").asLong();
        d.submitForLegality(n);
        JsonNode annexes = d.as(LEAD).get("/api/decisions/" + n + "/compliance/annexes").getBody();
        assertThat(annexes).hasSize(1);
        JsonNode annex = annexes.get(0);
        assertThat(annex.get("draftVersionId").asLong()).isEqualTo(submitted);
        assertThat(annex.get("draftVersionNo").asInt()).isEqualTo(1);
        assertThat(annex.get("round").asInt()).isEqualTo(1);
        // the annex is a material version of the dossier, stored by the system, with the draft it was computed against
        JsonNode materials = d.as(LEAD).get("/api/decisions/" + n + "/materials").getBody();
        JsonNode stored = null;
        for (JsonNode m : materials) {
            for (JsonNode v : m.get("versions")) {
                if (v.get("id").asLong() == annex.get("pdfVersionId").asLong()) {
                    stored = v;
                    assertThat(m.get("type").asText()).isEqualTo("COMPLIANCE_REPORT");
                }
            }
        }
        assertThat(stored).isNotNull();
        assertThat(stored.get("note").asText()).contains("随报送合法性审查自动生成", "《决策草案》第1版");
        assertThat(stored.get("uploadedBy").asText()).isEqualTo("system");

        // the draft changes later: the report follows it, the annex keeps what was submitted
        d.upload(LEAD, n, "DRAFT");
        assertThat(draftVersion(report(LEAD, n)).get("versionNo").asInt()).isEqualTo(2);
        JsonNode again = d.as(LEAD).get("/api/decisions/" + n + "/compliance/annexes").getBody().get(0);
        assertThat(again.get("draftVersionId").asLong()).isEqualTo(submitted);
        assertThat(again.get("draftVersionNo").asInt()).isEqualTo(1);

        // nobody uploads a compliance report by hand
        var forged = d.as(LEAD).upload(n, "COMPLIANCE_REPORT", "合规情况报告.pdf", "%PDF-1.4 forged".getBytes());
        assertThat(forged.getStatusCode().value()).isEqualTo(403);
        assertThat(forged.getBody().get("code").asText()).isEqualTo("MATERIAL_GENERATED_ONLY");
    }

    @Test
    void whoMayNotSeeTheDecisionGetsWhatAnUnknownNumberGets() {
        var d = driver();
        String n = d.create("县城区供水价格调整（合规情况报告·可见范围）");
        ResponseEntity<JsonNode> hidden = as(OUTSIDER).get("/api/decisions/" + n + "/compliance");
        ResponseEntity<JsonNode> unknown = as(OUTSIDER).get("/api/decisions/GX-1999-9999/compliance");
        assertThat(hidden.getStatusCode().value()).isEqualTo(404);
        assertThat(hidden.getBody().get("code").asText()).isEqualTo("DECISION_NOT_FOUND");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(as(OUTSIDER).get("/api/decisions/" + n + "/compliance.pdf").getStatusCode().value()).isEqualTo(404);
        assertThat(as(OUTSIDER).get("/api/decisions/" + n + "/compliance.docx").getStatusCode().value()).isEqualTo(404);
        assertThat(as(OUTSIDER).get("/api/decisions/" + n + "/compliance/annexes").getStatusCode().value()).isEqualTo(404);
        StaffBrowser outsider = new StaffBrowser(port, OUTSIDER, PASSWORD);
        String hiddenPage = outsider.get("/decisions/" + n + "/compliance");
        assertThat(hiddenPage).contains("DECISION_NOT_FOUND").doesNotContain("县城区供水价格调整");
        assertThat(outsider.get("/decisions/GX-1999-9999/compliance")).contains("DECISION_NOT_FOUND");
        // the lead unit and the justice bureau read it; before launch the later stages are not yet due
        JsonNode early = report(LEAD, n);
        assertThat(status(line(lines(early), "legality-review", "LEGAL_OPINIONS_MISSING"))).isEqualTo("NOT_YET_DUE");
        assertThat(status(line(lines(early), "proposal-study", "DECISION_CATEGORY_MISSING"))).isEqualTo("NOT_YET_DUE");
        assertThat(as(JUSTICE).get("/api/decisions/" + n + "/compliance").getStatusCode().value()).isEqualTo(200);
    }

    // ---- helpers ----

    private JsonNode report(String user, String n) {
        ResponseEntity<JsonNode> r = as(user).get("/api/decisions/" + n + "/compliance");
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return r.getBody();
    }

    private static List<JsonNode> lines(JsonNode report) {
        List<JsonNode> out = new ArrayList<>();
        report.get("lines").forEach(out::add);
        return out;
    }

    private static JsonNode line(List<JsonNode> lines, String taskKey, String code) {
        Predicate<JsonNode> p = l -> l.get("taskKey").asText().equals(taskKey) && l.get("code").asText().equals(code);
        return lines.stream().filter(p).findFirst().orElseThrow(() -> new AssertionError("no line " + taskKey + "/" + code + " in " + lines));
    }

    private static String status(JsonNode line) {
        return line.get("status").asText();
    }

    private static JsonNode kind(JsonNode line, String kind) {
        for (JsonNode e : line.get("evidence")) {
            if (e.get("kind").asText().equals(kind)) {
                return e;
            }
        }
        return null;
    }

    private static JsonNode draftVersion(JsonNode report) {
        return report.get("draft");
    }

    private byte[] bytes(String user, String path) {
        ResponseEntity<byte[]> r = as(user).raw().get().uri(path).retrieve().toEntity(byte[].class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return r.getBody();
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }
}
