package cn.juece.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;

/**
 * The public portal without login: the published catalogue with its change history and item trails, the
 * written-proposal form with its receipt number, lookup, CSRF, escaping and the per-client rate limit
 * behind the trusted proxy.
 */
class PublicPortalTest extends IntegrationTest {

    static final AtomicInteger NEXT = new AtomicInteger(10);
    static final Pattern RECEIPT = Pattern.compile("id=\"receipt\">([A-Z0-9-]+)<");

    /** Each visitor its own address, so that tests do not share a rate-limit window. */
    Visitor visitor() {
        return new Visitor(port, "203.0.113." + NEXT.incrementAndGet());
    }

    static Map<String, String> proposal(String content) {
        return Map.of("name", "张三", "contact", "13800000000", "title", "建议规范城区停车收费", "content", content);
    }

    String receiptOf(HttpResponse<String> r) {
        Matcher m = RECEIPT.matcher(r.body());
        assertThat(m.find()).as(r.body()).isTrue();
        return m.group(1);
    }

    @Test
    void aWrittenProposalGetsARandomReceiptAndItsStatusCanBeLookedUp() {
        Visitor v = visitor();
        HttpResponse<String> form = v.get("/public/proposals/new");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("冠县人民政府").contains("提出决策事项建议").contains("第十一条");
        assertThat(form.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));

