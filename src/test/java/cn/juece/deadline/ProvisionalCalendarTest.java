package cn.juece.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.calendar.WorkingDayCalendar;
import cn.juece.decision.DecisionService;
import cn.juece.notification.Outbox;
import cn.juece.notification.OutboxMail;
import cn.juece.support.AppClock;
import cn.juece.support.StaffBrowser;

/**
 * Issue 16, a calendar that never guesses silently: today is December 2026 and the 2027 holiday notice is not loaded.
 * A deadline counted into 2027 is provisional (暂定) on the step, the dossier, supervision and the portal; loading the
 * 2027 notice recomputes it — the step's row, the task's due and follow-up dates, the engine's reminder and
 * escalation timers, a comment window extended to its later minimum (Art. 20) and its timer — each change audited and
 * shown to the unit responsible; a published comment window never ends earlier than published.
 * <p>
 * The 2027 notice of this test is made up for it (the real one is not known): 元旦 from Thu 2026-12-31 to Sat
 * 2027-01-02 (a notice may set days of the December before), 春节 from Sat 02-06 to Sat 02-13 with Sat 02-20 a make-up
 * working day — so 除夕 (Fri 02-05), a rest day by the regulation, is a working day by this notice.
 */
class ProvisionalCalendarTest extends IntegrationTest {

    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    DecisionService decisions;
    @Autowired
    Outbox outbox;
    @Autowired
    WorkingDayCalendar calendar;


    static Date instant(int y, int m, int d, int h, int min, int s) {
        return Date.from(ZonedDateTime.of(y, m, d, h, min, s, 0, AppClock.ZONE).toInstant());
    }

    @Test
    void a2027DeadlineIsProvisionalUntilThe2027NoticeIsLoadedThenRecomputedWithItsTimersAndWindowsThatNeverShorten() throws Exception {
        assertThat(calendar.hasDataFor(2027)).as("the 2027 notice is not loaded at the start").isFalse();
        LifecycleDriver d = driver();

        // A: the opinions' adoption is to be published within 10 working days of the issuance (Art. 52), issued Thu
        // 2026-12-24: 12-25, 12-28 … 12-31, then 2027, where 元旦 (Fri 01-01) is the regulation's rest day, 01-04 … 01-08.
        clockAt("2026-12-01T09:00:00");
        String a = d.create("城区公共停车场收费标准（暂定期限）");
        d.study(a);
        d.launch(a);
        d.draft(a, false, false, false);
        d.submitForLegality(a);
        d.review(a, "PASSED", null);
        d.meeting(a, "APPROVED");
        clockAt("2026-12-24T10:00:00");
        d.issue(a, "冠政发〔2026〕" + ((a.hashCode() & 0xff) + 1) + "号", "2026-12-24");
        d.recordChannels(a);
        d.complete(LifecycleDriver.OFFICE, a, "publication-publish", "bgs", "PUBLISHED", "县政府网站");
        String taskId = d.task(a, "publication-feedback").get("id").asText();
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task.getDueDate()).isEqualTo(instant(2027, 1, 8, 23, 59, 59));
        assertThat(task.getFollowUpDate()).isEqualTo(instant(2027, 1, 6, 9, 0, 0));
        assertThat(timerDues(task)).containsExactly(instant(2027, 1, 6, 9, 0, 0), instant(2027, 1, 8, 23, 59, 59));
        JsonNode step = period(a, "publication-feedback");
        assertThat(step.get("endOn").asText()).isEqualTo("2027-01-08");
        assertThat(step.get("provisional").asBoolean()).isTrue();
        assertThat(step.get("provisionalYears").toString()).isEqualTo("[2027]");
        // the step's date is marked on the work list, the dossier and supervision
        JsonNode dates = d.task(a, "publication-feedback").get("dates");
        assertThat(dates.get(0).get("provisional").asBoolean()).isTrue();
        String dossier = page(LifecycleDriver.LEAD, "/decisions/" + a);
        assertThat(dossier).contains("2027年1月8日", "暂定", "暂按《全国年节及纪念日放假办法》规定的节日");
        assertThat(page(LifecycleDriver.LEAD, "/")).contains("暂定");
        JsonNode openSteps = as(LifecycleDriver.JUSTICE).get("/api/supervision?decision=" + a).getBody().get("openSteps").get("items");
        JsonNode supervised = null;
        for (JsonNode s : openSteps) {
            if (s.get("decisionNumber").asText().equals(a)) {
                supervised = s;
            }
        }
        assertThat(supervised).isNotNull();
        assertThat(supervised.get("provisional").asBoolean()).isTrue();
        assertThat(page(LifecycleDriver.JUSTICE, "/supervision")).contains("暂定");

