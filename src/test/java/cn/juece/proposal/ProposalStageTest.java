package cn.juece.proposal;

import static cn.juece.LifecycleDriver.*;
import static cn.juece.support.EngineRestRefusal.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.support.StaffBrowser;

/**
 * Stage 1 (Art. 3, 11): where a proposal comes from and how it came (议案、建议、提案、书面), who studies it,
 * what the study records, the Art. 3 exclusion shown to the proposer, and the other-law flag.
 */
class ProposalStageTest extends IntegrationTest {

    private Map<String, Object> proposal(String title, String source, String channel, String proposer, String leadUnit) {
        Map<String, Object> m = new HashMap<>(Map.of("title", title, "source", source, "leadUnit", leadUnit));
        if (channel != null) {
            m.put("sourceChannel", channel);
        }
        if (proposer != null) {
            m.put("proposer", proposer);
        }
        return m;
    }

    @Test
    void theChannelOfNpcDeputiesCppccMembersAndThePublicIsRecorded() {
        var api = as(LEAD);
        var none = api.post("/api/decisions", proposal("县城公交线网优化", "NPC_DEPUTY", null, "县人大代表王某", "fgj"));
        assertThat(none.getStatusCode().value()).isEqualTo(400);
        assertThat(none.getBody().get("code").asText()).isEqualTo("SOURCE_CHANNEL_REQUIRED");
        assertThat(none.getBody().get("message").asText()).contains("人大代表", "议案", "建议", "第十一条");

        var wrong = api.post("/api/decisions", proposal("县城公交线网优化", "CPPCC_MEMBER", "MOTION", "县政协委员李某", "fgj"));
        assertThat(wrong.getBody().get("code").asText()).isEqualTo("SOURCE_CHANNEL_INVALID");
        assertThat(wrong.getBody().get("message").asText()).contains("政协委员", "提案", "不能选择“议案”");

        var leader = api.post("/api/decisions", proposal("县城公交线网优化", "LEADER", "提案", "李明华", "fgj"));
        assertThat(leader.getBody().get("code").asText()).isEqualTo("SOURCE_CHANNEL_INVALID");

        var npc = api.post("/api/decisions", proposal("县城公交线网优化", "NPC_DEPUTY", "MOTION", "县人大代表王某等5人", "fgj"));
        assertThat(npc.getStatusCode().value()).isEqualTo(201);
        assertThat(npc.getBody().get("sourceChannel").asText()).isEqualTo("议案");
        var cppcc = api.post("/api/decisions", proposal("县城夜市管理办法", "CPPCC_MEMBER", "提案", "县政协委员李某", "fgj"));
        assertThat(cppcc.getBody().get("sourceChannel").asText()).isEqualTo("提案");
        // the public proposes in writing (Art. 11): without its written content the proposal is refused on /api too
        var empty = api.post("/api/decisions", proposal("县城停车场建设", "PUBLIC", null, "居民赵某", "fgj"));
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(empty.getBody().get("code").asText()).isEqualTo("PUBLIC_PROPOSAL_INCOMPLETE");
        assertThat(empty.getBody().get("message").asText()).contains("书面", "第十一条");
        var written = proposal("县城停车场建设", "PUBLIC", null, "居民赵某", "fgj");
        written.put("summary", "老城区停车难，建议利用闲置地块建设立体停车场");
        var pub = api.post("/api/decisions", written);
        assertThat(pub.getStatusCode().value()).isEqualTo(201);
        assertThat(pub.getBody().get("sourceChannel").asText()).isEqualTo("书面");
        String n = npc.getBody().get("number").asText();
        assertThat(driver().auditDetails(n).get(0)).contains("来源：人大代表（议案）");
    }

