package cn.juece.dossier;

import static cn.juece.LifecycleDriver.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.support.StaffBrowser;

/**
 * Every fact the law turns on is a row (DECISIONS.md 25): a decision driven through every stage, with a return
 * of its Art. 3 finding, a risk re-assessment (Art. 40) and a legality review returned for a missing procedure
 * (Art. 45 (二)), keeps each fact with its round, who and when; and the portal, supervision and the dossier
 * read those rows, not audit text.
 */
class DossierFactsTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDecisionDrivenThroughTheLifecycleKeepsEveryFactWithItsRound() {
        var d = driver();
        String n = d.create("县域公交线网优化方案（决策事实）");
        // Art. 3: found out of scope, returned by the justice bureau, then found in scope with its category
        d.complete(LEAD, n, "proposal-study", "fgj", "OUT_OF_SCOPE", "认为属于政府内部事务管理");
        d.complete(JUSTICE, n, "proposal-scope-confirm", "sfj", "RETURNED", "涉及群众切身利益，属于第三条第七项");
        d.study(n);
        d.launch(n);                                                    // Art. 11
        d.draft(n, false, false, true);
        // Art. 38, 40: a high risk found uncontrollable, the draft adjusted, re-assessed as low (round 2)
        d.assessor(n, Map.of("mode", "SELF"));
        d.riskRecords(n, LEAD, "HIGH");
        d.upload(LEAD, n, "RISK_REPORT");
        d.complete(LEAD, n, "risk-assess", "fgj", "HIGH", "线路撤并可能引发群众不满");
        d.complete(ORGAN, n, "risk-finding", "gx-organ", "UNCONTROLLABLE", "防范措施不足，风险不可控");
        d.adjustDraft(n, "保留两条低客流线路，延长过渡期");
        d.riskRecords(n, LEAD, "LOW");
        d.upload(LEAD, n, "RISK_REPORT");
        d.complete(LEAD, n, "risk-assess", "fgj", "LOW", null);
        d.complete(ORGAN, n, "risk-finding", "gx-organ", "CONTROLLABLE", null);
        // Art. 45 (二): returned for a missing expert review, then passed (round 2)
        d.submitForLegality(n);
        d.review(n, "MISSING_EXPERT", "专业性较强，应当组织专家论证");
        d.expertReview(n);
        d.upload(LEAD, n, "LEGALITY_REQUEST");                           // a new submission (DECISIONS.md 24)
        d.attest(n);
        d.complete(LEAD, n, "legality-submit", "fgj", "SUBMITTED", null);
        d.review(n, "PASSED", null);
        d.meeting(n, "APPROVED_IN_PRINCIPLE");                          // Art. 50
        d.complete(LEAD, n, "meeting-revise", "fgj", "REVISED", "已按会议意见修改第三条");
        d.publish(n);                                                   // Art. 52
        // Art. 53-55: the work divided, a period reported, a problem reported and studied, execution suspended by the
        // head and resumed by the organ at its meeting, losses limited, then the unit's task done
        d.assignExecution(n, "QUARTERLY", LifecycleDriver.localToday().plusMonths(1), "fgj");
        d.report(LEAD, n, "第一季度完成线路调整方案并公示", false);
        d.incident(LEAD, n, "PROBLEM", "部分线路客流不足");
        d.complete(ORGAN, n, "execution-adjust", "gx-organ", "CONTINUE", "第五十五条：问题可在执行中解决，继续执行");
        d.suspend(n, "道路施工致两条线路无法运行，情况紧急");
        d.measure(LEAD, n, "临时开通接驳公交，发布绕行公告");
        String resumedAt = d.decideOnExecution(n, "RESUME", "CIRCUMSTANCES_CHANGED", "道路施工已结束，线路恢复运行条件").get("meetingName").asText();
        d.upload(LEAD, n, "EXECUTION_REPORT");
        d.report(LEAD, n, "线网优化全部完成", true);
        // Art. 56, 57
        d.evaluate(n, "CONTINUE");
        d.complete(ORGAN, n, "evaluation-resolve", "gx-organ", "CONTINUE", "县政府第20次常务会议研究，继续执行");
        d.archive(n);                                                   // Art. 59
        assertThat(d.status(n)).isEqualTo("ARCHIVED");

