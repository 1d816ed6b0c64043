package cn.juece.workflow;

import static cn.juece.LifecycleDriver.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import cn.juece.IntegrationTest;
import cn.juece.support.LogCapture;
import cn.juece.support.WebappSession;

/**
 * The same rule refuses the same bad step on every path: /api, and the engine REST API that Tasklist and
 * programs use (task/{id}/complete and submit-form, at /engine-rest and at the webapps' own prefix), with its
 * status, stable code and Chinese message, logged without a stack trace, and nothing is written (DECISIONS.md
 * 27). Camunda authorizations show each person only their groups' tasks.
 */
class RulesOnEveryPathTest extends IntegrationTest {

    @Test
    void aStageGateRefusesOnApiAndOnEngineRestAlike() {
        var d = driver();
        String n = d.create("城市道路停车收费调整");
        d.study(n);
        d.launch(n);
        String task = d.task(n, "drafting-draft").get("id").asText();
        int auditBefore = d.auditActions(n).size();

        // /api: Art. 13, the draft and its explanation must be in the dossier
        var api = d.as(LEAD).complete(task, "SUBMITTED", null);
        assertThat(api.getStatusCode().value()).isEqualTo(422);
        assertThat(api.getBody().get("code").asText()).isEqualTo("MATERIAL_MISSING_DRAFT");
        assertThat(api.getBody().get("message").asText()).isEqualTo("缺少《决策草案》（第十三条）。请先在决策案卷中上传该材料，再办理本环节。");

        // engine REST complete (what a program would call) and submit-form (what Tasklist calls): the rule's
        // status, its code and only the Chinese sentence as the message (Tasklist shows it), DECISIONS.md 27
        for (String call : List.of("complete", "submit-form")) {
            var rest = as(LEAD).post("/engine-rest/task/" + task + "/" + call, OUTCOME_SUBMITTED);
            assertThat(rest.getStatusCode().value()).as(call + " " + rest.getBody()).isEqualTo(422);
            assertThat(rest.getBody().get("type").asText()).isEqualTo("RuleViolation");
            assertThat(rest.getBody().get("code").asText()).isEqualTo("MATERIAL_MISSING_DRAFT");
            assertThat(rest.getBody().get("message").asText()).isEqualTo("缺少《决策草案》（第十三条）。请先在决策案卷中上传该材料，再办理本环节。");
        }

        // nothing happened
        assertThat(d.openTaskKeys(n)).containsExactly("drafting-draft");
        assertThat(d.auditActions(n)).hasSize(auditBefore);
    }

