package cn.juece.workflow;

import static cn.juece.LifecycleDriver.JUSTICE;
import static cn.juece.LifecycleDriver.LEAD;
import static cn.juece.LifecycleDriver.LEAD_LEGAL;
import static cn.juece.LifecycleDriver.ORGAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;

/**
 * What counts as evidence (DECISIONS.md 24; issue 10): each material has the party that provides it, and a gate
 * counts only a version that party gave in the current round of the step. After a loop back the old opinion
 * letter, risk report or draft no longer meets the gate; the checklist says which version meets it, who gave it
 * and when. Reasons that replace a statutory step name a ground and say something.
 */
class EvidenceRoundsTest extends IntegrationTest {

    @Test
    void anUploadByAPartyTheMaterialDoesNotNameIsRefused() {
        var d = driver();
        String n = d.create("城区夜间经济街区规划（材料提供）");
        // Art. 46: the legality opinion letter is the justice bureau's; the lead unit cannot file one
        var byLead = d.as(LEAD).upload(n, "LEGALITY_OPINION", "合法性审查意见书.docx", cn.juece.support.TestFiles.of("合法性审查意见书.docx", "自拟意见"));
        assertThat(byLead.getStatusCode().value()).isEqualTo(403);
        assertThat(byLead.getBody().get("code").asText()).isEqualTo("MATERIAL_NOT_YOUR_ROLE");
        assertThat(byLead.getBody().get("message").asText()).contains("《合法性审查意见书》由县司法局提供", "第四十六条", "王海涛");
        // Art. 14: the initial review opinion is the lead unit's legal office's, not any clerk's of the unit
        var byClerk = d.as(LEAD).upload(n, "INITIAL_REVIEW_OPINION", "初审意见.docx", cn.juece.support.TestFiles.of("初审意见.docx", "x"));
        assertThat(byClerk.getBody().get("code").asText()).isEqualTo("MATERIAL_NOT_YOUR_ROLE");
        // Art. 50: the meeting record is the government office's; the justice bureau may not file the draft
        assertThat(d.as(LEAD).upload(n, "MEETING_MINUTES", "会议记录.docx", cn.juece.support.TestFiles.of("会议记录.docx", "x")).getStatusCode().value()).isEqualTo(403);
        assertThat(d.as(JUSTICE).upload(n, "DRAFT", "草案.docx", cn.juece.support.TestFiles.of("草案.docx", "x")).getStatusCode().value()).isEqualTo(403);
        // the providers themselves may
        assertThat(d.as(JUSTICE).upload(n, "LEGALITY_OPINION", "合法性审查意见书.docx", cn.juece.support.TestFiles.of("合法性审查意见书.docx", "y"))
                .getStatusCode().value()).isEqualTo(201);
        assertThat(d.as(LEAD_LEGAL).upload(n, "INITIAL_REVIEW_OPINION", "初审意见.docx", cn.juece.support.TestFiles.of("初审意见.docx", "z"))
                .getStatusCode().value()).isEqualTo(201);
        assertThat(d.as(LEAD).get("/api/decisions/" + n + "/materials").getBody()).hasSize(2);
    }

