package cn.juece.workflow;

import static cn.juece.LifecycleDriver.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;

/**
 * The same rule refuses the same bad step on every path: /api, and the engine REST API that Tasklist and
 * programs use (task/{id}/complete and submit-form), with its stable code and Chinese message, and
 * nothing is written. Camunda authorizations show each person only their groups' tasks.
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

        // engine REST complete (what a program or Tasklist would call)
        String rest = engineRest(LEAD, "/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("outcome", Map.of("value", "SUBMITTED", "type", "String"))));
        assertThat(rest).contains("[MATERIAL_MISSING_DRAFT]", "缺少《决策草案》（第十三条）");
        // Tasklist's path: submit-form
        String form = engineRest(LEAD, "/engine-rest/task/" + task + "/submit-form",
                Map.of("variables", Map.of("outcome", Map.of("value", "SUBMITTED", "type", "String"))));
        assertThat(form).contains("[MATERIAL_MISSING_DRAFT]");

        // nothing happened
        assertThat(d.openTaskKeys(n)).containsExactly("drafting-draft");
        assertThat(d.auditActions(n)).hasSize(auditBefore);
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

        // through the engine REST API the task is not even visible to them (Camunda authorizations)
        String rest = engineRest(JUSTICE, "/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("outcome", Map.of("value", "OUT_OF_SCOPE", "type", "String"))));
        assertThat(rest).containsAnyOf("TASK_NOT_YOUR_GROUP", "authorized", "Authorization");

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
        String rest = engineRest(LEAD, "/engine-rest/task/" + task + "/complete", Map.of());
        assertThat(rest).contains("[OUTCOME_REQUIRED]");
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

    private String engineRest(String user, String path, Object body) {
        return as(user).raw().post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(String.class);
    }
}
