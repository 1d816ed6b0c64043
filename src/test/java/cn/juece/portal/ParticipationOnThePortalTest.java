package cn.juece.portal;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;

/**
 * The public applies for a hearing on the portal and sees the published participants (Art. 23-24); the
 * public answers a questionnaire and sees its tally (Art. 27).
 */
class ParticipationOnThePortalTest extends IntegrationTest {

    @Test
    void aCitizenAppliesForAHearingAndSeesTheParticipantsPublished() {
        var d = driver();
        String n = d.create("县城区自来水阶梯价格调整（门户听证）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        LocalDate today = LocalDate.now(AppClock.ZONE);
        d.as(LEAD).put("/api/decisions/" + n + "/hearing-requirement", Map.of("required", true, "grounds", List.of("LAW")));
        long id = d.as(LEAD).post("/api/decisions/" + n + "/hearings", Map.of("title", "自来水阶梯价格调整听证会",
                "heldOn", today.plusDays(25).toString(), "place", "县政府第二会议室", "seats", 3,
                "applyUntil", today.plusDays(5).toString())).getBody().get("id").asLong();

        Visitor citizen = new Visitor(port, "203.0.113.81");
        assertThat(citizen.get("/public/consultations").body()).contains("自来水阶梯价格调整听证会", "报名截止：");
        String page = citizen.get("/public/hearings/" + id).body();
        assertThat(page).contains("县政府第二会议室", "申请参加听证会", "利害关系人代表一般不少于听证参加总人数的二分之一");
        var incomplete = citizen.submit("/public/hearings/" + id, "/public/hearings/" + id + "/applications", Map.of("name", "吴十"));
        assertThat(incomplete.statusCode()).isEqualTo(400);
        assertThat(incomplete.body()).contains("请填写姓名、联系方式和所代表的利益方", "吴十");
        var applied = citizen.submit("/public/hearings/" + id, "/public/hearings/" + id + "/applications",
                Map.of("name", "吴十", "contact", "13700000000", "side", "居民用户", "stakeholder", "true", "statement", "<b>反对</b>一次性涨价"));
        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(applied.body()).contains("听证参加申请已提交", "id=\"receipt\"");

        // after the applications close: selected, participants published (names and sides, never contacts)
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(today.plusDays(6), java.time.LocalTime.of(9, 0)).atZone(AppClock.ZONE).toInstant()));
        d.as(LEAD).post("/api/hearings/" + id + "/selection", Map.of());
        d.as(LEAD).post("/api/hearings/" + id + "/participants-published", Map.of());
        String published = new Visitor(port, "203.0.113.82").get("/public/hearings/" + id).body();
        assertThat(published).contains("听证参加人", "吴十", "居民用户").doesNotContain("13700000000").doesNotContain("id=\"apply\"");
    }

    @Test
    void aCitizenAnswersAQuestionnaireAndSeesTheTally() {
        var d = driver();
        String n = d.create("县城区公园免费开放时间（门户问卷）");
        JsonNode q = d.as(LEAD).post("/api/decisions/" + n + "/questionnaires", Map.of("title", "公园开放时间意见调查",
                "closesOn", LocalDate.now(AppClock.ZONE).plusDays(10).toString(), "questions", List.of(
                        Map.of("kind", "SINGLE", "text", "您希望公园几点闭园？", "options", List.of("21点", "22点", "23点")),
                        Map.of("kind", "MULTIPLE", "text", "您常去哪些公园？", "options", List.of("人民公园", "清泉公园"), "required", false)))).getBody();
        long id = q.get("id").asLong();
        long q1 = q.get("questions").get(0).get("id").asLong(), q2 = q.get("questions").get(1).get("id").asLong();
        Visitor citizen = new Visitor(port, "203.0.113.83");
        assertThat(citizen.get("/public/consultations").body()).contains("公园开放时间意见调查");
        assertThat(citizen.get("/public/questionnaires/" + id).body()).contains("您希望公园几点闭园？（必答）", "22点");
        var missing = citizen.submit("/public/questionnaires/" + id, "/public/questionnaires/" + id + "/responses", Map.of("q" + q2, "0"));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("请回答第1题");
        var answered = citizen.submit("/public/questionnaires/" + id, "/public/questionnaires/" + id + "/responses",
                Map.of("q" + q1, "1", "q" + q2, "0"));
        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("感谢参与", "已回收问卷 <strong id=\"responses\">1</strong> 份", "22点", "echarts.min.js");
    }
}