        JsonNode facts = d.as(LEAD).get("/api/decisions/" + n + "/facts").getBody();
        var scope = kind(facts, "SCOPE_FINDING");
        assertThat(scope).hasSize(2);
        assertFact(scope.get(0), "proposal-study", 1, "OUT_OF_SCOPE", "认为属于政府内部事务管理", LEAD, "fgj");
        assertThat(scope.get(0).get("data").has("category")).isFalse();
        assertFact(scope.get(1), "proposal-study", 2, "IN_SCOPE", "属于第三条第一项所列事项", LEAD, "fgj");
        assertThat(scope.get(1).get("data").get("category").asText()).isEqualTo("ART3_1");
        assertThat(scope.get(1).get("detail").asText()).contains("第三条");
        var confirmation = kind(facts, "SCOPE_CONFIRMATION");
        assertThat(confirmation).hasSize(1);
        assertFact(confirmation.get(0), "proposal-scope-confirm", 1, "RETURNED", "涉及群众切身利益，属于第三条第七项", JUSTICE, "sfj");
        assertThat(confirmation.get(0).get("actedByName").asText()).isEqualTo("刘思远");

        var launch = kind(facts, "LAUNCH_DECISION");
        assertThat(launch).hasSize(1);
        assertFact(launch.get(0), "launch-decide", 1, "LAUNCH", "县政府第12次常务会议决定启动", ORGAN, "gx-organ");
        assertThat(launch.get(0).get("outcomeLabel").asText()).isEqualTo("启动决策程序");

        var levels = kind(facts, "RISK_ASSESSMENT");
        assertThat(levels).hasSize(2);
        assertFact(levels.get(0), "risk-assess", 1, "HIGH", "线路撤并可能引发群众不满", LEAD, "fgj");
        assertFact(levels.get(1), "risk-assess", 2, "LOW", null, LEAD, "fgj");
        assertThat(levels.get(1).get("outcomeLabel").asText()).isEqualTo("低风险");
        // each assessment keeps the report version in force when it was made
        assertThat(levels.get(0).get("detail").asText()).isEqualTo("《风险评估报告》第1版");
        assertThat(levels.get(1).get("detail").asText()).isEqualTo("《风险评估报告》第2版");
        assertThat(levels.get(1).get("data").get("reportVersionId").asLong())
                .isGreaterThan(levels.get(0).get("data").get("reportVersionId").asLong());
        var findings = kind(facts, "RISK_FINDING");
        assertThat(findings).hasSize(2);
        assertFact(findings.get(0), "risk-finding", 1, "UNCONTROLLABLE", "防范措施不足，风险不可控", ORGAN, "gx-organ");
        assertFact(findings.get(1), "risk-finding", 2, "CONTROLLABLE", null, ORGAN, "gx-organ");
        // the finding of round 2 rests on the assessment of round 2
        assertThat(ids("SELECT f.round FROM juece.risk_finding f JOIN juece.risk_assessment a ON a.id = f.assessment_id"
                + " WHERE f.decision_id = " + idOf(n) + " AND a.round = f.round ORDER BY f.id")).containsExactly(1L, 2L);

        var conclusions = kind(facts, "LEGALITY_CONCLUSION");
        assertThat(conclusions).hasSize(2);
        assertFact(conclusions.get(0), "legality-review", 1, "MISSING_EXPERT", "专业性较强，应当组织专家论证", JUSTICE, "sfj");
        assertThat(conclusions.get(0).get("data").has("opinionVersionId")).isFalse();
        assertFact(conclusions.get(1), "legality-review", 2, "PASSED", null, JUSTICE, "sfj");
        assertThat(conclusions.get(1).get("detail").asText()).isEqualTo("《合法性审查意见书（PDF）》第1版");
        assertThat(kind(facts, "LEGALITY_DISPOSITION")).isEmpty();

