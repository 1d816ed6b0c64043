package cn.juece.planner;

import static cn.juece.LifecycleDriver.JUSTICE;
import static cn.juece.LifecycleDriver.LEAD;
import static cn.juece.LifecycleDriver.READER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;
import cn.juece.support.StaffBrowser;

/**
 * Issue 16, the planner on /api, the planner page, the dossier and supervision: the date checked by hand against the 2024
 * calendar, what-if moving it without touching the dossier, the launch-time plan and the slip shown after drafting runs
 * late (the clock moved with ClockUtil), a step done with its actual date, a provisional year, and who may see it.
 */
class PlannerPageTest extends IntegrationTest {

    static final String OUTSIDER = "zjj_sun"; // 县住建局: no role in the fgj decisions

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static void clock(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(AppClock.ZONE).toInstant()));
    }

    JsonNode plan(String user, String number, String query) {
        var r = as(user).get("/api/decisions/" + number + "/plan" + query);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return r.getBody();
    }

    static JsonNode segment(JsonNode plan, String step) {
        for (JsonNode s : plan.get("segments")) {
            if (s.get("step").asText().equals(step)) {
                return s;
            }
        }
        throw new AssertionError(step + " not in " + plan);
    }

    static List<String> critical(JsonNode plan) {
        List<String> steps = new ArrayList<>();
        plan.get("segments").forEach(s -> {
            if (s.get("critical").asBoolean()) {
                steps.add(s.get("step").asText());
            }
        });
        return steps;
    }

    @Test
    void theDossierShowsTheEarliestDateWhatIfMovesItAndASlipShowsWhichStepHoldsIt() {
        clock("2024-09-10T09:00");
        var d = driver();
        String n = d.create("城区停车收费标准调整方案（最早合法决策日期）");
        d.study(n);
        d.launch(n);

        // Launched on Tue 2024-09-10, nothing arranged yet: participation with a comment window, expert review and risk
        // assessment assumed. By hand: a notice today counts 09-11 … 10-10 (Thu, a working day): the window runs through
        // 10-10 24:00 and closes on Fri 10-11; the review counts from 10-12: Sat 10-12 is a make-up working day (1), Mon 14
        // (2), 15 (3), 16 (4), 17 (5), Fri 18 (6), Mon 21 (7): the meeting may sit on Mon 2024-10-21.
        JsonNode p = plan(READER, n, "");
        assertThat(p.get("meetingOn").asText()).isEqualTo("2024-10-21");
        assertThat(p.get("provisional").asBoolean()).isFalse();
        assertThat(critical(p)).containsExactly("DRAFTING", "COMMENT_WINDOW", "LEGALITY_REVIEW", "MEETING");
        assertThat(segment(p, "COMMENT_WINDOW").get("minimum").asText()).isEqualTo("一般不少于30日");
        assertThat(segment(p, "EXPERT_RESEARCH").get("critical").asBoolean()).isFalse();
        // the plan made at launch is kept: no slip yet
        assertThat(p.get("slip").get("baselineOn").asText()).isEqualTo("2024-10-21");
        assertThat(p.get("slip").get("workingDays").asInt()).isZero();

        // What-if: the notice on Fri 09-20 → 2024-10-31 (PlannerTest counts it); no window, expert research deciding →
        // 2024-10-15; add a hearing → 2024-10-16.
        assertThat(plan(LEAD, n, "?start=2024-09-20").get("meetingOn").asText()).isEqualTo("2024-10-31");
        assertThat(plan(LEAD, n, "?start=2024-09-20&comment=false").get("meetingOn").asText()).isEqualTo("2024-10-15");
        JsonNode hearing = plan(LEAD, n, "?start=2024-09-20&comment=false&hearing=true");
        assertThat(hearing.get("meetingOn").asText()).isEqualTo("2024-10-16");
        assertThat(critical(hearing)).contains("HEARING");
        // the supplement allowance (Art. 42): 3 working days more, Tue 22, Wed 23, Thu 24
        assertThat(plan(LEAD, n, "?supplement=true").get("meetingOn").asText()).isEqualTo("2024-10-24");
        // what-if never changes the dossier
        assertThat(plan(READER, n, "").get("meetingOn").asText()).isEqualTo("2024-10-21");
        assertThat(d.auditActions(n)).noneMatch(a -> a.contains("PLAN"));
        // a what-if it cannot answer is refused with a reason, not a 500
        var bad = as(LEAD).get("/api/decisions/" + n + "/plan?start=20240920");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().toString()).contains("PLAN_START_INVALID");
        assertThat(as(LEAD).get("/api/decisions/" + n + "/plan?hearing=maybe").getStatusCode().value()).isEqualTo(400);

        // The pages: the full planner with its timeline and the what-if form (GET, no script), and the what-if answer.
        var lead = new StaffBrowser(port, LEAD, PASSWORD);
        String page = lead.get("/decisions/" + n + "/plan?start=2024-09-20&comment=false&hearing=true");
        assertThat(page).contains("最早合法决策日期", "2024年10月16日", "按案卷记录为", "2024年10月21日", "<svg", "data-critical=\"true\"",
                "听证会", "method=\"get\"").doesNotContain("<script>");

        // Drafting runs late: on Fri 09-20 it is still being drafted. The notice can go out today at the earliest, so the
        // date is 2024-10-31; against 10-21 that is 8 working days (10-22 … 10-25, 10-28 … 10-31), held by drafting, which
        // ends 7 working days later than planned (09-11, 12, 13, Sat 09-14 make-up, 18, 19, 20; 中秋 09-15 … 17 off).
        clock("2024-09-20T09:00");
        JsonNode late = plan(READER, n, "");
        assertThat(late.get("meetingOn").asText()).isEqualTo("2024-10-31");
        JsonNode slip = late.get("slip");
        assertThat(slip.get("workingDays").asInt()).isEqualTo(8);
        assertThat(slip.get("step").asText()).isEqualTo("DRAFTING");
        assertThat(slip.get("stepName").asText()).isEqualTo("草案拟定");
        assertThat(slip.get("stepDays").asInt()).isEqualTo(7);

        // the dossier shows the date, the slip and the step that holds it, and links to the planner
        String dossier = new StaffBrowser(port, READER, PASSWORD).get("/decisions/" + n);
        assertThat(dossier).contains("最早合法决策日期", "2024年10月31日", "id=\"plan-slip\"", "推迟", "草案拟定",
                "/decisions/" + n + "/plan", "<svg");
        // the planner page says the same; a what-if does not hide the recorded slip
        assertThat(lead.get("/decisions/" + n + "/plan")).contains("推迟8个工作日", "卡在“草案拟定”");
        assertThat(lead.get("/decisions/" + n + "/plan?hearing=true")).contains("推迟8个工作日", "按案卷记录计算，不含假设");
        // supervision: the matter among those that slipped, by how much and where
        String supervision = new StaffBrowser(port, JUSTICE, PASSWORD).get("/supervision");
        assertThat(supervision).contains("进度推迟的决策事项", n);
        JsonNode slips = as(JUSTICE).get("/api/supervision/plan-slips").getBody();
        JsonNode row = null;
        for (JsonNode r : slips) {
            if (r.get("number").asText().equals(n)) {
                row = r;
            }
        }
        assertThat(row).as(slips.toString()).isNotNull();
        assertThat(row.get("workingDays").asInt()).isEqualTo(8);
        assertThat(row.get("stepName").asText()).isEqualTo("草案拟定");
        assertThat(as(LEAD).get("/api/supervision/plan-slips").getStatusCode().value()).isEqualTo(403);
        // Art. 64: one organ's slips (?organ=, as on /api/supervision); the matter is the county's (GX), not the
        // township's (QQ), which sfj_liu also reviews for; an organ not the person's is refused
        assertThat(as(JUSTICE).get("/api/supervision/plan-slips?organ=GX").getBody().toString()).contains(n);
        assertThat(as(JUSTICE).get("/api/supervision/plan-slips?organ=QQ").getBody().toString()).doesNotContain(n);
        assertThat(new StaffBrowser(port, JUSTICE, PASSWORD).get("/supervision?organ=QQ")).contains("进度推迟的决策事项").doesNotContain(n);
        var other = as(JUSTICE).get("/api/supervision/plan-slips?organ=ZZ");
        assertThat(other.getStatusCode().value()).isEqualTo(403);
        assertThat(other.getBody().get("code").asText()).isEqualTo("ORGAN_NOT_YOURS");

        // who may see the plan is who may see the dossier: an outsider gets the answer of a number that does not exist
        var outsider = as(OUTSIDER).get("/api/decisions/" + n + "/plan");
        var missing = as(OUTSIDER).get("/api/decisions/GX-2024-9999/plan");
        assertThat(outsider.getStatusCode().value()).isEqualTo(404);
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
        assertThat(new StaffBrowser(port, OUTSIDER, PASSWORD).get("/decisions/" + n + "/plan")).doesNotContain("2024年10月31日");

        // Drafting done on 09-20 with no expert review or risk assessment, then participation done the same day: the
        // participation step keeps its actual date, and the review counts from the day after: Mon 23 (1) … Fri 27 (5),
        // Sun 09-29 make-up (6), Mon 30 (7).
        d.draft(n, true, false, false);
        d.participate(n);
        JsonNode after = plan(READER, n, "");
        JsonNode participation = segment(after, "PARTICIPATION");
        assertThat(participation.get("done").asBoolean()).isTrue();
        assertThat(participation.get("end").asText()).isEqualTo("2024-09-20");
        assertThat(after.get("meetingOn").asText()).isEqualTo("2024-09-30");
        assertThat(after.get("segments").findValuesAsText("step")).doesNotContain("EXPERT_RESEARCH", "RISK");
        // earlier than planned at launch: no slip
        assertThat(after.get("slip").get("workingDays").asInt()).isNegative();
    }

    @Test
    void theRunningLegalityReviewKeepsItsRecordedDatesAndAPauseTakenMovesTheDate() {
        clock("2024-09-20T10:00");
        var d = driver();
        String n = d.create("城区停车收费标准调整（审查期间暂停）");
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, false);
        clock("2024-09-27T10:00");
        d.submitForLegality(n);
        // RULES.md's example: a review started on Fri 09-27 counts Sun 09-29 (make-up), Mon 09-30, 10-08 … 10-11 and
        // Sat 10-12 (make-up): its 7th working day, on which it may be completed and the meeting may sit.
        JsonNode p = plan(READER, n, "");
        JsonNode review = segment(p, "LEGALITY_REVIEW");
        assertThat(review.get("start").asText()).isEqualTo("2024-09-27");
        assertThat(review.get("end").asText()).isEqualTo("2024-10-12");
        assertThat(p.get("meetingOn").asText()).isEqualTo("2024-10-12");
        assertThat(p.get("segments").findValuesAsText("step")).doesNotContain("COMMENT_WINDOW", "EXPERT_RESEARCH", "RISK");
        // Art. 42: materials supplemented 10-08 … 10-10, not counted: 10-09 and 10-10, so the review may close on Tue 10-15
        clock("2024-10-10T16:00");
        String taskId = d.task(n, "legality-review").get("id").asText();
        var r = as(JUSTICE).post("/api/tasks/" + taskId + "/pauses", java.util.Map.of("kind", "SUPPLEMENT",
                "start", "2024-10-08", "end", "2024-10-10", "reason", "要求补送部门会签意见（司法函〔2024〕12号）"));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        JsonNode paused = plan(READER, n, "");
        assertThat(paused.get("meetingOn").asText()).isEqualTo("2024-10-15");
        assertThat(segment(paused, "LEGALITY_REVIEW").get("pausedDays").asInt()).isEqualTo(2);
        // a further supplement request may still come (Art. 42): Wed 16, Thu 17, Fri 18
        assertThat(paused.get("withSupplement").asText()).isEqualTo("2024-10-18");
        // on Wed 10-16 the review could have closed but has not: the earliest meeting is today
        clock("2024-10-16T09:00");
        assertThat(plan(READER, n, "").get("meetingOn").asText()).isEqualTo("2024-10-16");
    }

    @Test
    void aDateInAYearWithoutAHolidayNoticeIsProvisionalOnTheDossier() {
        // December: a window opened now ends in the next year, whose notice is not loaded. The year is one no test loads
        // a notice for (the provisional-calendar test loads 2027's into the shared context), so the order of classes
        // in a run does not matter.
        clock("2036-12-02T09:00");
        var d = driver();
        String n = d.create("农村公路养护办法（暂定日期）");
        d.study(n);
        d.launch(n);
        JsonNode p = plan(READER, n, "");
        assertThat(p.get("meetingOn").asText()).startsWith("2037-");
        assertThat(p.get("provisional").asBoolean()).isTrue();
        assertThat(p.get("provisionalYears").toString()).contains("2037");
        String dossier = new StaffBrowser(port, READER, PASSWORD).get("/decisions/" + n);
        assertThat(dossier.substring(dossier.indexOf("id=\"plan\""))).contains("暂定");
    }
}
