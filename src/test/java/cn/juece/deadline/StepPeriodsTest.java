package cn.juece.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
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
import cn.juece.support.StaffBrowser;
import cn.juece.LifecycleDriver;
import cn.juece.decision.DecisionService;
import cn.juece.notification.Outbox;
import cn.juece.notification.OutboxMail;
import cn.juece.support.AppClock;

/**
 * Issue 5: the statutory periods wired to the steps: due dates, a minimum holding its step, an approved
 * shortening, a pause moving the deadline, and the reminder and escalation timers firing once each on the
 * right working day. The clock is Camunda's ClockUtil (reset after each test by the base class).
 */
class StepPeriodsTest extends IntegrationTest {

    @Autowired
    TaskService taskService;
    @Autowired
    ManagementService managementService;
    @Autowired
    DecisionService decisions;
    @Autowired
    Outbox outbox;


    /** A decision whose legality review is created on Fri 2024-09-27 (before 国庆 and its 调休 days). */
    String inLegalityReviewSince20240927(String title) {
        LifecycleDriver d = driver();
        clockAt("2024-09-20T10:00:00");
        String n = d.create(title);
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, false);
        clockAt("2024-09-27T10:00:00");
        d.submitForLegality(n);
        assertThat(d.openTaskKeys(n)).containsExactly("legality-review");
        // the review's record, its opinion letter and the head's sign-off, ready to conclude PASSED (Art. 43-46)
        d.recordReview(n, "PASSED");
        d.issueLetter(n);
        return n;
    }

    @Test
    void aSevenWorkingDayReviewStartedOn20240927MayCloseOn20241012AndIsRefusedBefore() {
        LifecycleDriver d = driver();
        String n = inLegalityReviewSince20240927("城区停车收费标准调整（审查期限）");
        JsonNode task = d.task(n, "legality-review");
        // A minimum is no deadline: no due date; the earliest close is the 7th working day (09-29 and 10-12 are
        // make-up working days), shown as 最早可办结 and as Tasklist's follow-up date.
        assertThat(task.get("due").isNull()).isTrue();
        assertThat(task.get("dates").get(0).get("kind").asText()).isEqualTo("EARLIEST_CLOSE");
        assertThat(task.get("dates").get(0).get("label").asText()).isEqualTo("最早可办结");
        assertThat(task.get("dates").get(0).get("date").asText()).isEqualTo("2024-10-12");
        JsonNode step = period(n, "legality-review");
        assertThat(step.get("earliestClose").asText()).isEqualTo("2024-10-12");
        assertThat(step.get("article").asText()).isEqualTo("第四十四条");

        // the Tasklist form reads the step's period; the checklist shows the minimum as not yet met
        JsonNode forForm = as(LifecycleDriver.JUSTICE).get("/api/tasks/" + task.get("id").asText() + "/period").getBody();
        assertThat(forForm.get("earliestClose").asText()).isEqualTo("2024-10-12");
        clockAt("2024-10-11T17:00:00");
        JsonNode checklist = as(LifecycleDriver.JUSTICE).get("/api/decisions/" + n + "/checklist").getBody();
        assertThat(checklist.toString()).contains("PERIOD_MINIMUM_NOT_MET");
        for (JsonNode c : checklist) {
            if (c.get("code").asText().equals("PERIOD_MINIMUM_NOT_MET")) {
                assertThat(c.get("met").asBoolean()).isFalse();
            }
        }
        var refused = as(LifecycleDriver.JUSTICE).complete(task.get("id").asText(), "PASSED", null);
        assertThat(refused.getStatusCode().is4xxClientError()).isTrue();
        assertThat(refused.getBody().get("code").asText()).isEqualTo("PERIOD_MINIMUM_NOT_MET");
        assertThat(refused.getBody().get("message").asText())
                .contains("本环节依第四十四条一般不少于7个工作日，最早可于2024年10月12日办结");
        // the engine's own path (Tasklist, REST) is refused too
        Task t = taskService.createTaskQuery().taskId(task.get("id").asText()).singleResult();
        assertThat(t.getDueDate()).isNull();
        assertThat(t.getFollowUpDate()).isEqualTo(Date.from(ZonedDateTime.of(2024, 10, 12, 9, 0, 0, 0, AppClock.ZONE).toInstant()));

        // the dossier shows the earliest close
        String page = page("/decisions/" + n);
        assertThat(page).contains("最早可办结", "2024年10月12日");

        clockAt("2024-10-12T09:00:00");
        d.complete(LifecycleDriver.JUSTICE, n, "legality-review", "sfj", "PASSED", null);
        assertThat(d.openTaskKeys(n)).containsExactly("meeting-submit");
        assertThat(period(n, "legality-review").get("state").asText()).isEqualTo("CLOSED");
    }

    @Test
    void aPauseDuringLegalityReviewMovesTheDeadlineAndTheDueDate() {
        LifecycleDriver d = driver();
        String n = inLegalityReviewSince20240927("城区停车收费标准调整（补送材料暂停）");
        String taskId = d.task(n, "legality-review").get("id").asText();

        clockAt("2024-10-10T16:00:00");
        assertThat(page("/decisions/" + n)).contains("/pauses\"");  // the justice bureau is offered the pause of its review
        // Art. 42: supplementing materials from 10-08 to 10-10 is not counted: 10-09 and 10-10, 2 working days.
        var r = as(LifecycleDriver.JUSTICE).post("/api/tasks/" + taskId + "/pauses", Map.of("kind", "SUPPLEMENT",
                "start", "2024-10-08", "end", "2024-10-10", "reason", "要求补送部门会签意见（司法函〔2024〕12号）"));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        assertThat(r.getBody().get("workingDays").asInt()).isEqualTo(2);

        JsonNode step = period(n, "legality-review");
        assertThat(step.get("endOn").asText()).isEqualTo("2024-10-15");
        assertThat(step.get("earliestClose").asText()).isEqualTo("2024-10-15");
        assertThat(step.get("pausedDays").asInt()).isEqualTo(2);
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getDueDate()).isNull();
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getFollowUpDate())
                .isEqualTo(Date.from(ZonedDateTime.of(2024, 10, 15, 9, 0, 0, 0, AppClock.ZONE).toInstant()));
        assertThat(d.auditActions(n)).contains("PERIOD_PAUSED");
        String page = page("/decisions/" + n);
        assertThat(page).contains("补送材料", "2024年10月8日", "2024年10月15日");

        clockAt("2024-10-14T10:00:00");
        var refused = as(LifecycleDriver.JUSTICE).complete(taskId, "PASSED", null);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("PERIOD_MINIMUM_NOT_MET");
        assertThat(refused.getBody().get("message").asText()).contains("最早可于2024年10月15日办结", "已扣除暂停计算的2个工作日");
        clockAt("2024-10-15T10:00:00");
        d.complete(LifecycleDriver.JUSTICE, n, "legality-review", "sfj", "PASSED", null);
    }

    @Test
    void aSupplementLongerThanThreeWorkingDaysIsRecordedAsLateForSupervision() {
        LifecycleDriver d = driver();
        String n = inLegalityReviewSince20240927("城区停车收费标准调整（补送逾期）");
        String taskId = d.task(n, "legality-review").get("id").asText();
        clockAt("2024-10-10T16:00:00");
        // requested on Sun 09-29 (a make-up working day): due by 10-09 (Art. 42), supplemented on 10-10
        var r = as(LifecycleDriver.JUSTICE).post("/api/tasks/" + taskId + "/pauses", Map.of("kind", "SUPPLEMENT",
                "start", "2024-09-29", "end", "2024-10-10", "reason", "补送公平竞争审查材料"));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        assertThat(r.getBody().get("workingDays").asInt()).isEqualTo(4);
        assertThat(r.getBody().get("lateNote").asText()).isEqualTo("超过第四十二条规定的3个工作日补送期限（应于2024年10月9日前补送）");
        assertThat(period(n, "legality-review").get("endOn").asText()).isEqualTo("2024-10-17");
        assertThat(as(LifecycleDriver.JUSTICE).get("/api/decisions/" + n + "/periods").getBody().get("pauses").toString())
                .contains("超过第四十二条规定的3个工作日补送期限");
        assertThat(page("/decisions/" + n)).contains("超过第四十二条规定的3个工作日补送期限（应于2024年10月9日前补送）");
        assertThat(d.auditDetails(n).toString()).contains("超过第四十二条规定的3个工作日补送期限");

        var bad = as(LifecycleDriver.LEAD).post("/api/tasks/" + taskId + "/pauses", Map.of("kind", "HEARING",
                "start", "2024-10-08", "end", "2024-10-09", "reason", "听证会"));
        assertThat(bad.getStatusCode().value()).isEqualTo(403);
        var before = as(LifecycleDriver.JUSTICE).post("/api/tasks/" + taskId + "/pauses", Map.of("kind", "HEARING",
                "start", "2024-09-20", "end", "2024-09-21", "reason", "听证会"));
        assertThat(before.getBody().get("code").asText()).isEqualTo("PAUSE_BEFORE_STEP");
    }

    @Test
    void onlyTheActingUnitsHeadMayShortenAGeneralMinimumWithAReason() {
        LifecycleDriver d = driver();
        String n = inLegalityReviewSince20240927("城区停车收费标准调整（缩短审查期限）");
        String taskId = d.task(n, "legality-review").get("id").asText();
        clockAt("2024-10-08T10:00:00");

        var notHead = as("fgj_head").post("/api/tasks/" + taskId + "/deviation", Map.of("reason", "时间紧急"));
        assertThat(notHead.getStatusCode().value()).isEqualTo(403);
        assertThat(notHead.getBody().get("code").asText()).isEqualTo("DEVIATION_NOT_UNIT_HEAD");
        var noReason = as("sfj_head").post("/api/tasks/" + taskId + "/deviation", Map.of("reason", " "));
        assertThat(noReason.getBody().get("code").asText()).isEqualTo("DEVIATION_REASON_REQUIRED");

        var ok = as("sfj_head").post("/api/tasks/" + taskId + "/deviation",
                Map.of("reason", "省政府督办事项，须于10月10日前提请常务会议讨论"));
        assertThat(ok.getStatusCode().value()).as(String.valueOf(ok.getBody())).isEqualTo(201);
        assertThat(ok.getBody().get("approverName").asText()).isEqualTo("孙国平");

        d.complete(LifecycleDriver.JUSTICE, n, "legality-review", "sfj", "PASSED", null);
        assertThat(d.auditActions(n)).contains("PERIOD_SHORTENED");
        // supervision sees it: the dossier and a notice to the justice bureau
        String page = page("/decisions/" + n);
        assertThat(page).contains("省政府督办事项", "孙国平");
        long id = decisions.get(n).id();
        assertThat(outbox.forDecision(id)).extracting(OutboxMail::kind).contains("PERIOD_SHORTENED");
        assertThat(outbox.forDecision(id)).extracting(OutboxMail::recipient).contains("sfj_liu@gx.example.gov.cn");
    }

    @Test
    void onlyTheLegalityReviewsPeriodMayBePaused() {
        LifecycleDriver d = driver();
        String n = inPublicationFeedbackSince20240927("城区停车收费标准调整（公布反馈不得暂停）");
        String taskId = d.task(n, "publication-feedback").get("id").asText();
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        List<Date> duesBefore = managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers()
                .orderByJobDuedate().asc().list().stream().map(Job::getDuedate).toList();
        clockAt("2024-10-09T10:00:00");
        // Art. 42 and 44 take time out of the legality review's period only ("不计算在合法性审查期限内"): the 10 working
        // days of the publication feedback (Art. 52) run on, whatever the ground given.
        var r = as(LifecycleDriver.LEAD).post("/api/tasks/" + taskId + "/pauses", Map.of("kind", "INVESTIGATION",
                "start", "2024-10-08", "end", "2024-10-09", "reason", "核实意见汇总情况"));
        assertThat(r.getStatusCode().value()).isEqualTo(422);
        assertThat(r.getBody().get("code").asText()).isEqualTo("PAUSE_NOT_LEGALITY_REVIEW");
        assertThat(r.getBody().get("message").asText()).contains("不计算在合法性审查期限内");
        assertThat(managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers()
                .orderByJobDuedate().asc().list().stream().map(Job::getDuedate).toList()).isEqualTo(duesBefore);
        assertThat(d.auditActions(n)).doesNotContain("PERIOD_PAUSED");
        // nor is it offered on the dossier (the legality review's pause: aPauseDuringLegalityReviewMovesTheDeadlineAndTheDueDate)
        assertThat(StaffBrowser.signIn(port, LifecycleDriver.LEAD, PASSWORD).get("/decisions/" + n))
                .doesNotContain("/pauses\"", "记录不计入期限的暂停时间");
        // the step completes in time, so that no step of this test is left open to fall due on 10-16 in others' counts
        d.adoptionSummary(n);
        d.complete(LifecycleDriver.LEAD, n, "publication-feedback", "fgj", "PUBLISHED", "县政府网站决策公开专栏");
    }

    /** A decision whose publication-feedback step (10 working days, Art. 52) starts on Fri 2024-09-27. */
    String inPublicationFeedbackSince20240927(String title) {
        LifecycleDriver d = driver();
        clockAt("2024-09-02T10:00:00");
        String n = d.create(title);
        d.approveWithoutOptionalProcedures(n);
        // issued (印发) on Fri 09-27: the feedback's 10 working days count from the issuing day (openness excerpt)
        clockAt("2024-09-27T10:00:00");
        d.issue(n, "冠政发〔2024〕" + ((n.hashCode() & 0xff) + 1) + "号", "2024-09-27");
        d.recordChannels(n);
        d.complete(LifecycleDriver.OFFICE, n, "publication-publish", "bgs", "PUBLISHED", "县政府网站");
        return n;
    }

    @Test
    void theReminderAndTheEscalationFireOnceEachOnTheRightWorkingDayAndNeverStopTheStep() {
        LifecycleDriver d = driver();
        clockAt("2024-09-02T10:00:00");
        String n = d.create("城区停车收费标准调整（公布意见采纳情况期限）");
        d.approveWithoutOptionalProcedures(n);
        // issued (印发) on Fri 09-27: the feedback's 10 working days count from the issuing day (openness excerpt)
        clockAt("2024-09-27T10:00:00");
        d.issue(n, "冠政发〔2024〕" + ((n.hashCode() & 0xff) + 1) + "号", "2024-09-27");
        d.recordChannels(n);
        d.complete(LifecycleDriver.OFFICE, n, "publication-publish", "bgs", "PUBLISHED", "县政府网站");

        // 10 working days from Fri 09-27 across 国庆: 09-29 … 10-16; reminder 2 working days before (Mon 10-14 09:00).
        String taskId = d.task(n, "publication-feedback").get("id").asText();
        Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
        assertThat(task.getDueDate()).isEqualTo(Date.from(ZonedDateTime.of(2024, 10, 16, 23, 59, 59, 0, AppClock.ZONE).toInstant()));
        assertThat(task.getFollowUpDate()).isEqualTo(Date.from(ZonedDateTime.of(2024, 10, 14, 9, 0, 0, 0, AppClock.ZONE).toInstant()));
        String pid = task.getProcessInstanceId();
        assertThat(managementService.createJobQuery().processInstanceId(pid).timers().count()).isEqualTo(2);
        long id = decisions.get(n).id();

        clockAt("2024-10-12T12:00:00");           // a make-up Saturday, two working days before is Monday
        assertThat(fireDue(pid)).isZero();
        clockAt("2024-10-14T08:59:00");
        assertThat(fireDue(pid)).isZero();
        clockAt("2024-10-14T09:00:01");
        assertThat(fireDue(pid)).isEqualTo(1);
        clockAt("2024-10-15T09:00:01");
        assertThat(fireDue(pid)).isZero();
        assertThat(count(d.auditActions(n), "PERIOD_REMINDER")).isEqualTo(1);
        List<OutboxMail> reminders = outbox.forDecision(id).stream().filter(m -> m.kind().equals("PERIOD_REMINDER")).toList();
        assertThat(reminders).extracting(OutboxMail::recipient).contains("fgj_wang@gx.example.gov.cn");
        assertThat(reminders.get(0).subject()).contains("2024年10月16日");
        assertThat(reminders.get(0).body()).contains("/camunda/app/tasklist/default/#/?task=" + taskId);

        clockAt("2024-10-16T23:00:00");
        assertThat(fireDue(pid)).isZero();
        assertThat(count(d.auditActions(n), "PERIOD_ESCALATED")).isZero();
        clockAt("2024-10-17T00:00:00");
        assertThat(fireDue(pid)).isEqualTo(1);
        clockAt("2024-10-21T10:00:00");
        assertThat(fireDue(pid)).isZero();
        assertThat(count(d.auditActions(n), "PERIOD_ESCALATED")).isEqualTo(1);
        assertThat(outbox.forDecision(id).stream().filter(m -> m.kind().equals("PERIOD_ESCALATION")).map(OutboxMail::recipient))
                .contains("fgj_head@gx.example.gov.cn", "sfj_liu@gx.example.gov.cn");

        // the timers never stopped the step; completing it leaves no timer behind
        assertThat(d.openTaskKeys(n)).containsExactly("publication-feedback");
        d.adoptionSummary(n);
        d.complete(LifecycleDriver.LEAD, n, "publication-feedback", "fgj", "PUBLISHED", "县政府网站决策公开专栏");
        assertThat(managementService.createJobQuery().processInstanceId(pid).count()).isZero();
    }

    /** A staff page as the justice bureau's clerk sees it, signed in through the login form. */
    private String page(String path) {
        return StaffBrowser.signIn(port, LifecycleDriver.JUSTICE, PASSWORD).get(path);
    }

    private int fireDue(String processInstanceId) {
        Date now = new Date(ClockUtil.getCurrentTime().getTime() + 1);
        List<Job> due = managementService.createJobQuery().processInstanceId(processInstanceId).duedateLowerThan(now).list();
        due.forEach(j -> managementService.executeJob(j.getId()));
        return due.size();
    }

    private static long count(List<String> actions, String action) {
        return actions.stream().filter(action::equals).count();
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

    static LocalDate date(String s) {
        return LocalDate.parse(s);
    }
}
