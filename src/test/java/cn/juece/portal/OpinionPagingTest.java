package cn.juece.portal;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;
import cn.juece.support.StaffBrowser;

/**
 * A consultation's opinions are read a page at a time (issue 17): by staff over the API and on the participation
 * page, by the public on the consultation page (published ones only, DECISIONS.md 17); the portal's lists are paged
 * too; bad paging refused with PAGE_INVALID / SORT_INVALID, never a page of every row.
 */
class OpinionPagingTest extends IntegrationTest {

    @Test
    void opinionsArePagedForStaffAndThePublic() {
        var d = driver();
        String n = d.create("县城区公厕改造方案（意见分页）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        long id = d.as(LEAD).post("/api/decisions/" + n + "/consultations", Map.of("noticeText", "请于截止日前提出意见。",
                "channels", List.of("冠县发布"), "closesOn", LocalDate.now(AppClock.ZONE).plusDays(40).toString())).getBody().get("id").asLong();
        for (int i = 0; i < 5; i++) {
            var r = d.as(LEAD).post("/api/consultations/" + id + "/opinions", Map.of("authorName", "来信人" + i, "contact", "信函地址",
                    "content", "第" + i + "封来信：建议增设无障碍厕位", "channel", "LETTER"));
            assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        }

        // the API: in the order received, exact boundaries
        var first = d.as(LEAD).get("/api/consultations/" + id + "/opinions?size=2");
        assertThat(first.getHeaders().getFirst("X-Total-Count")).isEqualTo("5");
        assertThat(first.getBody()).hasSize(2);
        assertThat(first.getBody().get(0).get("content").asText()).startsWith("第0封");
        JsonNode last = d.as(LEAD).get("/api/consultations/" + id + "/opinions?size=2&page=2").getBody();
        assertThat(last).hasSize(1);
        assertThat(last.get(0).get("content").asText()).startsWith("第4封");
        assertThat(d.as(LEAD).get("/api/consultations/" + id + "/opinions?size=2&page=3").getBody()).isEmpty();
        assertThat(d.as(LEAD).get("/api/consultations/" + id + "/opinions?size=201").getBody().get("code").asText()).isEqualTo("PAGE_INVALID");
        assertThat(d.as(LEAD).get("/api/consultations/" + id + "/opinions?sort=due").getBody().get("code").asText()).isEqualTo("SORT_INVALID");

        // the participation page: this consultation's opinions two at a time, the section's counts over all of them
        var staff = new StaffBrowser(port, LEAD, PASSWORD);
        String page1 = staff.get("/decisions/" + n + "/participation?opsize=2");
        assertThat(page1).contains("第1页，共3页（5项）", "下一页", "第0封", "收到意见5条，待答复5条").doesNotContain("第2封", "上一页");
        String page3 = staff.get("/decisions/" + n + "/participation?opsize=2&op" + id + "=2");
        assertThat(page3).contains("第3页，共3页（5项）", "上一页", "第4封").doesNotContain("第0封");

        // the public sees the published ones only (先审后发 where moderated), a page at a time
        JsonNode all = d.as(LEAD).get("/api/consultations/" + id + "/opinions").getBody();
        for (int i = 0; i < 3; i++) {
            d.as(LEAD).put("/api/opinions/" + all.get(i).get("id").asLong() + "/moderation", Map.of("publish", true));
        }
        long shown = d.as(LEAD).get("/api/consultations/" + id + "/opinions?published=true&size=200").getBody().size();
        Visitor citizen = new Visitor(port, "203.0.113.91");
        String pub = citizen.get("/public/consultations/" + id + "?size=2").body();
        assertThat(pub).contains("共收到意见 <strong>5</strong> 条", "第1页，共" + ((shown + 1) / 2) + "页（" + shown + "项）", "下一页");
        assertThat(citizen.get("/public/consultations/" + id + "?size=2&page=1").body()).contains("上一页");
        assertThat(citizen.get("/public/consultations/" + id + "?page=-1").statusCode()).isEqualTo(400);
    }

    @Test
    void thePortalListsArePaged() {
        var d = driver();
        for (String title : List.of("县城区绿道建设方案（门户分页一）", "县城区绿道建设方案（门户分页二）")) {
            String n = d.create(title);
            d.study(n);
            d.launch(n);
            d.draft(n, true, false, false);
            d.as(LEAD).post("/api/decisions/" + n + "/consultations", Map.of("noticeText", "请提出意见。",
                    "channels", List.of("冠县发布"), "closesOn", LocalDate.now(AppClock.ZONE).plusDays(40).toString()));
        }
        Visitor citizen = new Visitor(port, "203.0.113.92");
        String first = citizen.get("/public/consultations?size=1").body();
        assertThat(first).contains("县城区绿道建设方案（门户分页二）", "下一页").doesNotContain("门户分页一", "上一页");
        String second = citizen.get("/public/consultations?size=1&page=1").body();
        assertThat(second).contains("县城区绿道建设方案（门户分页一）", "上一页");
        assertThat(citizen.get("/public/consultations?size=500").statusCode()).isEqualTo(400);
        assertThat(citizen.get("/public/consultations?page=x").statusCode()).isEqualTo(400);
        assertThat(citizen.get("/public/decisions?size=1").statusCode()).isEqualTo(200);
        assertThat(citizen.get("/public/decisions?size=0").statusCode()).isEqualTo(400);
    }
}
