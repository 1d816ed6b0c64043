package cn.juece.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.support.AppClock;
import cn.juece.support.PageSession;
import cn.juece.support.StaffBrowser;

/**
 * Issue 15 (Art. 64), each deciding organ's own calendar: 清泉街道 (QQ) has a local rest day the national notice does
 * not set (here Thu 2026-03-12). A deadline of a QQ matter counts it, a deadline of a county (GX) matter does not;
 * adding or removing the day recomputes the QQ matter's open periods (its step row, the task's dates and its reminder
 * and escalation timers), audited, and leaves the GX matter alone. Only administrators enter such days; bad input is
 * refused with a stable code.
 * <p>
 * Both matters are driven the county's usual way (LifecycleDriver: its users are the county's) to the legality review;
 * then the first is made a QQ matter in the database (a setup shortcut: driving a township matter from its proposal
 * needs a township driver), which the justice bureau's reviewer, who also reviews for the township, still acts on.
 */
class OrganCalendarTest extends IntegrationTest {

    static final String DAY = "2026-03-12";
    static final String GROUND = "清泉街道关于2026年3月12日本地放假一天的规定（测试用）";

    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    cn.juece.decision.DecisionTally tally;


    static Date instant(int y, int m, int d, int h, int min, int s) {
        return Date.from(ZonedDateTime.of(y, m, d, h, min, s, 0, AppClock.ZONE).toInstant());
    }