        // B and C: comment windows published now that open in January 2027 (Art. 20: generally at least 30 days).
        // B opens on 01-07: the 30th day is Sat 02-06, inside the regulation's 春节 (除夕 Fri 02-05 … 初三 Mon 02-08, the
        // weekend made up on 02-09 and 02-10), so the earliest end is Thu 02-11.
        clockAt("2026-12-15T10:00:00");
        String b = inParticipation("城区燃气价格调整方案（暂定征求意见期限）");
        var tooShort = d.as(LifecycleDriver.LEAD).post("/api/decisions/" + b + "/consultations", notice("2027-01-07", "2027-02-10"));
        assertThat(tooShort.getBody().get("code").asText()).isEqualTo("COMMENT_WINDOW_TOO_SHORT");
        assertThat(tooShort.getBody().get("message").asText()).contains("2027年2月11日");
        var published = d.as(LifecycleDriver.LEAD).post("/api/decisions/" + b + "/consultations", notice("2027-01-07", "2027-02-11"));
        assertThat(published.getStatusCode().value()).as(String.valueOf(published.getBody())).isEqualTo(201);
        long windowB = published.getBody().get("id").asLong();
        assertThat(timers(b, "comment-window-ends")).extracting(Job::getDuedate).containsExactly(instant(2027, 2, 12, 0, 0, 0));
        assertThat(portal("/public/consultations/" + windowB)).contains("截止日期（暂定）", "截止日期不会提前");
        // C opens on 01-06: the 30th day is 除夕 (Fri 02-05), a rest day by the regulation, so it ends on 02-11 too
        String c = inParticipation("城区供水价格调整方案（已公布期限不提前）");
        var publishedC = d.as(LifecycleDriver.LEAD).post("/api/decisions/" + c + "/consultations", notice("2027-01-06", "2027-02-11"));
        assertThat(publishedC.getStatusCode().value()).as(String.valueOf(publishedC.getBody())).isEqualTo(201);
        long windowC = publishedC.getBody().get("id").asLong();

        // The administrator sees what the calendar assumes for 2027 until the notice is loaded.
        clockAt("2026-12-20T10:00:00");
        assertThat(page(LifecycleDriver.ADMIN, "/admin/calendar")).contains("2027年（暂定）", "2月5日至2月8日（4天）", "2月9日、2月10日",
                "尚无2027年的节假日安排数据");
        // The administrator loads the 2027 notice.
        var refused = as(LifecycleDriver.LEAD).put("/api/calendar/2027", notice2027());
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(period(a, "publication-feedback").get("endOn").asText()).as("nothing recomputed by a refusal").isEqualTo("2027-01-08");
        var loaded = as(LifecycleDriver.ADMIN).put("/api/calendar/2027", notice2027());
        assertThat(loaded.getStatusCode().value()).as(String.valueOf(loaded.getBody())).isEqualTo(200);

