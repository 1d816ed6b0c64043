package cn.juece.access;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;

/**
 * Who may act on a step is the dossier's (DECISIONS.md 22; issue 10): the exploit the review found — a lead-unit
 * clerk handing "研究论证决策事项建议" to a clerk of another unit through the engine REST, who then decides a 发改局
 * matter — is refused at the assignment and at the completion, on every path; a step is handed over only inside
 * its unit, by its holder or the unit's head, and every change is in the audit trail.
 */
class WhoActsTest extends IntegrationTest {

    @Autowired
    AuthorizationService authorizations;

    @Test
    void theReviewsExploitIsRefusedAtTheAssignmentAndAtTheCompletion() {
        var d = driver();
        String n = d.create("城区农贸市场升级改造（越权办理）");
        String task = d.task(n, "proposal-study").get("id").asText();
        int auditBefore = d.auditActions(n).size();

        // Tasklist's "assign": the clerk holds TASK_WORK only, never the right to reassign (Camunda refuses)
        var assign = engine(LEAD, HttpMethod.POST, "/engine-rest/task/" + task + "/assignee", Map.of("userId", "zjj_sun"));
        assertThat(assign.getStatusCode().value()).isEqualTo(403);
        // "claim for someone else" needs only TASK_WORK in Camunda: our assignment rule refuses it
        var claimForOther = engine(LEAD, HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", "zjj_sun"));
        assertThat(claimForOther.getStatusCode().is2xxSuccessful()).isFalse();
        assertThat(claimForOther.getBody()).contains("TASK_ASSIGNEE_NOT_RESPONSIBLE", "孙悦");
        // an administrator, who may reassign in Camunda, still cannot give the step outside the unit, or to nobody real
        var adminOutside = engine("admin", HttpMethod.POST, "/engine-rest/task/" + task + "/assignee", Map.of("userId", "zjj_sun"));
        assertThat(adminOutside.getBody()).contains("TASK_ASSIGNEE_NOT_RESPONSIBLE", "县发展和改革局");
        var adminUnknown = engine("admin", HttpMethod.POST, "/engine-rest/task/" + task + "/assignee", Map.of("userId", "zjj_zhou"));
        assertThat(adminUnknown.getBody()).contains("TASK_ASSIGNEE_UNKNOWN", "zjj_zhou");
        // nor add another unit's group to the step, nor move its due date
        var addGroup = engine("admin", HttpMethod.POST, "/engine-rest/task/" + task + "/identity-links",
                Map.of("groupId", "zjj", "type", "candidate"));
        assertThat(addGroup.getBody()).contains("TASK_CANDIDATES_LOCKED");
        var due = engine("admin", HttpMethod.PUT, "/engine-rest/task/" + task,
                Map.of("name", "研究论证决策事项建议", "due", "2030-01-01T00:00:00.000+0800"));
        assertThat(due.getBody()).contains("TASK_DATES_LOCKED");

        // the other unit's clerk cannot complete it through the engine REST, nor through /api (it is not theirs to see)
        var complete = engine("zjj_sun", HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("outcome", Map.of("value", "OUT_OF_SCOPE"), "reason", Map.of("value", "不属于第三条所列事项，不适用本规定"))));
        assertThat(complete.getStatusCode().is2xxSuccessful()).isFalse();
        var api = d.as("zjj_sun").complete(task, "OUT_OF_SCOPE", "不属于第三条所列事项，不适用本规定");
        assertThat(api.getStatusCode().value()).isEqualTo(404);
        assertThat(api.getBody().get("code").asText()).isEqualTo("TASK_NOT_FOUND");
        // nor can an administrator, who is not the study unit
        var byAdmin = engine("admin", HttpMethod.POST, "/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("outcome", Map.of("value", "OUT_OF_SCOPE"), "reason", Map.of("value", "不属于第三条所列事项，不适用本规定"))));
        assertThat(byAdmin.getBody()).contains("TASK_NOT_YOUR_GROUP");

        // nothing happened
        assertThat(d.openTaskKeys(n)).containsExactly("proposal-study");
        assertThat(d.task(n, "proposal-study").get("assignee").isNull()).isTrue();
        assertThat(d.auditActions(n)).hasSize(auditBefore);
        assertThat(engine("zjj_sun", HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + n, null).getBody()).isEqualTo("[]");
    }

    @Test
    void aStepIsHandedOverInsideItsUnitByItsHolderOrTheHeadAndEachChangeIsRecorded() {
        var d = driver();
        String n = d.create("县城老旧小区加装电梯补助办法（转交）");
        String task = d.task(n, "proposal-study").get("id").asText();

        // a clerk claims the step for themselves, in Tasklist (engine REST) as on our pages
        var claim = engine(LEAD, HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", LEAD));
        assertThat(claim.getStatusCode().value()).isEqualTo(204);
        // a colleague can neither take it nor complete it while it is held
        var take = d.as("fgj_legal").post("/api/tasks/" + task + "/handover", Map.of("to", "fgj_legal"));
        assertThat(take.getStatusCode().value()).isEqualTo(403);
        assertThat(take.getBody().get("code").asText()).isEqualTo("TASK_HANDOVER_FORBIDDEN");
        var held = d.as("fgj_legal").complete(task, "OUT_OF_SCOPE", "属于政府内部事务管理决策，依第三条不适用本规定");
        assertThat(held.getStatusCode().value()).isEqualTo(409);
        assertThat(held.getBody().get("code").asText()).isEqualTo("TASK_HELD_BY_OTHER");
        assertThat(held.getBody().get("message").asText()).contains("王海涛");
        // the holder hands it outside the unit: refused; to a colleague: done
        var outside = d.as(LEAD).post("/api/tasks/" + task + "/handover", Map.of("to", "zjj_sun"));
        assertThat(outside.getStatusCode().value()).isEqualTo(403);
        assertThat(outside.getBody().get("code").asText()).isEqualTo("TASK_ASSIGNEE_NOT_RESPONSIBLE");
        var unknown = d.as(LEAD).post("/api/tasks/" + task + "/handover", Map.of("to", "fgj_nobody"));
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody().get("code").asText()).isEqualTo("TASK_ASSIGNEE_UNKNOWN");
        var handed = d.as(LEAD).post("/api/tasks/" + task + "/handover", Map.of("to", "fgj_legal"));
        assertThat(handed.getStatusCode().value()).as(String.valueOf(handed.getBody())).isEqualTo(200);
        assertThat(handed.getBody().get("assignee").asText()).isEqualTo("fgj_legal");
        // the unit's head may take it back to anyone of the unit
        var byHead = d.as("fgj_head").post("/api/tasks/" + task + "/handover", Map.of("to", LEAD));
        assertThat(byHead.getStatusCode().value()).isEqualTo(200);

        assertThat(d.auditActions(n)).containsSubsequence("TASK_CLAIMED", "TASK_HANDED_OVER", "TASK_HANDED_OVER");
        assertThat(d.auditDetails(n)).anyMatch(s -> s.equals("认领“研究论证决策事项建议”（第六十条）"))
                .anyMatch(s -> s.equals("将“研究论证决策事项建议”由王海涛转交马丽办理（第六十条）"))
                .anyMatch(s -> s.equals("将“研究论证决策事项建议”由马丽转交王海涛办理（第六十条）"));
        d.study(n);
        assertThat(d.stage(n)).isEqualTo("LAUNCH");
    }

    @Test
    void whenTheUnitChangesAHolderOfTheOldUnitLosesTheStepAndEveryGrantCamundaGaveThem() {
        var d = driver();
        String n = d.create("县城市容秩序管理办法（职能调整）");
        d.study(n);
        d.launch(n);
        String task = d.task(n, "drafting-draft").get("id").asText();
        assertThat(engine(LEAD, HttpMethod.POST, "/engine-rest/task/" + task + "/claim", Map.of("userId", LEAD)).getStatusCode().value())
                .isEqualTo(204);
        assertThat(engine(LEAD, HttpMethod.GET, "/engine-rest/process-instance?businessKey=" + n, null).getBody()).contains(n);

        var changed = d.as(LifecycleDriver.ORGAN).post("/api/decisions/" + n + "/unit-change", Map.of("fromUnit", "fgj",
                "toUnit", "zjj", "ground", "冠编发〔2026〕3号：市容管理职能划入县住房和城乡建设局"));
        assertThat(changed.getStatusCode().value()).as(String.valueOf(changed.getBody())).isEqualTo(200);

        // the old holder was released and keeps no authorization on the task, nor on the decision's instances
        assertThat(d.task(n, "drafting-draft").get("assignee").isNull()).isTrue();
        assertThat(authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task).userIdIn(LEAD).count()).isZero();
        assertThat(engine(LEAD, HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + n, null).getBody()).isEqualTo("[]");
        assertThat(engine(LEAD, HttpMethod.GET, "/engine-rest/process-instance?businessKey=" + n, null).getBody()).isEqualTo("[]");
        assertThat(engine(LEAD, HttpMethod.GET, "/engine-rest/history/process-instance?processInstanceBusinessKey=" + n, null).getBody())
                .isEqualTo("[]");
        // the new unit sees and holds it
        assertThat(engine("zjj_sun", HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + n, null).getBody()).contains(task);
        assertThat(engine("zjj_sun", HttpMethod.GET, "/engine-rest/process-instance?businessKey=" + n, null).getBody()).contains(n);
        assertThat(d.auditActions(n)).contains("TASK_RELEASED");
    }

    private ResponseEntity<String> engine(String user, HttpMethod method, String path, Object body) {
        return as(user).send(method, path, body);
    }
}