    @Test
    void aDepartmentsOrTownshipsProposalIsStudiedByTheProposerItself() {
        var api = as("jtj_zhou");
        var other = api.post("/api/decisions", proposal("中小学课后服务收费办法", "DEPARTMENT", null, "县教育和体育局", "fgj"));
        assertThat(other.getStatusCode().value()).isEqualTo(400);
        assertThat(other.getBody().get("code").asText()).isEqualTo("STUDY_UNIT_NOT_PROPOSER");
        assertThat(other.getBody().get("message").asText()).contains("由建议提出单位（县教育和体育局）组织研究论证", "第十一条第二项");

        var kind = api.post("/api/decisions", proposal("中小学课后服务收费办法", "LOWER_GOVERNMENT", null, "县教育和体育局", "jtj"));
        assertThat(kind.getBody().get("code").asText()).isEqualTo("PROPOSER_KIND_MISMATCH");
        var unknown = api.post("/api/decisions", proposal("中小学课后服务收费办法", "DEPARTMENT", null, "某某局", "jtj"));
        assertThat(unknown.getBody().get("code").asText()).isEqualTo("PROPOSER_UNIT_UNKNOWN");

        var ok = api.post("/api/decisions", proposal("中小学课后服务收费办法", "DEPARTMENT", null, "县教育和体育局", "jtj"));
        assertThat(ok.getStatusCode().value()).isEqualTo(201);
        String n = ok.getBody().get("number").asText();
        assertThat(driver().task(n, "proposal-study").get("candidateGroups").get(0).asText()).isEqualTo("jtj");

        var township = as("qqjd_lin").post("/api/decisions", proposal("清泉街道老旧市场改造", "LOWER_GOVERNMENT", null, "qqjd", "qqjd"));
        assertThat(township.getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void theStudyRecordsItsFivePartsBeforeTheOrganIsAsked() {
        var d = driver();
        String n = d.create("县城区供水管网改造");
        as(LEAD).put("/api/decisions/" + n + "/category", Map.of("category", "ART3_6"));
        String task = d.task(n, "proposal-study").get("id").asText();
        var partial = as(LEAD).put("/api/decisions/" + n + "/study", Map.of("problem", "管网老化漏损率高", "necessity", "保障供水安全"));
        assertThat(partial.getStatusCode().value()).isEqualTo(200);

        var refused = as(LEAD).complete(task, "IN_SCOPE", "属于第三条第六项");
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("STUDY_INCOMPLETE");
        assertThat(refused.getBody().get("message").asText())
                .isEqualTo("研究论证情况不完整，尚缺：理由和依据、初步方案、可行性（第十一条）。请先在决策案卷的“研究论证”中填写，再报请决策机关决定是否启动。");
        // the same refusal through the engine REST API (Tasklist's path)
        var rest = engineRest(LEAD, "/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("outcome", Map.of("value", "IN_SCOPE", "type", "String"),
                        "reason", Map.of("value", "属于第三条第六项", "type", "String"))));
        assertRefused(rest, "STUDY_INCOMPLETE", "尚缺：理由和依据、初步方案、可行性");
        assertThat(d.openTaskKeys(n)).containsExactly("proposal-study");

        // only the study unit records the study
        var outsider = as(JUSTICE).put("/api/decisions/" + n + "/study", Map.of("problem", "x"));
        assertThat(outsider.getStatusCode().value()).isEqualTo(403);
        assertThat(outsider.getBody().get("code").asText()).isEqualTo("NOT_STUDY_UNIT");

        d.recordStudy(n);
        assertThat(as(LEAD).complete(task, "IN_SCOPE", "属于第三条第六项").getStatusCode().value()).isEqualTo(200);
        assertThat(d.stage(n)).isEqualTo("LAUNCH");
        var study = as(LEAD).get("/api/decisions/" + n + "/study").getBody();
        assertThat(study.get("preliminaryPlan").asText()).isEqualTo("分两年调整到位，低保户减免");
        assertThat(d.auditActions(n)).contains("STUDY_RECORDED");
        // the study is done: it cannot be rewritten at the launch
        var late = as(LEAD).put("/api/decisions/" + n + "/study", Map.of("problem", "改写"));
        assertThat(late.getBody().get("code").asText()).isEqualTo("STUDY_NOT_IN_PROPOSAL");
    }

