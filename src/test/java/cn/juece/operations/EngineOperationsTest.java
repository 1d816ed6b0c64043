package cn.juece.operations;

import static cn.juece.LifecycleDriver.JUSTICE;
import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;
import cn.juece.support.WebappSession;

/**
 * Administrators cannot rewrite history silently (issue 10, point 6): the engine calls that change a decision's
 * run are refused for everyone but the operators, batches for everyone; an operator's act needs a reason and
 * is recorded in the decision's audit trail with the state before and after, in the act's transaction.
 */
class EngineOperationsTest extends IntegrationTest {

    static final String ADMIN = "admin";
    static final String OPERATOR = "yw_zhao";
    static final String REASON = "起草单位已线下报送草案，经县政府办公室核实后补录流程进度";

    @Autowired
    private RuntimeService runtime;
    @Autowired
    private TaskService tasks;
    @Autowired
    private ManagementService jobs;
    @Autowired
    private HistoryService history;
    @Autowired
    private AuthorizationService authorizations;
    @Autowired
    private IdentityService identity;

    /** A decision in public participation with its comment notice published: a timer waits for the window's end. */
    private Run participating(String title) {
        at(2024, 9, 18, 9, 0);
        var d = driver();
        String n = d.create(title);
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        at(2024, 9, 20, 10, 0);
        var published = d.as(LEAD).post("/api/decisions/" + n + "/consultations", Map.of("noticeText", "请于截止日前通过县政府网站或信函提出意见。",
                "channels", List.of("冠县发布微信公众号"), "closesOn", "2024-10-21"));
        assertThat(published.getStatusCode().value()).as(String.valueOf(published.getBody())).isEqualTo(201);
        return run(n, "stage-participation", "participation-conduct");
    }

    /** A decision at drafting: the draft step waits for the lead unit. */
    private Run drafting(String title) {
        var d = driver();
        String n = d.create(title);
        d.study(n);
        d.launch(n);
        return run(n, "stage-drafting", "drafting-draft");
    }

    record Run(String number, String lifecycle, String stage, String task, String stageDefinition) {
    }

    private Run run(String n, String stageKey, String taskKey) {
        ProcessInstance lifecycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(n)
                .processDefinitionKey("decision-lifecycle").singleResult();
        ProcessInstance stage = runtime.createProcessInstanceQuery().processInstanceBusinessKey(n)
                .processDefinitionKey(stageKey).singleResult();
        String task = tasks.createTaskQuery().processInstanceId(stage.getId()).taskDefinitionKey(taskKey).singleResult().getId();
        return new Run(n, lifecycle.getId(), stage.getId(), task, stage.getProcessDefinitionId());
    }

