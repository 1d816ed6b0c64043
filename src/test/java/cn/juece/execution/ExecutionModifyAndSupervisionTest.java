package cn.juece.execution;

import static cn.juece.LifecycleDriver.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;

/**
 * Art. 55, 58: a modification decided at the organ's meeting returns the matter to drafting with its history (the first
 * run's reports, the decision and its ground stay on the record and on the portal), and the re-decided matter is
 * executed afresh, its reports counted from period 1; a stop recommended by a post-evaluation is the organ's decision at
 * its meeting (Art. 57) and the matter is archived as stopped; execution supervision (督查) is recorded by the government
 * office or the decision organ only, and only during execution.
 */
class ExecutionModifyAndSupervisionTest extends IntegrationTest {

    static final String ZJJ = "zjj_sun";

    @Test
    void aModificationReturnsTheMatterToDraftingWithItsHistoryAndTheNewRunReportsAfresh() {
        var d = driver();
        String n = d.published("县城区公共停车场收费管理办法（修改决策）");
        d.assignExecution(n, "QUARTERLY", LifecycleDriver.localToday().plusMonths(1), "fgj", "zjj");
        // each unit finds its own report step on its home page (Art. 53)
        assertThat(new cn.juece.support.StaffBrowser(port, ZJJ, PASSWORD).get("/")).contains(n, "定期报告决策执行情况");
        d.report(LEAD, n, "第一轮：城区停车场收费系统改造完成", false);
        d.incident(ZJJ, n, "PROBLEM", "试行中发现夜间收费标准明显高于周边县区，群众反映集中");
        assertThat(d.openTaskKeys(n)).contains("execution-adjust");

        // Art. 55: modified at the organ's meeting, with its ground: back to drafting
        d.decideOnExecution(n, "MODIFY", "PROBLEM_FOUND", "夜间收费标准与群众承受能力不符，需要修改后重新决定");
        assertThat(d.stage(n)).isEqualTo("DRAFTING");
        assertThat(d.openTaskKeys(n)).containsExactly("drafting-draft");
        d.measure(LEAD, n, "修改期间暂按原日间标准收费，夜间免费停放");
        assertThat(new cn.juece.support.StaffBrowser(port, ZJJ, PASSWORD).get("/")).doesNotContain(n);

        // the history stays: the first run's report, the incident, the decision with ground and meeting
        JsonNode history = d.as(READER).get("/api/decisions/" + n + "/execution").getBody();
        assertThat(history.get("working").asBoolean()).isFalse();
        assertThat(history.get("reports").toString()).contains("第一轮：城区停车场收费系统改造完成");
        assertThat(history.get("incidents").toString()).contains("夜间收费标准明显高于周边县区");
        assertThat(history.get("decisions").toString()).contains("MODIFY", "PROBLEM_FOUND", MEETING);
        assertThat(history.get("measures").toString()).contains("夜间免费停放");
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("研究决定修改决策（第五十五条）"));
        // while it is redrafted nobody reports, and the work cannot be divided anew before the new decision
        var report = d.as(LEAD).post("/api/decisions/" + n + "/execution/reports", Map.of("content", "继续报告"));
        assertThat(report.getStatusCode().value()).isEqualTo(422);
        assertThat(report.getBody().get("code").asText()).isEqualTo("EXECUTION_REPORT_NOT_DUE");
        var plan = d.as(ORGAN).put("/api/decisions/" + n + "/execution/units/zjj",
                Map.of("task", "改", "deadline", LifecycleDriver.localToday().plusYears(1).toString()));
        assertThat(plan.getBody().get("code").asText()).isEqualTo("EXECUTION_PLAN_LOCKED");
        // the portal shows the modification with its ground and meeting
        assertThat(publicPage("/public/decisions/" + n)).contains("修改决策", "决策存在问题",
                "夜间收费标准与群众承受能力不符", "决策机关" + MEETING + "（", "研究决定", "草案拟定");

