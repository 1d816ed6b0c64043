package cn.juece.portal;

import static cn.juece.LifecycleDriver.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;

/**
 * The portal's page of a decision in execution (Art. 52-55): the units and their tasks, the progress the organ
 * published, a suspension with its ground; the public's opinion through the page's form (CSRF, rate limit) with a
 * receipt, recorded, routed to the execution unit concerned and answered, and the answer read by receipt — never the
 * contact details.
 */
class ExecutionOnThePortalTest extends IntegrationTest {

    static final Pattern RECEIPT = Pattern.compile("id=\"receipt\">([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})<");

    @Test
    void aCitizensOpinionIsRecordedRoutedAnsweredAndLookedUpByReceipt() {
        var d = driver();
        String n = d.published("县城区公共自行车系统建设方案（执行公开）");
        var visitor = new Visitor(port, "203.0.113.61");
        // before the units are named, the page says so and the form is open (the decision is in execution)
        assertThat(visitor.get("/public/decisions/" + n).body()).contains("决策机关尚未明确执行单位", "对决策执行提出意见建议");
        d.assignExecution(n, "QUARTERLY", LifecycleDriver.localToday().plusMonths(1), "fgj", "zjj");
        String page = visitor.get("/public/decisions/" + n).body();
        assertThat(page).contains("县发展和改革局", "县住房和城乡建设局", "负责设施建设和改造，督促运营企业落实", "同意（县政府第15次常务会议）");

        // the form, as a browser sends it (CSRF cookie and token); without the token it is refused
        assertThat(visitor.post("/public/decisions/" + n + "/feedback", Map.of("content", "无令牌")).statusCode()).isEqualTo(403);
        var empty = visitor.submit("/public/decisions/" + n, "/public/decisions/" + n + "/feedback", Map.of("content", " "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("请填写意见建议的内容", "id=\"form-error\"");
        var sent = visitor.submit("/public/decisions/" + n, "/public/decisions/" + n + "/feedback", Map.of(
                "content", "建议在老旧小区增设还车点<script>alert(1)</script>", "authorName", "李四", "contact", "13800000001"));
        assertThat(sent.statusCode()).isEqualTo(200);
        Matcher m = RECEIPT.matcher(sent.body());
        assertThat(m.find()).as(sent.body()).isTrue();
        String receipt = m.group(1);
        String received = visitor.get("/public/feedback/lookup?receipt=" + receipt.toLowerCase()).body();
        assertThat(received).contains(receipt, "已收到，待转交", "&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("13800000001", "<script>alert");
        assertThat(visitor.get("/public/feedback/lookup?receipt=2222-2222-2222").statusCode()).isEqualTo(404);

        // staff: a letter entered with its day; the portal's opinion routed to the unit concerned and answered by it
        var letter = d.as(ORGAN).post("/api/decisions/" + n + "/execution/feedback", Map.of("channel", "LETTER", "authorName", "王五",
                "content", "建议延长夜间运营时间", "receivedOn", LifecycleDriver.localToday().toString()));
        assertThat(letter.getStatusCode().value()).as(String.valueOf(letter.getBody())).isEqualTo(200);
        assertThat(letter.getBody().get("receipt").asText()).hasSize(12);
        var portalChannel = d.as(ORGAN).post("/api/decisions/" + n + "/execution/feedback", Map.of("channel", "PORTAL", "content", "x",
                "receivedOn", LifecycleDriver.localToday().toString()));
        assertThat(portalChannel.getBody().get("code").asText()).isEqualTo("FEEDBACK_CHANNEL_REQUIRED");
        long id = feedbackId(d, n, receipt);
        var notExecution = d.as(ORGAN).put("/api/decisions/" + n + "/execution/feedback/" + id + "/route", Map.of("unit", "jtj"));
        assertThat(notExecution.getBody().get("code").asText()).isEqualTo("FEEDBACK_UNIT_NOT_EXECUTION_UNIT");
        var byUnit = d.as(LEAD).put("/api/decisions/" + n + "/execution/feedback/" + id + "/route", Map.of("unit", "zjj"));
        assertThat(byUnit.getStatusCode().value()).isEqualTo(403);
        assertThat(d.as(ORGAN).put("/api/decisions/" + n + "/execution/feedback/" + id + "/route", Map.of("unit", "zjj"))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(visitor.get("/public/feedback/lookup?receipt=" + receipt).body()).contains("已转交执行单位办理", "县住房和城乡建设局");
        var otherUnit = d.as(LEAD).put("/api/decisions/" + n + "/execution/feedback/" + id + "/answer", Map.of("answer", "代答"));
        assertThat(otherUnit.getStatusCode().value()).isEqualTo(403);
        assertThat(otherUnit.getBody().get("code").asText()).isEqualTo("NOT_EXECUTION_UNIT");
        var answered = d.as("zjj_sun").put("/api/decisions/" + n + "/execution/feedback/" + id + "/answer",
                Map.of("answer", "已纳入二期建设计划，年内在三个老旧小区增设还车点"));
        assertThat(answered.getStatusCode().value()).as(String.valueOf(answered.getBody())).isEqualTo(200);
        String lookup = visitor.get("/public/feedback/lookup?receipt=" + receipt).body();
        assertThat(lookup).contains("已答复", "已纳入二期建设计划，年内在三个老旧小区增设还车点", "县住房和城乡建设局").doesNotContain("13800000001");
        assertThat(d.auditActions(n)).contains("EXECUTION_FEEDBACK_RECEIVED", "EXECUTION_FEEDBACK_ROUTED", "EXECUTION_FEEDBACK_ANSWERED");

        // the page shows what the organ published and a suspension with its ground
        d.report(LEAD, n, "完成首批站点选址（内部）", false);
        long period = d.as(READER).get("/api/decisions/" + n + "/execution").getBody().get("reports").get(0).get("id").asLong();
        d.as(ORGAN).put("/api/decisions/" + n + "/execution/reports/" + period + "/publication", Map.of("summary", "首批20个站点选址完成"));
        d.suspend(n, "站点所在道路突发塌陷，需紧急排查");
        String after = visitor.get("/public/decisions/" + n).body();
        assertThat(after).contains("首批20个站点选址完成", "中止执行", "客观情况发生重大变化", "站点所在道路突发塌陷，需紧急排查",
                "情况紧急，行政首长先行决定").doesNotContain("完成首批站点选址（内部）");

        // submissions are limited per visitor (5 per 10 minutes by default)
        int status = 0;
        for (int i = 0; i < 5 && status != 429; i++) {
            status = visitor.submit("/public/decisions/" + n, "/public/decisions/" + n + "/feedback", Map.of("content", "第" + i + "条")).statusCode();
        }
        assertThat(status).isEqualTo(429);
    }

    @Test
    void aDecisionNotYetPublishedHasNoPublicPage() {
        var d = driver();
        String n = d.create("县城区夜间照明改造方案（未公布）");
        var visitor = new Visitor(port, "203.0.113.62");
        assertThat(visitor.get("/public/decisions/" + n).statusCode()).isEqualTo(404);
        assertThat(visitor.get("/public/decisions/GX-2099-9999").statusCode()).isEqualTo(404);
    }

    private static long feedbackId(LifecycleDriver d, String n, String receipt) {
        for (JsonNode f : d.as(ORGAN).get("/api/decisions/" + n + "/execution").getBody().get("feedback")) {
            if (ReceiptNumbers.display(f.get("receipt").asText()).equals(receipt)) {
                return f.get("id").asLong();
            }
        }
        throw new AssertionError("no feedback " + receipt);
    }
}
