package cn.juece.portal;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;

/**
 * The public comment on the portal (Art. 18, 20): the notice with its deadline and the draft, a comment
 * without an account and its receipt, moderation before display, escaping, lookup, and refusal after the
 * window — with CSRF and the per-client rate limit of the portal.
 */
class PublicCommentPortalTest extends IntegrationTest {

    @Test
    void aCitizenCommentsAndFindsTheCommentByReceipt() {
        var d = driver();
        String n = d.create("县城区流动摊贩管理办法（门户征求意见）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        LocalDate closes = LocalDate.now(AppClock.ZONE).plusDays(35);
        long id = d.as(LEAD).post("/api/decisions/" + n + "/consultations", Map.of("noticeText", "请于截止日前在本页提出意见。",
                "channels", List.of("冠县发布"), "closesOn", closes.toString())).getBody().get("id").asLong();

        Visitor citizen = new Visitor(port, "203.0.113.71");
        String list = citizen.get("/public/consultations").body();
        assertThat(list).contains("县城区流动摊贩管理办法", "征求意见中", "截止时间：");
        String page = citizen.get("/public/consultations/" + id).body();
        assertThat(page).contains("请于截止日前在本页提出意见。", "下载决策草案", "下载起草说明", "提出意见");
        // one portal serves every deciding organ of the installation (Art. 64): the page says whose matter it is
        assertThat(page).contains("<p id=\"deciding-organ\">决策机关：<span>冠县人民政府</span></p>");
        assertThat(citizen.get("/public/consultations/" + id + "/materials/DRAFT").statusCode()).isEqualTo(200);

        // an empty comment is refused, the form keeps what was typed
        var empty = citizen.submit("/public/consultations/" + id, "/public/consultations/" + id + "/opinions",
                Map.of("content", " ", "authorName", "钱七"));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("请填写意见内容", "钱七");

        var sent = citizen.submit("/public/consultations/" + id, "/public/consultations/" + id + "/opinions",
                Map.of("content", "<script>alert('x')</script>摊位应按片区划定", "authorName", "钱七", "contact", "13900000000", "quotable", "true"));
        assertThat(sent.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("id=\"receipt\">([A-Z0-9-]+)<").matcher(sent.body());
        assertThat(m.find()).isTrue();
        String receipt = m.group(1);

        // shown only after moderation (先审后发), escaped, never with the contact
        assertThat(citizen.get("/public/consultations/" + id).body()).doesNotContain("摊位应按片区划定").contains("共收到意见 <strong>1</strong> 条");
        long opinionId = d.as(LEAD).get("/api/consultations/" + id + "/opinions").getBody().get(0).get("id").asLong();
        d.as(LEAD).put("/api/opinions/" + opinionId + "/moderation", Map.of("publish", true));
        String shown = citizen.get("/public/consultations/" + id).body();
        assertThat(shown).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;摊位应按片区划定", "钱七").doesNotContain("<script>alert").doesNotContain("13900000000");
        assertThat(citizen.get("/public/consultations/lookup?receipt=" + receipt.toLowerCase()).body()).contains("已公开显示", "尚未公布采纳情况");

        // after the last day's 24:00 the portal refuses with the reason
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(closes.plusDays(1), java.time.LocalTime.of(0, 0, 1)).atZone(AppClock.ZONE).toInstant()));
        String closed = citizen.get("/public/consultations/" + id).body();
        assertThat(closed).contains("已截止").doesNotContain("提交意见");
        var late = new Visitor(port, "203.0.113.72").post("/public/consultations/" + id + "/opinions", Map.of("content", "晚了"));
        assertThat(late.statusCode()).isIn(403, 422);
    }
}
