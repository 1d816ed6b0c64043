package cn.juece.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.support.PageSession;

/**
 * Art. 4 and 64: the annual catalogue is the county government's duty; a township, sub-district or county department
 * following the procedure by reference keeps one only where it is set up to (RULES.md, Scope: "which duties apply to
 * such an organ (its own catalogue, for instance …) is configurable per organ"; config/organisation.yaml
 * {@code catalogue}, V267). The demo's 清泉街道办事处 keeps one by choice; here it is set to keep none and back.
 */
class OrganWithoutCatalogueTest extends IntegrationTest {

    @Test
    void bothDemoOrgansAreSeededKeepingACatalogue() {
        try (Owner owner = owner()) {
            assertThat(owner.jdbc().sql("SELECT COUNT(*) FROM juece.organ WHERE keeps_catalogue").query(Long.class).single()).isEqualTo(2L);
        }
    }

    @Test
    void anOrganSetUpWithoutACatalogueCannotStartOneAndItsLaunchesAskForNoChange() throws Exception {
        int year = 2071;
        keepsCatalogue("QQ", false);
        try {
            // /api: the township's justice office may not start one, with the reason (Art. 4, 64); nothing is written
            var refused = as("qq_sfs").post("/api/catalogues", Map.of("year", year));
            assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(409);
            assertThat(refused.getBody().get("code").asText()).isEqualTo("CATALOGUE_NOT_KEPT");
            assertThat(refused.getBody().get("message").asText())
                    .contains("清泉街道办事处不编制年度重大行政决策事项目录", "第四条", "第六十四条");
            // sfj_liu belongs to both organs: naming the township is refused the same way, the county's is not affected
            assertThat(as("sfj_liu").post("/api/catalogues", Map.of("year", year, "organ", "QQ")).getBody().get("code").asText())
                    .isEqualTo("CATALOGUE_NOT_KEPT");
            // the engine REST API starts no catalogue either (no one is granted to start one there)
            var engine = as("qq_sfs").raw().post().uri("/engine-rest/process-definition/key/annual-catalogue/start")
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("businessKey", "QQ-" + year + "-ML"))
                    .exchange((req, res) -> res.getStatusCode().value());
            assertThat(engine).isEqualTo(403);
            assertThat(catalogues("QQ", year)).isZero();

            // the page says why there is nothing to start, and offers no form for the township
            var township = new PageSession(port).signIn("qq_sfs", PASSWORD);
            String page = township.get("/catalogue").body();
            assertThat(page).contains("清泉街道办事处不编制年度目录", "第六十四条").doesNotContain("开始编制</button>");
            // the form posted anyway is refused with the same message
            var posted = township.post("/catalogue", "year=" + year + "&organ=QQ&_csrf=" + PageSession.csrf(page),
                    township.uri("/catalogue").toString());
            // (pages answer a refusal by going back to the page with the message)
            assertThat(posted.statusCode()).isEqualTo(302);
            String back = posted.headers().firstValue("Location").orElseThrow();
            assertThat(township.get(back.replaceFirst("^https?://[^/]+", "")).body()).contains("清泉街道办事处不编制年度重大行政决策事项目录");
            // one who also belongs to the county is offered the county's only
            String both = new PageSession(port).signIn("sfj_liu", PASSWORD).get("/catalogue").body();
            assertThat(both).contains("开始编制</button>", "name=\"organ\" value=\"GX\"", "清泉街道办事处不编制年度目录")
                    .doesNotContain("value=\"QQ\"");

            // a township matter launched opens no catalogue-change request (the county's would, DECISIONS.md 2)
            String qq = launchTownshipMatter("清泉街道无目录机关启动测试事项");
            try (Owner owner = owner()) {
                assertThat(owner.jdbc().sql("SELECT COUNT(*) FROM juece.catalogue_change_request r JOIN juece.decision d ON d.id = r.decision_id"
                        + " WHERE d.decision_number = ?").param(qq).query(Long.class).single()).isZero();
            }
            List<String> actions = new ArrayList<>();
            as("qq_dzb").get("/api/decisions/" + qq + "/audit").getBody().forEach(a -> actions.add(a.get("action").asText()));
            assertThat(actions).contains("TASK_COMPLETED").doesNotContain("CATALOGUE_CHANGE_REQUESTED");

            // its annual figures have no catalogue section; the county's keep theirs
            assertThat(sectionKeys("QQ")).doesNotContain("CATALOGUE").contains("MEETINGS");
            assertThat(sectionKeys("GX")).contains("CATALOGUE");
        } finally {
            keepsCatalogue("QQ", true);
        }

