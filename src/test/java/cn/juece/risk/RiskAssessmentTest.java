package cn.juece.risk;

import static cn.juece.LifecycleDriver.JUSTICE;
import static cn.juece.LifecycleDriver.LEAD;
import static cn.juece.LifecycleDriver.LEAD_LEGAL;
import static cn.juece.LifecycleDriver.ORGAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.support.AppClock;
import cn.juece.support.EngineRestRefusal;

/**
 * Issue 12: risk assessment (Art. 36-40) as a real capability. Who assesses (the lead unit, another unit, a
 * commissioned organisation from the registry), the steps of Art. 38 as records checked by the gates of risk-assess on
 * every path, the organ's finding as a fact, the uncontrollable loop with a new draft and a new report, and no legality
 * review or meeting while the latest finding is uncontrollable.
 */
class RiskAssessmentTest extends IntegrationTest {

    /** 县自然资源局: another unit of the organ, here responsible for risk assessment. */
    static final String OTHER = "zrj_wu";
    static final String OPERATOR = "yw_zhao";

    @Autowired
    RuntimeService runtime;

    /** A decision drafted with only risk assessment required: the step risk-assess is open. */
    private String atRisk(LifecycleDriver d, String title) {
        String n = d.create(title);
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, true);
        assertThat(d.openTaskKeys(n)).containsExactly("risk-assess");
        return n;
    }

    private static String path(String n, String rest) {
        return "/api/decisions/" + n + "/risk" + rest;
    }

    private static void refused(ResponseEntity<JsonNode> r, int status, String code, String... message) {
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(status);
        assertThat(r.getBody().get("code").asText()).as(String.valueOf(r.getBody())).isEqualTo(code);
        if (message.length > 0) {
            assertThat(r.getBody().get("message").asText()).contains(message);
        }
    }

    private ResponseEntity<JsonNode> engineComplete(String user, String taskId, String outcome) {
        return as(user).raw().post().uri("/engine-rest/task/" + taskId + "/complete").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", Map.of("outcome", Map.of("value", outcome, "type", "String"))))
                .retrieve().toEntity(JsonNode.class);
    }

    private static String today() {
        return LocalDate.now(AppClock.ZONE).toString();
    }

    @Test
    void anotherUnitAssessesAndActsOnTheStepWhileTheLeadUnitIsRefused() {
        var d = driver();
        String n = atRisk(d, "县城区地下综合管廊建设规划（其他单位评估）");
        // before it is named, the other unit sees nothing of the decision (as for an unknown number)
        refused(d.as(OTHER).get("/api/decisions/" + n), 404, "DECISION_NOT_FOUND");
        refused(d.as(OTHER).get(path(n, "")), 404, "DECISION_NOT_FOUND");
        assertThat(d.as(OTHER).get("/api/tasks").getBody().toString()).doesNotContain(n);
        // the lead unit, the default assessor, starts a plan; then names the unit responsible for risk assessment
        d.riskPlan(n, LEAD);
        refused(d.as(JUSTICE).put(path(n, "/assessor"), Map.of("unit", "zrj", "mode", "SELF")), 403, "NOT_LEAD_UNIT", "第三十六条");
        refused(d.as(LEAD).put(path(n, "/assessor"), Map.of("unit", "nosuch", "mode", "SELF")), 400, "RISK_ASSESSOR_UNIT_UNKNOWN");
        d.assessor(n, Map.of("unit", "zrj", "mode", "SELF"));

        // the other unit now sees the decision, and the open step moved to it (Tasklist's candidate group too)
        assertThat(d.as(OTHER).get("/api/decisions/" + n).getStatusCode().value()).isEqualTo(200);
        JsonNode task = d.task(n, "risk-assess");
        assertThat(task.get("candidateGroups").toString()).isEqualTo("[\"zrj\"]");
        String taskId = task.get("id").asText();
        assertThat(d.as(OTHER).get("/api/tasks").getBody().toString()).contains(taskId);
        assertThat(d.as(LEAD).get("/api/tasks").getBody().toString()).doesNotContain(taskId);
        JsonNode view = d.as(LEAD).get(path(n, "")).getBody();
        assertThat(view.get("assessorText").asText()).contains("县自然资源局（负责风险评估工作的其他单位），自行评估");

        // the lead unit may no longer act for the assessor: records, the report, the step on /api and on the engine REST
        refused(d.as(LEAD).put(path(n, "/plan"), Map.of("scope", "x", "methods", "y", "schedule", "z")), 403, "NOT_RISK_ASSESSOR",
                "县自然资源局", "第三十八条");
        refused(d.as(LEAD).upload(n, "RISK_REPORT", "报告.docx", cn.juece.support.TestFiles.of("报告.docx", "自拟报告")), 403,
                "MATERIAL_NOT_YOUR_ROLE", "《风险评估报告》由县自然资源局提供");
        refused(d.as(LEAD).complete(taskId, "LOW", null), 403, "TASK_NOT_YOUR_GROUP", "由县自然资源局办理", "王海涛");
        // on the engine REST the lead unit's task grants went with the step: Camunda itself refuses, as a 403 in Chinese
        var byLead = engineComplete(LEAD, taskId, "LOW");
        assertThat(byLead.getStatusCode().value()).isEqualTo(403);
        assertThat(byLead.getBody().get("code").asText()).isEqualTo("NOT_AUTHORIZED");
        // and one who holds Camunda's permission on every task (an administrator) meets the completion check itself
        EngineRestRefusal.assertRefused(engineComplete("admin", taskId, "LOW"), "TASK_NOT_YOUR_GROUP", "由县自然资源局办理");

        // the plan the lead unit wrote counts no more (the assessor's own records count, DECISIONS.md 24)
        EngineRestRefusal.assertRefused(engineComplete(OTHER, taskId, "MEDIUM"), "RISK_PLAN_MISSING", "评估工作方案", "第三十八条第一项");
        d.riskRecords(n, OTHER, "MEDIUM");
        d.upload(OTHER, n, "RISK_REPORT");
        d.complete(OTHER, n, "risk-assess", "zrj", "MEDIUM", null);
        d.complete(ORGAN, n, "risk-finding", "gx-organ", "CONTROLLABLE", "防范措施可行，风险可控");
        assertThat(d.stage(n)).isEqualTo("LEGALITY");

        JsonNode facts = d.as(LEAD).get("/api/decisions/" + n + "/facts").getBody();
        List<JsonNode> assessors = kind(facts, "RISK_ASSESSOR");
        assertThat(assessors).hasSize(1);
        assertThat(assessors.get(0).get("detail").asText()).contains("县自然资源局");
        assertThat(assessors.get(0).get("data").get("assessorUnit").asText()).isEqualTo("zrj");
        JsonNode level = kind(facts, "RISK_ASSESSMENT").get(0);
        assertThat(level.get("actedFor").asText()).isEqualTo("zrj");
        assertThat(level.get("actedBy").asText()).isEqualTo(OTHER);
        assertThat(level.get("data").get("assessorMode").asText()).isEqualTo("SELF");
        assertThat(d.auditActions(n)).contains("RISK_ASSESSOR_NAMED", "RISK_RECORDED");
    }

    @Test
    void aThirdPartyOrganisationFromTheRegistryIsCommissionedAndItsReportUploadedByTheCommissioningUnit() {
        String code = creditCode();
        Map<String, Object> entry = new HashMap<>(Map.of("name", "聊城正衡风险评估咨询有限公司（测试）", "creditCode", code,
                "kind", "PROFESSIONAL", "contactPerson", "赵工", "contactPhone", "0635-5000001",
                "declaredTies", "与县发展和改革局无隶属关系和经济往来"));
        // the registry is the administrators': a clerk may read it, not change it; a wrong credit code is refused
        refused(as(LEAD).post("/api/assessors", entry), 403, "RISK_ORGANISATION_ADMIN_ONLY", "系统管理员");
        var wrong = new HashMap<>(entry);
        wrong.put("creditCode", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
        refused(as("admin").post("/api/assessors", wrong), 400, "CREDIT_CODE_INVALID", "校验码");
        var added = as("admin").post("/api/assessors", entry);
        assertThat(added.getStatusCode().value()).as(String.valueOf(added.getBody())).isEqualTo(201);
        long org = added.getBody().get("id").asLong();
        refused(as("admin").post("/api/assessors", entry), 409, "CREDIT_CODE_TAKEN");
        Map<String, Object> retired = new HashMap<>(entry);
        retired.put("active", false);
        assertThat(as("admin").put("/api/assessors/" + org, retired).getBody().get("active").asBoolean()).isFalse();
        assertThat(as(LEAD).get("/api/assessors?active=true").getBody().toString()).doesNotContain(code);

        var d = driver();
        String n = atRisk(d, "城区供水价格调整方案（委托第三方评估）");
        Map<String, Object> commission = new HashMap<>(Map.of("mode", "COMMISSIONED", "organisationId", org,
                "commissionKind", "CONTRACT", "commissionNumber", "冠发改委〔2026〕15号", "commissionDate", today(),
                "commissionScope", "供水价格调整社会稳定风险评估"));
        refused(d.as(LEAD).put(path(n, "/assessor"), commission), 422, "RISK_ORGANISATION_INACTIVE", "已在第三方评估机构名录中停用");
        retired.put("active", true);
        as("admin").put("/api/assessors/" + org, retired);
        var noNumber = new HashMap<>(commission);
        noNumber.remove("commissionNumber");
        refused(d.as(LEAD).put(path(n, "/assessor"), noNumber), 400, "RISK_COMMISSION_INCOMPLETE", "编号", "第三十六条");
        refused(d.as(LEAD).put(path(n, "/assessor"), Map.of("mode", "COMMISSIONED")), 400, "RISK_ORGANISATION_REQUIRED");
        d.assessor(n, commission);

        // the commissioning unit remains the acting party: it keeps the records and files the organisation's report
        JsonNode view = d.as(LEAD).get(path(n, "")).getBody();
        assertThat(view.get("assessorText").asText()).contains("县发展和改革局（决策承办单位），委托聊城正衡风险评估咨询有限公司（测试）评估",
                "委托合同 冠发改委〔2026〕15号");
        assertThat(d.task(n, "risk-assess").get("candidateGroups").toString()).isEqualTo("[\"fgj\"]");
        d.riskRecords(n, LEAD, "LOW");
        var report = d.as(LEAD).upload(n, "RISK_REPORT", "正衡公司风险评估报告.pdf", cn.juece.support.TestFiles.of("正衡公司风险评估报告.pdf", "第三方机构出具的报告"));
        assertThat(report.getStatusCode().value()).isEqualTo(201);
        assertThat(report.getBody().get("providedFor").asText()).isEqualTo("fgj");
        d.complete(LEAD, n, "risk-assess", "fgj", "LOW", null);

        JsonNode facts = d.as(LEAD).get("/api/decisions/" + n + "/facts").getBody();
        JsonNode level = kind(facts, "RISK_ASSESSMENT").get(0);
        assertThat(level.get("data").get("assessorMode").asText()).isEqualTo("COMMISSIONED");
        assertThat(level.get("data").get("organisationId").asLong()).isEqualTo(org);
        assertThat(level.get("detail").asText()).isEqualTo("《风险评估报告》第1版");
        assertThat(kind(facts, "RISK_ASSESSOR").get(0).get("outcomeLabel").asText()).isEqualTo("委托第三方机构评估");
        // the registry's own trail
        assertThat(as("admin").get("/api/assessors/" + org).getBody().get("declaredTies").asText()).contains("无隶属关系");
    }

    @Test
    void eachGateOfTheAssessmentRefusesThenPasses() {
        var d = driver();
        String n = atRisk(d, "县城区渣土运输管理办法（风险评估逐项检查）");
        String task = d.task(n, "risk-assess").get("id").asText();
        // Art. 36: who assesses
        refused(d.as(LEAD).complete(task, "HIGH", null), 422, "RISK_ASSESSOR_NOT_RECORDED", "第三十六条");
        d.assessor(n, Map.of("mode", "SELF"));
        // Art. 38 (一): the plan — also before any visit is recorded
        refused(d.as(LEAD).complete(task, "HIGH", null), 422, "RISK_PLAN_MISSING", "第三十八条第一项");
        refused(d.as(LEAD).post(path(n, "/investigations"), Map.of("method", "VISIT", "visited", "渣土运输企业", "heldOn", today(),
                "mostAffected", true, "opinions", "x", "adoption", "ADOPTED")), 422, "RISK_PLAN_MISSING");
        refused(d.as(LEAD).put(path(n, "/plan"), Map.of("scope", "渣土运输管理办法")), 400, "RISK_PLAN_INCOMPLETE", "评估方法与步骤", "时间安排");
        d.riskPlan(n, LEAD);
        // Art. 38 (二): face-to-face visits to the most affected units and to the groups with special difficulties
        refused(d.as(LEAD).complete(task, "HIGH", null), 422, "RISK_INVESTIGATION_INCOMPLETE", "受决策事项影响较大的单位",
                "有特殊困难的群体");
        assertThat(d.as(LEAD).post(path(n, "/investigations"), Map.of("method", "VISIT", "visited", "渣土运输企业和沿线商户",
                "heldOn", today(), "mostAffected", true, "opinions", "希望错峰运输", "adoption", "ADOPTED")).getStatusCode().value()).isEqualTo(201);
        // a survey that reached such a group is no face-to-face visit
        d.as(LEAD).post(path(n, "/investigations"), Map.of("method", "SURVEY", "visited", "沿线低收入家庭（问卷）", "heldOn", today(),
                "specialDifficulty", true, "opinions", "担心噪声", "adoption", "ADOPTED"));
        var noSpecial = d.as(LEAD).complete(task, "HIGH", null);
        refused(noSpecial, 422, "RISK_INVESTIGATION_INCOMPLETE", "有特殊困难的群体", "第三十八条第二项");
        assertThat(noSpecial.getBody().get("message").asText()).doesNotContain("尚无对受决策事项影响较大的单位");
        refused(d.as(LEAD).put(path(n, "/analyses/SOCIAL_STABILITY"), Map.of("relevant", true, "risks", "x", "likelihood", "HIGH",
                "impact", "HIGH", "level", "HIGH")), 422, "RISK_INVESTIGATION_INCOMPLETE");
        refused(d.as(LEAD).post(path(n, "/investigations"), Map.of("method", "VISIT", "visited", "沿线独居老人", "heldOn", today(),
                "specialDifficulty", true, "opinions", "夜间噪声影响休息", "adoption", "NOT_ADOPTED")), 400, "RISK_ADOPTION_REASON_REQUIRED");
        d.as(LEAD).post(path(n, "/investigations"), Map.of("method", "VISIT", "visited", "沿线独居老人", "heldOn", today(),
                "specialDifficulty", true, "opinions", "夜间噪声影响休息", "adoption", "PARTLY_ADOPTED", "adoptionNote", "夜间22时后禁止通行"));
        // Art. 37, 38 (三): every kind analysed
        d.as(LEAD).put(path(n, "/analyses/SOCIAL_STABILITY"), Map.of("relevant", true, "risks", "运输企业停运抗议", "likelihood", "MEDIUM",
                "impact", "MEDIUM", "level", "MEDIUM"));
        d.as(LEAD).put(path(n, "/analyses/PUBLIC_SAFETY"), Map.of("relevant", true, "risks", "超载车辆侧翻、遗撒", "likelihood", "HIGH",
                "impact", "HIGH", "level", "HIGH"));
        refused(d.as(LEAD).put(path(n, "/analyses/ECOLOGY"), Map.of("relevant", false, "reason", "无")), 400, "RISK_KIND_REASON_REQUIRED");
        for (String kind : List.of("ECOLOGY", "FISCAL_FINANCIAL", "PUBLIC_OPINION")) {
            d.as(LEAD).put(path(n, "/analyses/" + kind), Map.of("relevant", false, "reason", "经分析论证，办法不涉及此类风险情形"));
        }
        refused(d.as(LEAD).complete(task, "HIGH", null), 422, "RISK_ANALYSIS_INCOMPLETE", "尚未分析：其他风险");
        refused(d.as(LEAD).put(path(n, "/level"), Map.of("level", "HIGH", "controllable", true)), 422, "RISK_ANALYSIS_INCOMPLETE");
        d.as(LEAD).put(path(n, "/analyses/OTHER"), Map.of("relevant", false, "reason", "经分析论证，未发现其他可能引发的风险"));
        // Art. 38 (四): the level, consistent with the analysis and chosen as the outcome
        refused(d.as(LEAD).complete(task, "HIGH", null), 422, "RISK_LEVEL_NOT_RECORDED", "第三十八条第四项");
        refused(d.as(LEAD).put(path(n, "/level"), Map.of("level", "LOW", "controllable", true)), 422, "RISK_LEVEL_INCONSISTENT",
                "公共安全风险为高风险", "不能定为低风险");
        assertThat(d.as(LEAD).put(path(n, "/level"), Map.of("level", "HIGH", "controllable", true, "controllabilityNote",
                "落实限载、限时措施后可控")).getStatusCode().value()).isEqualTo(200);
        refused(d.as(LEAD).complete(task, "LOW", null), 422, "RISK_LEVEL_INCONSISTENT", "办理结果“低风险”与风险评估页面记录的风险等级“高风险”不一致");
        EngineRestRefusal.assertRefused(engineComplete(LEAD, task, "MEDIUM"), "RISK_LEVEL_INCONSISTENT", "中风险", "高风险");
        // Art. 39 (五): measures and contingency plan
        refused(d.as(LEAD).complete(task, "HIGH", null), 422, "RISK_MEASURES_MISSING", "第三十九条第五项");
        refused(d.as(LEAD).put(path(n, "/measures"), Map.of("measures", "限载限时")), 400, "RISK_MEASURES_INCOMPLETE", "应急处置预案");
        d.riskMeasures(n, LEAD);
        // Art. 39: the report of this round
        refused(d.as(LEAD).complete(task, "HIGH", null), 422, "MATERIAL_MISSING_RISK_REPORT", "《风险评估报告》");
        JsonNode pending = d.as(LEAD).get(path(n, "")).getBody();
        assertThat(pending.get("missing")).isEmpty();
        d.upload(LEAD, n, "RISK_REPORT");
        // the dossier checklist shows every requirement met, with its article
        List<String> met = new ArrayList<>();
        d.as(LEAD).get("/api/decisions/" + n + "/checklist").getBody().forEach(c -> {
            if (c.get("met").asBoolean()) {
                met.add(c.get("code").asText());
            }
        });
        assertThat(met).contains("RISK_ASSESSOR_NOT_RECORDED", "RISK_PLAN_MISSING", "RISK_INVESTIGATION_INCOMPLETE",
                "RISK_ANALYSIS_INCOMPLETE", "RISK_LEVEL_NOT_RECORDED", "RISK_LEVEL_INCONSISTENT", "RISK_MEASURES_MISSING",
                "MATERIAL_MISSING_RISK_REPORT");
        d.complete(LEAD, n, "risk-assess", "fgj", "HIGH", "公共安全风险较高");
        // the round is closed: its records are facts now, nothing more is written into it
        refused(d.as(LEAD).put(path(n, "/plan"), Map.of("scope", "x", "methods", "y", "schedule", "z")), 422, "RISK_ASSESS_NOT_OPEN");
        JsonNode closed = d.as(LEAD).get(path(n, "")).getBody();
        assertThat(closed.get("state").asText()).isEqualTo("AWAITING_FINDING");
        assertThat(closed.get("current").get("investigations")).hasSize(3);
        assertThat(closed.get("current").get("conclusion").get("level").asText()).isEqualTo("HIGH");
    }

    @Test
    void anUncontrollableRiskAdjustsTheDraftAndIsAssessedAgainWithANewReport() {
        var d = driver();
        String n = atRisk(d, "县城区燃气价格联动办法（风险不可控）");
        d.assessor(n, Map.of("mode", "SELF"));
        d.riskRecords(n, LEAD, "HIGH");
        d.upload(LEAD, n, "RISK_REPORT");
        d.complete(LEAD, n, "risk-assess", "fgj", "HIGH", null);
        refused(d.as(ORGAN).complete(d.task(n, "risk-finding").get("id").asText(), "UNCONTROLLABLE", null), 422, "REASON_REQUIRED", "第四十条");
        d.complete(ORGAN, n, "risk-finding", "gx-organ", "UNCONTROLLABLE", "联动幅度过大，防范措施不足");

        // Art. 40: the draft must be adjusted — a new version, after the finding — and the adjustment recorded
        String adjust = d.task(n, "risk-adjust").get("id").asText();
        refused(d.as(LEAD).complete(adjust, "ADJUSTED", "已调整"), 422, "MATERIAL_MISSING_DRAFT", "第四十条", "调整后的《决策草案》");
        refused(d.as(LEAD).post(path(n, "/adjustments"), Map.of("measuresAdded", true, "description", "增加低收入家庭补贴措施")),
                422, "MATERIAL_MISSING_DRAFT");
        d.upload(LEAD, n, "DRAFT");
        refused(d.as(LEAD).complete(adjust, "ADJUSTED", "已调整"), 422, "RISK_ADJUSTMENT_NOT_RECORDED", "第四十条");
        refused(d.as(LEAD).post(path(n, "/adjustments"), Map.of("description", "增加低收入家庭补贴措施")), 400, "RISK_ADJUSTMENT_INCOMPLETE");
        refused(d.as(OTHER).post(path(n, "/adjustments"), Map.of("measuresAdded", true, "description", "增加低收入家庭补贴措施")),
                404, "DECISION_NOT_FOUND");
        assertThat(d.as(LEAD).post(path(n, "/adjustments"), Map.of("measuresAdded", true, "contentChanged", true,
                "description", "联动周期由一年改为两年，增加低收入家庭补贴")).getStatusCode().value()).isEqualTo(201);
        d.complete(LEAD, n, "risk-adjust", "fgj", "ADJUSTED", "联动周期改为两年");

        // round 2: the first round's records and report count no more
        String task = d.task(n, "risk-assess").get("id").asText();
        refused(d.as(LEAD).complete(task, "LOW", null), 422, "RISK_PLAN_MISSING", "请先制定第2轮的评估工作方案");
        d.riskRecords(n, LEAD, "LOW");
        refused(d.as(LEAD).complete(task, "LOW", null), 422, "MATERIAL_MISSING_RISK_REPORT", "本轮办理需要新的《风险评估报告》");
        d.upload(LEAD, n, "RISK_REPORT");
        d.complete(LEAD, n, "risk-assess", "fgj", "LOW", null);
        d.complete(ORGAN, n, "risk-finding", "gx-organ", "CONTROLLABLE", "调整后风险可控");
        assertThat(d.stage(n)).isEqualTo("LEGALITY");

        JsonNode view = d.as(LEAD).get(path(n, "")).getBody();
        assertThat(view.get("state").asText()).isEqualTo("CONTROLLABLE");
        assertThat(view.get("round").asInt()).isEqualTo(2);
        assertThat(view.get("earlier")).hasSize(1);
        assertThat(view.get("earlier").get(0).get("finding").get("step").get("outcome").asText()).isEqualTo("UNCONTROLLABLE");
        JsonNode facts = d.as(LEAD).get("/api/decisions/" + n + "/facts").getBody();
        var adjustments = kind(facts, "RISK_ADJUSTMENT");
        assertThat(adjustments).hasSize(1);
        assertThat(adjustments.get(0).get("detail").asText()).isEqualTo("《决策草案》第2版");
        assertThat(kind(facts, "RISK_ASSESSMENT")).extracting(f -> f.get("round").asInt()).containsExactly(1, 2);

        // Art. 14, 42: the adjusted draft needs its own initial review before the submission
        d.upload(LEAD, n, "LEGALITY_REQUEST");
        d.upload(LEAD, n, "LEGAL_BASIS");
        d.recordOfficeMeeting(n);
        d.attest(n);
        refused(d.as(LEAD).complete(d.task(n, "legality-submit").get("id").asText(), "SUBMITTED", null), 422,
                "LEGALITY_SUBMISSION_INCOMPLETE", "草案在初审之后又有修改");
        d.upload(LEAD_LEGAL, n, "INITIAL_REVIEW_OPINION");
        d.attest(n);
        d.complete(LEAD, n, "legality-submit", "fgj", "SUBMITTED", null);
    }

    @Test
    void noLegalityReviewNorMeetingWhileTheLatestFindingIsUncontrollableEvenWhenTheRunIsRewritten() {
        var d = driver();
        String n = atRisk(d, "县城区集贸市场搬迁方案（风险不可控不得送审）");
        d.assessor(n, Map.of("mode", "SELF"));
        d.riskRecords(n, LEAD, "HIGH");
        d.upload(LEAD, n, "RISK_REPORT");
        d.complete(LEAD, n, "risk-assess", "fgj", "HIGH", null);
        d.complete(ORGAN, n, "risk-finding", "gx-organ", "UNCONTROLLABLE", "商户安置方案未落实");
        String lifecycle = runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).processDefinitionKey("decision-lifecycle")
                .singleResult().getId();

        // an operator moves the run past the risk stage (README: operators and the engine) …
        modify(lifecycle, List.of(Map.of("type", "cancel", "activityId", "call-risk"),
                Map.of("type", "startBeforeActivity", "activityId", "merge-risk")));
        assertThat(d.openTaskKeys(n)).containsExactly("legality-submit");
        // … yet the matter cannot be submitted for legality review: on /api and on the engine REST (Art. 40)
        d.upload(LEAD, n, "LEGALITY_REQUEST");
        d.upload(LEAD, n, "LEGAL_BASIS");
        String submit = d.task(n, "legality-submit").get("id").asText();
        refused(d.as(LEAD).complete(submit, "SUBMITTED", null), 422, "RISK_UNCONTROLLABLE", "风险不可控", "第四十条", "报送合法性审查");
        EngineRestRefusal.assertRefused(engineComplete(LEAD, submit, "SUBMITTED"), "RISK_UNCONTROLLABLE", "第四十条");
        // nor go to the meeting
        modify(lifecycle, List.of(Map.of("type", "cancel", "activityId", "call-legality"),
                Map.of("type", "startBeforeActivity", "activityId", "call-meeting")));
        d.notEnterpriseRelated(n);
        d.upload(LEAD, n, "MEETING_REQUEST");
        d.upload(JUSTICE, n, "LEGALITY_OPINION");
        refused(d.as(LEAD).complete(d.task(n, "meeting-submit").get("id").asText(), "SUBMITTED", null), 422, "RISK_UNCONTROLLABLE",
                "提请集体讨论");

        // back to the risk assessment: a new round found controllable, and the submission is accepted
        modify(lifecycle, List.of(Map.of("type", "cancel", "activityId", "call-meeting"),
                Map.of("type", "startBeforeActivity", "activityId", "call-risk-supplement")));
        d.riskRecords(n, LEAD, "MEDIUM");
        d.upload(LEAD, n, "RISK_REPORT");
        d.complete(LEAD, n, "risk-assess", "fgj", "MEDIUM", null);
        d.complete(ORGAN, n, "risk-finding", "gx-organ", "CONTROLLABLE", "安置方案已落实，风险可控");
        d.upload(LEAD, n, "LEGALITY_REQUEST");
        d.recordOfficeMeeting(n);
        d.attest(n);
        d.complete(LEAD, n, "legality-submit", "fgj", "SUBMITTED", null);
        assertThat(d.openTaskKeys(n)).containsExactly("legality-review");
        // supervision reads the latest level and finding
        assertThat(d.as(JUSTICE).get("/api/supervision").getBody().get("outcomes").toString()).contains(n, "中风险");
    }

    /** An operator's process-instance modification on the engine REST, with the reason the operator gate asks for. */
    private void modify(String instance, List<Map<String, String>> instructions) {
        var r = as(OPERATOR).send(HttpMethod.POST, "/engine-rest/process-instance/" + instance + "/modification",
                Map.of("instructions", instructions, "annotation", "测试：模拟运维人员改写流程运行位置"));
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(204);
    }

    private static List<JsonNode> kind(JsonNode facts, String kind) {
        List<JsonNode> found = new ArrayList<>();
        facts.forEach(f -> {
            if (f.get("kind").asText().equals(kind)) {
                found.add(f);
            }
        });
        return found;
    }

    /** A valid unified social credit code, new for each run. */
    static String creditCode() {
        StringBuilder s = new StringBuilder("91371525MA3");
        for (int i = 0; i < 6; i++) {
            s.append(CreditCodes.CHARSET.charAt(ThreadLocalRandom.current().nextInt(CreditCodes.CHARSET.length())));
        }
        return s.toString() + CreditCodes.checkCharacter(s.toString());
    }
}
