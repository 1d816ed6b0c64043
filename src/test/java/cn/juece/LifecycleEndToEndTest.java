package cn.juece;

import static cn.juece.LifecycleDriver.*;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Whole decisions driven through /api as the demo organisation's people: stage, responsible group and
 * audit trail at each step, and the branches of the rule (Art. 3, 11, 45, 50).
 */
class LifecycleEndToEndTest extends IntegrationTest {

    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;

    @Test
    void aDecisionGoesFromProposalToTheArchive() {
        var d = driver();
        String n = d.create("城区集中供热价格调整方案");
        assertThat(n).matches("GX-\\d{4}-\\d{4}");
        assertThat(d.stage(n)).isEqualTo("PROPOSAL");
        assertThat(d.openTaskKeys(n)).containsExactly("proposal-study");
        // the decision number is the process instance's business key
        var pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(n)
                .processDefinitionKey("decision-lifecycle").singleResult();
        assertThat(pi).isNotNull();

        d.study(n);                                       // Art. 3, 11
        assertThat(d.stage(n)).isEqualTo("LAUNCH");
        d.launch(n);                                      // Art. 11, 12
        assertThat(d.stage(n)).isEqualTo("DRAFTING");
        d.draft(n, true, true, true);                     // Art. 13-16
        // stages 4-6 run in parallel (DECISIONS.md 3)
        assertThat(d.openTaskKeys(n)).containsExactlyInAnyOrder("participation-conduct", "expert-conduct", "risk-assess");
        d.participate(n);
        d.expertReview(n);
        assertThat(d.openTaskKeys(n)).containsExactly("risk-assess");
        d.assessRisk(n);
        assertThat(d.stage(n)).isEqualTo("LEGALITY");
        d.submitForLegality(n);                           // Art. 42
        d.review(n, "PASSED", null);                      // Art. 45
        assertThat(d.stage(n)).isEqualTo("MEETING");
        d.meeting(n, "APPROVED");                         // Art. 50
        assertThat(d.stage(n)).isEqualTo("PUBLICATION");
        d.publish(n);                                     // Art. 52
        assertThat(d.stage(n)).isEqualTo("EXECUTION");
        d.execute(n);                                     // Art. 53-54
        assertThat(d.stage(n)).isEqualTo("EVALUATION");
        d.skipEvaluation(n);                              // Art. 56: optional
        assertThat(d.stage(n)).isEqualTo("ARCHIVE");
        d.archive(n);                                     // Art. 59

        assertThat(d.status(n)).isEqualTo("ARCHIVED");
        assertThat(d.openTaskKeys(n)).isEmpty();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).finished().count()).isEqualTo(1);

        var actions = d.auditActions(n);
        assertThat(actions.get(0)).isEqualTo("DECISION_CREATED");
        assertThat(actions).contains("MATERIAL_UPLOADED", "ARRANGEMENT_RECORDED", "STAGE_ENTERED", "TASK_COMPLETED");
        assertThat(actions.get(actions.size() - 1)).isEqualTo("PROCEDURE_ENDED");
        var details = d.auditDetails(n);
        assertThat(details).anyMatch(s -> s.contains("办理“决定是否启动决策程序”，结果：启动决策程序；理由：县政府第12次常务会议决定启动"));
        assertThat(details).anyMatch(s -> s.contains("办理“常务会议（全体会议）讨论决定”，结果：同意"));
        assertThat(details).anyMatch(s -> s.equals("决策程序结束：已归档（第五十九条）"));
        assertThat(details.stream().filter(s -> s.startsWith("进入第")).toList()).containsExactly(
                "进入第1阶段：决策事项建议研究论证", "进入第2阶段：决策启动", "进入第3阶段：草案拟定",
                "进入第4阶段：公众参与", "进入第5阶段：专家论证", "进入第6阶段：风险评估", "进入第7阶段：合法性审查",
                "进入第8阶段：集体讨论决定", "进入第9阶段：决策公布", "进入第10阶段：决策执行",
                "进入第11阶段：决策后评估", "进入第12阶段：归档");
        // who acted, in which unit: the launch by the decision organ's clerk of the government office
        var launch = d.as(LEAD).get("/api/decisions/" + n + "/audit").getBody();
        boolean found = false;
        for (var e : launch) {
            if (e.get("detail").asText().contains("决定是否启动决策程序")) {
                assertThat(e.get("actorId").asText()).isEqualTo(ORGAN);
                assertThat(e.get("actorUnit").asText()).isEqualTo("县政府办公室");
                assertThat(e.get("actorRoles").asText()).contains("决策机关");
                found = true;
            }
        }
        assertThat(found).isTrue();
    }

    @Test
    void aMatterOutsideArticle3EndsAfterTheJusticeBureauConfirmsAndIsArchived() {
        var d = driver();
        String n = d.create("县财政年度预算调整（宏观调控）");
        d.upload(LEAD, n, "STUDY_REPORT");
        d.complete(LEAD, n, "proposal-study", "fgj", "OUT_OF_SCOPE", "属于财政政策等宏观调控决策，依第三条不适用本规定");
        d.complete(JUSTICE, n, "proposal-scope-confirm", "sfj", "CONFIRMED", "同意，不适用本规定");
        // the ending is kept, and the matter goes to the archive (Art. 59)
        assertThat(d.status(n)).isEqualTo("OUT_OF_SCOPE");
        assertThat(d.stage(n)).isEqualTo("ARCHIVE");
        assertThat(d.openTaskKeys(n)).containsExactly("archive-file");
        assertThat(d.auditDetails(n)).contains("决策程序结束：不适用本规定（第三条），转入归档（第五十九条）");
        d.archive(n);
        assertThat(d.status(n)).isEqualTo("ARCHIVED");
        assertThat(d.decision(n).get("outcome").get("code").asText()).isEqualTo("OUT_OF_SCOPE");
        assertThat(d.decision(n).get("outcome").get("label").asText()).isEqualTo("不适用本规定（第三条）");
        assertThat(d.openTaskKeys(n)).isEmpty();
    }

    @Test
    void theJusticeBureauMayReturnAnOutOfScopeFindingForStudy() {
        var d = driver();
        String n = d.create("老旧小区改造（范围存疑）");
        d.complete(LEAD, n, "proposal-study", "fgj", "OUT_OF_SCOPE", "认为属于政府内部事务");
        d.complete(JUSTICE, n, "proposal-scope-confirm", "sfj", "RETURNED", "涉及群众切身利益，属于第三条第七项");
        assertThat(d.openTaskKeys(n)).containsExactly("proposal-study");
        assertThat(d.status(n)).isEqualTo("IN_PROGRESS");
    }

    @Test
    void theDecisionOrganMayDeclineToLaunch() {
        var d = driver();
        String n = d.create("县城夜间经济街区建设");
        d.study(n);
        d.complete(ORGAN, n, "launch-decide", "gx-organ", "DECLINE", "条件尚不成熟，县长批示暂缓");
        assertThat(d.status(n)).isEqualTo("NOT_LAUNCHED");
        assertThat(d.openTaskKeys(n)).containsExactly("archive-file");
        d.archive(n);
        assertThat(d.status(n)).isEqualTo("ARCHIVED");
        assertThat(d.decision(n).get("outcome").get("code").asText()).isEqualTo("NOT_LAUNCHED");
    }

    @Test
    void legalityReviewReturnsForAMissingProcedureAndForRedrafting() {
        var d = driver();
        String n = d.create("农村生活污水治理专项规划");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        d.participate(n);
        d.submitForLegality(n);
        // Art. 45 (二): expert review missing → back to that stage, then a new review
        d.review(n, "MISSING_EXPERT", "专业性较强，应当组织专家论证");
        assertThat(d.openTaskKeys(n)).containsExactly("expert-conduct");
        assertThat(d.stage(n)).isEqualTo("EXPERT");
        d.expertReview(n);
        assertThat(d.stage(n)).isEqualTo("LEGALITY");
        // the second submission is a new one (DECISIONS.md 24): the first round's request no longer counts
        var stale = d.as(LEAD).complete(d.task(n, "legality-submit").get("id").asText(), "SUBMITTED", null);
        assertThat(stale.getStatusCode().value()).isEqualTo(422);
        assertThat(stale.getBody().get("code").asText()).isEqualTo("LEGALITY_SUBMISSION_INCOMPLETE");
        assertThat(stale.getBody().get("message").asText()).contains("本轮办理需要新的《合法性审查送审请示》", "第1版已在上一轮使用");
        d.upload(LEAD, n, "LEGALITY_REQUEST");
        d.attest(n);
        d.complete(LEAD, n, "legality-submit", "fgj", "SUBMITTED", null);
        // Art. 45 (一): main content illegal → the decision organ orders redrafting
        d.review(n, "ILLEGAL", null);
        d.complete(ORGAN, n, "legality-disposition", "gx-organ", "REDRAFT", "责令重新拟定草案");
        assertThat(d.stage(n)).isEqualTo("DRAFTING");
        assertThat(d.openTaskKeys(n)).containsExactly("drafting-draft");
    }

    @Test
    void provisionsFoundIllegalAreRevisedWithAWrittenExplanationBeforeTheMeeting() {
        var d = driver();
        String n = d.create("县域公共充电设施布局规划");
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, false);
        d.submitForLegality(n);
        d.review(n, "PROVISIONS_ILLEGAL", "第八条设定的收费标准缺乏依据");
        String revise = d.task(n, "legality-revise").get("id").asText();
        // Art. 47: each suggestion answered first
        var undecided = d.as(LEAD).complete(revise, "REVISED", null);
        assertThat(undecided.getBody().get("code").asText()).isEqualTo("ADOPTION_NOT_DECIDED");
        long suggestion = d.as(LEAD).get("/api/decisions/" + n + "/legality").getBody().get("latestSuggestions").get(0).get("id").asLong();
        var bare = d.as(LEAD).put("/api/decisions/" + n + "/legality/suggestions/" + suggestion + "/adoption", java.util.Map.of("adoption", "NOT_ADOPTED"));
        assertThat(bare.getBody().get("code").asText()).isEqualTo("ADOPTION_EXPLANATION_REQUIRED");
        var notAdopted = d.as(LEAD).put("/api/decisions/" + n + "/legality/suggestions/" + suggestion + "/adoption",
                java.util.Map.of("adoption", "NOT_ADOPTED", "explanation", "收费标准已由县发展改革局依《价格法》第二十条核定，依据充分"));
        assertThat(notAdopted.getStatusCode().value()).isEqualTo(200);
        // a suggestion not adopted needs the written explanation to the decision organ
        var refused = d.as(LEAD).complete(revise, "REVISED", null);
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("MATERIAL_MISSING_REVISION_EXPLANATION");
        assertThat(refused.getBody().get("message").asText()).contains("未采纳合法性审查意见的书面说明", "第四十七条");
        d.upload(LEAD, n, "REVISION_EXPLANATION");
        d.complete(LEAD, n, "legality-revise", "fgj", "REVISED", null);
        assertThat(d.stage(n)).isEqualTo("MEETING");
    }

    @Test
    void disagreementAtTheMeetingEndsTheMatterAndArchivesIt() {
        var d = driver();
        String n = d.create("县城区禁止燃放烟花爆竹规定");
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, false);
        d.submitForLegality(n);
        d.review(n, "PASSED", null);
        d.meeting(n, "REJECTED");                         // 不同意 (Art. 50) → archived (DECISIONS.md 5)
        assertThat(d.stage(n)).isEqualTo("ARCHIVE");
        assertThat(d.status(n)).isEqualTo("REJECTED");
        assertThat(d.openTaskKeys(n)).containsExactly("archive-file");
        d.archive(n);
        assertThat(d.status(n)).isEqualTo("ARCHIVED");
        assertThat(d.decision(n).get("outcome").get("label").asText()).isEqualTo("不同意（第五十条）");
    }

    @Test
    void approvalInPrincipleAsksForARevisionBeforePublication() {
        var d = driver();
        String n = d.create("义务教育学校划片招生方案");
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, false);
        d.submitForLegality(n);
        d.review(n, "PASSED", null);
        d.meeting(n, "APPROVED_IN_PRINCIPLE");
        d.complete(LEAD, n, "meeting-revise", "fgj", "REVISED", "已按会议意见修改第三条");
        assertThat(d.stage(n)).isEqualTo("PUBLICATION");
    }
}
