package cn.juece.supervision;

import static cn.juece.LifecycleDriver.JUSTICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.support.StaffBrowser;
import cn.juece.support.AppClock;

/**
 * Issue 17: supervision's fact sections (escalated deadlines, shortened periods, pauses recorded late, late execution
 * reports, inspections; Art. 58, 60–63, DECISIONS.md 12 and 14) read only the rows of the decisions the page selected,
 * through each table's decision index, instead of every organ's rows filtered afterwards. A one-decision selection shows
 * that decision's facts and not another's of the same organ; the whole organ shows both; the meeting list counts each
 * meeting's agenda and invited seats in one query and still says which meetings had the public sit in.
 */
class SupervisionFactScopeTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void eachFactSectionShowsTheSelectedDecisionsFactsOnly() {
        var d = driver();
        String a = d.create("县城区停车收费标准调整（监督事实甲）");
        String b = d.create("县城区停车收费标准调整（监督事实乙）");
        facts(a, "甲");
        facts(b, "乙");

        JsonNode one = overview("?decision=" + a);
        for (String section : List.of("escalated", "shortened", "deviations", "lateReports", "executionInspections")) {
            assertThat(numbers(one, section)).as(section).contains(a).doesNotContain(b);
        }
        assertThat(String.join("\n", texts(one.get("lateSupplements")))).contains("补记甲").doesNotContain("补记乙");
        assertThat(titles(one, "executionInspections")).contains("停车收费执行情况检查甲").doesNotContain("停车收费执行情况检查乙");

        JsonNode organ = overview("");
        for (String section : List.of("escalated", "shortened", "deviations", "lateReports", "executionInspections")) {
            assertThat(numbers(organ, section)).as(section).contains(a, b);
        }
        assertThat(String.join("\n", texts(organ.get("lateSupplements")))).contains("补记甲", "补记乙");

        // the page shows the one decision's facts and not the other's
        String page = new StaffBrowser(port, JUSTICE, PASSWORD).get("/supervision?decision=" + a);
        assertThat(page).contains("停车收费执行情况检查甲", "补记甲").doesNotContain("停车收费执行情况检查乙", "补记乙");
    }

    @Test
    void theMeetingListCountsEachMeetingsAgendaAndInvitedSeats() {
        var office = as("bgs_chen");
        long open = office.post("/api/meetings", Map.of("kind", "EXECUTIVE", "name", "县政府常务会议（事实范围，公众列席）", "date", "2072-03-02",
                "place", "县政府三楼会议室")).getBody().get("id").asLong();
        long closed = office.post("/api/meetings", Map.of("kind", "EXECUTIVE", "name", "县政府常务会议（事实范围，无列席）", "date", "2072-03-09",
                "place", "县政府三楼会议室")).getBody().get("id").asLong();
        var citizen = office.post("/api/meetings/" + open + "/attendees", Map.of("category", "MEDIA", "name", "县融媒体中心记者", "affiliation", "县融媒体中心"));
        assertThat(citizen.getStatusCode().value()).as(String.valueOf(citizen.getBody())).isBetween(200, 201);
        var unit = office.post("/api/meetings/" + closed + "/attendees", Map.of("category", "UNIT", "name", "县财政局", "affiliation", "县财政局"));
        assertThat(unit.getStatusCode().value()).as(String.valueOf(unit.getBody())).isBetween(200, 201);

        JsonNode list = office.get("/api/meetings?size=200").getBody();
        JsonNode withPublic = null;
        JsonNode without = null;
        for (JsonNode row : list) {
            long id = row.get("meeting").get("id").asLong();
            if (id == open) {
                withPublic = row;
            } else if (id == closed) {
                without = row;
            }
        }
        assertThat(withPublic).as(list.toString()).isNotNull();
        assertThat(without).as(list.toString()).isNotNull();
        assertThat(withPublic.get("invitedPublic").asBoolean()).isTrue();
        assertThat(without.get("invitedPublic").asBoolean()).as("a unit sitting in is not the public").isFalse();
        assertThat(withPublic.get("items").asInt()).isZero();
        assertThat(overview("").get("meetingsWithInvitedByYear").get("2072").asLong()).isEqualTo(1);
    }

    /**
     * One fact of each kind for the decision, as the services write them; the period is closed (escalated, then done
     * late), so the decision's open periods and its due day stay as its steps say.
     */
    private void facts(String number, String mark) {
        long id = jdbc.sql("SELECT id FROM juece.decision WHERE decision_number = ?").param(number).query(Long.class).single();
        OffsetDateTime at = OffsetDateTime.now(AppClock.ZONE).minusDays(20);
        LocalDate day = at.toLocalDate();
        String task = "scope-" + number;
        jdbc.sql("""
                INSERT INTO juece.step_period (decision_id, task_id, task_key, task_name, candidate_group, period_code, started_on, end_on,
                                               paused_days, state, escalated_at, closed_at, due_at)
                VALUES (?, ?, 'legality-review', '合法性审查', 'sfj', 'LEGALITY_REVIEW', ?, ?, 0, 'CLOSED', ?, ?, ?)""")
                .params(id, task, day.minusDays(40), day.minusDays(1), at, at.plusDays(2), at).update();
        long period = jdbc.sql("SELECT id FROM juece.step_period WHERE task_id = ?").param(task).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO juece.period_deviation (step_period_id, decision_id, period_code, reason, approved_by, approver_name, approved_at)
                VALUES (?, ?, 'HEARING_NOTICE', ?, 'fgj_head', '韩卫东', ?)""").params(period, id, "情况紧急" + mark, at).update();
        jdbc.sql("""
                INSERT INTO juece.period_pause (step_period_id, decision_id, pause_kind, start_on, end_on, reason, working_days, end_before,
                                                end_after, late_note, recorded_by, recorded_at)
                VALUES (?, ?, 'SUPPLEMENT', ?, ?, '补充材料', 3, ?, ?, ?, 'fgj_wang', ?)""")
                .params(period, id, day.minusDays(10), day.minusDays(5), day, day.plusDays(3), "补记" + mark, at).update();
        jdbc.sql("""
                INSERT INTO juece.execution_report_period (decision_id, run_no, unit_code, period_no, scheduled_on, due_on, paused_days, task_id,
                                                           opened_at)
                VALUES (?, 1, 'fgj', 1, ?, ?, 0, ?, ?)""").params(id, day.minusDays(30), day.minusDays(2), "report-" + task, at).update();
        jdbc.sql("""
                INSERT INTO juece.execution_inspection (decision_id, kind, title, findings, held_on, recorded_by, recorded_at)
                VALUES (?, 'INSPECTION', ?, '执行基本到位', ?, 'sfj_liu', ?)""").params(id, "停车收费执行情况检查" + mark, day, at).update();
    }

    private JsonNode overview(String query) {
        var r = as(JUSTICE).get("/api/supervision" + query);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return r.getBody();
    }

    private static List<String> numbers(JsonNode overview, String section) {
        assertThat(overview.get(section)).as(section).isNotNull();
        List<String> out = new ArrayList<>();
        overview.get(section).forEach(x -> out.add(x.get("decisionNumber").asText()));
        return out;
    }

    private static List<String> titles(JsonNode overview, String section) {
        List<String> out = new ArrayList<>();
        overview.get(section).forEach(x -> out.add(x.get("title").asText()));
        return out;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }
}