    @Test
    void anOutOfScopeMatterEndsWithItsReasonShownToTheProposer() {
        var d = driver();
        String n = d.create("县级财政专项资金预算调整（测试）");
        String task = d.task(n, "proposal-study").get("id").asText();
        var noReason = as(LEAD).complete(task, "OUT_OF_SCOPE", null);
        assertThat(noReason.getBody().get("code").asText()).isEqualTo("REASON_REQUIRED");
        assertThat(noReason.getBody().get("message").asText()).contains("第三条");
        d.complete(LEAD, n, "proposal-study", "fgj", "OUT_OF_SCOPE", "属于财政政策等宏观调控决策，不适用本规定");
        var pending = as(LEAD).get("/api/decisions/" + n + "/study").getBody();
        assertThat(pending.get("outOfScopeReason").asText()).isEqualTo("属于财政政策等宏观调控决策，不适用本规定");
        assertThat(pending.get("outOfScopeConfirmed").asBoolean()).isFalse();
        d.complete(JUSTICE, n, "proposal-scope-confirm", "sfj", "CONFIRMED", "同意，不适用本规定");

        assertThat(d.status(n)).isEqualTo("OUT_OF_SCOPE");
        assertThat(d.openTaskKeys(n)).containsExactly("archive-file");   // every ending is archived (Art. 59)
        assertThat(as(LEAD).get("/api/decisions/" + n + "/study").getBody().get("outOfScopeConfirmed").asBoolean()).isTrue();
        String page = new StaffBrowser(port, LEAD, PASSWORD).get("/decisions/" + n);
        assertThat(page).contains("不适用本规定（第三条）", "属于财政政策等宏观调控决策，不适用本规定", "司法行政部门已确认");
    }

    @Test
    void aMatterWhoseProcedureAnotherLawSetsIsFlaggedWithItsBasis() {
        var d = driver();
        String n = d.create("县国土空间总体规划（测试）");
        var noBasis = as(LEAD).put("/api/decisions/" + n + "/special-procedure", Map.of("applies", true));
        assertThat(noBasis.getStatusCode().value()).isEqualTo(400);
        assertThat(noBasis.getBody().get("code").asText()).isEqualTo("SPECIAL_PROCEDURE_BASIS_REQUIRED");
        var ok = as(LEAD).put("/api/decisions/" + n + "/special-procedure",
                Map.of("applies", true, "basis", "《城乡规划法》第十六条、第二十六条"));
        assertThat(ok.getStatusCode().value()).isEqualTo(200);
        assertThat(ok.getBody().get("specialProcedure").asBoolean()).isTrue();
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("依照其规定（第三条）；依据：《城乡规划法》第十六条、第二十六条"));
        String page = new StaffBrowser(port, LEAD, PASSWORD).get("/decisions/" + n);
        assertThat(page).contains("法律、行政法规对该事项的决策程序另有规定，依照其规定（第三条）", "《城乡规划法》第十六条、第二十六条",
                "需要解决的主要问题");
    }

    @Test
    void theDossierPageRecordsTheStudyAndShowsARefusal() {
        var d = driver();
        String n = d.create("县城区公厕建设管理办法");
        var page = new StaffBrowser(port, LEAD, PASSWORD);
        String dossier = "/decisions/" + n;
        String to = page.post(dossier, dossier + "/study", Map.of("problem", "公厕数量不足", "reasonsBasis", "城市公厕管理办法",
                "preliminaryPlan", "新建20座", "necessity", "群众如厕难", "feasibility", "用地已落实"));
        assertThat(to).endsWith(dossier + "#early-study");
        assertThat(as(LEAD).get("/api/decisions/" + n + "/study").getBody().get("feasibility").asText()).isEqualTo("用地已落实");
        // a refusal goes back to the page with its message
        String back = page.post(dossier, dossier + "/special-procedure", Map.of("applies", "true"));
        assertThat(back).endsWith(dossier);
        assertThat(page.get(dossier)).contains("请写明规定该事项决策程序的法律或者行政法规及条款（第三条）。（SPECIAL_PROCEDURE_BASIS_REQUIRED）",
                "公厕数量不足");
    }

    private ResponseEntity<JsonNode> engineRest(String user, String path, Object body) {
        return as(user).post(path, body);
    }

    static List<String> groups(com.fasterxml.jackson.databind.JsonNode task) {
        List<String> g = new java.util.ArrayList<>();
        task.get("candidateGroups").forEach(x -> g.add(x.asText()));
        return g;
    }
}