    @Test
    void aLegalityReReviewNeedsANewOpinionLetterOnEveryPath() {
        var d = driver();
        String n = d.create("县城区停车泊位收费管理办法（重新审查）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        d.participate(n);
        d.submitForLegality(n);
        // round 1: the justice bureau's letter finds expert review missing (Art. 45 (二))
        d.upload(JUSTICE, n, "LEGALITY_OPINION");
        d.review(n, "MISSING_EXPERT", "专业性较强，应当组织专家论证");
        d.expertReview(n);
        d.upload(LEAD, n, "LEGALITY_REQUEST");
        d.attest(n);
        d.complete(LEAD, n, "legality-submit", "fgj", "SUBMITTED", null);

        // round 2: the first letter does not make a passed review
        String task = d.task(n, "legality-review").get("id").asText();
        d.waitForMinimum(n, "legality-review");
        var api = d.as(JUSTICE).complete(task, "PASSED", null);
        assertThat(api.getStatusCode().value()).isEqualTo(422);
        assertThat(api.getBody().get("code").asText()).isEqualTo("MATERIAL_MISSING_LEGALITY_OPINION");
        assertThat(api.getBody().get("message").asText()).contains("本轮办理需要新的《合法性审查意见书》", "第四十六条");
        var rest = d.as(JUSTICE).send(HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("outcome", Map.of("value", "PASSED", "type", "String"))));
        assertThat(rest.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(rest.getBody()).contains("MATERIAL_MISSING_LEGALITY_OPINION", "本轮办理需要新的《合法性审查意见书》");
        JsonNode item = checklistItem(d, n, "MATERIAL_MISSING_LEGALITY_OPINION");
        assertThat(item.get("met").asBoolean()).isFalse();
        assertThat(item.get("round").asInt()).isEqualTo(2);

        // a new letter of this round meets it; the checklist shows which version, who gave it and when
        d.upload(JUSTICE, n, "LEGALITY_OPINION");
        item = checklistItem(d, n, "MATERIAL_MISSING_LEGALITY_OPINION");
        assertThat(item.get("met").asBoolean()).isTrue();
        assertThat(item.get("evidence").get("version").asInt()).isEqualTo(2);
        assertThat(item.get("evidence").get("providedBy").asText()).isEqualTo("刘思远");
        assertThat(item.get("evidence").get("providedFor").asText()).isEqualTo("县司法局");
        assertThat(item.get("evidence").get("sha256").asText()).hasSize(64);
        // the round's record and the head's sign-off of that letter (Art. 43-46)
        d.recordReview(n, "PASSED");
        assertThat(d.as(LifecycleDriver.JUSTICE_HEAD).post("/api/decisions/" + n + "/legality/opinion-letter/sign-off", Map.of())
                .getStatusCode().value()).isEqualTo(201);
        d.complete(JUSTICE, n, "legality-review", "sfj", "PASSED", null);
        assertThat(d.stage(n)).isEqualTo("MEETING");
        // the audit entry names the group the person acted for and the materials in force, the new letter among them
        JsonNode closing = null;
        for (JsonNode a : d.as(LifecycleDriver.READER).get("/api/decisions/" + n + "/audit").getBody()) {
            if (a.get("action").asText().equals("TASK_COMPLETED") && a.get("detail").asText().startsWith("办理“合法性审查”")) {
                closing = a;
            }
        }
        assertThat(closing).isNotNull();
        assertThat(closing.get("detail").asText()).endsWith("（第2轮）");
        assertThat(closing.get("actedFor").asText()).isEqualTo("sfj");
        assertThat(closing.get("materials").toString()).contains(item.get("evidence").get("sha256").asText());
    }

    @Test
    void aRiskReAssessmentNeedsANewReport() {
        var d = driver();
        String n = d.create("县城燃气管网改造工程（重新评估）");
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, true);
        d.assessor(n, Map.of("mode", "SELF"));
        d.riskRecords(n, LEAD, "HIGH");
        d.upload(LEAD, n, "RISK_REPORT");
        d.complete(LEAD, n, "risk-assess", "fgj", "HIGH", null);
        d.complete(ORGAN, n, "risk-finding", "gx-organ", "UNCONTROLLABLE", "管网穿越人口密集区，风险不可控");
        d.adjustDraft(n, "调整线路，避开人口密集区");
        d.riskRecords(n, LEAD, "LOW");

        var stale = d.as(LEAD).complete(d.task(n, "risk-assess").get("id").asText(), "LOW", null);
        assertThat(stale.getStatusCode().value()).isEqualTo(422);
        assertThat(stale.getBody().get("code").asText()).isEqualTo("MATERIAL_MISSING_RISK_REPORT");
        assertThat(stale.getBody().get("message").asText()).contains("本轮办理需要新的《风险评估报告》", "第1版已在上一轮使用");
        d.upload(LEAD, n, "RISK_REPORT");
        d.complete(LEAD, n, "risk-assess", "fgj", "LOW", null);
        d.complete(ORGAN, n, "risk-finding", "gx-organ", "CONTROLLABLE", null);
        assertThat(d.stage(n)).isEqualTo("LEGALITY");
    }