        // redrafted, reviewed, decided and published again
        d.draft(n, false, false, false);
        d.submitForLegality(n);
        d.review(n, "PASSED", null);
        d.meeting(n, "APPROVED");
        d.publish(n);
        assertThat(d.stage(n)).isEqualTo("EXECUTION");
        assertThat(d.openTaskKeys(n)).containsExactly("execution-assign");
        // the organ divides the work again: one unit this time; the other's name is withdrawn before execution starts
        var removed = d.as(ORGAN).send(org.springframework.http.HttpMethod.DELETE, "/api/decisions/" + n + "/execution/units/zjj", null);
        assertThat(removed.getStatusCode().value()).as(removed.getBody()).isEqualTo(200);
        d.assignExecution(n, "QUARTERLY", LifecycleDriver.localToday().plusMonths(1), "fgj");
        JsonNode second = d.as(READER).get("/api/decisions/" + n + "/execution").getBody();
        assertThat(second.get("working").asBoolean()).isTrue();
        assertThat(second.get("plan").get("runNo").asInt()).isEqualTo(2);
        // the new run's report step is period 1 again; the first run's rows remain
        assertThat(second.get("openSteps").toString()).contains("execution-report").doesNotContain("\"unit\":\"zjj\"");
        int firstPeriods = 0;
        int secondPeriods = 0;
        for (JsonNode p : second.get("reports")) {
            if (p.get("run").asInt() == 1) {
                firstPeriods++;
            } else {
                secondPeriods++;
                assertThat(p.get("unit").asText()).isEqualTo("fgj");
                assertThat(p.get("period").asInt()).isEqualTo(1);
            }
        }
        assertThat(firstPeriods).isGreaterThanOrEqualTo(2);
        assertThat(secondPeriods).isEqualTo(1);

