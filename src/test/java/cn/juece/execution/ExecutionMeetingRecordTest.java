package cn.juece.execution;

import static cn.juece.LifecycleDriver.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;

/**
 * Art. 55, 57, 48-50: a stop, modification or resumption of a decision in execution names the meeting of the meetings
 * register at which the organ took it — a meeting of the decision's organ, held, with the decision in execution on its
 * agenda and the executive head's decision recorded (not 不同意). Each failing condition is refused with its code; a
 * proper meeting passes; the form offers the organ's held meetings.
 */
class ExecutionMeetingRecordTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStopNamesAHeldRecordedMeetingOfTheOrganWithTheDecisionOnItsAgenda() throws Exception {
        var d = driver();
        String n = d.published("县城区户外广告设置管理办法（会议记录）");
        d.assignExecution(n, "QUARTERLY", LifecycleDriver.localToday().plusMonths(1), "fgj");

        // no execution question to decide yet: the office cannot put the decision in execution on an agenda
        long early = d.scheduleMeeting("县政府第31次常务会议（" + n + "）");
        var notDue = as(OFFICE).post("/api/meetings/" + early + "/agenda", Map.of("decision", n));
        refused(notDue, 422, "MEETING_NOT_SUBMITTED", "第五十五条");
        d.incident(LEAD, n, "CIRCUMSTANCES_CHANGED", "城市规划调整，部分广告设置区域已取消");
        assertThat(d.openTaskKeys(n)).contains("execution-adjust");

        Map<String, Object> stop = new HashMap<>(Map.of("kind", "STOP", "groundKind", "CIRCUMSTANCES_CHANGED",
                "ground", "城市规划调整后原设置方案已无实施条件，为公共利益停止执行"));
        // a meeting that does not exist
        stop.put("meetingId", 987654321L);
        refused(decide(n, stop), 400, "EXECUTION_MEETING_NOT_FOUND", "会议记录中没有");
        // a meeting of another organ (the test directory holds one organ: a row stands for the city's meeting while it is asked)
        jdbc.sql("INSERT INTO juece.gov_meeting (organ_code, kind, name, meeting_date, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params("LC", "EXECUTIVE", "聊城市政府第9次常务会议（" + n + "）", LifecycleDriver.localToday(), "test", OffsetDateTime.now()).update();
        long otherOrgan = jdbc.sql("SELECT id FROM juece.gov_meeting WHERE name = ?").param("聊城市政府第9次常务会议（" + n + "）")
                .query(Long.class).single();
        stop.put("meetingId", otherOrgan);
        try {
            refused(decide(n, stop), 422, "EXECUTION_MEETING_OTHER_ORGAN", "不是本决策机关");
        } finally {
            // the organ is not in the directory: the meetings pages of the shared test context would not find it
            jdbc.sql("DELETE FROM juece.gov_meeting WHERE id = ?").param(otherOrgan).update();
        }
        // a meeting not yet held, though the decision is on its agenda
        var future = as(OFFICE).post("/api/meetings", Map.of("kind", "EXECUTIVE", "name", "县政府第32次常务会议（" + n + "）",
                "date", LifecycleDriver.localToday().plusDays(7).toString(), "place", "县政府三楼会议室"));
        long notHeld = future.getBody().get("id").asLong();
        assertThat(as(OFFICE).post("/api/meetings/" + notHeld + "/agenda", Map.of("decision", n)).getStatusCode().value()).isEqualTo(201);
        stop.put("meetingId", notHeld);
        refused(decide(n, stop), 422, "EXECUTION_MEETING_NOT_HELD", "尚未召开");
        // a held meeting without the decision on its agenda
        stop.put("meetingId", early);
        refused(decide(n, stop), 422, "EXECUTION_MEETING_NOT_ON_AGENDA", "未列入", "议题");
        // on the agenda, but the discussion not recorded (no head's decision, Art. 50)
        var item = as(OFFICE).post("/api/meetings/" + early + "/agenda", Map.of("decision", n));
        assertThat(item.getStatusCode().value()).as(String.valueOf(item.getBody())).isEqualTo(201);
        refused(decide(n, stop), 422, "EXECUTION_MEETING_NOT_RECORDED", "行政首长的决定", "第五十条");
        assertThat(new cn.juece.support.PageSession(port).signIn(OFFICE, PASSWORD).get("/meetings/" + early).body())
                .contains(n, "决策执行问题：停止执行、修改决策或者恢复执行（第五十五条）");
        // the meeting did not agree (不同意)
        stop.put("meetingId", d.executionMeeting(n, "REJECTED"));
        refused(decide(n, stop), 422, "EXECUTION_MEETING_REJECTED", "不同意");
        assertThat(d.as(READER).get("/api/decisions/" + n + "/execution").getBody().get("decisions")).isEmpty();
        assertThat(d.openTaskKeys(n)).contains("execution-adjust");

        // a proper meeting: the form offers it first among the organ's held meetings, the stop passes with it
        long proper = d.executionMeeting(n, "APPROVED");
        String properName = as(OFFICE).get("/api/meetings/" + proper).getBody().toString();
        var session = new cn.juece.support.PageSession(port).signIn(ORGAN, PASSWORD);
        String form = session.get("/decisions/" + n + "/execution").body();
        assertThat(form).contains("name=\"meetingId\"", "行政首长决定：同意", "未列入本事项执行问题", "行政首长决定：不同意")
                .doesNotContain("县政府第32次常务会议（" + n + "）", "聊城市政府第9次常务会议");
        assertThat(form.indexOf("value=\"" + proper + "\"")).isLessThan(form.indexOf("value=\"" + early + "\""));
        stop.put("meetingId", proper);
        var passed = decide(n, stop);
        assertThat(passed.getStatusCode().value()).as(String.valueOf(passed.getBody())).isEqualTo(200);
        assertThat(passed.getBody().get("meetingId").asLong()).isEqualTo(proper);
        assertThat(properName).contains(passed.getBody().get("meetingName").asText());
        assertThat(passed.getBody().get("meetingOn").asText()).isEqualTo(LifecycleDriver.localToday().toString());
        assertThat(d.status(n)).isEqualTo("STOPPED");
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("研究决定停止执行") && s.contains("会议记录第" + proper + "号"));
    }

    private ResponseEntity<JsonNode> decide(String n, Map<String, Object> body) {
        return as(ORGAN).post("/api/decisions/" + n + "/execution/decisions", body);
    }

    private static void refused(ResponseEntity<JsonNode> r, int status, String code, String... message) {
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(status);
        assertThat(r.getBody().get("code").asText()).as(String.valueOf(r.getBody())).isEqualTo(code);
        assertThat(r.getBody().get("message").asText()).contains(message);
    }
}