    @Test
    void aTownshipRestDayMovesItsOwnDeadlinesOnlyAndIsRecomputedWhenAddedOrRemoved() {
        LifecycleDriver d = driver();
        // Mon 2026-03-09: both submitted for legality review; 7 working days (Art. 44): earliest close Wed 03-18
        clockAt("2026-03-09T09:00:00");
        String qq = toReview(d, "清泉街道老旧小区加装电梯补助办法（本地休息日）");
        String gx = toReview(d, "县城老旧小区加装电梯补助办法（全国日历）");
        toOrgan(qq, "QQ");
        assertThat(step(qq, "legality-review").get("earliestClose").asText()).isEqualTo("2026-03-18");
        assertThat(step(gx, "legality-review").get("earliestClose").asText()).isEqualTo("2026-03-18");

        // only an administrator enters an organ's day; a refusal recomputes nothing
        clockAt("2026-03-09T15:00:00");
        refused(as(LifecycleDriver.LEAD).put(dayPath("QQ", DAY), day("REST", GROUND)), 403, "CALENDAR_ADMIN_ONLY", "系统管理员");
        refused(as(LifecycleDriver.JUSTICE).put(dayPath("QQ", DAY), day("REST", GROUND)), 403, "CALENDAR_ADMIN_ONLY", "系统管理员");
        assertThat(step(qq, "legality-review").get("earliestClose").asText()).isEqualTo("2026-03-18");
        // bad input: an unknown organ, a date that is none, a kind that is none, no ground, a day that changes nothing
        refused(as(LifecycleDriver.ADMIN).put(dayPath("XX", DAY), day("REST", GROUND)), 404, "ORGAN_NOT_FOUND", "决策机关不存在");
        refused(as(LifecycleDriver.ADMIN).put(dayPath("QQ", "2026-13-45"), day("REST", GROUND)), 400, "CALENDAR_DATE_INVALID", "日期格式不正确");
        refused(as(LifecycleDriver.ADMIN).put(dayPath("QQ", DAY), day("HOLIDAY", GROUND)), 400, "CALENDAR_KIND_INVALID", "本地休息日");
        refused(as(LifecycleDriver.ADMIN).put(dayPath("QQ", DAY), day("REST", " ")), 400, "CALENDAR_REASON_REQUIRED", "依据");
        refused(as(LifecycleDriver.ADMIN).put(dayPath("QQ", "2026-03-14"), day("REST", GROUND)), 400, "CALENDAR_ORGAN_DAY_NO_EFFECT", "已是休息日");
        refused(as(LifecycleDriver.ADMIN).put(dayPath("QQ", DAY), day("WORK", GROUND)), 400, "CALENDAR_ORGAN_DAY_NO_EFFECT", "已是工作日");
        assertThat(as(LifecycleDriver.ADMIN).get("/api/calendar/organs/QQ").getBody().get("days")).isEmpty();

        // the administrator enters QQ's local rest day: the QQ matter's open review is recomputed (Thu 03-19), audited;
        // the GX matter's is not touched
        var added = as(LifecycleDriver.ADMIN).put(dayPath("QQ", DAY), day("REST", GROUND));
        assertThat(added.getStatusCode().value()).as(String.valueOf(added.getBody())).isEqualTo(200);
        assertThat(step(qq, "legality-review").get("earliestClose").asText()).isEqualTo("2026-03-19");
        assertThat(step(gx, "legality-review").get("earliestClose").asText()).isEqualTo("2026-03-18");
        assertThat(audit(qq)).anyMatch(a -> a.contains("PERIOD_RECOMPUTED") && a.contains("2026年3月18日改为2026年3月19日")
                && a.contains(GROUND));
        assertThat(audit(gx)).noneMatch(a -> a.contains("PERIOD_RECOMPUTED"));
        refused(as(LifecycleDriver.ADMIN).put(dayPath("QQ", DAY), day("REST", GROUND)), 409, "CALENDAR_ORGAN_DAY_EXISTS", "已有");
        assertThat(as(LifecycleDriver.ADMIN).get("/api/calendar/organs/QQ").getBody().get("days").toString()).contains(DAY, "REST", GROUND);
        // the calendar's own audit trail and the admin page show it; the working-day API counts it for QQ only
        String admin = StaffBrowser.signIn(port, LifecycleDriver.ADMIN, PASSWORD).get("/admin/calendar?organ=QQ");
        assertThat(admin).contains("清泉街道办事处", "本地休息日", GROUND, "修改本机关的休息日或工作日调整");
        assertThat(as(LifecycleDriver.ADMIN).get("/api/calendar/working-days?start=2026-03-10&n=3&organ=QQ").getBody().get("end").asText())
                .isEqualTo("2026-03-16");
        assertThat(as(LifecycleDriver.ADMIN).get("/api/calendar/working-days?start=2026-03-10&n=3").getBody().get("end").asText())
                .isEqualTo("2026-03-13");
        assertThat(as(LifecycleDriver.ADMIN).get("/api/periods/LEGALITY_SUPPLEMENT?start=2026-03-10&organ=QQ").getBody().get("lastDay")
                .asText()).isEqualTo("2026-03-16");
        assertThat(as(LifecycleDriver.ADMIN).get("/api/periods/LEGALITY_SUPPLEMENT?start=2026-03-10").getBody().get("lastDay").asText())
                .isEqualTo("2026-03-13");
        refused(as(LifecycleDriver.ADMIN).get("/api/periods/LEGALITY_SUPPLEMENT?start=2026-03-10&organ=XX"), 404, "ORGAN_NOT_FOUND", "决策机关不存在");

        // Tue 03-10: the reviewer asks both for supplements (Art. 42, 3 working days): GX's due Fri 03-13, QQ's Mon 03-16
        // (03-12 is its rest day); the task's due date and its reminder and escalation timers follow
        clockAt("2026-03-10T10:00:00");
        askSupplement(qq);
        askSupplement(gx);
        assertThat(step(gx, "legality-supplement").get("endOn").asText()).isEqualTo("2026-03-13");
        assertThat(step(qq, "legality-supplement").get("endOn").asText()).isEqualTo("2026-03-16");
        Task qqTask = task(qq, "legality-supplement");
        assertThat(qqTask.getDueDate()).isEqualTo(instant(2026, 3, 16, 23, 59, 59));
        assertThat(timerDues(qqTask)).containsExactly(instant(2026, 3, 11, 9, 0, 0), instant(2026, 3, 16, 23, 59, 59));
        Task gxTask = task(gx, "legality-supplement");
        assertThat(gxTask.getDueDate()).isEqualTo(instant(2026, 3, 13, 23, 59, 59));
        assertThat(timerDues(gxTask)).containsExactly(instant(2026, 3, 11, 9, 0, 0), instant(2026, 3, 13, 23, 59, 59));

        // a non-administrator cannot remove it either; the administrator removes it: QQ's periods are counted back
        refused(as(LifecycleDriver.LEAD).send(HttpMethod.DELETE, dayPath("QQ", DAY), null), 403, "CALENDAR_ADMIN_ONLY", "系统管理员");
        refused(as(LifecycleDriver.ADMIN).send(HttpMethod.DELETE, dayPath("QQ", "2026-03-13"), null), 404, "CALENDAR_ORGAN_DAY_NOT_FOUND", "没有");
        clockAt("2026-03-10T11:00:00");
        var removed = as(LifecycleDriver.ADMIN).send(HttpMethod.DELETE, dayPath("QQ", DAY), null);
        assertThat(removed.getStatusCode().value()).as(String.valueOf(removed.getBody())).isEqualTo(204);
        assertThat(step(qq, "legality-supplement").get("endOn").asText()).isEqualTo("2026-03-13");
        assertThat(step(qq, "legality-review").get("earliestClose").asText()).isEqualTo("2026-03-18");
        qqTask = task(qq, "legality-supplement");
        assertThat(qqTask.getDueDate()).isEqualTo(instant(2026, 3, 13, 23, 59, 59));
        assertThat(timerDues(qqTask)).containsExactly(instant(2026, 3, 11, 9, 0, 0), instant(2026, 3, 13, 23, 59, 59));
        assertThat(audit(qq)).anyMatch(a -> a.contains("PERIOD_RECOMPUTED") && a.contains("2026年3月16日改为2026年3月13日"));
        assertThat(audit(gx)).noneMatch(a -> a.contains("PERIOD_RECOMPUTED"));
        assertThat(as(LifecycleDriver.ADMIN).get("/api/calendar/organs/QQ").getBody().get("days")).isEmpty();

        backToTheCounty(qq);
    }

