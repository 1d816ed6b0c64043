package cn.juece.launch;

import static cn.juece.LifecycleDriver.*;
import static cn.juece.support.EngineRestRefusal.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;

/**
 * Stage 2 (Art. 11, 12): the decision organ names the 承办 units and the lead one before launching; when a
 * unit's functions move, the change and its ground are recorded and the open tasks move to the new unit.
 */
class LaunchStageTest extends IntegrationTest {

    @Test
    void withSeveralUnitsTheLaunchWaitsForTheNamedLeadUnit() {
        var d = driver();
        var created = as(LEAD).post("/api/decisions", Map.of("title", "县城区海绵城市建设实施方案", "source", "LEADER",
                "proposer", "赵文静（副县长）", "leadUnit", "fgj", "coUnits", List.of("zjj")));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String n = created.getBody().get("number").asText();
        d.study(n);
        String task = d.task(n, "launch-decide").get("id").asText();

        var api = as(ORGAN).complete(task, "LAUNCH", "县政府第20次常务会议决定启动");
        assertThat(api.getStatusCode().value()).isEqualTo(422);
        assertThat(api.getBody().get("code").asText()).isEqualTo("LEAD_UNIT_NOT_NAMED");
        assertThat(api.getBody().get("message").asText()).isEqualTo(
                "该事项有两个以上决策承办单位，决策机关应当明确牵头决策承办单位（第十二条）。请先在决策案卷的“决策承办单位”中明确牵头单位，再决定启动。");
        var rest = engineRest(ORGAN, "/engine-rest/task/" + task + "/complete", Map.of("variables", Map.of(
                "outcome", Map.of("value", "LAUNCH", "type", "String"),
                "reason", Map.of("value", "县政府第20次常务会议决定启动", "type", "String"))));
        assertRefused(rest, "LEAD_UNIT_NOT_NAMED", "应当明确牵头决策承办单位（第十二条）");
        assertThat(d.openTaskKeys(n)).containsExactly("launch-decide");
        // DECLINE needs no units
        assertThat(as(LEAD).get("/api/decisions/" + n + "/checklist").getBody().toString()).contains("LEAD_UNIT_NOT_NAMED");

        // only the decision organ names them
        var lead = as(LEAD).put("/api/decisions/" + n + "/units", Map.of("leadUnit", "fgj", "coUnits", List.of("zjj")));
        assertThat(lead.getStatusCode().value()).isEqualTo(403);
        assertThat(lead.getBody().get("code").asText()).isEqualTo("NOT_DECISION_ORGAN");
        var same = as(ORGAN).put("/api/decisions/" + n + "/units", Map.of("leadUnit", "zjj", "coUnits", List.of("zjj")));
        assertThat(same.getBody().get("code").asText()).isEqualTo("CO_UNITS_INVALID");
        var noLead = as(ORGAN).put("/api/decisions/" + n + "/units", Map.of("coUnits", List.of("zjj", "fgj")));
        assertThat(noLead.getBody().get("code").asText()).isEqualTo("LEAD_UNIT_REQUIRED");

        var named = as(ORGAN).put("/api/decisions/" + n + "/units",
                Map.of("leadUnit", "zjj", "coUnits", List.of("fgj"), "basis", "县政府第20次常务会议纪要"));
        assertThat(named.getStatusCode().value()).as(String.valueOf(named.getBody())).isEqualTo(200);
        d.complete(ORGAN, n, "launch-decide", "gx-organ", "LAUNCH", "县政府第20次常务会议决定启动");

        // the named lead unit drafts
        assertThat(d.decision(n).get("leadUnit").get("code").asText()).isEqualTo("zjj");
        assertThat(groups(d.task(n, "drafting-draft"))).containsExactly("zjj");
        assertThat(d.auditDetails(n)).anyMatch(s -> s.equals(
                "明确牵头决策承办单位：县住房和城乡建设局；其他承办单位：县发展和改革局；依据：县政府第20次常务会议纪要（第十二条）"));
        // after the launch the units change only through an Art. 12 change of unit
        var late = as(ORGAN).put("/api/decisions/" + n + "/units", Map.of("leadUnit", "fgj"));
        assertThat(late.getBody().get("code").asText()).isEqualTo("UNITS_NOT_IN_LAUNCH");
    }