        // set up to keep one again: the same step passes, and the figures show the section
        var created = as("qq_sfs").post("/api/catalogues", Map.of("year", year));
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        assertThat(created.getBody().get("key").asText()).isEqualTo("QQ-" + year + "-ML");
        assertThat(sectionKeys("QQ")).contains("CATALOGUE");
    }

    private void keepsCatalogue(String organ, boolean keeps) {
        try (Owner owner = owner()) {
            owner.jdbc().sql("UPDATE juece.organ SET keeps_catalogue = ? WHERE code = ?").params(keeps, organ).update();
        }
    }

    private long catalogues(String organ, int year) {
        try (Owner owner = owner()) {
            return owner.jdbc().sql("SELECT COUNT(*) FROM juece.catalogue WHERE organ_code = ? AND catalogue_year = ?")
                    .params(organ, year).query(Long.class).single();
        }
    }

    private List<String> sectionKeys(String organ) {
        var r = as("admin").get("/api/reports/annual?organ=" + organ);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        List<String> keys = new ArrayList<>();
        r.getBody().get("sections").forEach(s -> keys.add(s.get("key").asText()));
        return keys;
    }

    /** A township matter through its study (qq_cj of 清泉街道城市建设管理办公室) to the organ's launch (qq_dzb). */
    private String launchTownshipMatter(String title) {
        LifecycleDriver d = driver();
        Map<String, Object> m = new HashMap<>();
        m.put("title", title);
        m.put("summary", "测试用决策事项");
        m.put("source", "LEADER");
        m.put("proposer", "领导");
        m.put("leadUnit", "qqcjb");
        var created = as("qq_cj").post("/api/decisions", m);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        String n = created.getBody().get("number").asText();
        assertThat(as("qq_cj").put("/api/decisions/" + n + "/category", Map.of("category", "ART3_1")).getStatusCode().value()).isEqualTo(200);
        var study = as("qq_cj").put("/api/decisions/" + n + "/study", Map.of("problem", "背街小巷夜间照明不足",
                "reasonsBasis", "《城市道路管理条例》", "preliminaryPlan", "分片改造", "necessity", "方便群众夜间出行",
                "feasibility", "街道财力可承担"));
        assertThat(study.getStatusCode().value()).as(String.valueOf(study.getBody())).isEqualTo(200);
        d.upload("qq_cj", n, "STUDY_REPORT");
        complete("qq_cj", n, "proposal-study", "IN_SCOPE", "属于第三条第一项所列事项");
        complete("qq_dzb", n, "launch-decide", "LAUNCH", "街道办事处主任办公会议决定启动");
        assertThat(as("qq_dzb").get("/api/decisions/" + n).getBody().get("stage").get("code").asText()).isEqualTo("DRAFTING");
        return n;
    }

    private void complete(String user, String number, String taskKey, String outcome, String reason) {
        for (JsonNode t : as(user).get("/api/decisions/" + number + "/tasks").getBody()) {
            if (t.get("taskKey").asText().equals(taskKey)) {
                var r = as(user).complete(t.get("id").asText(), outcome, reason);
                assertThat(r.getStatusCode().value()).as(taskKey + " → " + r.getBody()).isEqualTo(200);
                return;
            }
        }
        throw new AssertionError("no open step " + taskKey + " of " + number);
    }
}
