package cn.juece.participation;

import static cn.juece.LifecycleDriver.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;

/** A hearing from the Art. 22 question to the Art. 26 report, with each rule refusing its bad step. */
class HearingTest extends IntegrationTest {

    @Test
    void aHearingFromNoticeToReport() {
        at(2025, 5, 6);
        var d = driver();
        String n = d.create("城区居民用水价格调整（听证）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        d.upload(LEAD, n, "PARTICIPATION_REPORT");

        // Art. 22: the question is asked; a ground means a hearing
        var unanswered = d.as(LEAD).complete(d.task(n, "participation-conduct").get("id").asText(), "COMPLETED", null);
        assertThat(unanswered.getBody().get("code").asText()).isEqualTo("HEARING_QUESTION_UNANSWERED");
        var contradiction = d.as(LEAD).put("/api/decisions/" + n + "/hearing-requirement",
                Map.of("required", false, "grounds", List.of("LAW"), "note", "x"));
        assertThat(contradiction.getBody().get("code").asText()).isEqualTo("HEARING_REQUIRED_BY_GROUND");
        d.as(LEAD).put("/api/decisions/" + n + "/hearing-requirement", Map.of("required", true, "grounds", List.of("LAW", "MAJOR_IMPACT")));
        var notHeld = d.as(LEAD).complete(d.task(n, "participation-conduct").get("id").asText(), "COMPLETED", null);
        assertThat(notHeld.getBody().get("code").asText()).isEqualTo("HEARING_NOT_REPORTED");

        // Art. 23: notice at least 15 days before (05-06 → a hearing on 05-20 is too soon; latest notice 05-05)
        var soon = d.as(LEAD).post("/api/decisions/" + n + "/hearings", notice("2025-05-20"));
        assertThat(soon.getBody().get("code").asText()).isEqualTo("HEARING_NOTICE_LATE");
        assertThat(soon.getBody().get("message").asText()).contains("15日前公告", "最迟应于2025年5月5日发布");
        JsonNode h = d.as(LEAD).post("/api/decisions/" + n + "/hearings", notice("2025-05-21")).getBody();
        long id = h.get("id").asLong();

        // Art. 24: applications; more applicants than seats needs a published method first
        List<Long> ids = new ArrayList<>();
        String[][] people = {{"居民甲", "居民用户", "true"}, {"居民乙", "居民用户", "true"}, {"居民丙", "居民用户", "true"},
                {"水务公司代表", "供水企业", "true"}, {"人大代表丁", "人大代表", "false"}, {"学者戊", "专家学者", "false"},
                {"律师己", "专家学者", "false"}};
        for (String[] p : people) {
            ids.add(d.as(LEAD).post("/api/hearings/" + id + "/applicants", Map.of("name", p[0], "contact", "0635-0000000",
                    "side", p[1], "stakeholder", Boolean.parseBoolean(p[2]))).getBody().get("id").asLong());
        }
        var early = d.as(LEAD).post("/api/hearings/" + id + "/selection", Map.of());
        assertThat(early.getBody().get("code").asText()).isEqualTo("HEARING_APPLICATION_OPEN");
        at(2025, 5, 11);
        var late = d.as(LEAD).post("/api/hearings/" + id + "/applicants", Map.of("name", "迟到者", "contact", "x", "side", "居民用户"));
        assertThat(late.getBody().get("code").asText()).isEqualTo("HEARING_APPLICATION_CLOSED");
        var noMethod = d.as(LEAD).post("/api/hearings/" + id + "/selection", Map.of());
        assertThat(noMethod.getBody().get("code").asText()).isEqualTo("HEARING_SELECTION_METHOD_NOT_PUBLISHED");
        d.as(LEAD).post("/api/hearings/" + id + "/selection-method", Map.of("method", "各利益方至少一名，其余按回执号哈希排序抽取"));
        JsonNode selected = d.as(LEAD).post("/api/hearings/" + id + "/selection", Map.of()).getBody();
        List<String> sides = new ArrayList<>();
        int stakeholders = 0, count = 0;
        for (JsonNode a : selected.get("applicants")) {
            if (a.get("selected").asBoolean()) {
                count++;
                sides.add(a.get("side").asText());
                stakeholders += a.get("stakeholder").asBoolean() ? 1 : 0;
            }
        }
        assertThat(count).isEqualTo(5);
        assertThat(sides).contains("居民用户", "供水企业", "人大代表", "专家学者");   // every side seated
        assertThat(stakeholders * 2).isGreaterThanOrEqualTo(count);                 // generally at least half
        assertThat(selected.get("selectionSeed").asText()).hasSize(64);

        // participants published, presider and recorder, materials 7 days before (05-14 at the latest)
        var unpublished = d.as(LEAD).post("/api/hearings/" + id + "/confirm", Map.of());
        assertThat(unpublished.getBody().get("code").asText()).isEqualTo("HEARING_PARTICIPANTS_NOT_PUBLISHED");
        d.as(LEAD).post("/api/hearings/" + id + "/participants-published", Map.of());
        d.as(LEAD).put("/api/hearings/" + id + "/preparation", Map.of("presider", "韩卫东", "recorder", "王海涛", "materialsDeliveredOn", "2025-05-15"));
        var materialsLate = d.as(LEAD).post("/api/hearings/" + id + "/confirm", Map.of());
        assertThat(materialsLate.getBody().get("code").asText()).isEqualTo("HEARING_MATERIALS_LATE");
        assertThat(materialsLate.getBody().get("message").asText()).contains("7日前送达", "2025年5月14日");
        d.as(LEAD).put("/api/hearings/" + id + "/preparation", Map.of("presider", "韩卫东", "recorder", "王海涛", "materialsDeliveredOn", "2025-05-13"));
        assertThat(d.as(LEAD).post("/api/hearings/" + id + "/confirm", Map.of()).getBody().get("status").asText()).isEqualTo("CONFIRMED");

        // Art. 25: attendance and signatures; Art. 26: the report
        at(2025, 5, 21);
        List<Long> participants = new ArrayList<>();
        selected.get("applicants").forEach(a -> { if (a.get("selected").asBoolean()) participants.add(a.get("id").asLong()); });
        d.upload(LEAD, n, "HEARING_RECORD");
        var unsigned = d.as(LEAD).post("/api/hearings/" + id + "/held", Map.of("attended", participants, "signed", participants.subList(0, 2)));
        assertThat(unsigned.getBody().get("code").asText()).isEqualTo("HEARING_RECORD_UNSIGNED");
        d.as(LEAD).post("/api/hearings/" + id + "/held", Map.of("attended", participants, "signed", participants));
        var noReport = d.as(LEAD).post("/api/hearings/" + id + "/report", Map.of());
        assertThat(noReport.getBody().get("code").asText()).isEqualTo("MATERIAL_MISSING_HEARING_REPORT");
        d.upload(LEAD, n, "HEARING_REPORT");
        assertThat(d.as(LEAD).post("/api/hearings/" + id + "/report", Map.of()).getBody().get("status").asText()).isEqualTo("REPORTED");
        d.complete(LEAD, n, "participation-conduct", "fgj", "COMPLETED", null);
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("遴选种子"));
    }

    private static Map<String, Object> notice(String heldOn) {
        return Map.of("title", "城区居民用水价格调整听证会", "heldOn", heldOn, "place", "县政府第一会议室", "seats", 5, "applyUntil", "2025-05-10");
    }

    private static void at(int y, int m, int day) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(y, m, day, 9, 0).atZone(AppClock.ZONE).toInstant()));
    }
}
