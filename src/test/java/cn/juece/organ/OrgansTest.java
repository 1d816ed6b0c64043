package cn.juece.organ;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;
import cn.juece.support.StaffBrowser;

/**
 * Several deciding organs in one installation (Art. 64): the county government (GX) and 清泉街道办事处 (QQ) of
 * config/organisation.yaml. Each has its own decision numbers, catalogue, decision-organ group and records; staff see
 * and act on their organs' matters only; a person may belong to two organs (sfj_liu reviews for both, qqjd_head heads
 * the township); supervision and the portal show one organ or all.
 */
class OrgansTest extends IntegrationTest {

    static final AtomicInteger NEXT = new AtomicInteger(60);

    static Map<String, Object> matter(String title, String leadUnit) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", title);
        m.put("summary", "测试用决策事项");
        m.put("source", "LEADER");
        m.put("proposer", "领导");
        m.put("leadUnit", leadUnit);
        return m;
    }

    String create(String user, Map<String, Object> body) {
        var r = as(user).post("/api/decisions", body);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return r.getBody().get("number").asText();
    }

    static int seq(String number) {
        return Integer.parseInt(number.substring(number.lastIndexOf('-') + 1));
    }

    static void refused(ResponseEntity<JsonNode> r, int status, String code, String chinese) {
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(status);
        assertThat(r.getBody().get("code").asText()).isEqualTo(code);
        assertThat(r.getBody().get("message").asText()).contains(chinese);
    }

    List<String> numbers(String user, String path) {
        var r = as(user).get(path);
        assertThat(r.getStatusCode().value()).as(path + " " + r.getBody()).isEqualTo(200);
        List<String> n = new ArrayList<>();
        r.getBody().forEach(d -> n.add(d.get("number").asText()));
        return n;
    }

    @Test
    void eachOrganNumbersItsOwnMattersFromItsOwnCounter() {
        int year = LocalDate.now(AppClock.ZONE).getYear();
        String qq1 = create("qq_cj", matter("清泉街道背街小巷照明改造", "qqcjb"));
        String gx1 = create("fgj_wang", matter("县城停车收费调整（编号测试）", "fgj"));
        String qq2 = create("qq_sh", matter("清泉街道社区养老服务站布局", "qqshb"));
        String gx2 = create("fgj_wang", matter("县城停车收费调整（编号测试二）", "fgj"));
        assertThat(qq1).startsWith("QQ-" + year + "-");
        assertThat(gx1).startsWith("GX-" + year + "-");
        // each organ's counter: a GX registration in between does not take a QQ number, nor the other way round
        assertThat(seq(qq2)).isEqualTo(seq(qq1) + 1);
        assertThat(seq(gx2)).isEqualTo(seq(gx1) + 1);
        JsonNode township = as("qq_dzb").get("/api/decisions/" + qq1).getBody();
        assertThat(township.get("leadUnit").toString()).contains("qqcjb");
        assertThat(township.get("organ").asText()).isEqualTo("QQ");
    }

    @Test
    void aMatterIsRegisteredOnlyInAnOrganOfOnesOwn() {
        // the lead unit's organ is not the person's
        refused(as("fgj_wang").post("/api/decisions", matter("街道事项", "qqcjb")), 403, "ORGAN_NOT_YOURS", "不属于决策机关“清泉街道办事处”");
        // naming an organ not one's own
        Map<String, Object> named = matter("街道事项", "fgj");
        named.put("organ", "QQ");
        refused(as("fgj_wang").post("/api/decisions", named), 403, "ORGAN_NOT_YOURS", "第六十四条");
        // one's own organ: passes
        named.put("organ", "GX");
        assertThat(create("fgj_wang", named)).startsWith("GX-");
        // a person of two organs names one of them, and the lead unit must be of that organ
        Map<String, Object> both = matter("清泉街道合法性审查协作事项", "fgj");
        both.put("organ", "QQ");
        refused(as("sfj_liu").post("/api/decisions", both), 400, "UNIT_NOT_IN_ORGAN", "不属于本决策机关");
        both.put("leadUnit", "qqcjb");
        assertThat(create("sfj_liu", both)).startsWith("QQ-");
        // other 承办 units come from the same organ
        Map<String, Object> co = matter("清泉街道联合事项", "qqcjb");
        co.put("coUnits", List.of("zjj"));
        refused(as("qq_cj").post("/api/decisions", co), 400, "UNIT_NOT_IN_ORGAN", "县住房和城乡建设局");
        co.put("coUnits", List.of("qqshb"));
        assertThat(create("qq_cj", co)).startsWith("QQ-");
    }

    @Test
    void staffSeeAndActOnTheirOrgansMattersOnly() {
        String qq = create("qq_cj", matter("清泉街道口袋公园建设方案", "qqcjb"));
        String gx = create("fgj_wang", matter("县城口袋公园建设方案", "fgj"));

        // the county government's office clerk (organ-wide in GX) does not see the township's matter: as unknown
        refused(as("bgs_chen").get("/api/decisions/" + qq), 404, "DECISION_NOT_FOUND", qq);
        assertThat(numbers("bgs_chen", "/api/decisions?size=200")).contains(gx).doesNotContain(qq);
        String page = new StaffBrowser(port, "bgs_chen", PASSWORD).get("/decisions/" + qq);
        assertThat(page).contains("DECISION_NOT_FOUND").doesNotContain("口袋公园建设方案");
        // nor may act on it (the decision organ's acts are the township's)
        assertThat(as("bgs_chen").put("/api/decisions/" + qq + "/category", Map.of("category", "ART3_6")).getStatusCode().value())
                .isIn(403, 404);
        // the township's clerk sees and acts on its own matter, and not on the county's
        assertThat(as("qq_dzb").put("/api/decisions/" + qq + "/category", Map.of("category", "ART3_6")).getStatusCode().value()).isEqualTo(200);
        assertThat(new StaffBrowser(port, "qq_dzb", PASSWORD).get("/decisions/" + qq)).contains("口袋公园建设方案");
        // the number filters give an example of the township's own numbers
        assertThat(new StaffBrowser(port, "qq_dzb", PASSWORD).get("/")).contains("placeholder=\"如 QQ-").doesNotContain("如 GX-");
        assertThat(new StaffBrowser(port, "qq_dzb", PASSWORD).get("/decisions")).contains("placeholder=\"如 QQ-");
        refused(as("qq_dzb").get("/api/decisions/" + gx), 404, "DECISION_NOT_FOUND", gx);
        assertThat(as("qq_dzb").put("/api/decisions/" + gx + "/category", Map.of("category", "ART3_6")).getStatusCode().value())
                .isIn(403, 404);
        assertThat(numbers("qq_dzb", "/api/decisions?size=200")).contains(qq).doesNotContain(gx);

        // a person of two organs sees both organs' matters, all or one organ at a time
        for (String two : List.of("sfj_liu", "qqjd_head")) {
            assertThat(as(two).get("/api/decisions/" + qq).getStatusCode().value()).as(two).isEqualTo(200);
        }
        assertThat(numbers("sfj_liu", "/api/decisions?size=200")).contains(qq, gx);
        assertThat(numbers("sfj_liu", "/api/decisions?size=200&organ=QQ")).contains(qq).doesNotContain(gx);
        assertThat(numbers("sfj_liu", "/api/decisions?size=200&organ=gx")).contains(gx).doesNotContain(qq);
        assertThat(new StaffBrowser(port, "sfj_liu", PASSWORD).get("/decisions?organ=QQ&size=200")).contains(qq).doesNotContain(gx);
        // the registration form offers the units of one's organs, grouped by organ for a person of two
        String form = new StaffBrowser(port, "sfj_liu", PASSWORD).get("/decisions/new");
        assertThat(form).contains("<optgroup label=\"清泉街道办事处\">", "清泉街道城市建设管理办公室", "县发展和改革局");
        assertThat(new StaffBrowser(port, "fgj_wang", PASSWORD).get("/decisions/new")).contains("县发展和改革局")
                .doesNotContain("清泉街道城市建设管理办公室", "optgroup");
        assertThat(new StaffBrowser(port, "sfj_liu", PASSWORD).get("/decisions")).contains("name=\"organ\"");
        // an organ not one's own is refused
        refused(as("bgs_chen").get("/api/decisions?organ=QQ"), 403, "ORGAN_NOT_YOURS", "清泉街道办事处");
        // the engine REST (Cockpit, Tasklist): each organ's organ-wide roles read their own organ's runs only
        String instances = "/engine-rest/process-instance?businessKey=";
        String history = "/engine-rest/history/process-instance?processInstanceBusinessKey=";
        for (String[] seen : List.of(new String[] {"qq_dzb", qq}, new String[] {"qq_sfs", qq}, new String[] {"bgs_chen", gx},
                new String[] {"sfj_liu", qq}, new String[] {"sfj_liu", gx})) {
            assertThat(as(seen[0]).send(HttpMethod.GET, instances + seen[1], null).getBody()).as(seen[0]).contains(seen[1]);
            assertThat(as(seen[0]).send(HttpMethod.GET, history + seen[1], null).getBody()).as(seen[0]).contains(seen[1]);
        }
        for (String[] hidden : List.of(new String[] {"qq_dzb", gx}, new String[] {"qq_sfs", gx}, new String[] {"bgs_chen", qq},
                new String[] {"xz_zhang", qq})) {
            assertThat(as(hidden[0]).send(HttpMethod.GET, instances + hidden[1], null).getBody()).as(hidden[0]).isEqualTo("[]");
            assertThat(as(hidden[0]).send(HttpMethod.GET, history + hidden[1], null).getBody()).as(hidden[0]).isEqualTo("[]");
        }
        // the township head sees the county's matters only where his unit (qqjd) has a role
        assertThat(numbers("qqjd_head", "/api/decisions?size=200")).contains(qq).doesNotContain(gx);
    }

    @Test
    void eachOrganKeepsItsOwnCatalogue() {
        var gx = as("sfj_liu").post("/api/catalogues", Map.of("year", 2061));
        assertThat(gx.getBody().get("key").asText()).as(String.valueOf(gx.getBody())).isEqualTo("GX-2061-ML");
        var qq = as("sfj_liu").post("/api/catalogues", Map.of("year", 2061, "organ", "QQ"));
        assertThat(qq.getBody().get("key").asText()).as(String.valueOf(qq.getBody())).isEqualTo("QQ-2061-ML");
        // the township's justice office starts its organ's catalogue, and not the county's
        assertThat(as("qq_sfs").post("/api/catalogues", Map.of("year", 2062)).getBody().get("key").asText()).isEqualTo("QQ-2062-ML");
        refused(as("qq_sfs").post("/api/catalogues", Map.of("year", 2063, "organ", "GX")), 403, "ORGAN_NOT_YOURS", "冠县人民政府");
        // nor adds items to it
        Map<String, Object> item = new HashMap<>(Map.of("name", "县级事项", "leadUnit", "fgj", "legalBasis", "《价格法》",
                "plannedTime", "第二季度", "hearingPlanned", false, "enterpriseRelated", false));
        refused(as("qq_sfs").post("/api/catalogues/GX-2061-ML/items", item), 403, "CATALOGUE_NOT_JUSTICE_BUREAU", "县司法局");
        // lists: one's organs' catalogues
        List<String> township = new ArrayList<>();
        as("qq_sfs").get("/api/catalogues").getBody().forEach(c -> township.add(c.get("key").asText()));
        assertThat(township).contains("QQ-2061-ML", "QQ-2062-ML").noneMatch(k -> k.startsWith("GX-"));
        List<String> county = new ArrayList<>();
        as("bgs_chen").get("/api/catalogues").getBody().forEach(c -> county.add(c.get("key").asText()));
        assertThat(county).contains("GX-2061-ML").noneMatch(k -> k.startsWith("QQ-"));
        // each organ's catalogue run is read by that organ's supervisors only (engine REST, Cockpit)
        String runs = "/engine-rest/process-instance?businessKey=";
        assertThat(as("qq_dzb").send(HttpMethod.GET, runs + "QQ-2061-ML", null).getBody()).contains("QQ-2061-ML");
        assertThat(as("qq_dzb").send(HttpMethod.GET, runs + "GX-2061-ML", null).getBody()).isEqualTo("[]");
        assertThat(as("bgs_chen").send(HttpMethod.GET, runs + "GX-2061-ML", null).getBody()).contains("GX-2061-ML");
        assertThat(as("bgs_chen").send(HttpMethod.GET, runs + "QQ-2061-ML", null).getBody()).isEqualTo("[]");
        // the page lets a person of two organs choose whose catalogue to start
        assertThat(new StaffBrowser(port, "sfj_liu", PASSWORD).get("/catalogue")).contains("GX-2061-ML", "QQ-2061-ML", "name=\"organ\"");
        assertThat(new StaffBrowser(port, "qq_sfs", PASSWORD).get("/catalogue")).contains("QQ-2061-ML").doesNotContain("GX-2061-ML");
    }

    @Test
    void supervisionCoversOneOrganOrAll() {
        String qq = create("qq_cj", matter("清泉街道垃圾分类投放点设置", "qqcjb"));
        String gx = create("fgj_wang", matter("县城垃圾分类投放点设置", "fgj"));
        assertThat(stepNumbers("sfj_liu", "/api/supervision?size=200")).contains(qq, gx);
        assertThat(stepNumbers("sfj_liu", "/api/supervision?size=200&organ=QQ")).contains(qq).doesNotContain(gx);
        assertThat(stepNumbers("sfj_liu", "/api/supervision?size=200&organ=GX")).contains(gx).doesNotContain(qq);
        // the township's justice office supervises its organ only
        assertThat(stepNumbers("qq_sfs", "/api/supervision?size=200")).contains(qq).doesNotContain(gx);
        refused(as("qq_sfs").get("/api/supervision?organ=GX"), 403, "ORGAN_NOT_YOURS", "冠县人民政府");
        refused(as("bgs_chen").get("/api/supervision?organ=QQ"), 403, "ORGAN_NOT_YOURS", "清泉街道办事处");
        assertThat(new StaffBrowser(port, "sfj_liu", PASSWORD).get("/supervision?organ=QQ&size=200")).contains(qq, "name=\"organ\"")
                .doesNotContain(gx);
        assertThat(new StaffBrowser(port, "qq_sfs", PASSWORD).get("/supervision?size=200")).contains(qq).doesNotContain(gx, "name=\"organ\"");
    }

    @Test
    void eachOrganMeetsForItsOwnMatters() {
        String gx = create("fgj_wang", matter("县城公厕改造方案", "fgj"));
        // the township's office schedules its organ's meeting (no organ named: its own), with its own members
        var scheduled = as("qq_dzb").post("/api/meetings", Map.of("kind", "EXECUTIVE", "name", "清泉街道办事处第" + NEXT.incrementAndGet()
                + "次主任办公会议", "date", LocalDate.now(AppClock.ZONE).plusDays(3).toString(), "place", "街道办事处会议室"));
        assertThat(scheduled.getStatusCode().value()).as(String.valueOf(scheduled.getBody())).isBetween(200, 201);
        assertThat(scheduled.getBody().get("organCode").asText()).isEqualTo("QQ");
        long meeting = scheduled.getBody().get("id").asLong();
        var member = as("qq_dzb").post("/api/meetings/" + meeting + "/attendees", Map.of("category", "MEMBER", "personId", "xz_zhang"));
        assertThat(member.getStatusCode().value()).isEqualTo(400);
        assertThat(member.getBody().get("code").asText()).isEqualTo("NOT_A_MEMBER");
        var head = as("qq_dzb").post("/api/meetings/" + meeting + "/attendees", Map.of("category", "MEMBER", "personId", "qqjd_head"));
        assertThat(head.getStatusCode().value()).as(String.valueOf(head.getBody())).isBetween(200, 201);
        // the county's matter cannot go on the township's agenda (it is not even known there), nor may the county's
        // office arrange the township's meeting
        refused(as("qq_dzb").post("/api/meetings/" + meeting + "/agenda", Map.of("decision", gx)), 404, "DECISION_NOT_FOUND", gx);
        assertThat(as("bgs_chen").post("/api/meetings/" + meeting + "/attendees", Map.of("category", "MEMBER", "personId", "qqjd_head"))
                .getStatusCode().value()).isIn(403, 404);
    }

    List<String> stepNumbers(String user, String path) {
        var r = as(user).get(path);
        assertThat(r.getStatusCode().value()).as(path + " " + r.getBody()).isEqualTo(200);
        List<String> n = new ArrayList<>();
        r.getBody().get("openSteps").get("items").forEach(s -> n.add(s.get("decisionNumber").asText()));
        return n;
    }

    @Test
    void thePortalShowsOneOrgansCatalogueOrAll() {
        String key = as("qq_sfs").post("/api/catalogues", Map.of("year", 2064)).getBody().get("key").asText();
        assertThat(key).isEqualTo("QQ-2064-ML");
        Map<String, Object> item = new HashMap<>(Map.of("name", "清泉街道老旧街巷微改造", "leadUnit", "qqcjb",
                "legalBasis", "《城市市容和环境卫生管理条例》", "plannedTime", "第三季度", "hearingPlanned", false, "enterpriseRelated", false));
        assertThat(as("qq_sfs").post("/api/catalogues/" + key + "/items", item).getStatusCode().value()).isEqualTo(201);
        completeCatalogueStep("qq_sfs", key, "catalogue-compile", "SUBMITTED", null);
        completeCatalogueStep("qq_dzb", key, "catalogue-confirm", "CONFIRMED", "清泉街道办事处主任办公会议确认");
        // Art. 4 by reference: the township's catalogue is approved by its own party committee (organisation.yaml
        // party-committee: 街道党工委), and its clerk is told so, not to seek the county's 县委
        String publishStep = null;
        for (JsonNode t : as("qq_sfs").get("/api/catalogues/" + key + "/tasks").getBody()) {
            if (t.get("taskKey").asText().equals("catalogue-publish")) {
                publishStep = t.get("id").asText();
            }
        }
        refused(as("qq_sfs").post("/api/catalogues/" + key + "/tasks/" + publishStep + "/complete", Map.of("outcome", "PUBLISHED")),
                422, "CATALOGUE_PARTY_APPROVAL_MISSING", "目录经街道党工委审定后方可公布（第四条）");
        try {
            String page = new cn.juece.support.PageSession(port).signIn("qq_sfs", PASSWORD).get("/catalogue/" + key).body();
            assertThat(page).contains("记录街道党工委审定情况", "街道党工委审定").doesNotContain("县委");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        assertThat(as("qq_sfs").put("/api/catalogues/" + key + "/party-approval",
                Map.of("date", "2025-12-20", "documentNumber", "清发〔2064〕1号")).getStatusCode().value()).isEqualTo(200);
        completeCatalogueStep("qq_sfs", key, "catalogue-publish", "PUBLISHED", "清泉街道政务公开栏");

        PortalVisitor v = new PortalVisitor("203.0.113." + NEXT.incrementAndGet());
        assertThat(v.get("/public").body()).contains("清泉街道办事处2064年度重大行政决策事项目录", "决策机关");
        assertThat(v.get("/public?organ=QQ").body()).contains("清泉街道办事处2064年度重大行政决策事项目录").doesNotContain("冠县人民政府20");
        assertThat(v.get("/public?organ=GX").body()).doesNotContain("清泉街道办事处2064年度");
        var catalogue = v.get("/public/catalogue/2064?organ=QQ");
        assertThat(catalogue.statusCode()).isEqualTo(200);
        assertThat(catalogue.body()).contains("清泉街道老旧街巷微改造");
        // without an organ the county government's catalogue of that year is meant: none published
        assertThat(v.get("/public/catalogue/2064").statusCode()).isEqualTo(404);
        assertThat(v.get("/public?organ=XX").statusCode()).isEqualTo(404);
        for (String list : List.of("/public/decisions", "/public/consultations")) {
            var scoped = v.get(list + "?organ=QQ");
            assertThat(scoped.statusCode()).as(list).isEqualTo(200);
            assertThat(scoped.body()).as(list).contains("<option value=\"QQ\" selected=\"selected\">清泉街道办事处</option>");
            assertThat(v.get(list + "?organ=XX").statusCode()).as(list).isEqualTo(404);
        }
    }

    /** An anonymous visitor of the portal, from its own address (its own rate-limit window). */
    class PortalVisitor {
        private final String address;
        private final java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();

        PortalVisitor(String address) {
            this.address = address;
        }

        java.net.http.HttpResponse<String> get(String path) {
            try {
                return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + path))
                        .header("X-Forwarded-For", address).GET().build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    void completeCatalogueStep(String user, String key, String taskKey, String outcome, String reason) {
        String id = null;
        for (JsonNode t : as(user).get("/api/catalogues/" + key + "/tasks").getBody()) {
            if (t.get("taskKey").asText().equals(taskKey)) {
                id = t.get("id").asText();
            }
        }
        assertThat(id).as("open step " + taskKey + " of " + key).isNotNull();
        Map<String, Object> body = new HashMap<>();
        body.put("outcome", outcome);
        body.put("reason", reason);
        var r = as(user).post("/api/catalogues/" + key + "/tasks/" + id + "/complete", body);
        assertThat(r.getStatusCode().value()).as(taskKey + " → " + r.getBody()).isBetween(200, 201);
    }
}
