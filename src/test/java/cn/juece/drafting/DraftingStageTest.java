package cn.juece.drafting;

import static cn.juece.LifecycleDriver.*;
import static cn.juece.support.EngineRestRefusal.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.support.StaffBrowser;

/**
 * Stage 3 (Art. 13-16): who drafts, the questions that decide the fair competition and trade policy reviews,
 * the initial legality review after hearing legal advisers and public lawyers, the optional cost-benefit
 * report, and the consultation of affected units with an unresolved disagreement going to the decision organ.
 */
class DraftingStageTest extends IntegrationTest {

    private String launched(String title) {
        var d = driver();
        String n = d.create(title);
        d.study(n);
        d.launch(n);
        return n;
    }

    private void draftMaterials(LifecycleDriver d, String n) {
        d.upload(LEAD, n, "DRAFT");
        d.upload(LEAD, n, "DRAFTING_EXPLANATION");
    }

    @Test
    void theDraftLeavesOnlyWithTheDrafterAndTheReviewQuestionsAnswered() {
        var d = driver();
        String n = launched("县城区公共停车场建设运营办法");
        draftMaterials(d, n);
        String task = d.task(n, "drafting-draft").get("id").asText();
        var noDrafter = as(LEAD).complete(task, "SUBMITTED", null);
        assertThat(noDrafter.getBody().get("code").asText()).isEqualTo("DRAFTER_NOT_RECORDED");
        assertThat(noDrafter.getBody().get("message").asText()).contains("第十三条");

        var commissionedWithoutName = as(LEAD).put("/api/decisions/" + n + "/drafting/drafter", Map.of("mode", "COMMISSIONED"));
        assertThat(commissionedWithoutName.getBody().get("code").asText()).isEqualTo("COMMISSIONED_ORG_REQUIRED");
        var commissioned = as(LEAD).put("/api/decisions/" + n + "/drafting/drafter",
                Map.of("mode", "COMMISSIONED", "organisation", "聊城市城市规划设计研究院"));
        assertThat(commissioned.getStatusCode().value()).isEqualTo(200);
        assertThat(d.auditDetails(n)).anyMatch(s -> s.equals("起草方式：委托有关专家或者专业机构起草，受委托方：聊城市城市规划设计研究院（第十三条）"));

        var noAnswers = as(LEAD).complete(task, "SUBMITTED", null);
        assertThat(noAnswers.getBody().get("code").asText()).isEqualTo("REVIEW_QUESTIONS_UNANSWERED");
        var rest = engineRest(LEAD, "/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("outcome", Map.of("value", "SUBMITTED", "type", "String"))));
        assertRefused(rest, "REVIEW_QUESTIONS_UNANSWERED", "是否涉及市场主体经济活动");
        var half = as(LEAD).put("/api/decisions/" + n + "/drafting/questions", Map.of("touchesMarket", true));
        assertThat(half.getBody().get("code").asText()).isEqualTo("REVIEW_QUESTIONS_UNANSWERED");

        // the dossier checklist lists the questions with their article before they are answered
        assertThat(as(LEAD).get("/api/decisions/" + n + "/checklist").getBody().toString())
                .contains("REVIEW_QUESTIONS_UNANSWERED", "第十四条", "DRAFTER_NOT_RECORDED");
        d.answerReviewQuestions(n, false, false);
        d.complete(LEAD, n, "drafting-draft", "fgj", "SUBMITTED", null);
        assertThat(d.openTaskKeys(n)).containsExactly("drafting-initial-review");
    }

    @Test
    void theInitialReviewPassesOnlyAfterHearingLegalAdvisersAndPublicLawyers() {
        var d = driver();
        String n = launched("县农村集体经营性建设用地入市办法");
        draftMaterials(d, n);
        d.drafter(n);
        d.answerReviewQuestions(n, false, false);
        d.complete(LEAD, n, "drafting-draft", "fgj", "SUBMITTED", null);
        d.upload(LEAD_LEGAL, n, "INITIAL_REVIEW_OPINION");
        String task = d.task(n, "drafting-initial-review").get("id").asText();

        var none = as(LEAD_LEGAL).complete(task, "PASSED", "初审通过");
        assertThat(none.getStatusCode().value()).isEqualTo(422);
        assertThat(none.getBody().get("code").asText()).isEqualTo("LEGAL_ADVISER_OPINION_MISSING");
        assertThat(none.getBody().get("message").asText()).isEqualTo(
                "合法性初审应当听取法律顾问的意见（第十四条）。请先在决策案卷的“草案拟定”中记录法律顾问的意见，再出具合法性初审意见书。");
        // only the legal office records what it heard
        var notLegal = as(LEAD).put("/api/decisions/" + n + "/drafting/legal-opinions/LEGAL_ADVISER", Map.of("opinion", "同意"));
        assertThat(notLegal.getStatusCode().value()).isEqualTo(403);
        assertThat(notLegal.getBody().get("code").asText()).isEqualTo("NOT_LEGAL_OFFICE");
        var empty = as(LEAD_LEGAL).put("/api/decisions/" + n + "/drafting/legal-opinions/LEGAL_ADVISER", Map.of("name", "赵律师"));
        assertThat(empty.getBody().get("code").asText()).isEqualTo("LEGAL_OPINION_REQUIRED");
        assertThat(as(LEAD_LEGAL).put("/api/decisions/" + n + "/drafting/legal-opinions/LEGAL_ADVISER",
                Map.of("name", "赵律师", "opinion", "第八条收费标准须经价格主管部门核定")).getStatusCode().value()).isEqualTo(200);

        var adviserOnly = as(LEAD_LEGAL).complete(task, "PASSED", "初审通过");
        assertThat(adviserOnly.getBody().get("code").asText()).isEqualTo("PUBLIC_LAWYER_OPINION_MISSING");
        var rest = engineRest(LEAD_LEGAL, "/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("outcome", Map.of("value", "PASSED", "type", "String"))));
        assertRefused(rest, "PUBLIC_LAWYER_OPINION_MISSING", "公职律师");
        assertThat(d.openTaskKeys(n)).containsExactly("drafting-initial-review");

        assertThat(as(LEAD_LEGAL).put("/api/decisions/" + n + "/drafting/legal-opinions/PUBLIC_LAWYER",
                Map.of("name", "钱律师", "opinion", "未发现违法内容")).getStatusCode().value()).isEqualTo(200);
        d.complete(LEAD_LEGAL, n, "drafting-initial-review", "fgj-legal", "PASSED", "初审通过");
        assertThat(d.auditDetails(n)).anyMatch(s -> s.equals("合法性初审听取法律顾问（赵律师）意见：第八条收费标准须经价格主管部门核定（第十四条）"));
    }

    @Test
    void theInitialReviewOpinionLetterIsRequiredToPass() {
        var d = driver();
        String n = launched("县城乡客运一体化方案");
        draftMaterials(d, n);
        d.drafter(n);
        d.answerReviewQuestions(n, false, false);
        d.complete(LEAD, n, "drafting-draft", "fgj", "SUBMITTED", null);
        d.hearLegalVoices(n);
        String task = d.task(n, "drafting-initial-review").get("id").asText();
        var r = as(LEAD_LEGAL).complete(task, "PASSED", null);
        assertThat(r.getBody().get("code").asText()).isEqualTo("MATERIAL_MISSING_INITIAL_REVIEW_OPINION");
        var rest = engineRest(LEAD_LEGAL, "/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("outcome", Map.of("value", "PASSED", "type", "String"))));
        assertRefused(rest, "MATERIAL_MISSING_INITIAL_REVIEW_OPINION", "合法性初审意见书");
    }

    @Test
    void draftingCannotEndWhileARequiredFairCompetitionOrTradeReviewIsMissing() {
        var d = driver();
        String n = launched("县招商引资优惠政策");
        draftMaterials(d, n);
        d.drafter(n);
        d.answerReviewQuestions(n, true, true);
        d.complete(LEAD, n, "drafting-draft", "fgj", "SUBMITTED", null);
        d.hearLegalVoices(n);
        d.upload(LEAD_LEGAL, n, "INITIAL_REVIEW_OPINION");
        d.complete(LEAD_LEGAL, n, "drafting-initial-review", "fgj-legal", "PASSED", "初审通过");
        d.arrange(n, "PARTICIPATION", true);
        d.arrange(n, "EXPERT", false);
        d.arrange(n, "RISK", false);
        String task = d.task(n, "drafting-arrangements").get("id").asText();

        var api = as(LEAD).complete(task, "CONFIRMED", null);
        assertThat(api.getStatusCode().value()).isEqualTo(422);
        assertThat(api.getBody().get("code").asText()).isEqualTo("FAIR_COMPETITION_REVIEW_MISSING");
        assertThat(api.getBody().get("message").asText()).isEqualTo(
                "决策草案涉及市场主体经济活动，应当进行公平竞争审查（第十四条）。请先上传《公平竞争审查材料》，再结束草案拟定。");
        var rest = engineRest(LEAD, "/engine-rest/task/" + task + "/complete",
                Map.of("variables", Map.of("outcome", Map.of("value", "CONFIRMED", "type", "String"))));
        assertRefused(rest, "FAIR_COMPETITION_REVIEW_MISSING", "应当进行公平竞争审查（第十四条）");
        var form = engineRest(LEAD, "/engine-rest/task/" + task + "/submit-form",
                Map.of("variables", Map.of("outcome", Map.of("value", "CONFIRMED", "type", "String"))));
        assertRefused(form, "FAIR_COMPETITION_REVIEW_MISSING", "应当进行公平竞争审查（第十四条）");

        // the checklist shows both reviews as missing, with the article
        JsonNode checklist = as(LEAD).get("/api/decisions/" + n + "/checklist").getBody();
        assertThat(met(checklist, "FAIR_COMPETITION_REVIEW_MISSING")).isFalse();
        assertThat(met(checklist, "TRADE_POLICY_REVIEW_MISSING")).isFalse();

        d.upload(LEAD, n, "FAIR_COMPETITION_REVIEW");
        var trade = as(LEAD).complete(task, "CONFIRMED", null);
        assertThat(trade.getBody().get("code").asText()).isEqualTo("TRADE_POLICY_REVIEW_MISSING");
        assertThat(trade.getBody().get("message").asText()).contains("贸易政策合规审查（第十四条）");
        d.upload(LEAD, n, "TRADE_POLICY_REVIEW");
        assertThat(met(as(LEAD).get("/api/decisions/" + n + "/checklist").getBody(), "FAIR_COMPETITION_REVIEW_MISSING")).isTrue();
        d.complete(LEAD, n, "drafting-arrangements", "fgj", "CONFIRMED", null);
        assertThat(d.stage(n)).isEqualTo("PARTICIPATION");

        // the dossier page's drafting checklist: what is present, missing or not required, with its article
        String page = new StaffBrowser(port, LEAD, PASSWORD).get("/decisions/" + n);
        assertThat(page).contains("草案拟定清单（第十三条至第十六条）", "《公平竞争审查材料》", "《贸易政策合规审查材料》",
                "法律顾问的意见", "可选");
    }

    @Test
    void aCostBenefitReportHasItsFourParts() {
        var d = driver();
        String n = launched("县城区集中供热管网扩建");
        var partial = as(LEAD).put("/api/decisions/" + n + "/drafting/cost-benefit",
                Map.of("basicInfo", "现有管网覆盖率68%，数据来源：县住建局2025年统计", "conclusion", "收益大于成本"));
        assertThat(partial.getStatusCode().value()).isEqualTo(400);
        assertThat(partial.getBody().get("code").asText()).isEqualTo("COST_BENEFIT_INCOMPLETE");
        assertThat(partial.getBody().get("message").asText()).contains("尚缺：分析预测方法和过程、结论对决策事项的影响（第十五条）");
        var ok = as(LEAD).put("/api/decisions/" + n + "/drafting/cost-benefit", Map.of(
                "basicInfo", "现有管网覆盖率68%，数据来源：县住建局2025年统计", "method", "成本收益法，测算期20年",
                "conclusion", "收益大于成本", "effect", "支持分两期建设"));
        assertThat(ok.getStatusCode().value()).isEqualTo(200);
        assertThat(ok.getBody().get("costEffect").asText()).isEqualTo("支持分两期建设");
        // a clerk of a unit with no role in the decision does not even see it (DECISIONS.md 23)
        var outsider = as("zjj_sun").put("/api/decisions/" + n + "/drafting/drafter", Map.of("mode", "SELF"));
        assertThat(outsider.getStatusCode().value()).isEqualTo(404);
        assertThat(outsider.getBody().get("code").asText()).isEqualTo("DECISION_NOT_FOUND");
    }

    @Test
    void eachConsultedUnitAnswersAndAnUnresolvedDisagreementGoesToTheDecisionOrgan() {
        var d = driver();
        String n = launched("县城区农贸市场布局规划");
        draftMaterials(d, n);
        d.drafter(n);
        d.answerReviewQuestions(n, false, false);
        var self = as(LEAD).put("/api/decisions/" + n + "/drafting/consultation", Map.of("units", List.of("fgj")));
        assertThat(self.getBody().get("code").asText()).isEqualTo("CONSULTED_UNITS_INVALID");
        String task = d.task(n, "drafting-draft").get("id").asText();
        var noUnits = as(LEAD).complete(task, "CONSULT", null);
        assertThat(noUnits.getBody().get("code").asText()).isEqualTo("CONSULTED_UNITS_MISSING");
        assertThat(as(LEAD).put("/api/decisions/" + n + "/drafting/consultation", Map.of("units", List.of("zjj", "qqjd")))
                .getStatusCode().value()).isEqualTo(200);
        var skip = as(LEAD).complete(task, "SUBMITTED", null);
        assertThat(skip.getBody().get("code").asText()).isEqualTo("CONSULTATION_NOT_DONE");
        d.complete(LEAD, n, "drafting-draft", "fgj", "CONSULT", null);

        // one task per consulted unit, offered to that unit
        List<JsonNode> consults = new ArrayList<>();
        as(LEAD).get("/api/decisions/" + n + "/tasks").getBody().forEach(t -> {
            if (t.get("taskKey").asText().equals("drafting-consult")) {
                consults.add(t);
            }
        });
        assertThat(consults).hasSize(2);
        assertThat(consults.stream().map(t -> t.get("candidateGroups").get(0).asText()).toList()).containsExactlyInAnyOrder("zjj", "qqjd");
        String zjjTask = consults.stream().filter(t -> t.get("candidateGroups").get(0).asText().equals("zjj")).findFirst().orElseThrow().get("id").asText();
        String qqjdTask = consults.stream().filter(t -> t.get("candidateGroups").get(0).asText().equals("qqjd")).findFirst().orElseThrow().get("id").asText();
        assertThat(as("zjj_sun").complete(qqjdTask, "AGREE", null).getStatusCode().value()).isEqualTo(403);
        assertThat(as("zjj_sun").complete(zjjTask, "AGREE", null).getStatusCode().value()).isEqualTo(200);
        var noOpinion = as("qqjd_lin").complete(qqjdTask, "DISAGREE", null);
        assertThat(noOpinion.getBody().get("code").asText()).isEqualTo("REASON_REQUIRED");
        var rest = engineRest("qqjd_lin", "/engine-rest/task/" + qqjdTask + "/complete",
                Map.of("variables", Map.of("outcome", Map.of("value", "DISAGREE", "type", "String"))));
        assertRefused(rest, "REASON_REQUIRED", "第十六条");
        assertThat(as("qqjd_lin").complete(qqjdTask, "DISAGREE", "新市场选址占用街道规划的社区公园用地").getStatusCode().value()).isEqualTo(200);

        // the lead unit studies the answers: a disagreement remains
        String summary = d.task(n, "drafting-consult-summary").get("id").asText();
        var agreed = as(LEAD).complete(summary, "AGREED", null);
        assertThat(agreed.getBody().get("code").asText()).isEqualTo("CONSULTATION_DISAGREEMENT_UNRESOLVED");
        var noPosition = as(LEAD).complete(summary, "DISPUTED", null);
        assertThat(noPosition.getBody().get("code").asText()).isEqualTo("CONSULTATION_POSITION_MISSING");
        assertThat(as(LEAD).put("/api/decisions/" + n + "/drafting/consultation/zjj/position", Map.of("position", "x"))
                .getBody().get("code").asText()).isEqualTo("NO_DISAGREEMENT");
        assertThat(as(LEAD).put("/api/decisions/" + n + "/drafting/consultation/qqjd/position",
                Map.of("position", "社区公园用地已在国土空间规划中调出，选址符合规划", "settled", false)).getStatusCode().value()).isEqualTo(200);
        d.complete(LEAD, n, "drafting-consult-summary", "fgj", "DISPUTED", null);

        // the decision organ sees each side's position and reasons, and sends it to a county leader
        JsonNode drafting = as(ORGAN).get("/api/decisions/" + n + "/drafting").getBody();
        JsonNode qqjd = null;
        for (JsonNode a : drafting.get("consultation")) {
            if (a.get("unitCode").asText().equals("qqjd")) {
                qqjd = a;
            }
        }
        assertThat(qqjd.get("answer").asText()).isEqualTo("DISAGREE");
        assertThat(qqjd.get("opinion").asText()).isEqualTo("新市场选址占用街道规划的社区公园用地");
        assertThat(qqjd.get("leadPosition").asText()).isEqualTo("社区公园用地已在国土空间规划中调出，选址符合规划");
        String page = new StaffBrowser(port, ORGAN, PASSWORD).get("/decisions/" + n);
        assertThat(page).contains("新市场选址占用街道规划的社区公园用地", "社区公园用地已在国土空间规划中调出，选址符合规划", "未取得一致");

        d.complete(ORGAN, n, "drafting-disagreement", "gx-organ", "REFER_LEADER", "请赵文静副县长协调");
        d.complete("fxz_zhao", n, "drafting-coordination", "gx-members", "COORDINATED", "经协调，清泉街道同意选址，另行规划社区公园");
        assertThat(d.openTaskKeys(n)).containsExactly("drafting-initial-review");
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("办理“决策机关有关负责人协调不同意见”，结果：已协调，记录协调结果；理由：经协调，清泉街道同意选址"));
    }

    @Test
    void aDisagreementSettledByConsultationNeedsNoCoordination() {
        var d = driver();
        String n = launched("县城区道路命名方案");
        draftMaterials(d, n);
        d.drafter(n);
        d.answerReviewQuestions(n, false, false);
        as(LEAD).put("/api/decisions/" + n + "/drafting/consultation", Map.of("units", List.of("qqjd")));
        d.complete(LEAD, n, "drafting-draft", "fgj", "CONSULT", null);
        d.complete("qqjd_lin", n, "drafting-consult", "qqjd", "DISAGREE", "建议保留“清泉路”历史地名");
        as(LEAD).put("/api/decisions/" + n + "/drafting/consultation/qqjd/position",
                Map.of("position", "已采纳，保留清泉路地名", "settled", true));
        var disputed = as(LEAD).complete(d.task(n, "drafting-consult-summary").get("id").asText(), "DISPUTED", null);
        assertThat(disputed.getBody().get("code").asText()).isEqualTo("CONSULTATION_NO_DISAGREEMENT");
        d.complete(LEAD, n, "drafting-consult-summary", "fgj", "AGREED", null);
        assertThat(d.openTaskKeys(n)).containsExactly("drafting-initial-review");
    }

    private static boolean met(JsonNode checklist, String code) {
        for (JsonNode c : checklist) {
            if (c.get("code").asText().equals(code)) {
                return c.get("met").asBoolean();
            }
        }
        throw new AssertionError("no checklist item " + code + " in " + checklist);
    }

    private ResponseEntity<JsonNode> engineRest(String user, String path, Object body) {
        return as(user).post(path, body);
    }
}