    @Test
    void everyRewriteOfADecisionsRunIsRefusedForAdministratorsAndClerks() {
        Run r = participating("县城区集中供热价格调整方案（运维测试）");
        String job = jobs.createJobQuery().processInstanceId(r.stage()).singleResult().getId();
        String execution = runtime.createExecutionQuery().processInstanceId(r.stage()).activityId("participation-conduct")
                .singleResult().getId();
        String finished = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(r.number())
                .processDefinitionKey("stage-proposal").singleResult().getId();
        String proposalDefinition = history.createHistoricProcessInstanceQuery().processInstanceId(finished).singleResult()
                .getProcessDefinitionId();
        Map<String, Object> value = Map.of("value", "改写", "type", "String");
        List<Call> calls = List.of(
                new Call(HttpMethod.POST, "/process-instance/" + r.stage() + "/modification",
                        Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", "participation-conduct")))),
                new Call(HttpMethod.POST, "/process-instance/" + r.stage() + "/variables", Map.of("modifications", Map.of("outcome", value))),
                new Call(HttpMethod.PUT, "/process-instance/" + r.stage() + "/variables/outcome", value),
                new Call(HttpMethod.DELETE, "/process-instance/" + r.lifecycle() + "/variables/decisionId", null),
                new Call(HttpMethod.POST, "/execution/" + execution + "/localVariables", Map.of("modifications", Map.of("x", value))),
                new Call(HttpMethod.PUT, "/execution/" + execution + "/localVariables/x", value),
                new Call(HttpMethod.POST, "/task/" + r.task() + "/variables", Map.of("modifications", Map.of("outcome", value))),
                new Call(HttpMethod.PUT, "/task/" + r.task() + "/variables/outcome", value),
                new Call(HttpMethod.DELETE, "/task/" + r.task() + "/variables/decisionId", null),
                new Call(HttpMethod.PUT, "/task/" + r.task() + "/localVariables/outcome", value),
                new Call(HttpMethod.DELETE, "/process-instance/" + r.stage(), null),
                new Call(HttpMethod.PUT, "/process-instance/" + r.lifecycle() + "/suspended", Map.of("suspended", true)),
                new Call(HttpMethod.POST, "/migration/execute", Map.of("migrationPlan", Map.of("sourceProcessDefinitionId",
                        r.stageDefinition(), "targetProcessDefinitionId", r.stageDefinition(), "instructions", List.of()),
                        "processInstanceIds", List.of(r.stage()))),
                new Call(HttpMethod.POST, "/message", Map.of("messageName", "comment-notice-published", "processInstanceId", r.stage())),
                new Call(HttpMethod.POST, "/message", Map.of("messageName", "comment-notice-published")),
                new Call(HttpMethod.POST, "/signal", Map.of("name", "any-signal")),
                new Call(HttpMethod.POST, "/job/" + job + "/execute", null),
                new Call(HttpMethod.PUT, "/job/" + job + "/duedate", Map.of("duedate", "2024-09-21T00:00:00.000+0800")),
                new Call(HttpMethod.PUT, "/job/" + job + "/retries", Map.of("retries", 0)),
                new Call(HttpMethod.POST, "/process-definition/" + proposalDefinition + "/restart",
                        Map.of("processInstanceIds", List.of(finished), "instructions", List.of(Map.of("type", "startBeforeActivity",
                                "activityId", "proposal-study")))),
                new Call(HttpMethod.DELETE, "/history/process-instance/" + finished, null),
                new Call(HttpMethod.DELETE, "/history/variable-instance/" + history.createHistoricVariableInstanceQuery()
                        .processInstanceId(finished).list().get(0).getId(), null),
                // the same engine through its named form
                new Call(HttpMethod.PUT, "/engine/default/process-instance/" + r.stage() + "/variables/outcome", value));
        Map<String, Object> before = snapshot(r.number());
        int auditBefore = driver().auditActions(r.number()).size();

        for (String user : List.of(ADMIN, LEAD)) {
            for (Call c : calls) {
                var answer = call(user, c.method(), "/engine-rest" + c.path(), c.body(), null);
                assertThat(answer.getStatusCode().value()).as(user + " " + c + " → " + answer.getBody()).isEqualTo(403);
                assertThat(answer.getBody().get("type").asText()).isEqualTo("RuleViolation");
                assertThat(answer.getBody().get("code").asText()).isEqualTo("ENGINE_OPERATION_FORBIDDEN");
                assertThat(answer.getBody().get("message").asText()).contains("只有流程运维人员可以", "须说明理由并留痕");
            }
        }
        // a reason does not make an administrator an operator
        var withReason = call(ADMIN, HttpMethod.PUT, "/engine-rest/process-instance/" + r.stage() + "/variables/outcome", value, REASON);
        assertThat(withReason.getBody().get("code").asText()).isEqualTo("ENGINE_OPERATION_FORBIDDEN");

        // nothing changed: activities, variables, the timer, the history, the audit trail
        assertThat(snapshot(r.number())).isEqualTo(before);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(finished).count()).isEqualTo(1);
        assertThat(driver().auditActions(r.number())).hasSize(auditBefore);
        // reading stays open to them
        assertThat(call(ADMIN, HttpMethod.GET, "/engine-rest/process-instance/" + r.stage() + "/variables", null, null)
                .getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void batchesAndMassOperationsAreRefusedForEveryoneEvenTheOperator() {
        Run r = drafting("县城区老旧小区改造方案（运维测试）");
        Map<String, Object> before = snapshot(r.number());
        List<Call> batches = List.of(
                new Call(HttpMethod.POST, "/process-instance/" + r.stage() + "/modification-async",
                        Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", "drafting-draft")), "annotation", REASON)),
                new Call(HttpMethod.POST, "/modification/executeAsync", Map.of("processDefinitionId", r.stageDefinition(),
                        "processInstanceIds", List.of(r.stage()), "instructions", List.of(Map.of("type", "cancel", "activityId", "drafting-draft")),
                        "annotation", REASON)),
                new Call(HttpMethod.POST, "/migration/executeAsync", Map.of("processInstanceIds", List.of(r.stage()))),
                new Call(HttpMethod.POST, "/process-instance/delete", Map.of("processInstanceIds", List.of(r.lifecycle()), "deleteReason", REASON)),
                new Call(HttpMethod.POST, "/process-instance/variables-async", Map.of("processInstanceIds", List.of(r.stage()),
                        "variables", Map.of("outcome", Map.of("value", "X", "type", "String")))),
                new Call(HttpMethod.POST, "/process-instance/suspended-async", Map.of("processInstanceIds", List.of(r.stage()), "suspended", true)),
                new Call(HttpMethod.POST, "/process-instance/message-async", Map.of("messageName", "x", "processInstanceIds", List.of(r.stage()))),
                new Call(HttpMethod.POST, "/process-instance/job-retries", Map.of("processInstances", List.of(r.stage()), "retries", 3)),
                new Call(HttpMethod.POST, "/history/process-instance/delete", Map.of("historicProcessInstanceIds", List.of(r.stage()))),
                new Call(HttpMethod.POST, "/process-definition/" + r.stageDefinition() + "/restart-async", Map.of("processInstanceIds", List.of(r.stage()))),
                new Call(HttpMethod.POST, "/job/retries", Map.of("processInstances", List.of(r.stage()), "retries", 3)));
        for (String user : List.of(OPERATOR, ADMIN)) {
            for (Call c : batches) {
                var answer = call(user, c.method(), "/engine-rest" + c.path(), c.body(), REASON);
                assertThat(answer.getStatusCode().value()).as(user + " " + c + " → " + answer.getBody()).isEqualTo(403);
                assertThat(answer.getBody().get("code").asText()).isEqualTo("ENGINE_BATCH_FORBIDDEN");
                assertThat(answer.getBody().get("message").asText()).contains("批量操作", "无法在操作的同一事务中", "包括流程运维人员");
            }
        }
        var mass = call(OPERATOR, HttpMethod.PUT, "/engine-rest/process-instance/suspended",
                Map.of("processDefinitionKey", "stage-drafting", "suspended", true), REASON);
        assertThat(mass.getStatusCode().value()).isEqualTo(403);
        assertThat(mass.getBody().get("code").asText()).isEqualTo("ENGINE_MASS_OPERATION_FORBIDDEN");
        var cascade = call(OPERATOR, HttpMethod.DELETE, "/engine-rest/process-definition/" + r.stageDefinition() + "?cascade=true", null, REASON);
        assertThat(cascade.getBody().get("code").asText()).isEqualTo("ENGINE_MASS_OPERATION_FORBIDDEN");

        assertThat(snapshot(r.number())).isEqualTo(before);
        assertThat(jobs.createBatchQuery().count()).isZero();
        assertThat(driver().auditActions(r.number())).doesNotContain("ENGINE_OPERATION");
    }

    @Test
    void anOperatorMustStateAReasonAndAnActTheEngineRefusesLeavesNoTrace() {
        Run r = drafting("县域公共充电设施布局规划（运维测试）");
        Map<String, Object> before = snapshot(r.number());
        int auditBefore = driver().auditActions(r.number()).size();
        Map<String, Object> value = Map.of("value", "运维更正", "type", "String");
        String path = "/engine-rest/process-instance/" + r.stage() + "/variables/reason";

        for (String reason : new String[]{null, "补录", "          "}) {
            var answer = call(OPERATOR, HttpMethod.PUT, path, value, reason);
            assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
            assertThat(answer.getBody().get("code").asText()).isEqualTo("OPERATOR_REASON_REQUIRED");
            assertThat(answer.getBody().get("message").asText()).contains("X-Juece-Reason", "不少于", "10");
        }
        // migration names its instances one by one, not by a query
        var byQuery = call(OPERATOR, HttpMethod.POST, "/engine-rest/migration/execute", Map.of("processInstanceQuery",
                Map.of("processDefinitionKey", "stage-drafting"), "migrationPlan", Map.of()), REASON);
        assertThat(byQuery.getBody().get("code").asText()).isEqualTo("OPERATOR_INSTANCES_REQUIRED");

        // the engine refuses the act itself (no such activity): rolled back, nothing recorded
        var refused = call(OPERATOR, HttpMethod.POST, "/engine-rest/process-instance/" + r.stage() + "/modification",
                Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", "drafting-draft"),
                        Map.of("type", "startBeforeActivity", "activityId", "no-such-activity")), "annotation", REASON), null);
        assertThat(refused.getStatusCode().is4xxClientError()).as(String.valueOf(refused.getBody())).isTrue();

        assertThat(snapshot(r.number())).isEqualTo(before);
        assertThat(driver().auditActions(r.number())).hasSize(auditBefore);
    }

    @Test
    void anOperatorModifiesARunWithAReasonAndTheDecisionsTrailRecordsItBeforeAndAfter() {
        Run r = drafting("县城区停车设施专项规划（运维测试）");
        var d = driver();
        int auditBefore = d.auditActions(r.number()).size();
        // the reason in the body's annotation, which Camunda keeps in its own operation log too
        var answer = call(OPERATOR, HttpMethod.POST, "/engine-rest/process-instance/" + r.stage() + "/modification",
                Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", "drafting-draft"),
                        Map.of("type", "startBeforeActivity", "activityId", "drafting-initial-review")), "annotation", REASON), null);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(204);

