package cn.juece.publication;

import static cn.juece.LifecycleDriver.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.decision.DecisionService;
import cn.juece.notification.Outbox;
import cn.juece.notification.OutboxMail;
import cn.juece.support.EngineRestRefusal;

/**
 * Issue 13, stage 9 (Art. 51, 52; openness excerpt): issuing after the party committee report and the Art. 51
 * route, the 〔〕 document number, publication with its basis and channels, the portal's decision page, and the 10
 * working days for the opinions' adoption counted from the issuing day across the National Day holiday.
 */
class PublicationTest extends IntegrationTest {

    @Autowired
    DecisionService decisions;
    @Autowired
    Outbox outbox;

    /** A visitor of the portal without an account. */
    final class Anonymous {
        private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

        java.net.http.HttpResponse<String> get(String path) throws Exception {
            return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        }
    }


    @Test
    void issuedOnFridaySeptember26ThePublicationOfTheOpinionsAdoptionIsDueOnOctober16RemindedAndEscalated() throws Exception {
        var d = driver();
        clockAt("2025-08-04T09:00:00");
        String n = d.create("城区集中供热价格调整方案（公布）");
        d.approveWithoutOptionalProcedures(n);
        assertThat(d.stage(n)).isEqualTo("PUBLICATION");

        clockAt("2025-09-26T10:00:00");                          // Fri: issued (印发)
        d.upload(OFFICE, n, "DECISION_DOCUMENT");
        String issue = d.task(n, "publication-party-report").get("id").asText();
        var party = d.as(OFFICE).complete(issue, "ISSUED", null);
        assertThat(party.getBody().get("code").asText()).isEqualTo("PARTY_REPORT_MISSING");
        String path = "/api/decisions/" + n + "/publication/issuance";
        assertThat(d.as(LEAD).put(path, Map.of("docNumber", "冠政发〔2025〕8号")).getStatusCode().value()).isEqualTo(403);
        for (String wrong : new String[] {"冠政发[2025]8号", "冠政发（2025）8号", "冠政发〔2025〕08号", "冠政发〔2025〕8"}) {
            var r = d.as(OFFICE).put(path, Map.of("docNumber", wrong));
            assertThat(r.getBody().get("code").asText()).as(wrong).isEqualTo("DOC_NUMBER_INVALID");
            assertThat(r.getBody().get("message").asText()).contains("六角括号“〔〕”", "冠政发〔2026〕8号");
        }
        d.as(OFFICE).put(path, Map.of("partyReportOn", "2025-09-25", "partyReportRef", "冠政请〔2025〕21号"));
        assertThat(d.as(OFFICE).complete(issue, "ISSUED", null).getBody().get("code").asText()).isEqualTo("ART51_ROUTE_UNANSWERED");
        d.as(OFFICE).put(path, Map.of("route", "NPC_REPORT", "routeRef", "向县人大常委会报告"));
        EngineRestRefusal.assertRefused(d.as(OFFICE).raw().post().uri("/engine-rest/task/" + issue + "/complete")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", Map.of("outcome", Map.of("value", "ISSUED", "type", "String"))))
                .retrieve().toEntity(JsonNode.class), "ART51_ROUTE_PENDING", "第五十一条");
        d.as(OFFICE).put(path, Map.of("routeDoneOn", "2025-09-25", "docNumber", "冠政发〔2025〕8号", "issuedOn", "2025-09-26"));
        d.complete(OFFICE, n, "publication-party-report", "bgs", "ISSUED", null);

        clockAt("2025-09-28T10:00:00");                          // Sun (a make-up working day): published on the portal
        String publish = d.task(n, "publication-publish").get("id").asText();
        var channels = d.as(OFFICE).complete(publish, "PUBLISHED", "县政府网站");
        assertThat(channels.getBody().get("code").asText()).isEqualTo("PUBLICATION_CHANNELS_MISSING");
        assertThat(channels.getBody().get("message").asText()).contains("县政府公报期号", "政府网站链接", "决策依据");
        d.recordChannels(n);
        var qa = d.as(OFFICE).post("/api/decisions/" + n + "/publication/interpretations", Map.of("kind", "QA",
                "title", "供热价格调整政策问答", "url", "http://www.guanxian.gov.cn/zcjd/qa.html"));
        assertThat(qa.getStatusCode().value()).as(String.valueOf(qa.getBody())).isEqualTo(201);
        assertThat(d.as(OFFICE).post("/api/decisions/" + n + "/publication/notice", Map.of()).getStatusCode().value()).isEqualTo(201);
        d.complete(OFFICE, n, "publication-publish", "bgs", "PUBLISHED", "县政府网站、县政府公报");

        // the feedback step counts from the issuing day, not from today: due Thu 2025-10-16
        JsonNode feedback = d.task(n, "publication-feedback");
        assertThat(feedback.get("dates").get(0).get("kind").asText()).isEqualTo("DEADLINE");
        assertThat(feedback.get("dates").get(0).get("date").asText()).isEqualTo("2025-10-16");
        clockAt("2025-10-14T08:59:00");
        assertThat(fireDueTimers(n, "publication-feedback")).isZero();
        clockAt("2025-10-14T09:01:00");                          // two working days before the last day
        assertThat(fireDueTimers(n, "publication-feedback")).isEqualTo(1);
        clockAt("2025-10-16T23:59:00");
        assertThat(fireDueTimers(n, "publication-feedback")).isZero();
        clockAt("2025-10-17T00:00:30");
        assertThat(fireDueTimers(n, "publication-feedback")).isEqualTo(1);
        long id = decisions.get(n).id();
        assertThat(outbox.forDecision(id)).extracting(OutboxMail::kind).contains("PERIOD_REMINDER", "PERIOD_ESCALATION");
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("于2025年10月16日届满未办结"));

        String fb = d.task(n, "publication-feedback").get("id").asText();
        assertThat(d.as(LEAD).complete(fb, "PUBLISHED", "县政府网站").getBody().get("code").asText()).isEqualTo("MATERIAL_MISSING_ADOPTION_SUMMARY");
        d.adoptionSummary(n);
        d.complete(LEAD, n, "publication-feedback", "fgj", "PUBLISHED", "县政府网站决策公开专栏");

        // the portal's decision page, from the publication facts
        var v = new Anonymous();
        String page = v.get("/public/decisions/" + n).body();
        assertThat(page).contains("城区集中供热价格调整方案（公布）", "冠政发〔2025〕8号", "2025年9月26日", "《中华人民共和国价格法》第二十三条",
                "供热价格调整政策问答", "决策公布公告（PDF）", "意见收集采纳情况",
                "<dt>决策机关</dt><dd id=\"deciding-organ\">冠县人民政府</dd>");
        var notice = v.get("/public/decisions/" + n + "/notice.pdf");
        assertThat(notice.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(v.get("/public/decisions/GX-2099-9999").statusCode()).isEqualTo(404);
        JsonNode facts = d.as(READER).get("/api/decisions/" + n + "/facts").getBody();
        assertThat(facts.toString()).contains("冠政发〔2025〕8号", "2025-09-26", "NPC_REPORT");
    }
}