        var meeting = kind(facts, "MEETING_DECISION");
        assertThat(meeting).hasSize(1);
        assertFact(meeting.get(0), "meeting-decide", 1, "APPROVED_IN_PRINCIPLE", "县政府第15次常务会议", HEAD, "gx-head");
        assertThat(meeting.get(0).get("outcomeLabel").asText()).isEqualTo("原则同意");
        assertThat(meeting.get(0).get("data").get("decidedOn").asText())
                .isEqualTo(meeting.get(0).get("actedAt").asText().substring(0, 10));
        assertThat(meeting.get(0).get("detail").asText()).isEqualTo("《会议纪要（PDF）》第1版");
        assertFact(kind(facts, "MEETING_REVISION").get(0), "meeting-revise", 1, "REVISED", "已按会议意见修改第三条", LEAD, "fgj");

        assertFact(kind(facts, "DECISION_ISSUANCE").get(0), "publication-party-report", 1, "ISSUED", null, OFFICE, "bgs");
        assertThat(kind(facts, "DECISION_ISSUANCE").get(0).get("detail").asText()).isEqualTo("《决策文件》第1版");
        var publication = kind(facts, "DECISION_PUBLICATION");
        assertFact(publication.get(0), "publication-publish", 1, "PUBLISHED", "县政府网站、县政府公报", OFFICE, "bgs");
        assertThat(publication.get(0).get("data").get("how").asText()).isEqualTo("县政府公报（《冠县人民政府公报》2026年第6期）、县政府网站、政务新媒体（冠县发布）");
        assertFact(kind(facts, "FEEDBACK_PUBLICATION").get(0), "publication-feedback", 1, "PUBLISHED", "县政府网站决策公开专栏", LEAD, "fgj");

        assertThat(kind(facts, "EXECUTION_UNIT").get(0).get("detail").asText()).startsWith("县发展和改革局：");
        var reports = kind(facts, "EXECUTION_REPORT");
        assertThat(reports).hasSize(2);
        assertFact(reports.get(0), "execution-report", 1, "REPORTED", null, LEAD, "fgj");
        assertThat(reports.get(0).get("data").has("reportVersionId")).isFalse();
        assertThat(reports.get(0).get("detail").asText()).contains("县发展和改革局第1期", "按期报告", "第一季度完成线路调整方案并公示");
        assertFact(reports.get(1), "execution-report", 2, "COMPLETED", null, LEAD, "fgj");
        assertThat(reports.get(1).get("detail").asText()).contains("线网优化全部完成", "《决策执行情况报告》第1版");
        assertThat(kind(facts, "EXECUTION_INCIDENT").get(0).get("detail").asText()).isEqualTo("部分线路客流不足");
        assertThat(kind(facts, "EXECUTION_SUSPENSION").get(0).get("actedBy").asText()).isEqualTo(HEAD);
        assertThat(kind(facts, "EXECUTION_MEASURE").get(0).get("detail").asText()).isEqualTo("临时开通接驳公交，发布绕行公告");
        var changes = kind(facts, "EXECUTION_ADJUSTMENT");
        assertThat(changes).hasSize(2);
        assertFact(changes.get(0), "execution-adjust", 1, "CONTINUE", "第五十五条：问题可在执行中解决，继续执行", ORGAN, "gx-organ");
        assertFact(changes.get(1), "execution-suspended", 1, "RESUME", resumedAt + "研究决定恢复执行", ORGAN, "gx-organ");
        assertThat(changes.get(1).get("detail").asText()).contains("客观情况发生重大变化", "道路施工已结束", LifecycleDriver.MEETING);

        assertFact(kind(facts, "EVALUATION_DECISION").get(0), "evaluation-decide", 1, "EVALUATE", "由县发展和改革局开展后评估", ORGAN, "gx-organ");
        assertThat(kind(facts, "EVALUATION_DECISION").get(0).get("detail").asText()).isEqualTo("承担评估具体工作的单位：县发展和改革局");
        assertThat(kind(facts, "EVALUATION_REPORT").get(0).get("detail").asText()).contains("决策实施的成本效益分析", "建议：继续执行");
        var resolution = kind(facts, "EVALUATION_RESOLUTION").get(0);
        assertFact(resolution, "evaluation-resolve", 1, "CONTINUE", "县政府第20次常务会议研究，继续执行", ORGAN, "gx-organ");
        assertThat(resolution.get("detail").asText()).isEqualTo("《决策后评估报告》第1版");