    /** The setup shortcut undone, so that no later test meets a county-numbered matter of the township. */
    private void backToTheCounty(String number) {
        toOrgan(number, "GX");
    }

    /**
     * The setup shortcut: a matter registered with the county moved to another organ, with the organ its steps carry
     * (V261; the application never moves a matter between organs).
     */
    private void toOrgan(String number, String organ) {
        jdbc.sql("UPDATE juece.decision SET organ_code = ? WHERE decision_number = ?").params(organ, number).update();
        jdbc.sql("UPDATE juece.step SET organ_code = ? WHERE decision_id = (SELECT id FROM juece.decision WHERE decision_number = ?)")
                .params(organ, number).update();
        // and the organ supervision counts it under (V262)
        tally.touched(jdbc.sql("SELECT id FROM juece.decision WHERE decision_number = ?").param(number).query(Long.class).single());
    }

    /**
     * Art. 20: a comment window of a QQ matter published to end on its 30-day minimum (Wed 2026-04-01) is extended when
     * QQ makes that day a local rest day (to Thu 04-02, its timer too), audited; removing the day again does not shorten
     * the published window.
     */
    @Test
    void aTownshipRestDayExtendsItsOpenCommentWindowWhichIsNeverShortenedAgain() {
        LifecycleDriver d = driver();
        clockAt("2026-03-02T09:00:00");
        String n = d.create("清泉街道农贸市场改造方案（征求意见）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        Map<String, Object> notice = new HashMap<>(Map.of("noticeText", "请于截止日前通过网站或信函提出意见。",
                "channels", List.of("冠县发布微信公众号"), "opensOn", "2026-03-02", "closesOn", "2026-04-01"));
        var published = d.as(LifecycleDriver.LEAD).post("/api/decisions/" + n + "/consultations", notice);
        assertThat(published.getStatusCode().value()).as(String.valueOf(published.getBody())).isEqualTo(201);
        long window = published.getBody().get("id").asLong();
        toOrgan(n, "QQ");
        assertThat(timers(n, "comment-window-ends")).extracting(Job::getDuedate).containsExactly(instant(2026, 4, 2, 0, 0, 0));

        clockAt("2026-03-03T09:00:00");
        var added = as(LifecycleDriver.ADMIN).put(dayPath("QQ", "2026-04-01"), day("REST", GROUND));
        assertThat(added.getStatusCode().value()).as(String.valueOf(added.getBody())).isEqualTo(200);
        assertThat(closesOn(window)).isEqualTo(LocalDate.parse("2026-04-02"));
        assertThat(timers(n, "comment-window-ends")).extracting(Job::getDuedate).containsExactly(instant(2026, 4, 3, 0, 0, 0));
        assertThat(audit(n)).anyMatch(a -> a.contains("CONSULTATION_RECOMPUTED") && a.contains("顺延至2026年4月2日"));

