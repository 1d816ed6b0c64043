package cn.juece.legality;

import static cn.juece.LifecycleDriver.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.decision.DecisionService;
import cn.juece.notification.Outbox;
import cn.juece.notification.OutboxMail;
import cn.juece.support.EngineRestRefusal;
import cn.juece.support.PageSession;

/**
 * Issue 13, stage 7 (Art. 41-47): the submission refused once naming everything it lacks, on /api, the pages and
 * the engine REST; countersignatures by the co-units; a consultation of the justice bureau never counts as the
 * review; the review's record, letter and sign-off; a supplement that pauses the review and, late, is escalated.
 */
class LegalityReviewTest extends IntegrationTest {

    @Autowired
    DecisionService decisions;
    @Autowired
    Outbox outbox;


    /** A decision led by 发改局 with 住建局 as co-unit, drafted without stages 4-6. */
    String withCoUnit(LifecycleDriver d, String title) {
        var r = d.as(LEAD).post("/api/decisions", Map.of("title", title, "summary", "测试", "source", "LEADER", "proposer", "李明华",
                "leadUnit", "fgj", "coUnits", List.of("zjj")));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        String n = r.getBody().get("number").asText();
        d.study(n);
        var named = d.as(ORGAN).put("/api/decisions/" + n + "/units", Map.of("leadUnit", "fgj", "coUnits", List.of("zjj"),
                "basis", "县政府第12次常务会议明确"));
        assertThat(named.getStatusCode().value()).as(String.valueOf(named.getBody())).isEqualTo(200);
        d.launch(n);
        d.draft(n, false, false, false);
        return n;
    }

    @Test
    void aSubmissionLackingSeveralThingsIsRefusedOnceNamingThemAllOnEveryPath() throws Exception {
        var d = driver();
        String n = withCoUnit(d, "城区道路停车泊位规划（会签）");
        // Art. 41, 42: the co-unit countersigns in a step of its own; a disagreement needs its reasons
        assertThat(d.openTaskKeys(n)).containsExactly("legality-countersign");
        String countersign = d.task(n, "legality-countersign").get("id").asText();
        assertThat(d.task(n, "legality-countersign").get("candidateGroups").get(0).asText()).isEqualTo("zjj");
        assertThat(d.as(LEAD).complete(countersign, "AGREE", null).getStatusCode().value()).isEqualTo(403);
        var bare = d.as("zjj_sun").complete(countersign, "DISAGREE", null);
        assertThat(bare.getBody().get("code").asText()).isEqualTo("REASON_REQUIRED");
        d.complete("zjj_sun", n, "legality-countersign", "zjj", "DISAGREE", "第五条涉及的占道停车泊位应征求交警部门意见");

        String submit = d.task(n, "legality-submit").get("id").asText();
        var refused = d.as(LEAD).complete(submit, "SUBMITTED", null);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("LEGALITY_SUBMISSION_INCOMPLETE");
        String message = refused.getBody().get("message").asText();
        assertThat(message).contains("共4项", "《合法性审查送审请示》", "《法律依据目录及文本》", "办公会议讨论通过", "第四十一条",
                "真实性、完整性", "第四十二条");
        // the same refusal on the engine REST (Tasklist's path) ...
        EngineRestRefusal.assertRefused(d.as(LEAD).send(HttpMethod.POST, "/engine-rest/task/" + submit + "/complete",
                Map.of("variables", Map.of("outcome", Map.of("value", "SUBMITTED", "type", "String")))).getStatusCode().is4xxClientError()
                ? d.as(LEAD).raw().post().uri("/engine-rest/task/" + submit + "/complete").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .body(Map.of("variables", Map.of("outcome", Map.of("value", "SUBMITTED", "type", "String")))).retrieve().toEntity(JsonNode.class)
                : null, "LEGALITY_SUBMISSION_INCOMPLETE", "共4项", "办公会议讨论通过");
        // ... and on the dossier page, back with the message and the code
        PageSession page = new PageSession(port).signIn(LEAD, PASSWORD);
        String dossier = page.get("/decisions/" + n).body();
        var onPage = page.post("/decisions/" + n + "/tasks/" + submit + "/complete", "outcome=SUBMITTED&_csrf=" + PageSession.csrf(dossier),
                "http://127.0.0.1:" + port + "/decisions/" + n);
        assertThat(onPage.statusCode()).isEqualTo(302);
        assertThat(page.get("/decisions/" + n).body()).contains("LEGALITY_SUBMISSION_INCOMPLETE", "共4项");
        // the legality page lists what is missing and the record of the procedures performed
        String legalityPage = page.get("/decisions/" + n + "/legality").body();
        assertThat(legalityPage).contains("尚缺", "办公会议讨论通过", "公众参与：不开展", "部门会签：", "不同意");

        d.upload(LEAD, n, "LEGALITY_REQUEST");
        d.upload(LEAD, n, "LEGAL_BASIS");
        d.recordOfficeMeeting(n);
        d.attest(n);
        // a material given after the attestation needs a new one (Art. 42)
        d.upload(LEAD, n, "OTHER");
        var stale = d.as(LEAD).complete(submit, "SUBMITTED", null);
        assertThat(stale.getBody().get("message").asText()).contains("共1项", "确认材料真实、完整之后案卷材料又有变化");
        d.attest(n);
        d.complete(LEAD, n, "legality-submit", "fgj", "SUBMITTED", null);
        JsonNode view = d.as(JUSTICE).get("/api/decisions/" + n + "/legality").getBody();
        assertThat(view.get("countersigns").get(0).get("unitCode").asText()).isEqualTo("zjj");
        assertThat(view.get("attestation").get("attestedName").asText()).isEqualTo("王海涛");
        assertThat(view.get("note").asText()).contains("不能代替合法性审查（第四十一条）");
    }