    @Test
    void aReasonLongerThan500CharactersIsRefusedWithItsMessageNeverCut() {
        var d = driver();
        String n = d.create("县城区户外广告设置规划（理由长度）");
        String task = d.task(n, "proposal-study").get("id").asText();
        String reason = "不属于第三条所列事项".repeat(51);   // 510 characters
        var api = d.as(LEAD).complete(task, "OUT_OF_SCOPE", reason);
        assertThat(api.getStatusCode().value()).isEqualTo(400);
        assertThat(api.getBody().get("code").asText()).isEqualTo("REASON_TOO_LONG");
        assertThat(api.getBody().get("message").asText()).contains("不超过500字", "现为510字");
        var rest = d.as(LEAD).post("/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("outcome", Map.of("value", "OUT_OF_SCOPE"), "reason", Map.of("value", reason))));
        cn.juece.support.EngineRestRefusal.assertRefused(rest, "REASON_TOO_LONG", "不超过500字", "现为510字");
        assertThat(d.openTaskKeys(n)).containsExactly("proposal-study");
    }

    @Test
    void aPersonOutsideTheTasksGroupCannotCompleteIt() {
        var d = driver();
        String n = d.create("县级储备粮轮换办法");
        String task = d.task(n, "proposal-study").get("id").asText();
        int auditBefore = d.auditActions(n).size();

        var api = d.as(JUSTICE).complete(task, "OUT_OF_SCOPE", "试图越权办理");
        assertThat(api.getStatusCode().value()).isEqualTo(403);
        assertThat(api.getBody().get("code").asText()).isEqualTo("TASK_NOT_YOUR_GROUP");
        assertThat(api.getBody().get("message").asText()).contains("县发展和改革局", "刘思远", "无权办理");

        // through the engine REST API they lack Camunda's TASK_WORK on it: 403, in Chinese, naming the permission
        var rest = as(JUSTICE).post("/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("outcome", Map.of("value", "OUT_OF_SCOPE", "type", "String"))));
        assertThat(rest.getStatusCode().value()).as(String.valueOf(rest.getBody())).isEqualTo(403);
        assertThat(rest.getBody().get("code").asText()).isEqualTo("NOT_AUTHORIZED");
        assertThat(rest.getBody().get("message").asText()).startsWith("您没有执行该操作的权限：需要").contains("任务", task);

        assertThat(d.openTaskKeys(n)).containsExactly("proposal-study");
        assertThat(d.auditActions(n)).hasSize(auditBefore);
    }

    @Test
    void anOutcomeTheStepDoesNotDeclareIsRefused() {
        var d = driver();
        String n = d.create("县城供水价格调整");
        String task = d.task(n, "proposal-study").get("id").asText();
        var r = d.as(LEAD).complete(task, "LAUNCH", null);
        assertThat(r.getStatusCode().value()).isEqualTo(400);
        assertThat(r.getBody().get("code").asText()).isEqualTo("OUTCOME_INVALID");
        assertThat(r.getBody().get("message").asText()).contains("不是“研究论证决策事项建议”的办理结果");
        var none = d.as(LEAD).post("/api/tasks/" + task + "/complete", Map.of());
        assertThat(none.getBody().get("code").asText()).isEqualTo("OUTCOME_REQUIRED");
        // through the engine REST API without an outcome: the previous step's outcome does not count
        var rest = as(LEAD).post("/engine-rest/task/" + task + "/complete", Map.of());
        assertThat(rest.getStatusCode().value()).isEqualTo(none.getStatusCode().value());
        assertThat(rest.getBody().get("code").asText()).isEqualTo("OUTCOME_REQUIRED");
        assertThat(rest.getBody().get("message").asText()).isEqualTo(none.getBody().get("message").asText());
    }

    @Test
    void tasklistShowsEachPersonTheTasksOfTheirGroupsOnly() {
        var d = driver();
        String n = d.create("县域医疗共同体建设方案");
        JsonNode asLead = d.as(LEAD).get("/engine-rest/task?processInstanceBusinessKey=" + n).getBody();
        JsonNode asJustice = d.as(JUSTICE).get("/engine-rest/task?processInstanceBusinessKey=" + n).getBody();
        assertThat(asLead).hasSize(1);
        assertThat(asLead.get(0).get("name").asText()).isEqualTo("研究论证决策事项建议");
        assertThat(asJustice).isEmpty();
        // and the engine REST API requires authentication
        var anonymous = new org.springframework.web.client.RestTemplate();
        try {
            anonymous.getForEntity("http://127.0.0.1:" + port + "/engine-rest/task", String.class);
            throw new AssertionError("anonymous access to the engine REST API was allowed");
        } catch (org.springframework.web.client.HttpClientErrorException e) {
            assertThat(e.getStatusCode().value()).isEqualTo(401);
        }
    }

    @Test
    void theTaskFormOffersTheDeclaredOutcomesAndTheDossierLink() {
        var d = driver();
        String n = d.create("县城绿道建设规划");
        String task = d.task(n, "proposal-study").get("id").asText();
        JsonNode form = d.as(LEAD).get("/api/tasks/" + task + "/form").getBody();
        assertThat(form.get("dossierUrl").asText()).isEqualTo("/decisions/" + n);
        assertThat(form.get("outcomes").get(0).get("code").asText()).isEqualTo("IN_SCOPE");
        assertThat(form.get("outcomes").get(1).get("label").asText()).isEqualTo("不属于第三条所列事项，不适用本规定");
        assertThat(form.get("checklist").toString()).contains("第三条", "研究论证报告");
    }

    @Test
    void anUnknownTaskOrInstanceIsNotFoundOnTheEngineRest() {
        // Camunda itself answers these with 500 (a RestException or NullValueException around "Cannot find …")
        for (String call : List.of("/task/no-such-task/complete", "/task/no-such-task/submit-form", "/task/no-such-task/claim")) {
            var r = as(LEAD).post("/engine-rest" + call, call.endsWith("claim") ? Map.of("userId", LEAD) : Map.of());
            assertThat(r.getStatusCode().value()).as(call + " " + r.getBody()).isEqualTo(404);
            assertThat(r.getBody().get("code").asText()).isEqualTo("NOT_FOUND");
            assertThat(r.getBody().get("message").asText()).contains("不存在");
        }
        var task = as(LEAD).get("/engine-rest/task/no-such-task");
        assertThat(task.getStatusCode().value()).isEqualTo(404);
        assertThat(task.getBody().get("code").asText()).isEqualTo("NOT_FOUND");
        var instance = as(LEAD).get("/engine-rest/process-instance/no-such-instance");
        assertThat(instance.getStatusCode().value()).isEqualTo(404);
        assertThat(instance.getBody().get("code").asText()).isEqualTo("NOT_FOUND");
        var variables = as(LEAD).get("/engine-rest/process-instance/no-such-instance/variables");
        assertThat(variables.getStatusCode().value()).as(String.valueOf(variables.getBody())).isEqualTo(404);
        assertThat(variables.getBody().get("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void theWebappsEngineApiAnswersARefusalTheSameWay() throws Exception {
        var d = driver();
        String n = d.create("县城公共自行车系统建设方案");
        d.study(n);
        d.launch(n);
        String task = d.task(n, "drafting-draft").get("id").asText();
        int auditBefore = d.auditActions(n).size();

        // Tasklist's own call, through the webapps' engine API and a Tasklist session
        var tasklist = WebappSession.signIn(port, LEAD, PASSWORD, "tasklist");
        var form = tasklist.engine("POST", "/task/" + task + "/submit-form", OUTCOME_SUBMITTED);
        assertThat(form.status()).as(form.body()).isEqualTo(422);
        assertThat(form.json().get("type").asText()).isEqualTo("RuleViolation");
        assertThat(form.json().get("code").asText()).isEqualTo("MATERIAL_MISSING_DRAFT");
        assertThat(form.json().get("message").asText()).isEqualTo("缺少《决策草案》（第十三条）。请先在决策案卷中上传该材料，再办理本环节。");

        var unknown = tasklist.engine("POST", "/task/no-such-task/submit-form", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asText()).isEqualTo("NOT_FOUND");

        var justice = WebappSession.signIn(port, JUSTICE, PASSWORD, "tasklist");
        var denied = justice.engine("POST", "/task/" + task + "/submit-form", OUTCOME_SUBMITTED);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("code").asText()).isEqualTo("NOT_AUTHORIZED");

        assertThat(d.openTaskKeys(n)).containsExactly("drafting-draft");
        assertThat(d.auditActions(n)).hasSize(auditBefore);
    }

    @Test
    void aRefusalIsLoggedOnceWithoutErrorOrStackTrace() {
        var d = driver();
        String n = d.create("县城夜间经济发展方案");
        d.study(n);
        d.launch(n);
        String task = d.task(n, "drafting-draft").get("id").asText();

        List<ILoggingEvent> events;
        // the loggers production has on (the test context turns the engine's context logger off)
        try (var log = new LogCapture(Level.INFO, "org.camunda.bpm.engine.context", "org.camunda.bpm.engine.rest.exception",
                "cn.juece")) {
            assertThat(as(LEAD).post("/engine-rest/task/" + task + "/complete", OUTCOME_SUBMITTED).getStatusCode().value()).isEqualTo(422);
            assertThat(as(LEAD).post("/engine-rest/task/" + task + "/submit-form", OUTCOME_SUBMITTED).getStatusCode().value()).isEqualTo(422);
            assertThat(as(LEAD).complete(task, "SUBMITTED", null).getStatusCode().value()).isEqualTo(422);
            events = log.events();
        }
        assertThat(events).noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR));
        assertThat(events).allMatch(e -> e.getThrowableProxy() == null);
        assertThat(events).noneMatch(e -> e.getFormattedMessage().contains("ENGINE-16004"));
        var refusals = events.stream().filter(e -> e.getFormattedMessage().contains("[MATERIAL_MISSING_DRAFT]")).toList();
        assertThat(refusals).hasSize(3);
        assertThat(refusals.get(0).getFormattedMessage()).contains("/engine-rest/task/" + task + "/complete", "缺少《决策草案》（第十三条）");
        assertThat(refusals.get(1).getFormattedMessage()).contains("/engine-rest/task/" + task + "/submit-form");
        assertThat(refusals.get(2).getFormattedMessage()).contains("/api/tasks/" + task + "/complete");
    }

    private static final Map<String, Object> OUTCOME_SUBMITTED =
            Map.of("variables", Map.of("outcome", Map.of("value", "SUBMITTED", "type", "String")));
}