    @Test
    void aRedraftNeedsANewDraftAndANewInitialReview() {
        var d = driver();
        String n = d.create("县城区犬只管理规定（重新起草）");
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, false);
        d.submitForLegality(n);
        d.review(n, "ILLEGAL", null);
        d.complete(ORGAN, n, "legality-disposition", "gx-organ", "REDRAFT", "责令重新拟定草案");

        var oldDraft = d.as(LEAD).complete(d.task(n, "drafting-draft").get("id").asText(), "SUBMITTED", null);
        assertThat(oldDraft.getBody().get("code").asText()).isEqualTo("MATERIAL_MISSING_DRAFT");
        d.upload(LEAD, n, "DRAFT");
        var oldExplanation = d.as(LEAD).complete(d.task(n, "drafting-draft").get("id").asText(), "SUBMITTED", null);
        assertThat(oldExplanation.getBody().get("code").asText()).isEqualTo("MATERIAL_MISSING_DRAFTING_EXPLANATION");
        d.upload(LEAD, n, "DRAFTING_EXPLANATION");
        d.complete(LEAD, n, "drafting-draft", "fgj", "SUBMITTED", null);

        var oldReview = d.as(LEAD_LEGAL).complete(d.task(n, "drafting-initial-review").get("id").asText(), "PASSED", "已听取法律顾问和公职律师意见");
        assertThat(oldReview.getBody().get("code").asText()).isEqualTo("MATERIAL_MISSING_INITIAL_REVIEW_OPINION");
        d.upload(LEAD_LEGAL, n, "INITIAL_REVIEW_OPINION");
        d.complete(LEAD_LEGAL, n, "drafting-initial-review", "fgj-legal", "PASSED", "已听取法律顾问和公职律师意见");
        assertThat(d.openTaskKeys(n)).containsExactly("drafting-arrangements");
    }

    @Test
    void notHoldingAProcedureNamesItsGroundAndSaysWhy() {
        var d = driver();
        String n = d.create("县政府机关食堂管理办法（程序安排）");
        d.study(n);
        d.launch(n);
        d.upload(LEAD, n, "DRAFT");
        d.upload(LEAD, n, "DRAFTING_EXPLANATION");
        d.drafter(n);
        d.answerReviewQuestions(n, false, false);
        d.complete(LEAD, n, "drafting-draft", "fgj", "SUBMITTED", null);
        String path = "/api/decisions/" + n + "/arrangements/";
        var noGround = d.as(LEAD).put(path + "PARTICIPATION", Map.of("required", false, "reason", "涉密事项，依法不予公开，不公开征求意见"));
        assertThat(noGround.getBody().get("code").asText()).isEqualTo("ARRANGEMENT_GROUND_REQUIRED");
        assertThat(noGround.getBody().get("message").asText()).contains("第十七条", "涉及国家秘密，依法不予公开");
        var wrongGround = d.as(LEAD).put(path + "EXPERT", Map.of("required", false, "ground", "STATE_SECRET", "reason", "不需要专家论证的具体理由很多"));
        assertThat(wrongGround.getBody().get("code").asText()).isEqualTo("ARRANGEMENT_GROUND_REQUIRED");
        var tooShort = d.as(LEAD).put(path + "RISK", Map.of("required", false, "ground", "NO_ADVERSE_IMPACT", "reason", "无"));
        assertThat(tooShort.getBody().get("code").asText()).isEqualTo("ARRANGEMENT_REASON_REQUIRED");
        assertThat(tooShort.getBody().get("message").asText()).contains("不少于10字", "第三十六条");
        var ok = d.as(LEAD).put(path + "RISK", Map.of("required", false, "ground", "ALREADY_ASSESSED",
                "reason", "县应急管理局已于2026年6月完成该项目社会稳定风险评估"));
        assertThat(ok.getStatusCode().value()).isEqualTo(200);
        assertThat(ok.getBody().get("ground").asText()).isEqualTo("ALREADY_ASSESSED");
        assertThat(ok.getBody().get("groundLabel").asText()).isEqualTo("已按照有关规定对风险可控性进行评价、评估，不作重复评估");
    }

    private static JsonNode checklistItem(LifecycleDriver d, String n, String code) {
        for (JsonNode c : d.as(LifecycleDriver.READER).get("/api/decisions/" + n + "/checklist").getBody()) {
            if (c.get("code").asText().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no checklist item " + code);
    }
}