        HttpResponse<String> r = v.submit("/public/proposals/new", "/public/proposals", proposal("城区停车收费标准多年未调整，建议研究。"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
        String receipt = receiptOf(r);
        assertThat(receipt).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        String second = receiptOf(v.submit("/public/proposals/new", "/public/proposals", proposal("另一条建议")));
        assertThat(second).isNotEqualTo(receipt);

        HttpResponse<String> found = v.get("/public/proposals/lookup?receipt=" + receipt.toLowerCase().replace("-", ""));
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("已收到，待登记办理").contains("城区停车收费标准多年未调整").doesNotContain("13800000000");
        HttpResponse<String> missing = visitor().get("/public/proposals/lookup?receipt=2222-2222-2222");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("没有找到该回执号的建议");

        // The decision organ registers it as a decision matter; the proposer sees the number and stage
        JsonNode list = as(LifecycleDriver.ORGAN).get("/api/public-proposals").getBody();
        long proposalId = -1;
        for (JsonNode p : list) {
            if (p.get("receipt").asText().equals(receipt)) {
                proposalId = p.get("id").asLong();
            }
        }
        var refused = as(LifecycleDriver.LEAD).post("/api/public-proposals/" + proposalId + "/register", Map.of("studyUnit", "zjj"));
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("PUBLIC_PROPOSAL_NOT_AUTHORISED");
        var registered = as(LifecycleDriver.ORGAN).post("/api/public-proposals/" + proposalId + "/register", Map.of("studyUnit", "zjj"));
        assertThat(registered.getStatusCode().value()).as(String.valueOf(registered.getBody())).isEqualTo(201);
        String number = registered.getBody().get("number").asText();
        JsonNode d = driver().decision(number);
        assertThat(d.get("source").get("code").asText()).isEqualTo("PUBLIC");
        assertThat(d.get("leadUnit").get("code").asText()).isEqualTo("zjj");
        assertThat(v.get("/public/proposals/lookup?receipt=" + receipt).body())
                .contains("已登记为决策事项建议").contains(number).contains("决策事项建议研究论证");
    }

    @Test
    void emptyFieldsAreRefusedWithTheArticleAndTheTextIsKept() {
        Visitor v = visitor();
        Map<String, String> empty = new HashMap<>(proposal(" "));
        empty.put("contact", "");
        HttpResponse<String> r = v.submit("/public/proposals/new", "/public/proposals", empty);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("请填写联系方式、建议内容").contains("第十一条").contains("value=\"张三\"");
    }

    @Test
    void whatVisitorsWriteIsShownBackEscaped() {
        Visitor v = visitor();
        String receipt = receiptOf(v.submit("/public/proposals/new", "/public/proposals",
                Map.of("name", "<b>李四</b>", "contact", "x@example.cn", "title", "<script>alert('t')</script>",
                        "content", "<script>alert(1)</script><img src=x onerror=alert(2)>")));
        String page = v.get("/public/proposals/lookup?receipt=" + receipt).body();
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;");
        String staff = new Visitor(port, "127.0.0.1").signIn(LifecycleDriver.ORGAN, PASSWORD).get("/proposals").body();
        assertThat(staff).doesNotContain("<script>alert").contains("&lt;script&gt;alert");
    }

    @Test
    void aSubmissionWithoutTheFormsCsrfTokenIsRefused() {
        Visitor v = visitor();
        v.get("/public/proposals/new");
        HttpResponse<String> r = v.post("/public/proposals", proposal("没有令牌"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("页面已过期").contains("CSRF_TOKEN_INVALID");
    }

    @Test
    void tooManySubmissionsFromOneClientAreRefusedWith429InChinese() {
        Visitor v = visitor();
        for (int i = 0; i < 5; i++) {
            assertThat(v.submit("/public/proposals/new", "/public/proposals", proposal("第" + i + "条")).statusCode()).isEqualTo(200);
        }
        HttpResponse<String> r = v.submit("/public/proposals/new", "/public/proposals", proposal("第6条"));
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.body()).contains("提交过于频繁").contains("每10分钟最多提交5次");
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
        // Another visitor behind the same proxy is not affected
        assertThat(visitor().submit("/public/proposals/new", "/public/proposals", proposal("另一位")).statusCode()).isEqualTo(200);
    }

    @Test
    void anItemExemptedFromPublicCommentShowsOnlyTheFactNotTheReason() {
        var justice = as(LifecycleDriver.JUSTICE);
        var organ = as(LifecycleDriver.ORGAN);
        String key = justice.post("/api/catalogues", Map.of("year", 2058)).getBody().get("key").asText();
        long itemId = justice.post("/api/catalogues/" + key + "/items", Map.of("name", "县级应急物资储备库选址", "leadUnit", "fgj",
                "legalBasis", "《突发事件应对法》", "plannedTime", "第三季度", "hearingPlanned", false, "enterpriseRelated", false))
                .getBody().get("id").asLong();
        publish(key, "冠发〔2058〕2号");
        String number = organ.post("/api/catalogues/" + key + "/items/" + itemId + "/decision", Map.of()).getBody().get("number").asText();
        var d = driver();
        d.study(number);
        d.launch(number);
        d.draft(number, false, true, true);   // participation not required, with its reason (Art. 17)
        String itemPage = visitor().get("/public/catalogue/2058/items/" + itemId).body();
        assertThat(itemPage).contains("该事项依法不公开征求意见（第十七条）").doesNotContain("不涉及，理由见起草说明");
    }

    /** Confirms, records the party's approval and publishes a compiled catalogue (Art. 10). */
    private void publish(String key, String approvalDocument) {
        var justice = as(LifecycleDriver.JUSTICE);
        var organ = as(LifecycleDriver.ORGAN);
        for (JsonNode t : justice.get("/api/catalogues/" + key + "/tasks").getBody()) {
            justice.post("/api/catalogues/" + key + "/tasks/" + t.get("id").asText() + "/complete", Map.of("outcome", "SUBMITTED"));
        }
        for (JsonNode t : organ.get("/api/catalogues/" + key + "/tasks").getBody()) {
            organ.post("/api/catalogues/" + key + "/tasks/" + t.get("id").asText() + "/complete", Map.of("outcome", "CONFIRMED", "reason", "确认"));
        }
        justice.put("/api/catalogues/" + key + "/party-approval", Map.of("date", "2025-12-20", "documentNumber", approvalDocument));
        for (JsonNode t : justice.get("/api/catalogues/" + key + "/tasks").getBody()) {
            justice.post("/api/catalogues/" + key + "/tasks/" + t.get("id").asText() + "/complete", Map.of("outcome", "PUBLISHED"));
        }
    }

    @Test
    void thePublishedCatalogueItsChangesAndEachItemsTrailArePublic() {
        var justice = as(LifecycleDriver.JUSTICE);
        var organ = as(LifecycleDriver.ORGAN);
        String key = justice.post("/api/catalogues", Map.of("year", 2047)).getBody().get("key").asText();
        Visitor v = visitor();
        assertThat(v.get("/public/catalogue/2047").statusCode()).isEqualTo(404);
        Map<String, Object> item = new HashMap<>(Map.of("name", "城区<集中>供热价格调整", "leadUnit", "fgj", "legalBasis", "《价格法》",
                "plannedTime", "第二季度", "hearingPlanned", true, "enterpriseRelated", true));
        long itemId = justice.post("/api/catalogues/" + key + "/items", item).getBody().get("id").asLong();
        justice.post("/api/catalogues/" + key + "/items", Map.of("name", "县城停车收费标准", "leadUnit", "fgj", "legalBasis", "《价格法》",
                "plannedTime", "9月", "hearingPlanned", false, "enterpriseRelated", false));
        publish(key, "冠发〔2047〕3号");
        long second = justice.get("/api/catalogues/" + key).getBody().get("items").get(1).get("id").asLong();
        justice.post("/api/catalogues/" + key + "/items/" + second + "/remove", Map.of("reason", "上级统一制定标准"));
        String number = organ.post("/api/catalogues/" + key + "/items/" + itemId + "/decision", Map.of()).getBody().get("number").asText();
        driver().study(number);
        driver().launch(number);

        HttpResponse<String> page = v.get("/public/catalogue/2047");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("冠县人民政府2047年度重大行政决策事项目录").contains("冠发〔2047〕3号")
                .contains("城区&lt;集中&gt;供热价格调整").contains("草案拟定").contains("已调出目录")
                .contains("删除事项").contains("上级统一制定标准");
        HttpResponse<String> itemPage = v.get("/public/catalogue/2047/items/" + itemId);
        assertThat(itemPage.body()).contains(number).contains("进入第1阶段：决策事项建议研究论证")
                .contains("进入第3阶段：草案拟定").contains("将听取企业和行业协会商会意见");
        HttpResponse<String> csv = v.get("/public/catalogue/2047/export.csv");
        assertThat(csv.body()).startsWith("\uFEFF\"序号\"").contains("调整记录");
        // the staff page of the same catalogue
        Visitor clerk = new Visitor(port, "127.0.0.1").signIn(LifecycleDriver.JUSTICE, PASSWORD);
        String staff = clerk.get("/catalogue/" + key).body();
        assertThat(staff).contains("冠县人民政府2047年度重大行政决策事项目录").contains("已公布").contains(number).contains("办理记录")
                .contains("2025年12月20日，冠发〔2047〕3号");
        assertThat(clerk.get("/catalogue/" + key + "/items/" + itemId + "/edit").body()).contains("城区&lt;集中&gt;供热价格调整");
        // on the staff page too, a change of the published catalogue without a reason is refused, with the message
        Matcher token = Visitor.CSRF.matcher(staff);
        assertThat(token.find()).isTrue();
        HttpResponse<String> refused = clerk.post("/catalogue/" + key + "/items/" + itemId + "/remove", Map.of("reason", "", "_csrf", token.group(1)));
        assertThat(refused.statusCode()).isEqualTo(302);
        String back = clerk.get(refused.headers().firstValue("Location").orElseThrow().replaceFirst("^http://[^/]+", "")).body();
        assertThat(back).contains("CATALOGUE_CHANGE_REASON_REQUIRED").contains("须说明调整原因");

        // the item's trail grows with the decision: its comment notice (with the draft) and the meeting's result
        var d = driver();
        d.draft(number, true, false, false);
        java.time.LocalDate closes = commentWindowEnd(31);
        long consultation = as(LifecycleDriver.LEAD).post("/api/decisions/" + number + "/consultations", Map.of("noticeText", "请提出意见",
                "channels", java.util.List.of("冠县发布"), "closesOn", closes.toString())).getBody().get("id").asLong();
        assertThat(v.get("/public/catalogue/2047/items/" + itemId).body()).contains("决策草案征求意见", "征求意见中",
                "/public/consultations/" + consultation);
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                closes.plusDays(1).atStartOfDay(cn.juece.support.AppClock.ZONE).plusHours(9).toInstant()));
        assertThat(fireDueTimers(number, "comment-window-ends")).as("the comment window's timer").isEqualTo(1);
        as(LifecycleDriver.LEAD).post("/api/consultations/" + consultation + "/feedback", Map.of("summary", "未收到意见"));
        d.participate(number);
        d.submitForLegality(number);
        d.review(number, "PASSED", null);
        // the item is marked enterprise-related in the catalogue: that seeds Art. 19's answer (DECISIONS.md 9)
        d.upload(LifecycleDriver.LEAD, number, "MEETING_REQUEST");
        var seeded = as(LifecycleDriver.LEAD).complete(d.task(number, "meeting-submit").get("id").asText(), "SUBMITTED", null);
        assertThat(seeded.getBody().get("code").asText()).isEqualTo("ENTERPRISE_OPINIONS_MISSING");
        d.meeting(number, "APPROVED");
        assertThat(v.get("/public/catalogue/2047/items/" + itemId).body()).contains("集体讨论决定：", "同意（县政府第15次常务会议）", "已公布采纳情况");
        // once published, it is listed with the meeting's result and the feedback on the opinions
        d.publish(number);
        assertThat(v.get("/public/decisions").body()).contains("城区&lt;集中&gt;供热价格调整", number, "集体讨论决定：同意",
                "县政府公报（《冠县人民政府公报》2026年第6期）、县政府网站、政务新媒体（冠县发布）", "/public/consultations/" + consultation);
        assertThat(justice.get("/api/catalogues/" + key).getBody().get("items").get(0).get("removed").asBoolean()).isFalse();
    }