    @Test
    void whenTheLeadUnitsFunctionsMoveItsOpenTasksMoveAndFutureTasksFollow() {
        var d = driver();
        String n = d.create("县城市容环境卫生管理办法");
        d.study(n);
        d.launch(n);
        String task = d.task(n, "drafting-draft").get("id").asText();
        assertThat(groups(d.task(n, "drafting-draft"))).containsExactly("fgj");

        var noGround = as(ORGAN).post("/api/decisions/" + n + "/unit-change", Map.of("fromUnit", "fgj", "toUnit", "zjj"));
        assertThat(noGround.getStatusCode().value()).isEqualTo(400);
        assertThat(noGround.getBody().get("code").asText()).isEqualTo("UNIT_CHANGE_GROUND_REQUIRED");
        var notOrgan = as(LEAD).post("/api/decisions/" + n + "/unit-change",
                Map.of("fromUnit", "fgj", "toUnit", "zjj", "ground", "机构改革"));
        assertThat(notOrgan.getStatusCode().value()).isEqualTo(403);
        var notAssigned = as(ORGAN).post("/api/decisions/" + n + "/unit-change",
                Map.of("fromUnit", "jtj", "toUnit", "zjj", "ground", "机构改革"));
        assertThat(notAssigned.getBody().get("code").asText()).isEqualTo("UNIT_NOT_ASSIGNED");

        var changed = as("admin").post("/api/decisions/" + n + "/unit-change", Map.of("fromUnit", "fgj", "toUnit", "zjj",
                "ground", "冠编发〔2026〕3号：市容管理职能划入县住房和城乡建设局"));
        assertThat(changed.getStatusCode().value()).as(String.valueOf(changed.getBody())).isEqualTo(200);
        assertThat(changed.getBody().get("movedTasks").asInt()).isEqualTo(1);

        // the open task moved: the old unit can no longer act, the new one can
        assertThat(groups(d.task(n, "drafting-draft"))).containsExactly("zjj");
        assertThat(d.decision(n).get("leadUnit").get("code").asText()).isEqualTo("zjj");
        // the old unit has no role in the decision any more: its step is as unknown to it as the decision (DECISIONS.md 23)
        var old = as(LEAD).complete(task, "SUBMITTED", null);
        assertThat(old.getStatusCode().value()).isEqualTo(404);
        assertThat(old.getBody().get("code").asText()).isEqualTo("TASK_NOT_FOUND");
        assertThat(as(LEAD).get("/api/decisions/" + n).getStatusCode().value()).isEqualTo(404);
        assertThat(as("zjj_sun").get("/engine-rest/task?processInstanceBusinessKey=" + n).getBody()).hasSize(1);
        assertThat(as(LEAD).get("/engine-rest/task?processInstanceBusinessKey=" + n).getBody()).isEmpty();
        assertThat(d.auditActions(n)).contains("UNIT_CHANGED");
        assertThat(d.auditDetails(n)).anyMatch(s -> s.equals("牵头决策承办单位由县发展和改革局变更为县住房和城乡建设局"
                + "（相关职能调整，由继续行使该职能的单位承办，第十二条）；依据：冠编发〔2026〕3号：市容管理职能划入县住房和城乡建设局"
                + "；1个待办环节转由县住房和城乡建设局办理"));

        // future tasks follow: the new unit's legal office gets the initial review
        upload("zjj_sun", n, "DRAFT");
        upload("zjj_sun", n, "DRAFTING_EXPLANATION");
        assertThat(as("zjj_sun").put("/api/decisions/" + n + "/drafting/drafter", Map.of("mode", "SELF")).getStatusCode().value()).isEqualTo(200);
        assertThat(as("zjj_sun").put("/api/decisions/" + n + "/drafting/questions",
                Map.of("touchesMarket", false, "touchesTrade", false)).getStatusCode().value()).isEqualTo(200);
        d.complete("zjj_sun", n, "drafting-draft", "zjj", "SUBMITTED", null);
        assertThat(groups(d.task(n, "drafting-initial-review"))).containsExactly("zjj-legal");
    }

    private void upload(String user, String n, String type) {
        var r = as(user).upload(n, type, type.toLowerCase() + ".docx", cn.juece.support.TestFiles.of(".docx", "内容 " + System.nanoTime()));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    }

    private static List<String> groups(JsonNode task) {
        List<String> g = new ArrayList<>();
        task.get("candidateGroups").forEach(x -> g.add(x.asText()));
        return g;
    }

    private ResponseEntity<JsonNode> engineRest(String user, String path, Object body) {
        return as(user).post(path, body);
    }
}