        assertThat(d.openTaskKeys(r.number())).containsExactly("drafting-initial-review");
        JsonNode entry = onlyOperation(r.number(), auditBefore);
        assertThat(entry.get("actorId").asText()).isEqualTo(OPERATOR);
        String detail = entry.get("detail").asText();
        assertThat(detail).startsWith("流程运维操作：修改流程实例的运行位置（取消或启动活动）（POST /engine-rest/process-instance/" + r.stage() + "/modification）")
                .contains("理由：" + REASON);
        String beforePart = detail.substring(detail.indexOf("操作前："), detail.indexOf("操作后："));
        String afterPart = detail.substring(detail.indexOf("操作后："));
        assertThat(beforePart).contains("\"process\":\"stage-drafting\"", "\"activities\":[\"drafting-draft\"]", "\"decisionId\"");
        assertThat(afterPart).contains("\"process\":\"stage-drafting\"", "\"activities\":[\"drafting-initial-review\"]");
    }

    @Test
    void anOperatorEditsAVariableWithAReasonInTheHeader() {
        Run r = drafting("县城区燃气管网改造方案（运维测试）");
        int auditBefore = driver().auditActions(r.number()).size();
        var answer = call(OPERATOR, HttpMethod.PUT, "/engine-rest/process-instance/" + r.stage() + "/variables/reason",
                Map.of("value", "运维更正的理由", "type", "String"), REASON);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(204);
        assertThat(runtime.getVariable(r.stage(), "reason")).isEqualTo("运维更正的理由");

        String detail = onlyOperation(r.number(), auditBefore).get("detail").asText();
        assertThat(detail).contains("设置流程变量“reason”", "理由：" + REASON);
        assertThat(detail.substring(detail.indexOf("操作前："), detail.indexOf("操作后："))).doesNotContain("运维更正的理由");
        assertThat(detail.substring(detail.indexOf("操作后："))).contains("\"reason\":\"运维更正的理由\"");
    }

    @Test
    void anOperatorCancelsADecisionsRun() {
        Run r = drafting("县城区农贸市场搬迁方案（运维测试）");
        int auditBefore = driver().auditActions(r.number()).size();
        var answer = call(OPERATOR, HttpMethod.DELETE, "/engine-rest/process-instance/" + r.lifecycle(), null,
                "决策机关已书面决定终止该事项，程序实例一并撤销");
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(204);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(r.number()).count()).isZero();

        String detail = onlyOperation(r.number(), auditBefore).get("detail").asText();
        assertThat(detail).contains("撤销流程实例", "理由：决策机关已书面决定终止该事项", "decision-lifecycle", "drafting-draft")
                .endsWith("操作后：{}");
    }

    @Test
    void anOperatorCorrelatesAMessageToADecision() {
        Run r = participating("县城区供水价格调整方案（运维测试）");
        int timers = timers(r.number(), "comment-window-ends").size();
        int auditBefore = driver().auditActions(r.number()).size();
        var answer = call(OPERATOR, HttpMethod.POST, "/engine-rest/message",
                Map.of("messageName", "comment-notice-published", "processInstanceId", r.stage()), REASON);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(204);
        assertThat(timers(r.number(), "comment-window-ends")).hasSize(timers + 1);

        String detail = onlyOperation(r.number(), auditBefore).get("detail").asText();
        assertThat(detail).contains("关联消息“comment-notice-published”", "理由：" + REASON, "操作前：", "操作后：");
    }

    @Test
    void onCockpitsPrefixTheSameGateHolds() throws Exception {
        Run r = drafting("县城区路灯节能改造方案（运维测试）");
        int auditBefore = driver().auditActions(r.number()).size();
        Map<String, Object> value = Map.of("value", "驾驶舱更正", "type", "String");
        String path = "/process-instance/" + r.stage() + "/variables/operatorNote";

        var admin = WebappSession.signIn(port, ADMIN, PASSWORD, "cockpit");
        var refused = admin.engine("PUT", path, value, Map.of(OperatorGate.REASON_HEADER, encode(REASON)));
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("ENGINE_OPERATION_FORBIDDEN");
        assertThat(runtime.getVariable(r.stage(), "operatorNote")).isNull();

        var operator = WebappSession.signIn(port, OPERATOR, PASSWORD, "cockpit");
        var done = operator.engine("PUT", path, value, Map.of(OperatorGate.REASON_HEADER, encode(REASON)));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        assertThat(runtime.getVariable(r.stage(), "operatorNote")).isEqualTo("驾驶舱更正");
        assertThat(onlyOperation(r.number(), auditBefore).get("detail").asText())
                .contains("（PUT /camunda/api/engine/engine/default/process-instance/" + r.stage() + "/variables/operatorNote）", REASON);
    }

    @Test
    void aCataloguesRunIsGuardedLikeADecisions() {
        String key = as(JUSTICE).post("/api/catalogues", Map.of("year", 2036)).getBody().get("key").asText();
        ProcessInstance catalogue = runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).singleResult();
        var refused = call(ADMIN, HttpMethod.PUT, "/engine-rest/process-instance/" + catalogue.getId() + "/variables/x",
                Map.of("value", "x", "type", "String"), REASON);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("ENGINE_OPERATION_FORBIDDEN");

        var done = call(OPERATOR, HttpMethod.PUT, "/engine-rest/process-instance/" + catalogue.getId() + "/variables/x",
                Map.of("value", "x", "type", "String"), REASON);
        assertThat(done.getStatusCode().value()).isEqualTo(204);
        var trail = as(JUSTICE).get("/api/catalogues/" + key + "/audit").getBody();
        List<String> operations = new ArrayList<>();
        trail.forEach(e -> {
            if (e.get("action").asText().equals("ENGINE_OPERATION")) {
                operations.add(e.get("detail").asText());
            }
        });
        assertThat(operations).hasSize(1);
        assertThat(operations.get(0)).contains("设置流程变量“x”", REASON, "annual-catalogue");
    }

    @Test
    void administratorsNoLongerHoldTheInstanceChangingPermissionsOperatorsDo() {
        List<String> adminGroups = identity.createGroupQuery().groupMember(ADMIN).list().stream().map(Group::getId).toList();
        List<String> operatorGroups = identity.createGroupQuery().groupMember(OPERATOR).list().stream().map(Group::getId).toList();
        assertThat(operatorGroups).contains("juece-operator", "staff", "bgs");
        assertThat(identity.createGroupQuery().groupId("juece-operator").singleResult().getName()).isEqualTo("流程运维人员");

        for (Permission p : List.of(ProcessInstancePermissions.UPDATE, ProcessInstancePermissions.DELETE,
                ProcessInstancePermissions.UPDATE_VARIABLE, ProcessInstancePermissions.SUSPEND)) {
            assertThat(authorizations.isUserAuthorized(ADMIN, adminGroups, p, Resources.PROCESS_INSTANCE)).as(p.getName()).isFalse();
            assertThat(authorizations.isUserAuthorized(OPERATOR, operatorGroups, p, Resources.PROCESS_INSTANCE)).as(p.getName()).isTrue();
        }
        for (Permission p : List.of(ProcessDefinitionPermissions.UPDATE_INSTANCE, ProcessDefinitionPermissions.DELETE_INSTANCE,
                ProcessDefinitionPermissions.MIGRATE_INSTANCE, ProcessDefinitionPermissions.UPDATE_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.SUSPEND_INSTANCE, ProcessDefinitionPermissions.DELETE_HISTORY)) {
            assertThat(authorizations.isUserAuthorized(ADMIN, adminGroups, p, Resources.PROCESS_DEFINITION)).as(p.getName()).isFalse();
            assertThat(authorizations.isUserAuthorized(OPERATOR, operatorGroups, p, Resources.PROCESS_DEFINITION)).as(p.getName()).isTrue();
        }
        for (Permission p : List.of(BatchPermissions.CREATE, BatchPermissions.CREATE_BATCH_MODIFY_PROCESS_INSTANCES,
                BatchPermissions.CREATE_BATCH_MIGRATE_PROCESS_INSTANCES, BatchPermissions.CREATE_BATCH_DELETE_RUNNING_PROCESS_INSTANCES)) {
            assertThat(authorizations.isUserAuthorized(ADMIN, adminGroups, p, Resources.BATCH)).as(p.getName()).isFalse();
            assertThat(authorizations.isUserAuthorized(OPERATOR, operatorGroups, p, Resources.BATCH)).as(p.getName()).isFalse();
        }
        // administrators keep reading and administering
        assertThat(authorizations.isUserAuthorized(ADMIN, adminGroups, ProcessInstancePermissions.READ, Resources.PROCESS_INSTANCE)).isTrue();
        assertThat(authorizations.isUserAuthorized(ADMIN, adminGroups, ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION)).isTrue();
        assertThat(authorizations.isUserAuthorized(ADMIN, adminGroups, org.camunda.bpm.engine.authorization.Permissions.ALL, Resources.USER)).isTrue();
    }

    // ---- helpers ----

    record Call(HttpMethod method, String path, Object body) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body, String reason) {
        var request = as(user).raw().method(method).uri(path);
        if (reason != null) {
            request = request.header(OperatorGate.REASON_HEADER, encode(reason));
        }
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.retrieve().toEntity(JsonNode.class);
    }

    /** The one ENGINE_OPERATION entry added to a decision's trail since it had {@code before} entries. */
    private JsonNode onlyOperation(String number, int before) {
        JsonNode trail = as(LEAD).get("/api/decisions/" + number + "/audit").getBody();
        List<JsonNode> added = new ArrayList<>();
        trail.forEach(added::add);
        added = added.subList(before, added.size());
        assertThat(added).as("entries added").hasSize(1);
        assertThat(added.get(0).get("action").asText()).isEqualTo("ENGINE_OPERATION");
        return added.get(0);
    }

    /** What a decision's run is: its instances with their activities, suspension, variables and jobs. */
    private Map<String, Object> snapshot(String number) {
        Map<String, Object> s = new TreeMap<>();
        for (ProcessInstance pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).list()) {
            Map<String, Object> instance = new LinkedHashMap<>();
            instance.put("activities", runtime.getActiveActivityIds(pi.getId()).stream().sorted().toList());
            instance.put("suspended", pi.isSuspended());
            Map<String, Object> vars = new TreeMap<>();
            for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(pi.getId()).list()) {
                vars.put(v.getName() + "@" + v.getExecutionId() + "/" + v.getTaskId(), String.valueOf(v.getValue()));
            }
            instance.put("variables", vars);
            Map<String, Object> js = new TreeMap<>();
            jobs.createJobQuery().processInstanceId(pi.getId()).list().forEach(j -> js.put(j.getId(),
                    j.getDuedate() + "/" + j.getRetries() + "/" + j.isSuspended()));
            instance.put("jobs", js);
            s.put(pi.getId(), instance);
        }
        s.put("tasks", tasks.createTaskQuery().processInstanceBusinessKey(number).list().stream()
                .map(t -> t.getTaskDefinitionKey() + "/" + t.getId()).sorted().toList());
        return s;
    }

    private static String encode(String reason) {
        return URLEncoder.encode(reason, StandardCharsets.UTF_8);
    }

    private static void at(int y, int m, int day, int h, int min) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(y, m, day, h, min).atZone(AppClock.ZONE).toInstant()));
    }
}
