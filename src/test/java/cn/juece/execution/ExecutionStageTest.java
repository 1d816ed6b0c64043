package cn.juece.execution;

import static cn.juece.LifecycleDriver.*;
import static cn.juece.support.EngineRestRefusal.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.support.AppClock;

/**
 * Stage 10 and 11 (Art. 53-58): the organ names two execution units, each reports on its own steps period by period on
 * the working-day calendar (a report due on 2025-10-01 is due on 2025-10-09), a late one escalates by mail and shows in
 * supervision; the executive head alone suspends, which pauses the reports and their timers, and the organ resumes at
 * its meeting; no stop or change without a legal ground and a meeting; an evaluation decided during execution refuses
 * a third party that drafted the matter. Every refusal on /api and on the engine REST alike.
 */
class ExecutionStageTest extends IntegrationTest {

    static final String ZJJ = "zjj_sun";

    @Autowired
    JdbcClient jdbc;

    static void at(int y, int m, int d, int h, int min) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(y, m, d, h, min).atZone(AppClock.ZONE).toInstant()));
    }

    @Test
    void twoUnitsReportPeriodByPeriodAcrossTheNationalDayAndALateReportIsEscalated() {
        at(2025, 8, 4, 9, 0);
        var d = driver();
        String n = d.published("县城区生活垃圾分类实施方案（执行）");
        // the organ divides the work between two units; the lead unit does not stand in for them (Art. 53)
        d.assignExecution(n, "MONTHLY", LocalDate.of(2025, 9, 1), "fgj", "zjj");
        List<JsonNode> reportSteps = steps(d, n, "execution-report");
        assertThat(reportSteps).hasSize(2);
        assertThat(reportSteps.stream().map(t -> t.get("candidateGroups").get(0).asText())).containsExactlyInAnyOrder("fgj", "zjj");
        // each unit acts on its own step only
        String zjjStep = stepOf(d, n, "zjj").get("id").asText();
        var foreign = d.as(LEAD).complete(zjjStep, "REPORTED", null);
        assertThat(foreign.getStatusCode().value()).isEqualTo(403);
        assertThat(foreign.getBody().get("code").asText()).isEqualTo("TASK_NOT_YOUR_GROUP");
        assertThat(d.as(ZJJ).get("/api/tasks").getBody().toString()).contains(n, "定期报告决策执行情况");
        var wrongUnit = d.as(LEAD).post("/api/decisions/" + n + "/execution/reports", Map.of("unit", "zjj", "content", "代报"));
        assertThat(wrongUnit.getStatusCode().value()).isEqualTo(403);
        assertThat(wrongUnit.getBody().get("code").asText()).isEqualTo("NOT_EXECUTION_UNIT");
        // a report step closed through the engine REST without the report written is refused there too
        assertRefused(d.as(ZJJ).post("/engine-rest/task/" + zjjStep + "/complete",
                Map.of("variables", Map.of("outcome", Map.of("value", "REPORTED")))), "EXECUTION_REPORT_MISSING", "第五十三条");

        // period 1 is due on Mon 2025-09-01; both report on time
        at(2025, 8, 29, 10, 0);
        d.report(LEAD, n, "已完成垃圾分类投放点选址", false);
        at(2025, 9, 1, 16, 0);
        d.report(ZJJ, n, "已完成小区分类设施招标", false);
        // period 2's cycle day is 2025-10-01, a holiday: it is due on Thu 2025-10-09, the next working day
        JsonNode p2 = period(d, n, "zjj", 2);
        assertThat(p2.get("scheduledOn").asText()).isEqualTo("2025-10-01");
        assertThat(p2.get("dueOn").asText()).isEqualTo("2025-10-09");
        assertThat(stepOf(d, n, "zjj").get("due").asText()).startsWith("2025-10-09T23:59:59");
        Date endOfDue = Date.from(ZonedDateTime.of(2025, 10, 9, 23, 59, 59, 0, AppClock.ZONE).toInstant());
        assertThat(timers(n, "execution-report").stream().map(Job::getDuedate)).contains(endOfDue);
        assertThat(timers(n, "execution-report").stream().map(Job::getDuedate)).doesNotContain(
                Date.from(ZonedDateTime.of(2025, 10, 1, 23, 59, 59, 0, AppClock.ZONE).toInstant()));

        // the lead unit reports on its last day; the other does not
        at(2025, 10, 9, 17, 0);
        d.report(LEAD, n, "投放点建设完成八成", false);
        at(2025, 10, 9, 23, 0);
        assertThat(fireDueTimers(n, "execution-report")).isPositive();   // the reminders, sent on 2025-09-29 at the latest
        assertThat(period(d, n, "zjj", 2).get("escalatedAt").isNull()).isTrue();
        at(2025, 10, 10, 0, 0);
        fireDueTimers(n, "execution-report");
        JsonNode late = period(d, n, "zjj", 2);
        assertThat(late.get("state").asText()).isEqualTo("OVERDUE");
        assertThat(late.get("stateLabel").asText()).isEqualTo("逾期未报告");
        assertThat(late.get("escalatedAt").isNull()).isFalse();
        assertThat(period(d, n, "fgj", 2).get("state").asText()).isEqualTo("REPORTED");
        // the mail goes to the unit's head and to the decision organ (Art. 62)
        List<String> to = jdbc.sql("SELECT recipient_id FROM juece.mail_outbox WHERE decision_id = (SELECT id FROM juece.decision WHERE decision_number = ?) AND kind = 'EXECUTION_REPORT_OVERDUE'")
                .param(n).query(String.class).list();
        assertThat(to).contains("zjj_head", "bgs_chen", "xz_zhang").doesNotContain("fgj_head", "zjj_sun");
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("县住房和城乡建设局第2期执行情况报告于2025年10月9日到期未报送"));
        // supervision shows it
        assertThat(lateIn(d, n)).contains("县住房和城乡建设局", "逾期未报告");

        // the late report comes, and stays late on the record
        at(2025, 10, 13, 9, 30);
        d.report(ZJJ, n, "小区设施安装延误，已追赶进度", false);
        assertThat(period(d, n, "zjj", 2).get("state").asText()).isEqualTo("REPORTED_LATE");
        assertThat(lateIn(d, n)).contains("逾期报告");
        // the organ publishes what it chooses of a report; the portal shows that, not the report
        long p1 = period(d, n, "fgj", 1).get("id").asLong();
        var published = d.as(ORGAN).put("/api/decisions/" + n + "/execution/reports/" + p1 + "/publication",
                Map.of("summary", "投放点选址已完成，将于十月公示"));
        assertThat(published.getStatusCode().value()).as(String.valueOf(published.getBody())).isEqualTo(200);
        var refused = d.as(LEAD).put("/api/decisions/" + n + "/execution/reports/" + p1 + "/publication", Map.of("summary", "自行公开"));
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void theExecutiveHeadAloneSuspendsTheReportsPauseAndTheOrganResumesAtItsMeeting() {
        at(2025, 3, 3, 9, 0);
        var d = driver();
        String n = d.published("县城区道路占道施工管理办法（中止执行）");
        d.assignExecution(n, "QUARTERLY", LocalDate.of(2025, 4, 1), "fgj");
        String report = stepOf(d, n, "fgj").get("id").asText();
        JsonNode before = period(d, n, "fgj", 1);
        assertThat(before.get("dueOn").asText()).isEqualTo("2025-04-01");
        at(2025, 3, 17, 9, 0);                                             // Monday

        // a clerk of the decision organ cannot suspend: the executive head first decides (Art. 55)
        var clerk = d.as(ORGAN).post("/api/decisions/" + n + "/execution/suspension",
                Map.of("groundKind", "CIRCUMSTANCES_CHANGED", "ground", "上游管网爆裂，道路需紧急抢修"));
        assertThat(clerk.getStatusCode().value()).isEqualTo(403);
        assertThat(clerk.getBody().get("code").asText()).isEqualTo("NOT_EXECUTIVE_HEAD");
        assertThat(clerk.getBody().get("message").asText()).contains("行政首长", "第五十五条");
        var noGround = d.as(HEAD).post("/api/decisions/" + n + "/execution/suspension", Map.of("groundKind", "CIRCUMSTANCES_CHANGED"));
        assertThat(noGround.getBody().get("code").asText()).isEqualTo("EXECUTION_GROUND_REQUIRED");
        d.suspend(n, "上游管网爆裂，道路需紧急抢修");
        assertThat(d.openTaskKeys(n)).contains("execution-suspended", "execution-report");
        // the reports and their timers pause at once
        assertThat(timers(n, "execution-report")).isNotEmpty().allMatch(Job::isSuspended);
        var paused = d.as(LEAD).post("/api/decisions/" + n + "/execution/reports", Map.of("content", "继续报告"));
        assertThat(paused.getBody().get("code").asText()).isEqualTo("EXECUTION_SUSPENDED");
        assertRefused(d.as(LEAD).post("/engine-rest/task/" + report + "/complete",
                Map.of("variables", Map.of("outcome", Map.of("value", "REPORTED")))), "EXECUTION_SUSPENDED", "中止执行", "第五十五条");
        d.measure(LEAD, n, "设置临时绕行标志，通知沿线商户");

        // resuming needs its ground and the organ's meeting, on every path
        String followUp = d.task(n, "execution-suspended").get("id").asText();
        var noMeeting = d.as(ORGAN).post("/api/decisions/" + n + "/execution/decisions",
                Map.of("kind", "RESUME", "groundKind", "CIRCUMSTANCES_CHANGED", "ground", "抢修已完成，具备恢复执行条件"));
        assertThat(noMeeting.getStatusCode().value()).isEqualTo(400);
        assertThat(noMeeting.getBody().get("code").asText()).isEqualTo("EXECUTION_MEETING_REQUIRED");
        assertRefused(d.as(ORGAN).post("/engine-rest/task/" + followUp + "/complete", Map.of("variables", Map.of(
                "outcome", Map.of("value", "RESUME"), "reason", Map.of("value", "恢复")))), "EXECUTION_DECISION_NOT_RECORDED", "第五十五条");
        assertThat(d.openTaskKeys(n)).contains("execution-suspended");

        at(2025, 3, 24, 10, 0);                                            // five working days later
        // recorded on the page or /api, then closed in Tasklist (the engine REST), as a clerk of the organ would
        var recorded = d.as(ORGAN).post("/api/decisions/" + n + "/execution/decisions", Map.of("kind", "RESUME",
                "groundKind", "CIRCUMSTANCES_CHANGED", "ground", "抢修已完成，具备恢复执行条件",
                "meetingId", d.executionMeeting(n, "APPROVED"), "complete", false));
        assertThat(recorded.getStatusCode().value()).as(String.valueOf(recorded.getBody())).isEqualTo(200);
        var closed = d.as(ORGAN).send(org.springframework.http.HttpMethod.POST, "/engine-rest/task/" + followUp + "/complete",
                Map.of("variables", Map.of("outcome", Map.of("value", "RESUME"), "reason", Map.of("value", MEETING + "决定恢复执行"))));
        assertThat(closed.getStatusCode().value()).as(closed.getBody()).isEqualTo(204);
        assertThat(d.openTaskKeys(n)).containsExactly("execution-report");
        JsonNode moved = period(d, n, "fgj", 1);
        assertThat(moved.get("pausedDays").asInt()).isEqualTo(5);
        assertThat(moved.get("dueOn").asText()).isEqualTo("2025-04-09");   // 2025-04-04 is 清明: five working days after 04-01
        assertThat(stepOf(d, n, "fgj").get("due").asText()).startsWith("2025-04-09T23:59:59");
        assertThat(timers(n, "execution-report")).isNotEmpty().noneMatch(Job::isSuspended);
        assertThat(timers(n, "execution-report").stream().map(Job::getDuedate)).contains(
                Date.from(ZonedDateTime.of(2025, 4, 9, 23, 59, 59, 0, AppClock.ZONE).toInstant()));
        JsonNode execution = d.as(READER).get("/api/decisions/" + n + "/execution").getBody();
        assertThat(execution.get("suspended").asBoolean()).isFalse();
        assertThat(execution.get("decisions").toString()).contains("SUSPEND", "RESUME", LifecycleDriver.MEETING);
        d.report(LEAD, n, "恢复施工，进度正常", false);
    }

    @Test
    void noStopWithoutALegalGroundAndAMeetingRecordAndTheStoppedMatterIsArchivedWithItsMeasures() throws Exception {
        var d = driver();
        String n = d.published("县城区临时摊点规范管理方案（停止执行）");
        d.assignExecution(n, "QUARTERLY", LifecycleDriver.localToday().plusMonths(1), "fgj");
        d.incident(LEAD, n, "CIRCUMSTANCES_CHANGED", "上位法修订，摊点设置标准已变化");
        assertThat(d.openTaskKeys(n)).contains("execution-adjust");
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("报告客观情况发生重大变化（第五十四条）"));
        String adjust = d.task(n, "execution-adjust").get("id").asText();
        // the engine REST / Tasklist: STOP without the decision recorded
        assertRefused(d.as(ORGAN).post("/engine-rest/task/" + adjust + "/complete", Map.of("variables", Map.of(
                "outcome", Map.of("value", "STOP"), "reason", Map.of("value", "停止")))), "EXECUTION_DECISION_NOT_RECORDED",
                "非因法定事由并经法定程序", "第五十五条");
        // /api: no ground, then no meeting
        var noGround = d.as(ORGAN).post("/api/decisions/" + n + "/execution/decisions", Map.of("kind", "STOP",
                "meetingId", 1));
        assertThat(noGround.getStatusCode().value()).isEqualTo(400);
        assertThat(noGround.getBody().get("code").asText()).isEqualTo("EXECUTION_GROUND_REQUIRED");
        var noMeeting = d.as(ORGAN).post("/api/decisions/" + n + "/execution/decisions", Map.of("kind", "STOP",
                "groundKind", "CIRCUMSTANCES_CHANGED", "ground", "上位法修订后原方案与之不符"));
        assertThat(noMeeting.getBody().get("code").asText()).isEqualTo("EXECUTION_MEETING_REQUIRED");
        assertThat(noMeeting.getBody().get("message").asText()).contains("会议", "第五十五条");
        var notOrgan = d.as(LEAD).post("/api/decisions/" + n + "/execution/decisions", Map.of("kind", "STOP",
                "groundKind", "CIRCUMSTANCES_CHANGED", "ground", "上位法修订后原方案与之不符", "meetingId", 1));
        assertThat(notOrgan.getStatusCode().value()).isEqualTo(403);
        assertThat(d.openTaskKeys(n)).contains("execution-adjust", "execution-report");
        // the page's form: the same refusal, shown on the page, nothing saved
        var session = new cn.juece.support.PageSession(port).signIn(ORGAN, PASSWORD);
        String path = "/decisions/" + n + "/execution";
        String form = session.get(path).body();
        assertThat(form).contains("决策机关会议研究决定：研究决定继续执行、停止执行或者修改决策（第五十五条）");
        var posted = session.post(path + "/decisions", "taskId=" + adjust + "&kind=STOP&groundKind=CIRCUMSTANCES_CHANGED&ground="
                + cn.juece.support.PageSession.enc("上位法修订后原方案与之不符") + "&meetingId=&_csrf="
                + cn.juece.support.PageSession.csrf(form), session.uri(path).toString());
        assertThat(posted.statusCode()).isEqualTo(302);
        assertThat(session.get(path).body()).contains("须经决策机关会议研究决定", "EXECUTION_MEETING_REQUIRED");
        assertThat(d.openTaskKeys(n)).contains("execution-adjust");

        d.decideOnExecution(n, "STOP", "CIRCUMSTANCES_CHANGED", "上位法修订后原方案与之不符，为公共利益停止执行");
        assertThat(d.status(n)).isEqualTo("STOPPED");
        assertThat(d.openTaskKeys(n)).containsExactly("archive-file");
        // the archive asks for the measures to limit losses (Art. 55) and the number, in one refusal
        d.recordArchiveNumber(n);
        var incomplete = d.as(OFFICE).complete(d.task(n, "archive-file").get("id").asText(), "ARCHIVED", "案卷已整理");
        assertThat(incomplete.getBody().get("code").asText()).isEqualTo("ARCHIVE_INCOMPLETE");
        assertThat(incomplete.getBody().get("message").asText()).contains("避免或者减轻经济损失和不良影响的措施记录", "第五十五条",
                "第五十九条");
        d.measure(LEAD, n, "已书面告知摊主，协调临时过渡场地");
        d.archive(n);
        assertThat(d.status(n)).isEqualTo("ARCHIVED");
        assertThat(d.decision(n).get("outcome").get("code").asText()).isEqualTo("STOPPED");
    }

    @Test
    void anEvaluationDecidedDuringExecutionRefusesTheThirdPartyThatDraftedTheMatter() {
        var d = driver();
        String n = d.create("县城区停车收费标准调整方案（后评估）");
        d.study(n);
        d.launch(n);
        // Art. 13: drafted on commission
        var drafter = d.as(LEAD).put("/api/decisions/" + n + "/drafting/drafter",
                Map.of("mode", "COMMISSIONED", "organisation", "山东鲁西规划设计研究院有限公司"));
        assertThat(drafter.getStatusCode().value()).as(String.valueOf(drafter.getBody())).isEqualTo(200);
        d.upload(LEAD, n, "DRAFT");
        d.upload(LEAD, n, "DRAFTING_EXPLANATION");
        d.answerReviewQuestions(n, false, false);
        d.complete(LEAD, n, "drafting-draft", "fgj", "SUBMITTED", null);
        d.hearLegalVoices(n);
        d.upload(LEAD_LEGAL, n, "INITIAL_REVIEW_OPINION");
        d.complete(LEAD_LEGAL, n, "drafting-initial-review", "fgj-legal", "PASSED", "已听取法律顾问和公职律师意见");
        d.arrange(n, "PARTICIPATION", false);
        d.arrange(n, "EXPERT", false);
        d.arrange(n, "RISK", false);
        d.complete(LEAD, n, "drafting-arrangements", "fgj", "CONFIRMED", null);
        d.submitForLegality(n);
        d.review(n, "PASSED", null);
        d.meeting(n, "APPROVED");
        d.publish(n);
        d.assignExecution(n, "QUARTERLY", LifecycleDriver.localToday().plusMonths(1), "fgj");

        // during execution, at any time (Art. 56): the organ opens the decision on evaluating; a unit cannot
        assertThat(d.as(LEAD).post("/api/decisions/" + n + "/evaluation/requests", Map.of()).getStatusCode().value()).isEqualTo(403);
        assertThat(d.as(ORGAN).post("/api/decisions/" + n + "/evaluation/requests", Map.of()).getStatusCode().value()).isEqualTo(200);
        assertThat(d.openTaskKeys(n)).contains("evaluation-decide", "execution-report");
        // EVALUATE without an evaluator named is refused
        var unnamed = d.as(ORGAN).complete(d.task(n, "evaluation-decide").get("id").asText(), "EVALUATE", "开展后评估");
        assertThat(unnamed.getBody().get("code").asText()).isEqualTo("EVALUATOR_NOT_NAMED");
        // the organisation that drafted on commission cannot evaluate, written differently or not
        for (String org : List.of("山东鲁西规划设计研究院有限公司", "山东鲁西规划设计研究院", "山东鲁西规划设计研究院（有限公司）")) {
            var conflict = d.nameEvaluator(n, "fgj", org);
            assertThat(conflict.getStatusCode().value()).as(org).isEqualTo(422);
            assertThat(conflict.getBody().get("code").asText()).isEqualTo("EVALUATOR_CONFLICT");
            assertThat(conflict.getBody().get("message").asText()).contains("第五十六条", "受委托起草决策草案（第十三条）", "未承担主要论证和评估工作");
        }
        var clean = d.nameEvaluator(n, "fgj", "聊城大学公共政策研究中心");
        assertThat(clean.getStatusCode().value()).as(String.valueOf(clean.getBody())).isEqualTo(200);
        d.complete(ORGAN, n, "evaluation-decide", "gx-organ", "EVALUATE", "执行满一年，开展后评估");
        // the report's parts: refused while incomplete, naming what is missing
        d.upload(LEAD, n, "EVALUATION_REPORT");
        var partial = d.as(LEAD).put("/api/decisions/" + n + "/evaluation/report", Map.of("aimsFit", "基本相符"));
        assertThat(partial.getStatusCode().value()).isEqualTo(200);
        var incomplete = d.as(LEAD).complete(d.task(n, "evaluation-conduct").get("id").asText(), "SUBMITTED", null);
        assertThat(incomplete.getBody().get("code").asText()).isEqualTo("EVALUATION_REPORT_INCOMPLETE");
        assertThat(incomplete.getBody().get("message").asText()).contains("决策实施的成本效益分析（第五十六条第二项）", "第五十七条第四项")
                .doesNotContain("决策实施的结果与决策目的是否相符");
        d.evaluationReport(LEAD, n, "MODIFY");
        // the execution page's evaluation section shows whom the organ named and the report's parts
        String page = new cn.juece.support.StaffBrowser(port, LEAD, PASSWORD).get("/decisions/" + n + "/execution");
        assertThat(page).contains("决策后评估（第五十六条、第五十七条）", "聊城大学公共政策研究中心", "评估报告内容",
                "实施对象对决策的接受程度", "问卷显示八成以上乘客满意", "修改决策", "保存评估报告内容");
        d.complete(LEAD, n, "evaluation-conduct", "fgj", "SUBMITTED", null);
        // a modification after the evaluation is the organ's decision at its meeting (Art. 57): back to drafting
        d.decideOnExecution(n, "MODIFY", "EVALUATION", "评估认为收费标准应按区域差别化调整");
        assertThat(d.stage(n)).isEqualTo("DRAFTING");
        assertThat(d.openTaskKeys(n)).containsExactly("drafting-draft");
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("研究决定修改决策（第五十五条、第五十七条）"));
    }

    private static List<JsonNode> steps(LifecycleDriver d, String n, String key) {
        List<JsonNode> list = new ArrayList<>();
        d.as(READER).get("/api/decisions/" + n + "/tasks").getBody().forEach(t -> {
            if (t.get("taskKey").asText().equals(key)) {
                list.add(t);
            }
        });
        return list;
    }

    private static JsonNode stepOf(LifecycleDriver d, String n, String unit) {
        return steps(d, n, "execution-report").stream().filter(t -> t.get("candidateGroups").get(0).asText().equals(unit))
                .findFirst().orElseThrow();
    }

    private static JsonNode period(LifecycleDriver d, String n, String unit, int period) {
        for (JsonNode p : d.as(READER).get("/api/decisions/" + n + "/execution").getBody().get("reports")) {
            if (p.get("unit").asText().equals(unit) && p.get("period").asInt() == period) {
                return p;
            }
        }
        throw new AssertionError("no period " + period + " of " + unit);
    }

    private static String lateIn(LifecycleDriver d, String n) {
        StringBuilder rows = new StringBuilder();
        for (JsonNode r : d.as(JUSTICE).get("/api/supervision").getBody().get("lateReports")) {
            if (r.get("decisionNumber").asText().equals(n)) {
                rows.append(r.toString());
            }
        }
        return rows.toString();
    }
}