    @Test
    void theReviewIsItsRecordItsLetterSignedOffByTheHeadAndItsMinimumNotAConsultation() {
        var d = driver();
        clockAt("2025-11-03T09:00:00");
        String n = d.create("城区供水价格调整方案（合法性审查）");
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, false);
        // a consultation of the justice bureau before the review (Art. 41): its letter is never the review's
        var consultation = d.as(JUSTICE).upload(n, "LEGALITY_OPINION", "征求意见复函.docx", cn.juece.support.TestFiles.of("征求意见复函.docx", "咨询意见"));
        assertThat(consultation.getStatusCode().value()).isEqualTo(201);
        d.submitForLegality(n);                                   // Mon 2025-11-03: 7 working days → Wed 11-12
        String review = d.task(n, "legality-review").get("id").asText();
        var notYet = d.as(JUSTICE_HEAD).post("/api/decisions/" + n + "/legality/opinion-letter/sign-off", Map.of());
        assertThat(notYet.getBody().get("code").asText()).isEqualTo("MATERIAL_MISSING_LEGALITY_OPINION");

        // a letter only from a complete record (Art. 43, 44, 46)
        var early = d.as(JUSTICE).post("/api/decisions/" + n + "/legality/opinion-letter", Map.of());
        assertThat(early.getBody().get("code").asText()).isEqualTo("LETTER_RECORD_INCOMPLETE");
        assertThat(early.getBody().get("message").asText()).contains("法律顾问的法律意见（第四十四条）", "公职律师的法律意见（第四十四条）",
                "第四十三条各项审查内容");
        assertThat(d.as(LEAD).put("/api/decisions/" + n + "/legality/review", Map.of("conclusion", "PASSED")).getStatusCode().value()).isEqualTo(403);
        var problem = d.as(JUSTICE).put("/api/decisions/" + n + "/legality/review/points/CONTENT", Map.of("finding", "PROBLEM"));
        assertThat(problem.getBody().get("code").asText()).isEqualTo("REVIEW_NOTE_REQUIRED");
        d.recordReview(n, "PASSED");
        // the conclusion is only the step's, and must be the record's (on the day the minimum has run)
        clockAt("2025-11-12T08:00:00");
        var noLetter = d.as(JUSTICE).complete(review, "PASSED", null);
        assertThat(noLetter.getBody().get("code").asText()).isEqualTo("OPINION_NOT_SIGNED_OFF");
        assertThat(noLetter.getBody().get("message").asText()).contains("征求县司法局意见的复函不能代替合法性审查（第四十一条）");
        var letter = d.as(JUSTICE).post("/api/decisions/" + n + "/legality/opinion-letter", Map.of());
        assertThat(letter.getStatusCode().value()).as(String.valueOf(letter.getBody())).isEqualTo(201);
        var unsigned = d.as(JUSTICE).complete(review, "PASSED", null);
        assertThat(unsigned.getBody().get("code").asText()).isEqualTo("OPINION_NOT_SIGNED_OFF");
        var clerk = d.as(JUSTICE).post("/api/decisions/" + n + "/legality/opinion-letter/sign-off", Map.of());
        assertThat(clerk.getStatusCode().value()).isEqualTo(403);
        assertThat(clerk.getBody().get("code").asText()).isEqualTo("OPINION_SIGNOFF_NOT_HEAD");
        assertThat(d.as(JUSTICE_HEAD).post("/api/decisions/" + n + "/legality/opinion-letter/sign-off", Map.of()).getStatusCode().value()).isEqualTo(201);
        var mismatch = d.as(JUSTICE).complete(review, "PROVISIONS_ILLEGAL", "第八条");
        assertThat(mismatch.getBody().get("code").asText()).isEqualTo("REVIEW_CONCLUSION_MISMATCH");
        assertThat(mismatch.getBody().get("message").asText()).contains("与审查记录的结论“合法，通过审查”不一致");