        var removed = as(LifecycleDriver.ADMIN).send(HttpMethod.DELETE, dayPath("QQ", "2026-04-01"), null);
        assertThat(removed.getStatusCode().value()).as(String.valueOf(removed.getBody())).isEqualTo(204);
        assertThat(closesOn(window)).as("a published window never ends earlier").isEqualTo(LocalDate.parse("2026-04-02"));
        assertThat(timers(n, "comment-window-ends")).extracting(Job::getDuedate).containsExactly(instant(2026, 4, 3, 0, 0, 0));
        assertThat(audit(n)).anyMatch(a -> a.contains("CONSULTATION_RECOMPUTED") && a.contains("已公布的截止日期2026年4月2日24时不变"));
        backToTheCounty(n);
    }

    private LocalDate closesOn(long window) {
        return jdbc.sql("SELECT closes_on FROM juece.public_consultation WHERE id = ?").param(window).query(LocalDate.class).single();
    }

    @Test
    void theAdministratorEntersAndRemovesAnOrgansDayOnThePageAndOthersSeeNoForm() throws Exception {
        // Mon 2071-06-15 (a year no other test touches), for the township only
        PageSession admin = new PageSession(port).signIn(LifecycleDriver.ADMIN, PASSWORD);
        String page = admin.get("/admin/calendar").body();
        assertThat(page).contains("各决策机关的本地休息日和工作日调整", "冠县人民政府", "清泉街道办事处",
                "/admin/calendar/organs/QQ/days");
        String ground = "清泉街道2071年本地放假规定（页面录入）";
        var saved = admin.post("/admin/calendar/organs/QQ/days", "date=2071-06-15&kind=REST&reason=" + PageSession.enc(ground)
                + "&_csrf=" + PageSession.csrf(page), "http://127.0.0.1:" + port + "/admin/calendar");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(calendar.forOrgan("QQ").isWorkingDay(LocalDate.parse("2071-06-15"))).isFalse();
        assertThat(calendar.forOrgan("GX").isWorkingDay(LocalDate.parse("2071-06-15"))).isTrue();
        String qq = admin.get("/admin/calendar?organ=QQ").body();
        assertThat(qq).contains(ground, "2071年6月15日", "显示全部决策机关").doesNotContain("冠县人民政府</span>");
        var removed = admin.post("/admin/calendar/organs/QQ/days/removal", "date=2071-06-15&_csrf=" + PageSession.csrf(qq),
                "http://127.0.0.1:" + port + "/admin/calendar?organ=QQ");
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(302);
        assertThat(calendar.forOrgan("QQ").isWorkingDay(LocalDate.parse("2071-06-15"))).isTrue();
        // a clerk sees the organs' days but no form
        String clerk = StaffBrowser.signIn(port, "qq_dzb", PASSWORD).get("/admin/calendar");
        assertThat(clerk).contains("各决策机关的本地休息日和工作日调整").doesNotContain("/admin/calendar/organs/QQ/days");
    }

    @Test
    void withoutAnOrganOrWithoutOverridesTheNationalCalendarItself() {
        assertThat(calendar.forOrgan(null)).isSameAs(calendar);
        assertThat(calendar.forOrgan("GX")).isSameAs(calendar);
        WorkingDayCalendar fixed = WorkingDayCalendar.of(List.of(), List.of(new OrganDay("QQ", LocalDate.parse(DAY), DayKind.REST,
                GROUND, "admin", null), new OrganDay("QQ", LocalDate.parse("2026-03-14"), DayKind.WORK, GROUND, "admin", null)));
        assertThat(fixed.forOrgan("GX")).isSameAs(fixed);
        WorkingDayCalendar township = fixed.forOrgan("QQ");
        assertThat(township.isWorkingDay(LocalDate.parse(DAY))).isFalse();
        assertThat(township.isWorkingDay(LocalDate.parse("2026-03-14"))).as("a locally adjusted working Saturday").isTrue();
        assertThat(fixed.isWorkingDay(LocalDate.parse(DAY))).isTrue();
        assertThat(township.addWorkingDays(LocalDate.parse("2026-03-10"), 3)).isEqualTo(LocalDate.parse("2026-03-14"));
        assertThat(fixed.addWorkingDays(LocalDate.parse("2026-03-10"), 3)).isEqualTo(LocalDate.parse("2026-03-13"));
        assertThat(township.forOrgan(null)).isSameAs(fixed);
    }

    @Test
    void theEngineResolvesATasksPeriodOnItsDecisionsOrganCalendar() {
        WorkingDayCalendar cal = WorkingDayCalendar.of(TestCalendars.years(), List.of(new OrganDay("QQ", LocalDate.parse(DAY),
                DayKind.REST, GROUND, "admin", null)));
        Periods periods = Periods.of(cal, PeriodFile.fromClasspath());
        StatutoryBusinessCalendar engine = new StatutoryBusinessCalendar(null, () -> periods,
                key -> key.startsWith("QQ-") ? "QQ" : key.startsWith("GX-") ? "GX" : null);
        clockAt("2026-03-10T10:00:00");
        try {
            assertThat(engine.resolveDuedate("period:LEGALITY_SUPPLEMENT", task("QQ-2026-0001")))
                    .isEqualTo(instant(2026, 3, 16, 23, 59, 59));
            assertThat(engine.resolveDuedate("period:LEGALITY_SUPPLEMENT", task("GX-2026-0001")))
                    .isEqualTo(instant(2026, 3, 13, 23, 59, 59));
            assertThat(engine.resolveDuedate("period:LEGALITY_SUPPLEMENT")).as("no task: the national calendar")
                    .isEqualTo(instant(2026, 3, 13, 23, 59, 59));
        } finally {
            ClockUtil.reset();
        }
    }

    /** A task as the engine passes it when it resolves a user task's due date (its TaskEntity is a DelegateTask). */
    private static Task task(String businessKey) {
        var execution = org.mockito.Mockito.mock(org.camunda.bpm.engine.delegate.DelegateExecution.class);
        org.mockito.Mockito.when(execution.getProcessBusinessKey()).thenReturn(businessKey);
        var task = org.mockito.Mockito.mock(org.camunda.bpm.engine.delegate.DelegateTask.class,
                org.mockito.Mockito.withSettings().extraInterfaces(Task.class));
        org.mockito.Mockito.when(task.getExecution()).thenReturn(execution);
        return (Task) task;
    }

    private String toReview(LifecycleDriver d, String title) {
        String n = d.create(title);
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, false);
        d.submitForLegality(n);
        return n;
    }

    private void askSupplement(String n) {
        var asked = as(LifecycleDriver.JUSTICE).post("/api/decisions/" + n + "/legality/supplements", Map.of("items", "补送部门会签意见"));
        assertThat(asked.getStatusCode().value()).as(n + " " + asked.getBody()).isEqualTo(201);
    }

    private static String dayPath(String organ, String date) {
        return "/api/calendar/organs/" + organ + "/days/" + date;
    }

    private static Map<String, Object> day(String kind, String reason) {
        Map<String, Object> m = new HashMap<>();
        m.put("kind", kind);
        m.put("reason", reason);
        return m;
    }

    private JsonNode step(String number, String taskKey) {
        var r = as(LifecycleDriver.JUSTICE).get("/api/decisions/" + number + "/periods");
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        JsonNode found = null;
        for (JsonNode s : r.getBody().get("steps")) {
            if (s.get("taskKey").asText().equals(taskKey) && s.get("state").asText().equals("OPEN")) {
                found = s;
            }
        }
        assertThat(found).as("open period of " + taskKey + " in " + number).isNotNull();
        return found;
    }

    private Task task(String number, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey).singleResult();
    }

    private List<String> audit(String number) {
        return jdbc.sql("SELECT a.action || ' ' || a.detail FROM juece.audit_entry a JOIN juece.decision d ON d.id = a.decision_id "
                + "WHERE d.decision_number = ? ORDER BY a.id").param(number).query(String.class).list();
    }

    private List<Date> timerDues(Task task) {
        return managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers()
                .orderByJobDuedate().asc().list().stream()
                .filter(j -> j.getExecutionId().equals(task.getExecutionId())).map(Job::getDuedate).toList();
    }

    static void refused(ResponseEntity<?> r, int status, String code, String chinese) {
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(status);
        String body = String.valueOf(r.getBody());
        assertThat(body).contains("\"" + code + "\"", chinese);
    }
}