        // A: 12-31 … 01-03 are now rest days: the 10th working day is Mon 01-11; the reminder (2 working days before)
        // Thu 01-07 09:00 and the escalation 01-11 23:59:59 move in the engine; no longer provisional
        step = period(a, "publication-feedback");
        assertThat(step.get("endOn").asText()).isEqualTo("2027-01-11");
        assertThat(step.get("provisional").asBoolean()).isFalse();
        task = taskService.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task.getDueDate()).isEqualTo(instant(2027, 1, 11, 23, 59, 59));
        assertThat(task.getFollowUpDate()).isEqualTo(instant(2027, 1, 7, 9, 0, 0));
        assertThat(timerDues(task)).containsExactly(instant(2027, 1, 7, 9, 0, 0), instant(2027, 1, 11, 23, 59, 59));
        assertThat(d.auditActions(a)).contains("PERIOD_RECOMPUTED");
        assertThat(d.auditDetails(a)).anyMatch(x -> x.contains("“公布公众意见采纳情况（印发后10个工作日内）”的办理期限按2027年节假日安排重新计算：由2027年1月8日改为2027年1月11日")
                && x.contains("国务院办公厅关于2027年部分节假日安排的通知"));
        // the unit responsible sees it on its home page and the dossier, and is mailed
        String home = page(LifecycleDriver.LEAD, "/");
        assertThat(home).contains("期限变更提示", a, "由2027年1月8日改为2027年1月11日");
        assertThat(page(LifecycleDriver.LEAD, "/decisions/" + a)).contains("按节假日安排重新计算的期限", "已变更");
        assertThat(page(LifecycleDriver.ADMIN, "/admin/calendar")).doesNotContain("2027年（暂定）");
        assertThat(outbox.forDecision(decisions.get(a).id())).extracting(OutboxMail::kind).contains("DEADLINE_RECOMPUTED");
        // the timers fire on the new days: nothing on 01-06 or 01-07 08:59, the reminder at 01-07 09:00
        clockAt("2027-01-07T08:59:00");
        assertThat(fireDue(task.getProcessInstanceId())).isZero();
        clockAt("2027-01-07T09:00:01");
        assertThat(fireDue(task.getProcessInstanceId())).isEqualTo(1);
        assertThat(d.auditActions(a)).contains("PERIOD_REMINDER");

        // B: the notice's 春节 runs 02-06 … 02-13 and Sun 02-14 is a rest day: the window is extended to Mon 02-15, its
        // timer to 02-16 00:00; the portal says so
        assertThat(timers(b, "comment-window-ends")).extracting(Job::getDuedate).containsExactly(instant(2027, 2, 16, 0, 0, 0));
        assertThat(d.auditActions(b)).contains("CONSULTATION_RECOMPUTED");
        assertThat(d.auditDetails(b)).anyMatch(x -> x.contains("截止日期由2027年2月11日24时顺延至2027年2月15日24时"));
        String portalB = portal("/public/consultations/" + windowB);
        assertThat(portalB).contains("2027年2月15日24时", "由2027年2月11日顺延至2027年2月15日").doesNotContain("截止日期（暂定）");
        assertThat(d.task(b, "participation-conduct").get("dates").toString()).contains("2027-02-15");

        // C: by the notice 除夕 (02-05) is a working day and the minimum ends on 02-05; the published 02-11 stays
        assertThat(d.auditDetails(c)).anyMatch(x -> x.contains("已公布的截止日期2027年2月11日24时不变")
                && x.contains("不早于已公布的日期"));
        assertThat(portal("/public/consultations/" + windowC)).contains("2027年2月11日24时").doesNotContain("顺延");
        assertThat(timers(c, "comment-window-ends")).extracting(Job::getDuedate).containsExactly(instant(2027, 2, 12, 0, 0, 0));
    }

    private String inParticipation(String title) {
        LifecycleDriver d = driver();
        String n = d.create(title);
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        return n;
    }

    private static Map<String, Object> notice(String opensOn, String closesOn) {
        return new HashMap<>(Map.of("noticeText", "请于截止日前通过县政府网站或信函提出意见。",
                "channels", List.of("冠县发布微信公众号", "冠县融媒体中心"), "opensOn", opensOn, "closesOn", closesOn));
    }

    private static Map<String, Object> notice2027() {
        return Map.of("year", 2027,
                "notices", List.of(Map.of("title", "国务院办公厅关于2027年部分节假日安排的通知", "number", "国办发明电〔2026〕9号",
                        "issued", "2026-12-18")),
                "holidays", List.of(
                        Map.of("name", "元旦", "from", "2026-12-31", "to", "2027-01-02"),
                        Map.of("name", "春节", "from", "2027-02-06", "to", "2027-02-13", "work", List.of("2027-02-20"))));
    }

    private List<Date> timerDues(Task task) {
        return managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers()
                .orderByJobDuedate().asc().list().stream()
                .filter(j -> j.getExecutionId().equals(task.getExecutionId())).map(Job::getDuedate).toList();
    }

    private int fireDue(String processInstanceId) {
        Date now = new Date(ClockUtil.getCurrentTime().getTime() + 1);
        List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).duedateLowerThan(now).list();
        due.forEach(j -> managementService.executeJob(j.getId()));
        return due.size();
    }

    private JsonNode period(String number, String taskKey) {
        JsonNode found = null;
        for (JsonNode s : as(LifecycleDriver.LEAD).get("/api/decisions/" + number + "/periods").getBody().get("steps")) {
            if (s.get("taskKey").asText().equals(taskKey)) {
                found = s;
            }
        }
        assertThat(found).as("period of " + taskKey).isNotNull();
        return found;
    }

    private String page(String user, String path) {
        return StaffBrowser.signIn(port, user, PASSWORD).get(path);
    }

    private String portal(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }
}