        // closed too early: generally at least 7 working days (Art. 44), on /api and the engine REST
        clockAt("2025-11-11T16:00:00");
        var tooEarly = d.as(JUSTICE).complete(review, "PASSED", null);
        assertThat(tooEarly.getBody().get("code").asText()).isEqualTo("PERIOD_MINIMUM_NOT_MET");
        assertThat(tooEarly.getBody().get("message").asText()).contains("最早可于2025年11月12日办结");
        EngineRestRefusal.assertRefused(d.as(JUSTICE).raw().post().uri("/engine-rest/task/" + review + "/complete")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("variables", Map.of("outcome", Map.of("value", "PASSED", "type", "String")))).retrieve().toEntity(JsonNode.class),
                "PERIOD_MINIMUM_NOT_MET", "最早可于2025年11月12日办结");
        clockAt("2025-11-12T09:00:00");
        d.complete(JUSTICE, n, "legality-review", "sfj", "PASSED", null);
        JsonNode conclusion = d.as(READER).get("/api/decisions/" + n + "/facts").getBody();
        assertThat(conclusion.toString()).contains("LEGALITY_CONCLUSION", "合法性审查意见书（PDF）");
        assertThat(d.stage(n)).isEqualTo("MEETING");
    }

    @Test
    void aSupplementPausesTheReviewAndALateOneIsRemindedEscalatedAndShownToSupervision() {
        var d = driver();
        clockAt("2025-11-03T09:00:00");
        String n = d.create("城区燃气管网改造方案（补送材料）");
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, false);
        d.submitForLegality(n);                                   // review from Mon 11-03: earliest close Wed 11-12
        d.recordReview(n, "PASSED");
        d.issueLetter(n);
        clockAt("2025-11-05T10:00:00");
        assertThat(d.as(LEAD).post("/api/decisions/" + n + "/legality/supplements", Map.of("items", "x")).getStatusCode().value()).isEqualTo(403);
        var asked = d.as(JUSTICE).post("/api/decisions/" + n + "/legality/supplements", Map.of("items", "补送部门会签意见和价格成本监审报告"));
        assertThat(asked.getStatusCode().value()).as(String.valueOf(asked.getBody())).isEqualTo(201);
        // the lead unit gets a step with 3 working days (Art. 42): due Mon 11-10
        JsonNode supplement = d.task(n, "legality-supplement");
        assertThat(supplement.get("candidateGroups").get(0).asText()).isEqualTo("fgj");
        assertThat(supplement.get("dates").get(0).get("date").asText()).isEqualTo("2025-11-10");
        // the review cannot close while a supplement is outstanding
        clockAt("2025-11-12T10:00:00");
        var pending = d.as(JUSTICE).complete(d.task(n, "legality-review").get("id").asText(), "PASSED", null);
        assertThat(pending.getBody().get("code").asText()).isIn("SUPPLEMENT_PENDING", "PERIOD_MINIMUM_NOT_MET");

        // reminder two working days before the last day (Thu 11-06 09:00), escalation at its end (11-10 24:00)
        clockAt("2025-11-06T08:59:00");
        assertThat(fireDueTimers(n, "legality-supplement")).isZero();
        clockAt("2025-11-06T09:01:00");
        assertThat(fireDueTimers(n, "legality-supplement")).isEqualTo(1);
        clockAt("2025-11-11T00:00:30");
        assertThat(fireDueTimers(n, "legality-supplement")).isEqualTo(1);
        long id = decisions.get(n).id();
        assertThat(outbox.forDecision(id)).extracting(OutboxMail::kind).contains("PERIOD_REMINDER", "PERIOD_ESCALATION");
        assertThat(outbox.forDecision(id).stream().filter(m -> m.kind().equals("PERIOD_ESCALATION")).map(OutboxMail::recipient))
                .contains("fgj_head@gx.example.gov.cn");
        assertThat(d.auditActions(n)).contains("PERIOD_REMINDER", "PERIOD_ESCALATED");

        // supplied late on Wed 11-12: 5 working days (11-06 … 11-12) not counted, the review's earliest close moves to 11-19
        clockAt("2025-11-12T15:00:00");
        d.upload(LEAD, n, "OTHER");
        d.complete(LEAD, n, "legality-supplement", "fgj", "SUPPLIED", "已补送部门会签意见和成本监审报告");
        JsonNode periods = d.as(JUSTICE).get("/api/decisions/" + n + "/periods").getBody();
        assertThat(periods.get("pauses").toString()).contains("SUPPLEMENT", "超过第四十二条规定的3个工作日补送期限（应于2025年11月10日前补送）");
        JsonNode reviewPeriod = null;
        for (JsonNode s : periods.get("steps")) {
            if (s.get("taskKey").asText().equals("legality-review")) {
                reviewPeriod = s;
            }
        }
        assertThat(reviewPeriod.get("earliestClose").asText()).isEqualTo("2025-11-19");
        assertThat(reviewPeriod.get("pausedDays").asInt()).isEqualTo(5);
        JsonNode supervision = d.as(JUSTICE).get("/api/supervision").getBody();
        assertThat(supervision.get("lateSupplements").toString()).contains(n, "超过第四十二条规定的3个工作日补送期限");
        assertThat(supervision.get("escalated").toString()).contains(n, "补送合法性审查材料");

        clockAt("2025-11-18T16:00:00");
        String review = d.task(n, "legality-review").get("id").asText();
        assertThat(d.as(JUSTICE).complete(review, "PASSED", null).getBody().get("code").asText()).isEqualTo("PERIOD_MINIMUM_NOT_MET");
        clockAt("2025-11-19T09:00:00");
        d.complete(JUSTICE, n, "legality-review", "sfj", "PASSED", null);
        assertThat(d.stage(n)).isEqualTo("MEETING");
    }
}