        var archive = kind(facts, "ARCHIVE_NUMBER");
        assertThat(archive).hasSize(1);
        assertFact(archive.get(0), "archive-file", 1, "ARCHIVED", "案卷材料已整理归档", OFFICE, "bgs");
        assertThat(archive.get(0).get("data").get("archiveNumber").asText()).isEqualTo(LifecycleDriver.archiveNumber(n));

        // in the order they were recorded, from the study to the archive
        assertThat(facts.get(0).get("kind").asText()).isEqualTo("SCOPE_FINDING");
        assertThat(facts.get(facts.size() - 1).get("kind").asText()).isEqualTo("ARCHIVE_NUMBER");
        // the rounds are the tables' own
        assertThat(ids("SELECT round FROM juece.risk_assessment WHERE decision_id = " + idOf(n) + " ORDER BY id")).containsExactly(1L, 2L);
        assertThat(ids("SELECT round FROM juece.legality_conclusion WHERE decision_id = " + idOf(n) + " ORDER BY id")).containsExactly(1L, 2L);
        assertThat(ids("SELECT round FROM juece.scope_finding WHERE decision_id = " + idOf(n) + " ORDER BY id")).containsExactly(1L, 2L);

        // the dossier's 决策事实 section lists them with round, who and when
        String page = new StaffBrowser(port, LEAD, PASSWORD).get("/decisions/" + n);
        assertThat(page).contains("决策事实", "风险等级", "高风险", "低风险", "第2轮", "原则同意", "《风险评估报告》第2版",
                "合法性审查结论", "档案号：" + LifecycleDriver.archiveNumber(n), "（县政府办公室）", "（冠县人民政府（决策机关））");
    }

    @Test
    void aDraftFoundIllegalIsTerminatedByTheDecisionOrganAndBothAreRows() {
        var d = driver();
        String n = d.create("县城区户外广告设置规定（决策事实）");
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, false);
        d.submitForLegality(n);
        d.review(n, "ILLEGAL", "超越县级人民政府的法定权限");           // Art. 45 (一)
        d.complete(ORGAN, n, "legality-disposition", "gx-organ", "TERMINATE", "县政府第16次常务会议决定终止");
        assertThat(d.status(n)).isEqualTo("TERMINATED");
        assertThat(d.openTaskKeys(n)).containsExactly("archive-file");     // ended, then archived (Art. 59)

        JsonNode facts = d.as(LEAD).get("/api/decisions/" + n + "/facts").getBody();
        var conclusion = kind(facts, "LEGALITY_CONCLUSION").get(0);
        assertFact(conclusion, "legality-review", 1, "ILLEGAL", "超越县级人民政府的法定权限", JUSTICE, "sfj");
        assertThat(conclusion.get("data").get("opinionVersionId").asLong()).isPositive();
        var disposition = kind(facts, "LEGALITY_DISPOSITION");
        assertThat(disposition).hasSize(1);
        assertFact(disposition.get(0), "legality-disposition", 1, "TERMINATE", "县政府第16次常务会议决定终止", ORGAN, "gx-organ");
        assertThat(ids("SELECT x.id FROM juece.legality_disposition x JOIN juece.legality_conclusion c ON c.id = x.conclusion_id"
                + " WHERE x.decision_id = " + idOf(n) + " AND c.outcome = 'ILLEGAL'")).hasSize(1);
        // a refused step writes no fact: the meeting was never reached
        assertThat(kind(facts, "MEETING_DECISION")).isEmpty();
    }

    @Test
    void thePortalSupervisionAndTheDossierReadTheFactsNotTheAuditText() throws Exception {
        var justice = as(JUSTICE);
        String key = justice.post("/api/catalogues", Map.of("year", 2063)).getBody().get("key").asText();
        var added = justice.post("/api/catalogues/" + key + "/items", new HashMap<>(Map.of("name", "县城区公共停车场收费调整（决策事实）",
                "leadUnit", "fgj", "legalBasis", "《价格法》", "plannedTime", "第三季度", "hearingPlanned", false,
                "enterpriseRelated", false)));
        assertThat(added.getStatusCode().is2xxSuccessful()).as(String.valueOf(added.getBody())).isTrue();
        long itemId = added.getBody().get("id").asLong();
        publishCatalogue(key);
        var registered = as(ORGAN).post("/api/catalogues/" + key + "/items/" + itemId + "/decision", Map.of());
        assertThat(registered.getStatusCode().is2xxSuccessful()).as(String.valueOf(registered.getBody())).isTrue();
        String n = registered.getBody().get("number").asText();
        var d = driver();
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, true);
        d.assessor(n, Map.of("mode", "SELF"));
        d.riskRecords(n, LEAD, "MEDIUM");
        d.upload(LEAD, n, "RISK_REPORT");
        d.complete(LEAD, n, "risk-assess", "fgj", "MEDIUM", "少数车主可能有意见");
        d.complete(ORGAN, n, "risk-finding", "gx-organ", "CONTROLLABLE", null);
        d.submitForLegality(n);
        d.review(n, "PASSED", null);
        d.meeting(n, "APPROVED");
        d.publish(n);
        d.execute(n);
        d.skipEvaluation(n);
        d.archive(n);

        // the audit text is changed behind the application's back (only this decision's entries; with the owner's
        // rights, which PostgreSQL requires), and put back afterwards so the suite's chains stay intact
        Map<Long, String> details = new java.util.LinkedHashMap<>();
        jdbc.sql("SELECT id, detail FROM juece.audit_entry WHERE decision_id = ? ORDER BY id").param(idOf(n))
                .query((rs, i) -> details.put(rs.getLong(1), rs.getString(2))).list();
        try (var owner = owner()) {
            int changed = owner.jdbc().sql("UPDATE juece.audit_entry SET detail = 'x' WHERE decision_id = ?").param(idOf(n)).update();
            assertThat(changed).isGreaterThan(20).isEqualTo(details.size());
        }
        try {
            assertThat(d.auditDetails(n)).containsOnly("x");

            // the portal: the item's trail, the meeting's result, the publication; the list of published decisions
            String item = portal("/public/catalogue/2063/items/" + itemId);
            assertThat(item).contains(n, "进入第1阶段：决策事项建议研究论证", "进入第8阶段：集体讨论决定",
                    "决策程序结束：决策执行完毕（第五十三条）", "已归档（档案号 " + LifecycleDriver.archiveNumber(n) + "）",
                    "集体讨论决定：", "同意（县政府第15次常务会议）", "决策公布：", "县政府公报（《冠县人民政府公报》2026年第6期）、县政府网站、政务新媒体（冠县发布）");
            // Art. 36-40 on the portal: that a risk assessment was held and when, never the level or the finding
            assertThat(item).contains("已开展决策风险评估（第三十六条），评估完成于").doesNotContain("中风险", "风险可控");
            String list = portal("/public/decisions");
            assertThat(list).contains(n, "集体讨论决定：同意；公布途径：县政府公报（《冠县人民政府公报》2026年第6期）、县政府网站、政务新媒体（冠县发布）");

            // supervision: the risk level and the meeting's decision, in the API and on the page
            JsonNode overview = justice.get("/api/supervision?unit=fgj").getBody();
            JsonNode row = null;
            for (JsonNode x : overview.get("outcomes")) {
                if (x.get("decisionNumber").asText().equals(n)) {
                    row = x;
                }
            }
            assertThat(row).as("supervision's outcome row of " + n).isNotNull();
            assertThat(row.get("riskLevel").asText()).isEqualTo("MEDIUM");
            assertThat(row.get("riskLevelLabel").asText()).isEqualTo("中风险");
            assertThat(row.get("riskRound").asInt()).isEqualTo(1);
            assertThat(row.get("riskFinding").asText()).isEqualTo("风险可控");
            assertThat(row.get("legalityConclusionLabel").asText()).isEqualTo("合法，通过审查");
            assertThat(row.get("meetingResult").asText()).isEqualTo("APPROVED");
            assertThat(row.get("meetingResultLabel").asText()).isEqualTo("同意");
            assertThat(row.get("archiveNumber").asText()).isEqualTo(LifecycleDriver.archiveNumber(n));
            assertThat(overview.get("riskLevels").get("中风险").asLong()).isPositive();
            assertThat(overview.get("meetingResults").get("同意").asLong()).isPositive();
            String supervision = new StaffBrowser(port, JUSTICE, PASSWORD).get("/supervision?unit=fgj");
            assertThat(supervision).contains("风险等级：", "中风险（第1轮评估）", "合法，通过审查（第1轮审查）", LifecycleDriver.archiveNumber(n));

            // the dossier
            String dossier = new StaffBrowser(port, LEAD, PASSWORD).get("/decisions/" + n);
            assertThat(dossier).contains("中风险", "少数车主可能有意见", "同意", "县政府第15次常务会议", LifecycleDriver.archiveNumber(n));
        } finally {
            try (var owner = owner()) {
                details.forEach((id, detail) -> owner.jdbc().sql("UPDATE juece.audit_entry SET detail = ? WHERE id = ?")
                        .params(detail, id).update());
            }
        }
        assertThat(as(JUSTICE).get("/api/decisions/" + n + "/audit/verify").getBody().get("intact").asBoolean()).isTrue();
    }

    /** Confirms, records the party committee's approval and publishes a compiled catalogue (Art. 4). */
    private void publishCatalogue(String key) {
        var justice = as(JUSTICE);
        var organ = as(ORGAN);
        for (JsonNode t : justice.get("/api/catalogues/" + key + "/tasks").getBody()) {
            justice.post("/api/catalogues/" + key + "/tasks/" + t.get("id").asText() + "/complete", Map.of("outcome", "SUBMITTED"));
        }
        for (JsonNode t : organ.get("/api/catalogues/" + key + "/tasks").getBody()) {
            organ.post("/api/catalogues/" + key + "/tasks/" + t.get("id").asText() + "/complete", Map.of("outcome", "CONFIRMED", "reason", "确认"));
        }
        justice.put("/api/catalogues/" + key + "/party-approval", Map.of("date", "2025-12-20", "documentNumber", "冠发〔2063〕1号"));
        for (JsonNode t : justice.get("/api/catalogues/" + key + "/tasks").getBody()) {
            justice.post("/api/catalogues/" + key + "/tasks/" + t.get("id").asText() + "/complete", Map.of("outcome", "PUBLISHED"));
        }
    }

    private String portal(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }

    private static void assertFact(JsonNode fact, String taskKey, int round, String outcome, String reason, String actedBy,
                                   String actedFor) {
        assertThat(fact.get("taskKey").asText()).isEqualTo(taskKey);
        assertThat(fact.get("taskId").asText()).isNotBlank();
        assertThat(fact.get("round").asInt()).as(taskKey + " round").isEqualTo(round);
        assertThat(fact.get("outcome").asText()).isEqualTo(outcome);
        if (reason == null) {
            assertThat(fact.get("reason").isNull()).as(taskKey + " reason").isTrue();
        } else {
            assertThat(fact.get("reason").asText()).isEqualTo(reason);
        }
        assertThat(fact.get("actedBy").asText()).isEqualTo(actedBy);
        assertThat(fact.get("actedFor").asText()).isEqualTo(actedFor);
        assertThat(fact.get("actedAt").asText()).isNotBlank();
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

    private long idOf(String number) {
        return jdbc.sql("SELECT id FROM juece.decision WHERE decision_number = ?").param(number).query(Long.class).single();
    }

    private List<Long> ids(String sql) {
        return jdbc.sql(sql).query((rs, i) -> rs.getLong(1)).list();
    }
}