        d.upload(LEAD, n, "EXECUTION_REPORT");
        d.report(LEAD, n, "修改后的办法执行完毕", true);
        d.skipEvaluation(n);
        d.archive(n);
        assertThat(d.status(n)).isEqualTo("ARCHIVED");
        assertThat(d.decision(n).get("outcome").get("code").asText()).isEqualTo("COMPLETED");
    }

    @Test
    void anEvaluationAfterExecutionRecommendingAStopIsDecidedAtTheOrgansMeetingAndTheMatterArchivedAsStopped() {
        var d = driver();
        String n = d.published("县城区共享电动车投放管理方案（后评估·停止）");
        d.execute(n);
        // after execution the organ's step to decide on an evaluation opens by itself (Art. 56)
        assertThat(d.openTaskKeys(n)).containsExactly("evaluation-decide");
        var plan = d.nameEvaluator(n, "fgj", "聊城大学公共政策研究中心");
        assertThat(plan.getStatusCode().value()).as(String.valueOf(plan.getBody())).isEqualTo(200);
        d.complete(ORGAN, n, "evaluation-decide", "gx-organ", "EVALUATE", "执行满一年，委托第三方开展后评估");
        d.evaluationReport(LEAD, n, "STOP");
        d.upload(LEAD, n, "EVALUATION_REPORT");
        d.complete(LEAD, n, "evaluation-conduct", "fgj", "SUBMITTED", null);
        String resolve = d.task(n, "evaluation-resolve").get("id").asText();
        // Art. 55, 57: a stop after the evaluation only with its ground and the organ's meeting recorded, on every path
        var bare = d.as(ORGAN).complete(resolve, "STOP", MEETING + "决定停止执行");
        assertThat(bare.getBody().get("code").asText()).isEqualTo("EXECUTION_DECISION_NOT_RECORDED");
        cn.juece.support.EngineRestRefusal.assertRefused(d.as(ORGAN).post("/engine-rest/task/" + resolve + "/complete",
                Map.of("variables", Map.of("outcome", Map.of("value", "STOP"), "reason", Map.of("value", MEETING + "决定停止执行")))),
                "EXECUTION_DECISION_NOT_RECORDED", "第五十七条");
        var noMeeting = d.as(ORGAN).post("/api/decisions/" + n + "/execution/decisions", Map.of("kind", "STOP",
                "groundKind", "EVALUATION", "ground", "后评估认为投放秩序难以维持，继续执行弊大于利"));
        assertThat(noMeeting.getBody().get("code").asText()).isEqualTo("EXECUTION_MEETING_REQUIRED");
        assertThat(d.openTaskKeys(n)).containsExactly("evaluation-resolve");
        d.decideOnExecution(n, "STOP", "EVALUATION", "后评估认为投放秩序难以维持，继续执行弊大于利");
        assertThat(d.status(n)).isEqualTo("STOPPED");
        assertThat(d.openTaskKeys(n)).containsExactly("archive-file");
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("研究决定停止执行（第五十五条、第五十七条）"));
        assertThat(publicPage("/public/decisions/" + n)).contains("停止执行", "决策后评估认为需要停止执行或者修改",
                "后评估认为投放秩序难以维持");
        d.measure(LEAD, n, "分批回收投放车辆，公告退还押金办法");
        d.archive(n);
        assertThat(d.status(n)).isEqualTo("ARCHIVED");
        assertThat(d.decision(n).get("outcome").get("code").asText()).isEqualTo("STOPPED");
    }

    @Test
    void supervisionIsRecordedByTheOfficeOrTheOrganDuringExecutionOnly() {
        var d = driver();
        // not yet in execution: nothing to supervise
        String early = d.create("县城区农贸市场升级改造方案（督查·未执行）");
        d.study(early);
        var tooEarly = d.as(OFFICE).post("/api/decisions/" + early + "/execution/inspections", inspection("INSPECTION", "专项督查"));
        assertThat(tooEarly.getStatusCode().value()).isEqualTo(422);
        assertThat(tooEarly.getBody().get("code").asText()).isEqualTo("EXECUTION_NOT_RUNNING");
        assertThat(tooEarly.getBody().get("message").asText()).contains("第五十八条");

        String n = d.published("县城区农贸市场升级改造方案（督查）");
        d.assignExecution(n, "QUARTERLY", LifecycleDriver.localToday().plusMonths(1), "fgj");
        // an execution unit does not supervise itself
        var byUnit = d.as(LEAD).post("/api/decisions/" + n + "/execution/inspections", inspection("INSPECTION", "自查"));
        assertThat(byUnit.getStatusCode().value()).isEqualTo(403);
        // the record names its kind, title, day and findings
        var noKind = d.as(OFFICE).post("/api/decisions/" + n + "/execution/inspections", inspection("AUDIT", "专项督查"));
        assertThat(noKind.getBody().get("code").asText()).isEqualTo("INSPECTION_KIND_REQUIRED");
        var noFindings = d.as(OFFICE).post("/api/decisions/" + n + "/execution/inspections", Map.of("kind", "INSPECTION",
                "title", "专项督查", "heldOn", LifecycleDriver.localToday().toString()));
        assertThat(noFindings.getStatusCode().value()).isEqualTo(400);
        assertThat(noFindings.getBody().get("code").asText()).isEqualTo("INSPECTION_INCOMPLETE");
        var future = d.as(OFFICE).post("/api/decisions/" + n + "/execution/inspections", Map.of("kind", "NOTICE", "title", "通报",
                "findings", "按期推进", "heldOn", LifecycleDriver.localToday().plusDays(3).toString()));
        assertThat(future.getBody().get("code").asText()).isEqualTo("INSPECTION_IN_FUTURE");

        var recorded = d.as(OFFICE).post("/api/decisions/" + n + "/execution/inspections", inspection("INSPECTION", "农贸市场改造专项督查"));
        assertThat(recorded.getStatusCode().value()).as(String.valueOf(recorded.getBody())).isEqualTo(200);
        var notice = d.as(ORGAN).post("/api/decisions/" + n + "/execution/inspections", Map.of("kind", "NOTICE",
                "title", "关于农贸市场改造进度的通报", "findings", "三个市场已完成改造，两个市场进度滞后", "heldOn", LifecycleDriver.localToday().toString()));
        assertThat(notice.getStatusCode().value()).as(String.valueOf(notice.getBody())).isEqualTo(200);
        JsonNode execution = d.as(READER).get("/api/decisions/" + n + "/execution").getBody();
        assertThat(execution.get("inspections")).hasSize(2);
        assertThat(execution.get("inspections").toString()).contains("农贸市场改造专项督查", "INSPECTION", "NOTICE");
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("督查检查《农贸市场改造专项督查》") && s.contains("第五十八条"));
        // the execution page lists them for the staff who see the decision
        String page = new cn.juece.support.StaffBrowser(port, LEAD, PASSWORD).get("/decisions/" + n + "/execution");
        assertThat(page).contains("农贸市场改造专项督查", "关于农贸市场改造进度的通报", "情况通报");
        // and supervision lists them beside the late reports (Art. 58: execution is part of government supervision)
        String rows = d.as(JUSTICE).get("/api/supervision").getBody().get("executionInspections").toString();
        assertThat(rows).contains(n, "农贸市场改造专项督查", "督查检查", "情况通报", "摊位改造资金拨付滞后");
        assertThat(new cn.juece.support.StaffBrowser(port, JUSTICE, PASSWORD).get("/supervision"))
                .contains("决策执行督查（第五十八条）", "关于农贸市场改造进度的通报");
    }

    private String publicPage(String path) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + path)).header("X-Forwarded-For", "203.0.113.71").build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> inspection(String kind, String title) {
        return Map.of("kind", kind, "title", title, "findings", "摊位改造资金拨付滞后，已责令限期整改",
                "heldOn", LifecycleDriver.localToday().toString());
    }
}