    @Test
    void forwardedHeadersAreTrustedOnlyFromTheConfiguredProxies() {
        ClientAddress a = new ClientAddress(List.of("127.0.0.1", "10.0.0.5"));
        assertThat(a.of("127.0.0.1", "198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(a.of("127.0.0.1", "1.2.3.4, 198.51.100.7, 10.0.0.5")).isEqualTo("198.51.100.7");
        assertThat(a.of("198.51.100.9", "1.2.3.4")).isEqualTo("198.51.100.9");
        assertThat(a.of("127.0.0.1", "<script>")).isEqualTo("127.0.0.1");
        assertThat(a.of("127.0.0.1", null)).isEqualTo("127.0.0.1");
        ClientAddress ranges = new ClientAddress(List.of("10.0.0.0/8", "::1"));
        assertThat(ranges.of("10.20.30.40", "198.51.100.7, 10.1.1.1")).isEqualTo("198.51.100.7");
        assertThat(ranges.of("11.0.0.1", "198.51.100.7")).isEqualTo("11.0.0.1");
        assertThat(ranges.of("0:0:0:0:0:0:0:1", "2001:db8::7")).isEqualTo("2001:db8::7");
        assertThat(ranges.of("10.0.0.1", "example.org")).isEqualTo("10.0.0.1");
    }
}
