package cn.juece.meeting;

import static cn.juece.LifecycleDriver.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.support.EngineRestRefusal;
import cn.juece.support.PageSession;

/**
 * Issue 13, stage 8 (Art. 48-51): the Art. 49 materials before the agenda (one refusal naming all), the record in
 * Art. 50's order with each member's view by name, the majority counted and a head overriding it only with a
 * reason, the step's outcome held to the recorded decision, the minutes generated, the openness count.
 */
class CollectiveDecisionTest extends IntegrationTest {

    String reviewed(LifecycleDriver d, String title) {
        String n = d.create(title);
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, false);
        d.submitForLegality(n);
        d.review(n, "PASSED", null);
        return n;
    }

    @Test
    void theSubmissionNamesEveryMissingArt49MaterialAndTheAgendaTakesOnlySubmittedDecisions() throws Exception {
        var d = driver();
        String n = reviewed(d, "县城公共停车场收费标准（提请讨论）");
        String submit = d.task(n, "meeting-submit").get("id").asText();
        var refused = d.as(LEAD).complete(submit, "SUBMITTED", null);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("MEETING_MATERIALS_INCOMPLETE");
        assertThat(refused.getBody().get("message").asText()).contains("《提请集体讨论的请示》", "第四十九条", "第十九条");
        EngineRestRefusal.assertRefused(d.as(LEAD).raw().post().uri("/engine-rest/task/" + submit + "/complete")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", Map.of("outcome", Map.of("value", "SUBMITTED", "type", "String"))))
                .retrieve().toEntity(JsonNode.class), "MEETING_MATERIALS_INCOMPLETE", "《提请集体讨论的请示》");

        // the agenda: only the government office, only a decision submitted with its materials
        long meeting = d.scheduleMeeting("县政府第901次常务会议");
        var lead = d.as(LEAD).post("/api/meetings/" + meeting + "/agenda", Map.of("decision", n));
        assertThat(lead.getStatusCode().value()).isIn(403, 404);
        PageSession office = new PageSession(port).signIn(OFFICE, PASSWORD);
        String page = office.get("/meetings/" + meeting).body();
        var early = office.post("/meetings/" + meeting + "/agenda", "decision=" + n + "&_csrf=" + PageSession.csrf(page),
                "http://127.0.0.1:" + port + "/meetings/" + meeting);
        assertThat(early.statusCode()).isEqualTo(302);
        assertThat(office.get("/meetings/" + meeting).body()).contains("MEETING_NOT_SUBMITTED", "尚未由承办单位提请集体讨论");
        var api = d.as(OFFICE).post("/api/meetings/" + meeting + "/agenda", Map.of("decision", n));
        assertThat(api.getBody().get("code").asText()).isEqualTo("MEETING_NOT_SUBMITTED");

        d.submitForMeeting(n);
        assertThat(d.as(OFFICE).post("/api/meetings/" + meeting + "/agenda", Map.of("decision", n)).getStatusCode().value()).isEqualTo(201);
        // the meetings page lists it; the openness count sees the citizen representative sitting in
        String list = office.get("/meetings?size=200").body();   // paged, the latest day first
        assertThat(list).contains("县政府第901次常务会议", "有利益相关方、公众、专家或媒体列席");
        assertThat(d.as(OFFICE).get("/api/meetings/openness?year=" + LifecycleDriver.today().substring(0, 4)).getBody().get("count").asInt())
                .isPositive();
    }

    @Test
    void theMajorityIsCountedAHeadOverridingItNeedsAReasonAndTheStepTakesOnlyTheRecordedDecision() {
        var d = driver();
        String n = reviewed(d, "城区夜市经营管理办法（集体讨论）");
        d.submitForMeeting(n);
        long meeting = d.scheduleMeeting("县政府第902次常务会议");
        long item = d.as(OFFICE).post("/api/meetings/" + meeting + "/agenda", Map.of("decision", n)).getBody().get("id").asLong();
        String base = "/api/meetings/" + meeting + "/items/" + item;

        // Art. 50's order: the explanations first
        var order = d.as(OFFICE).put(base + "/views/fxz_li", Map.of("view", "AGREE"));
        assertThat(order.getBody().get("code").asText()).isEqualTo("MEETING_ORDER");
        d.as(OFFICE).put(base + "/explanations", Map.of("leadExplanation", "说明夜市选址和管理方式", "legalityExplanation", "经审查合法"));
        var head = d.as(OFFICE).put(base + "/views/" + HEAD, Map.of("view", "AGREE"));
        assertThat(head.getBody().get("code").asText()).isEqualTo("HEAD_IS_NOT_A_VOTE");
        assertThat(d.as(OFFICE).put(base + "/views/fxz_li", Map.of("view", "AGREE", "remarks", "有利于夜间经济")).getStatusCode().value()).isEqualTo(200);
        var incomplete = d.as(OFFICE).put(base + "/decision", Map.of("decision", "APPROVED"));
        assertThat(incomplete.getBody().get("code").asText()).isEqualTo("MEETING_RECORD_INCOMPLETE");
        assertThat(incomplete.getBody().get("message").asText()).contains("赵文静的意见", "钱志强的意见");
        d.as(OFFICE).put(base + "/views/fxz_zhao", Map.of("view", "DISAGREE", "remarks", "噪声扰民问题未解决"));
        d.as(OFFICE).put(base + "/views/fxz_qian", Map.of("view", "DISAGREE", "remarks", "占道经营存在安全隐患"));

        // two of three disagree: the head's 同意 differs from the majority and needs a reason (Art. 50)
        var noReason = d.as(OFFICE).put(base + "/decision", Map.of("decision", "APPROVED"));
        assertThat(noReason.getBody().get("code").asText()).isEqualTo("MEETING_OVERRIDE_REASON_REQUIRED");
        assertThat(noReason.getBody().get("message").asText()).contains("多数意见为“不同意”", "同意1人、不同意2人、弃权0人", "应当在会上说明理由");
        var thin = d.as(OFFICE).put(base + "/decision", Map.of("decision", "APPROVED", "overrideReason", "同意"));
        assertThat(thin.getBody().get("code").asText()).isEqualTo("MEETING_OVERRIDE_REASON_REQUIRED");
        var ok = d.as(OFFICE).put(base + "/decision", Map.of("decision", "APPROVED",
                "overrideReason", "噪声和安全问题已在方案第六条、第九条设定整改措施，试行一年后评估"));
        assertThat(ok.getStatusCode().value()).as(String.valueOf(ok.getBody())).isEqualTo(200);

        // the step: its outcome must be the recorded decision, and the minutes generated from the record
        String decide = d.task(n, "meeting-decide").get("id").asText();
        var mismatch = d.as(HEAD).complete(decide, "REJECTED", "县政府第902次常务会议");
        assertThat(mismatch.getBody().get("code").asText()).isEqualTo("MEETING_OUTCOME_MISMATCH");
        EngineRestRefusal.assertRefused(d.as(HEAD).raw().post().uri("/engine-rest/task/" + decide + "/complete")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", Map.of("outcome", Map.of("value", "REJECTED", "type", "String"),
                        "reason", Map.of("value", "会议", "type", "String")))).retrieve().toEntity(JsonNode.class),
                "MEETING_OUTCOME_MISMATCH", "与会议记录中行政首长的决定“同意”不一致");
        var noMinutes = d.as(HEAD).complete(decide, "APPROVED", "县政府第902次常务会议");
        assertThat(noMinutes.getBody().get("code").asText()).isEqualTo("MATERIAL_MISSING_MEETING_MINUTES");
        d.minutes(meeting, item);
        d.complete(HEAD, n, "meeting-decide", "gx-head", "APPROVED", "县政府第902次常务会议");
        assertThat(d.stage(n)).isEqualTo("PUBLICATION");

        // dissent is kept by name (Art. 60) and the record can no longer change
        JsonNode m = d.as(JUSTICE).get("/api/meetings/" + meeting).getBody();
        assertThat(m.get("items").get(0).get("views").toString()).contains("赵文静", "DISAGREE", "噪声扰民问题未解决");
        assertThat(m.get("items").get(0).get("majority").asText()).isEqualTo("不同意");
        assertThat(d.as(OFFICE).put(base + "/views/fxz_zhao", Map.of("view", "AGREE")).getBody().get("code").asText()).isEqualTo("MEETING_ITEM_DECIDED");
        JsonNode facts = d.as(READER).get("/api/decisions/" + n + "/facts").getBody();
        assertThat(facts.toString()).contains("MEETING_DECISION", "meetingItemId");
    }

    @Test
    void aHeadFollowingTheMajorityNeedsNoReasonAndNotAgreedEndsTheMatter() {
        var d = driver();
        String n = reviewed(d, "县城区限制货车通行规定（不同意）");
        d.meeting(n, "REJECTED");                        // two of three disagree, the head does not agree
        assertThat(d.stage(n)).isEqualTo("ARCHIVE");
        assertThat(d.openTaskKeys(n)).containsExactly("archive-file");
    }
}
