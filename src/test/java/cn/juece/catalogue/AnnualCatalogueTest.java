package cn.juece.catalogue;

import static cn.juece.support.EngineRestRefusal.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.support.AppClock;

/**
 * The annual catalogue (Art. 4; openness excerpt) end to end over /api: compiled by the justice bureau,
 * confirmed by the decision organ, party approval recorded, published; changes after publication only with
 * a reason; a matter launched outside it opens a catalogue-change task. Each test uses its own year.
 */
class AnnualCatalogueTest extends IntegrationTest {

    static final String JUSTICE = LifecycleDriver.JUSTICE;
    static final String ORGAN = LifecycleDriver.ORGAN;

    static Map<String, Object> item(String name, String planned) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("leadUnit", "fgj");
        m.put("coUnits", List.of("cgj"));
        m.put("legalBasis", "《中华人民共和国价格法》第二十三条");
        m.put("plannedTime", planned);
        m.put("hearingPlanned", true);
        m.put("enterpriseRelated", false);
        return m;
    }

    String create(int year) {
        var r = as(JUSTICE).post("/api/catalogues", Map.of("year", year));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return r.getBody().get("key").asText();
    }

    long addItem(String key, Map<String, Object> item) {
        var r = as(JUSTICE).post("/api/catalogues/" + key + "/items", item);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return r.getBody().get("id").asLong();
    }

    JsonNode step(String key, String taskKey) {
        for (JsonNode t : as(JUSTICE).get("/api/catalogues/" + key + "/tasks").getBody()) {
            if (t.get("taskKey").asText().equals(taskKey)) {
                return t;
            }
        }
        throw new AssertionError("no open step " + taskKey + " in " + as(JUSTICE).get("/api/catalogues/" + key + "/tasks").getBody());
    }

    ResponseEntity<JsonNode> complete(String user, String key, String taskKey, String outcome, String reason) {
        Map<String, Object> body = new HashMap<>();
        body.put("outcome", outcome);
        body.put("reason", reason);
        return as(user).post("/api/catalogues/" + key + "/tasks/" + step(key, taskKey).get("id").asText() + "/complete", body);
    }

    void ok(ResponseEntity<JsonNode> r) {
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isBetween(200, 201);
    }

    void refused(ResponseEntity<JsonNode> r, int status, String code, String chinese) {
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(status);
        assertThat(r.getBody().get("code").asText()).isEqualTo(code);
        assertThat(r.getBody().get("message").asText()).contains(chinese);
    }

    /** Compiles, confirms, records party approval and publishes a catalogue with two items. */
    String published(int year) {
        String key = create(year);
        addItem(key, item("城区集中供热价格调整", "第二季度"));
        addItem(key, item("县城公共停车场收费标准", "9月"));
        ok(complete(JUSTICE, key, "catalogue-compile", "SUBMITTED", null));
        ok(complete(ORGAN, key, "catalogue-confirm", "CONFIRMED", "县政府第3次常务会议确认"));
        ok(as(JUSTICE).put("/api/catalogues/" + key + "/party-approval",
                Map.of("date", "2025-12-20", "documentNumber", "冠发〔" + year + "〕3号")));
        ok(complete(JUSTICE, key, "catalogue-publish", "PUBLISHED", "县政府网站重大行政决策专栏"));
        return key;
    }

    @Test
    void compiledConfirmedApprovedPublishedAndEveryActAudited() {
        String key = create(2041);
        assertThat(key).isEqualTo("GX-2041-ML");
        refused(as(JUSTICE).post("/api/catalogues", Map.of("year", 2041)), 409, "CATALOGUE_EXISTS", "每年编制一个目录");
        refused(as(LifecycleDriver.LEAD).post("/api/catalogues/" + key + "/items", item("x", "1月")), 403,
                "CATALOGUE_NOT_JUSTICE_BUREAU", "县司法局");
        // An empty catalogue cannot be submitted
        JsonNode compile = step(key, "catalogue-compile");
        assertThat(compile.get("candidateGroups").get(0).asText()).isEqualTo("sfj");
        refused(complete(JUSTICE, key, "catalogue-compile", "SUBMITTED", null), 422, "CATALOGUE_EMPTY", "目录中还没有事项");
        refused(as(JUSTICE).post("/api/catalogues/" + key + "/items", item("事项", "第五季度")), 400,
                "CATALOGUE_PLANNED_TIME_INVALID", "季度");
        Map<String, Object> incomplete = item("", "1月");
        incomplete.put("legalBasis", " ");
        refused(as(JUSTICE).post("/api/catalogues/" + key + "/items", incomplete), 400, "CATALOGUE_ITEM_INCOMPLETE", "事项名称、决策依据");
        long first = addItem(key, item("城区集中供热价格调整", "第二季度"));
        addItem(key, item("老旧小区改造实施方案", "6月"));
        ok(complete(JUSTICE, key, "catalogue-compile", "SUBMITTED", null));
        // While the organ confirms, the catalogue is locked
        refused(as(JUSTICE).put("/api/catalogues/" + key + "/items/" + first, item("改名", "1月")), 422, "CATALOGUE_LOCKED", "不能修改");
        // Only the decision organ confirms; returning needs a reason
        assertThat(step(key, "catalogue-confirm").get("candidateGroups").get(0).asText()).isEqualTo("gx-organ");
        refused(complete(JUSTICE, key, "catalogue-confirm", "CONFIRMED", null), 403, "TASK_NOT_YOUR_GROUP", "无权办理");
        refused(complete(ORGAN, key, "catalogue-confirm", "RETURNED", ""), 422, "REASON_REQUIRED", "退回修改的理由");
        ok(complete(ORGAN, key, "catalogue-confirm", "RETURNED", "请补充老旧小区改造的决策依据"));
        // Back to compiling: edits need no reason before publication and leave no public change
        ok(as(JUSTICE).put("/api/catalogues/" + key + "/items/" + first, item("城区集中供热价格调整方案", "第三季度")));
        ok(complete(JUSTICE, key, "catalogue-compile", "SUBMITTED", null));
        ok(complete(ORGAN, key, "catalogue-confirm", "CONFIRMED", "县政府第3次常务会议确认"));
        // Publishing before the party committee's approval is recorded is refused
        refused(complete(JUSTICE, key, "catalogue-publish", "PUBLISHED", null), 422, "CATALOGUE_PARTY_APPROVAL_MISSING", "县委审定");
        refused(as(JUSTICE).put("/api/catalogues/" + key + "/party-approval", Map.of("date", "2040-12-20", "documentNumber", "冠发[2041]3号")),
                400, "CATALOGUE_PARTY_APPROVAL_DOC_INVALID", "〔〕");
        ok(as(JUSTICE).put("/api/catalogues/" + key + "/party-approval", Map.of("date", "2025-12-20", "documentNumber", "冠发〔2041〕3号")));
        ok(complete(JUSTICE, key, "catalogue-publish", "PUBLISHED", null));

        JsonNode c = as(JUSTICE).get("/api/catalogues/" + key).getBody();
        assertThat(c.get("status").get("code").asText()).isEqualTo("PUBLISHED");
        assertThat(c.get("partyApprovalDocument").asText()).isEqualTo("冠发〔2041〕3号");
        assertThat(c.get("items")).hasSize(2);
        assertThat(c.get("items").get(0).get("name").asText()).isEqualTo("城区集中供热价格调整方案");
        assertThat(c.get("changes")).isEmpty();
        List<String> actions = new ArrayList<>();
        as(JUSTICE).get("/api/catalogues/" + key + "/audit").getBody().forEach(a -> actions.add(a.get("action").asText()));
        assertThat(actions).contains("CATALOGUE_CREATED", "CATALOGUE_ITEM_ADDED", "CATALOGUE_ITEM_CHANGED",
                "CATALOGUE_STEP_COMPLETED", "CATALOGUE_PARTY_APPROVAL", "CATALOGUE_PUBLISHED");
    }

    @Test
    void afterPublicationEveryChangeStatesItsReasonAndIsPublished() {
        String key = published(2042);
        JsonNode items = as(JUSTICE).get("/api/catalogues/" + key).getBody().get("items");
        long first = items.get(0).get("id").asLong();
        long second = items.get(1).get("id").asLong();
        refused(as(JUSTICE).post("/api/catalogues/" + key + "/items", item("新增事项", "10月")), 422,
                "CATALOGUE_CHANGE_REASON_REQUIRED", "须说明调整原因");
        refused(as(JUSTICE).put("/api/catalogues/" + key + "/items/" + first, item("改名", "1月")), 422,
                "CATALOGUE_CHANGE_REASON_REQUIRED", "调整原因将随目录一并公开");
        refused(as(JUSTICE).post("/api/catalogues/" + key + "/items/" + second + "/remove", Map.of("reason", " ")), 422,
                "CATALOGUE_CHANGE_REASON_REQUIRED", "调整原因");
        Map<String, Object> added = item("农村生活污水治理规划", "第四季度");
        added.put("reason", "县委全会部署新增重点工作");
        addItem(key, added);
        Map<String, Object> changed = item("城区集中供热价格调整", "第三季度");
        changed.put("reason", "成本监审延期");
        ok(as(JUSTICE).put("/api/catalogues/" + key + "/items/" + first, changed));
        ok(as(JUSTICE).post("/api/catalogues/" + key + "/items/" + second + "/remove", Map.of("reason", "上级已统一制定标准，不再列为重大行政决策")));

        JsonNode changes = as(JUSTICE).get("/api/catalogues/" + key).getBody().get("changes");
        assertThat(changes).hasSize(3);
        assertThat(changes.get(0).get("kind").get("code").asText()).isEqualTo("ADD");
        assertThat(changes.get(0).get("reason").asText()).isEqualTo("县委全会部署新增重点工作");
        assertThat(changes.get(1).get("summary").asText()).contains("计划完成时间由第二季度改为第三季度");
        assertThat(changes.get(2).get("kind").get("code").asText()).isEqualTo("REMOVE");
    }

    @Test
    void aDecisionRegisteredFromAnItemIsLinkedAndItsLaunchOpensNoChangeTask() {
        String key = published(2043);
        long itemId = as(JUSTICE).get("/api/catalogues/" + key).getBody().get("items").get(0).get("id").asLong();
        var r = as(ORGAN).post("/api/catalogues/" + key + "/items/" + itemId + "/decision", Map.of());
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        String number = r.getBody().get("number").asText();
        refused(as(ORGAN).post("/api/catalogues/" + key + "/items/" + itemId + "/decision", Map.of()), 422,
                "CATALOGUE_ITEM_LINKED", number);
        JsonNode d = driver().decision(number);
        assertThat(d.get("leadUnit").get("code").asText()).isEqualTo("fgj");
        assertThat(d.get("coUnits").get(0).get("code").asText()).isEqualTo("cgj");
        assertThat(as(JUSTICE).get("/api/catalogues/" + key).getBody().get("items").get(0).get("decisionNumber").asText())
                .isEqualTo(number);
        driver().study(number);
        driver().launch(number);
        assertThat(as(JUSTICE).get("/api/catalogues/" + key).getBody().get("changeRequests")).isEmpty();
        assertThat(driver().auditActions(number)).doesNotContain("CATALOGUE_CHANGE_REQUESTED");
    }

    @Test
    void launchingAMatterOutsideThePublishedCatalogueOpensAChangeTaskWithoutBlockingTheLaunch() {
        String key = published(2044);
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2044, 3, 2, 10, 0, 0, 0, AppClock.ZONE).toInstant()));
        String number = driver().create("县域校车安全管理办法");
        driver().study(number);
        driver().launch(number);
        assertThat(driver().stage(number)).isEqualTo("DRAFTING");
        assertThat(driver().auditActions(number)).contains("CATALOGUE_CHANGE_REQUESTED");

        JsonNode c = as(JUSTICE).get("/api/catalogues/" + key).getBody();
        assertThat(c.get("changeRequests")).hasSize(1);
        long requestId = c.get("changeRequests").get(0).get("id").asLong();
        assertThat(c.get("changeRequests").get(0).get("reason").asText()).contains(number).contains("未列入");
        JsonNode task = step(key, "catalogue-change");
        assertThat(task.get("changeRequestId").asLong()).isEqualTo(requestId);
        assertThat(task.get("candidateGroups").get(0).asText()).isEqualTo("sfj");

        refused(complete(JUSTICE, key, "catalogue-change", "CHANGED", ""), 422, "CATALOGUE_CHANGE_REASON_REQUIRED", "原因");
        refused(complete(JUSTICE, key, "catalogue-change", "CHANGED", "已增列"), 422, "CATALOGUE_CHANGE_NOT_RECORDED", "尚未记录目录调整");
        Map<String, Object> added = item("县域校车安全管理办法", "第二季度");
        added.put("reason", "县政府决定启动，涉及学生安全，增列入目录");
        added.put("requestId", requestId);
        addItem(key, added);
        ok(complete(JUSTICE, key, "catalogue-change", "CHANGED", "已增列入目录第3项"));

        c = as(JUSTICE).get("/api/catalogues/" + key).getBody();
        assertThat(c.get("changeRequests").get(0).get("status").get("code").asText()).isEqualTo("CHANGED");
        assertThat(c.get("items").get(2).get("decisionNumber").asText()).isEqualTo(number);
        assertThat(c.get("changes").get(0).get("requestId").asLong()).isEqualTo(requestId);
        // the public sees the change with its reason, and the matter launched outside the catalogue with the result
        String page = as(JUSTICE).raw().get().uri("/public/catalogue/2044").retrieve().body(String.class);
        assertThat(page).contains("县政府决定启动，涉及学生安全，增列入目录").contains("目录外启动的决策事项")
                .contains("县域校车安全管理办法（" + number + "）").contains("已增列入目录第3项");
    }

    @Test
    void aMatterLaunchedBeforeTheCatalogueIsInForceLeavesARequestTheJusticeBureauResolves() {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2048, 1, 6, 10, 0, 0, 0, AppClock.ZONE).toInstant()));
        String number = driver().create("县城区供水价格调整方案");
        driver().study(number);
        driver().launch(number);
        assertThat(driver().stage(number)).isEqualTo("DRAFTING");
        String key = create(2048);
        JsonNode requests = as(JUSTICE).get("/api/catalogues/" + key).getBody().get("changeRequests");
        assertThat(requests).hasSize(1);
        long requestId = requests.get(0).get("id").asLong();
        String path = "/api/catalogues/" + key + "/change-requests/" + requestId + "/resolve";
        refused(as(JUSTICE).post(path, Map.of("outcome", "CHANGED", "reason", "纳入")), 422, "CATALOGUE_CHANGE_NOT_RECORDED", "尚未记录目录调整");
        refused(as(JUSTICE).post(path, Map.of("outcome", "CHANGED", "reason", " ")), 422, "CATALOGUE_CHANGE_REASON_REQUIRED", "原因");
        // included while compiling: the item is linked to the launched decision
        Map<String, Object> added = item("县城区供水价格调整方案", "第一季度");
        added.put("requestId", requestId);
        addItem(key, added);
        ok(as(JUSTICE).post(path, Map.of("outcome", "CHANGED", "reason", "编制目录时已列入")));
        // an item can also be linked to a decision registered earlier, once
        String earlier = driver().create("县城区排水防涝设施建设规划");
        long other = addItem(key, item("县城区排水防涝设施建设规划", "第三季度"));
        refused(as(ORGAN).put("/api/catalogues/" + key + "/items/" + other + "/decision", Map.of("decisionNumber", earlier)), 403,
                "CATALOGUE_NOT_JUSTICE_BUREAU", "县司法局");
        refused(as(JUSTICE).put("/api/catalogues/" + key + "/items/" + other + "/decision", Map.of("decisionNumber", number)), 422,
                "DECISION_ALREADY_IN_CATALOGUE", number);
        ok(as(JUSTICE).put("/api/catalogues/" + key + "/items/" + other + "/decision", Map.of("decisionNumber", earlier)));
        assertThat(driver().auditDetails(earlier)).anyMatch(a -> a.contains("关联冠县人民政府2048年度重大行政决策事项目录第2项"));
        JsonNode c = as(JUSTICE).get("/api/catalogues/" + key).getBody();
        assertThat(c.get("changeRequests").get(0).get("status").get("code").asText()).isEqualTo("CHANGED");
        assertThat(c.get("items").get(0).get("decisionNumber").asText()).isEqualTo(number);
        assertThat(c.get("changes")).isEmpty();
    }

    @Test
    void theSameRulesHoldThroughTasklistAndTheEngineRestApi() {
        String key = create(2046);
        addItem(key, item("城区集中供热价格调整", "第二季度"));
        ok(complete(JUSTICE, key, "catalogue-compile", "SUBMITTED", null));
        ok(complete(ORGAN, key, "catalogue-confirm", "CONFIRMED", "确认"));
        String task = step(key, "catalogue-publish").get("id").asText();
        // Tasklist's form reads the catalogue's outcomes and checklist
        JsonNode form = as(JUSTICE).get("/api/tasks/" + task + "/form").getBody();
        assertThat(form.get("decisionNumber").asText()).isEqualTo(key);
        assertThat(form.get("dossierUrl").asText()).isEqualTo("/catalogue/" + key);
        assertThat(form.get("outcomes").get(0).get("code").asText()).isEqualTo("PUBLISHED");
        assertThat(form.get("checklist").get(0).get("met").asBoolean()).isFalse();
        // engine REST complete and Tasklist's submit-form: refused with the code
        Map<String, Object> vars = Map.of("variables", Map.of("outcome", Map.of("value", "PUBLISHED", "type", "String")));
        assertRefused(engineRest(JUSTICE, "/engine-rest/task/" + task + "/complete", vars),
                "CATALOGUE_PARTY_APPROVAL_MISSING", "县委审定");
        assertRefused(engineRest(JUSTICE, "/engine-rest/task/" + task + "/submit-form", vars),
                "CATALOGUE_PARTY_APPROVAL_MISSING", "县委审定");
        // the generic /api completion too
        refused(as(JUSTICE).complete(task, "PUBLISHED", null), 422, "CATALOGUE_PARTY_APPROVAL_MISSING", "县委审定");
        assertThat(as(JUSTICE).get("/api/catalogues/" + key).getBody().get("status").get("code").asText()).isEqualTo("CONFIRMED");
        ok(as(JUSTICE).put("/api/catalogues/" + key + "/party-approval", Map.of("date", "2025-12-20", "documentNumber", "冠发〔2046〕3号")));
        var submitted = engineRest(JUSTICE, "/engine-rest/task/" + task + "/submit-form", vars);
        assertThat(submitted.getStatusCode().value()).as(String.valueOf(submitted.getBody())).isEqualTo(204);
        assertThat(as(JUSTICE).get("/api/catalogues/" + key).getBody().get("status").get("code").asText()).isEqualTo("PUBLISHED");
    }

    private ResponseEntity<JsonNode> engineRest(String user, String path, Object body) {
        return as(user).post(path, body);
    }

    @Test
    void exportIsCsvWithChineseHeadingsAndBom() {
        String key = published(2045);
        byte[] body = as(JUSTICE).raw().get().uri("/api/catalogues/" + key + "/export.csv").retrieve().body(byte[].class);
        String csv = new String(body, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"序号\",\"事项名称\",\"牵头承办单位\"");
        assertThat(csv).contains("\"城区集中供热价格调整\",\"县发展和改革局\"").contains("\"第二季度\",\"是\",\"否\"");
        // and the API is described in the OpenAPI document
        String docs = as(JUSTICE).raw().get().uri("/v3/api-docs").retrieve().body(String.class);
        assertThat(docs).contains("/api/catalogues/{key}/export.csv").contains("/api/public-proposals/{id}/register");
    }

    static List<String> ids(JsonNode tasks) {
        List<String> ids = new ArrayList<>();
        tasks.forEach(t -> ids.add(t.get("id").asText()));
        return ids;
    }

    /**
     * A catalogue step heads the first page of the work list of its unit's people until one of them takes it, then
     * only its holder's; never another unit's, a later page or a stage's list (issue 17: read by a native query).
     */
    @Test
    void aCatalogueStepIsOnTheWorkListOfItsUnitUntilSomeoneTakesIt() {
        String key = create(2049);
        String compile = step(key, "catalogue-compile").get("id").asText();
        assertThat(ids(as(JUSTICE).get("/api/tasks").getBody())).contains(compile);
        assertThat(ids(as("sfj_head").get("/api/tasks").getBody())).contains(compile);
        assertThat(ids(as(LifecycleDriver.LEAD).get("/api/tasks").getBody())).doesNotContain(compile);
        assertThat(ids(as(ORGAN).get("/api/tasks").getBody())).doesNotContain(compile);
        assertThat(ids(as(JUSTICE).get("/api/tasks?page=1").getBody())).doesNotContain(compile);
        assertThat(ids(as(JUSTICE).get("/api/tasks?stage=DRAFTING").getBody())).doesNotContain(compile);
        // taken by sfj_liu: on her list, no longer on her head's
        ok(as(JUSTICE).post("/api/tasks/" + compile + "/claim", Map.of()));
        assertThat(ids(as(JUSTICE).get("/api/tasks").getBody())).contains(compile);
        assertThat(ids(as("sfj_head").get("/api/tasks").getBody())).doesNotContain(compile);
        // submitted: the organ's confirmation is on the organ's list, nothing of it on the bureau's
        addItem(key, item("城区集中供热价格调整", "第二季度"));
        ok(complete(JUSTICE, key, "catalogue-compile", "SUBMITTED", null));
        String confirm = step(key, "catalogue-confirm").get("id").asText();
        assertThat(ids(as(ORGAN).get("/api/tasks").getBody())).contains(confirm);
        assertThat(ids(as(JUSTICE).get("/api/tasks").getBody())).doesNotContain(compile, confirm);
    }
}
