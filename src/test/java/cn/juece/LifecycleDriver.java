package cn.juece;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.support.ApiClient;

/**
 * Drives decisions through the lifecycle over /api as the demo organisation's people, asserting each
 * step succeeded and that it was offered to the right group. Shared by the H2 and PostgreSQL runs.
 */
public class LifecycleDriver {

    // The demo organisation (config/organisation.yaml)
    public static final String LEAD = "fgj_wang";         // 县发展和改革局 (lead unit)
    public static final String LEAD_LEGAL = "fgj_legal";  // its legal office
    public static final String ORGAN = "bgs_chen";        // decision organ clerk (县政府办公室)
    public static final String HEAD = "xz_zhang";         // 县长, executive head
    public static final String JUSTICE = "sfj_liu";       // 县司法局
    public static final String OFFICE = "bgs_chen";       // 县政府办公室
    /** Reads the dossier as the government office, which sees every decision of the organ (DECISIONS.md 23). */
    public static final String READER = "bgs_chen";

    private final int port;
    private final String password;

    public LifecycleDriver(int port, String password) {
        this.port = port;
        this.password = password;
    }

    public ApiClient as(String user) {
        return new ApiClient(port, user, password);
    }

    public String create(String title) {
        var r = as(LEAD).post("/api/decisions", Map.of("title", title, "summary", "测试用决策事项", "source", "LEADER",
                "proposer", "李明华（常务副县长）", "leadUnit", "fgj"));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return r.getBody().get("number").asText();
    }

    public JsonNode decision(String number) {
        return as(READER).get("/api/decisions/" + number).getBody();
    }

    public String stage(String number) {
        return decision(number).get("stage").get("code").asText();
    }

    public String status(String number) {
        return decision(number).get("status").get("code").asText();
    }

    public List<String> openTaskKeys(String number) {
        List<String> keys = new ArrayList<>();
        as(READER).get("/api/decisions/" + number + "/tasks").getBody().forEach(t -> keys.add(t.get("taskKey").asText()));
        return keys;
    }

    public JsonNode task(String number, String taskKey) {
        for (JsonNode t : as(READER).get("/api/decisions/" + number + "/tasks").getBody()) {
            if (t.get("taskKey").asText().equals(taskKey)) {
                return t;
            }
        }
        throw new AssertionError("No open task " + taskKey + " for " + number + "; open: " + openTaskKeys(number));
    }

    public List<String> auditDetails(String number) {
        List<String> details = new ArrayList<>();
        as(READER).get("/api/decisions/" + number + "/audit").getBody().forEach(a -> details.add(a.get("detail").asText()));
        return details;
    }

    public List<String> auditActions(String number) {
        List<String> actions = new ArrayList<>();
        as(READER).get("/api/decisions/" + number + "/audit").getBody().forEach(a -> actions.add(a.get("action").asText()));
        return actions;
    }

    public void upload(String user, String number, String type) {
        var r = as(user).upload(number, type, type.toLowerCase() + ".docx", (type + " 的内容 " + System.nanoTime()).getBytes(StandardCharsets.UTF_8));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    }

    /** Completes the open task with that key as the user, asserting the group it was offered to. */
    public void complete(String user, String number, String taskKey, String expectedGroup, String outcome, String reason) {
        JsonNode task = task(number, taskKey);
        List<String> groups = new ArrayList<>();
        task.get("candidateGroups").forEach(g -> groups.add(g.asText()));
        assertThat(groups).as("candidate groups of " + taskKey).containsExactly(expectedGroup);
        var r = as(user).complete(task.get("id").asText(), outcome, reason);
        assertThat(r.getStatusCode().value()).as(taskKey + " → " + r.getBody()).isEqualTo(200);
    }

    /**
     * A step held by a minimum period (Art. 34, 44) may close only on its earliest close date: move the
     * engine's clock (ClockUtil, the app runs in the test's JVM) to 10:00 of that day if it is later.
     */
    public void waitForMinimum(String number, String taskKey) {
        for (JsonNode s : as(READER).get("/api/decisions/" + number + "/periods").getBody().get("steps")) {
            if (s.get("taskKey").asText().equals(taskKey) && s.get("state").asText().equals("OPEN") && !s.get("earliestClose").isNull()) {
                java.time.LocalDate earliest = java.time.LocalDate.parse(s.get("earliestClose").asText());
                java.time.ZonedDateTime at = earliest.atTime(10, 0).atZone(java.time.ZoneId.of("Asia/Shanghai"));
                if (at.toInstant().isAfter(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant())) {
                    org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(at.toInstant()));
                }
            }
        }
    }

    // ---- the stages, the usual way through ----

    public void study(String number) {
        assertThat(as(LEAD).put("/api/decisions/" + number + "/category", Map.of("category", "ART3_1")).getStatusCode().value()).isEqualTo(200);
        recordStudy(number);
        upload(LEAD, number, "STUDY_REPORT");           // the study's report, which the archive keeps (Art. 59)
        complete(LEAD, number, "proposal-study", "fgj", "IN_SCOPE", "属于第三条第一项所列事项");
    }

    /** Art. 11: the study's five parts, as the study unit records them. */
    public void recordStudy(String number) {
        var r = as(LEAD).put("/api/decisions/" + number + "/study", Map.of("problem", "供热成本上升，现行价格难以为继",
                "reasonsBasis", "《价格法》第二十三条；省定价目录", "preliminaryPlan", "分两年调整到位，低保户减免",
                "necessity", "保障供热企业持续运营", "feasibility", "财政可承担补贴，群众负担增幅可控"));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    public void launch(String number) {
        complete(ORGAN, number, "launch-decide", "gx-organ", "LAUNCH", "县政府第12次常务会议决定启动");
    }

    public void draft(String number, boolean participation, boolean expert, boolean risk) {
        upload(LEAD, number, "DRAFT");
        upload(LEAD, number, "DRAFTING_EXPLANATION");
        drafter(number);
        answerReviewQuestions(number, false, false);
        complete(LEAD, number, "drafting-draft", "fgj", "SUBMITTED", null);
        hearLegalVoices(number);
        upload(LEAD_LEGAL, number, "INITIAL_REVIEW_OPINION");
        complete(LEAD_LEGAL, number, "drafting-initial-review", "fgj-legal", "PASSED", "已听取法律顾问和公职律师意见");
        arrange(number, "PARTICIPATION", participation);
        arrange(number, "EXPERT", expert);
        arrange(number, "RISK", risk);
        complete(LEAD, number, "drafting-arrangements", "fgj", "CONFIRMED", null);
    }

    /** Art. 13: drafted by the lead unit itself. */
    public void drafter(String number) {
        var r = as(LEAD).put("/api/decisions/" + number + "/drafting/drafter", Map.of("mode", "SELF"));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    /** Art. 14: the two questions deciding the fair competition and trade policy reviews. */
    public void answerReviewQuestions(String number, boolean touchesMarket, boolean touchesTrade) {
        var r = as(LEAD).put("/api/decisions/" + number + "/drafting/questions",
                Map.of("touchesMarket", touchesMarket, "touchesTrade", touchesTrade));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    /** Art. 14: the legal office hears both a legal adviser and a public lawyer. */
    public void hearLegalVoices(String number) {
        for (String voice : List.of("LEGAL_ADVISER", "PUBLIC_LAWYER")) {
            var r = as(LEAD_LEGAL).put("/api/decisions/" + number + "/drafting/legal-opinions/" + voice,
                    Map.of("name", voice.equals("LEGAL_ADVISER") ? "赵律师" : "钱律师", "opinion", "未发现违法内容"));
            assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        }
    }

    /** A ground the article names for not holding each procedure (Art. 17, 30, 36). */
    public static final Map<String, String> GROUNDS = Map.of("PARTICIPATION", "STATE_SECRET", "EXPERT", "NOT_TECHNICAL",
            "RISK", "NO_ADVERSE_IMPACT");

    public void arrange(String number, String procedure, boolean required) {
        var r = as(LEAD).put("/api/decisions/" + number + "/arrangements/" + procedure,
                required ? Map.of("required", true) : Map.of("required", false, "ground", GROUNDS.get(procedure),
                        "reason", "不涉及，理由详见起草说明第三部分"));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    public void participate(String number) {
        noHearingNeeded(number);
        upload(LEAD, number, "PARTICIPATION_REPORT");
        complete(LEAD, number, "participation-conduct", "fgj", "COMPLETED", null);
    }

    /** Art. 19: the matter is not closely related to enterprises' production and business. */
    public void notEnterpriseRelated(String number) {
        var r = as(LEAD).put("/api/decisions/" + number + "/enterprise-question",
                Map.of("related", false, "note", "不涉及企业生产经营活动"));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    /** Art. 22: none of the grounds for a mandatory hearing applies. */
    public void noHearingNeeded(String number) {
        var r = as(LEAD).put("/api/decisions/" + number + "/hearing-requirement",
                Map.of("required", false, "note", "不存在第二十二条所列情形"));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    public void expertReview(String number) {
        upload(LEAD, number, "EXPERT_OPINION");
        waitForMinimum(number, "expert-conduct");
        complete(LEAD, number, "expert-conduct", "fgj", "COMPLETED", null);
    }

    public void assessRisk(String number) {
        upload(LEAD, number, "RISK_REPORT");
        complete(LEAD, number, "risk-assess", "fgj", "LOW", null);
        complete(ORGAN, number, "risk-finding", "gx-organ", "CONTROLLABLE", null);
    }

    public void submitForLegality(String number) {
        upload(LEAD, number, "LEGALITY_REQUEST");
        upload(LEAD, number, "LEGAL_BASIS");
        complete(LEAD, number, "legality-submit", "fgj", "SUBMITTED", null);
    }

    public void review(String number, String outcome, String reason) {
        if (!outcome.startsWith("MISSING_")) {
            upload(JUSTICE, number, "LEGALITY_OPINION");
        }
        waitForMinimum(number, "legality-review");
        complete(JUSTICE, number, "legality-review", "sfj", outcome, reason);
    }

    public void meeting(String number, String outcome) {
        notEnterpriseRelated(number);
        upload(LEAD, number, "MEETING_REQUEST");
        complete(LEAD, number, "meeting-submit", "fgj", "SUBMITTED", null);
        upload(ORGAN, number, "MEETING_MINUTES");
        complete(HEAD, number, "meeting-decide", "gx-head", outcome, "县政府第15次常务会议");
    }

    public void publish(String number) {
        upload(OFFICE, number, "DECISION_DOCUMENT");
        complete(OFFICE, number, "publication-party-report", "bgs", "ISSUED", null);
        complete(OFFICE, number, "publication-publish", "bgs", "PUBLISHED", "县政府网站、县政府公报");
        complete(LEAD, number, "publication-feedback", "fgj", "PUBLISHED", "县政府网站决策公开专栏");
    }

    /** The engine's today (the application reads ClockUtil), Asia/Shanghai. */
    public static java.time.LocalDate today() {
        return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
    }

    /** The task the driver's organ gives each unit (Art. 53). */
    public static final Map<String, String> TASKS = Map.of(
            "fgj", "牵头组织实施，制定配套价格和减免措施，汇总各单位执行情况",
            "zjj", "负责设施建设和改造，督促运营企业落实");

    /**
     * Art. 53: the decision organ names the execution units, each with its task and deadline, and the report cycle with
     * its first report day; then the work starts (one report step per unit).
     */
    public void assignExecution(String number, String cycle, java.time.LocalDate firstReportOn, String... units) {
        for (String unit : units) {
            var r = as(ORGAN).put("/api/decisions/" + number + "/execution/units/" + unit,
                    Map.of("task", TASKS.getOrDefault(unit, "按职责分工组织实施，按期报告执行情况"),
                            "deadline", today().plusYears(1).toString()));
            assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        }
        var p = as(ORGAN).put("/api/decisions/" + number + "/execution/plan", Map.of("cycle", cycle, "firstReportOn", firstReportOn.toString()));
        assertThat(p.getStatusCode().value()).as(String.valueOf(p.getBody())).isEqualTo(200);
        complete(ORGAN, number, "execution-assign", "gx-organ", "ASSIGNED", "县政府第16次常务会议明确执行分工");
    }

    /** A unit reports on its current period through /api, closing its report step. */
    public JsonNode report(String user, String number, String content, boolean finalReport) {
        var r = as(user).post("/api/decisions/" + number + "/execution/reports", Map.of("content", content, "finalReport", finalReport));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return r.getBody();
    }

    /** Execution by the lead unit named as the only execution unit (Art. 53), which reports its task done. */
    public void execute(String number) {
        assignExecution(number, "QUARTERLY", today().plusMonths(1), "fgj");
        upload(LEAD, number, "EXECUTION_REPORT");
        report(LEAD, number, "各项任务已按期完成，执行情况总结报告已上传", true);
    }

    /** Art. 54: an execution unit reports a problem, a change of circumstances or force majeure. */
    public JsonNode incident(String user, String number, String kind, String description) {
        var r = as(user).post("/api/decisions/" + number + "/execution/incidents", Map.of("kind", kind, "description", description));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return r.getBody();
    }

    /** Art. 55: in an emergency the executive head first suspends execution. */
    public JsonNode suspend(String number, String ground) {
        var r = as(HEAD).post("/api/decisions/" + number + "/execution/suspension",
                Map.of("groundKind", "CIRCUMSTANCES_CHANGED", "ground", ground));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return r.getBody();
    }

    /** The name of the meeting at which the driver's decision organ decides (Art. 55, 57). */
    public static final String MEETING = "县政府第18次常务会议";

    /**
     * Art. 55, 57: the decision organ's decision at its meeting (STOP, MODIFY, RESUME) on its open step, with the legal
     * ground and the meeting recorded, closing the step.
     */
    public JsonNode decideOnExecution(String number, String kind, String groundKind, String ground) {
        var r = as(ORGAN).post("/api/decisions/" + number + "/execution/decisions", Map.of("kind", kind, "groundKind", groundKind,
                "ground", ground, "meetingName", MEETING, "meetingOn", today().toString()));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return r.getBody();
    }

    /** Art. 55: what was done to limit losses. */
    public void measure(String user, String number, String content) {
        var r = as(user).post("/api/decisions/" + number + "/execution/measures", Map.of("content", content));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    /** Art. 56: the organ names the evaluating unit (and a commissioned third party, or null) for its open step. */
    public ResponseEntity<JsonNode> nameEvaluator(String number, String unit, String thirdParty) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("evaluatorUnit", unit, "note", "依第五十六条确定"));
        if (thirdParty != null) {
            body.put("thirdParty", thirdParty);
        }
        return as(ORGAN).put("/api/decisions/" + number + "/evaluation/plan", body);
    }

    /** Art. 56, 57: every part of the evaluation report, as the evaluator records it. */
    public void evaluationReport(String user, String number, String recommendation) {
        var r = as(user).put("/api/decisions/" + number + "/evaluation/report", Map.of(
                "aimsFit", "线网优化后平均换乘次数下降，与决策目的相符", "costBenefit", "财政补贴增加有限，群众出行时间节约明显",
                "acceptance", "问卷显示八成以上乘客满意", "developmentFit", "与城区发展和公共交通规划相适应",
                "impacts", "出行结构改善，长远看有利于减少拥堵", "processMethod", "问卷调查、座谈、运营数据分析",
                "executionStatus", "各线路按方案调整到位", "problems", "个别线路发车间隔偏长，原因是车辆不足",
                "recommendation", recommendation, "recommendationReason", "总体效果良好，个别问题可在执行中解决"));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    /** Art. 56, 57: the organ decides to evaluate, names the lead unit, which evaluates and reports. */
    public void evaluate(String number, String recommendation) {
        var plan = nameEvaluator(number, "fgj", null);
        assertThat(plan.getStatusCode().value()).as(String.valueOf(plan.getBody())).isEqualTo(200);
        complete(ORGAN, number, "evaluation-decide", "gx-organ", "EVALUATE", "由县发展和改革局开展后评估");
        evaluationReport(LEAD, number, recommendation);
        upload(LEAD, number, "EVALUATION_REPORT");
        complete(LEAD, number, "evaluation-conduct", "fgj", "SUBMITTED", null);
    }

    public void skipEvaluation(String number) {
        complete(ORGAN, number, "evaluation-decide", "gx-organ", "SKIP", "执行效果良好，暂不开展后评估");
    }

    /** Art. 59: the government office records the archive number, then files the dossier. */
    public void archive(String number) {
        recordArchiveNumber(number);
        complete(OFFICE, number, "archive-file", "bgs", "ARCHIVED", "案卷材料已整理归档");
    }

    /** The archive number the driver gives a decision: one per decision, as the organ's archive requires. */
    public static String archiveNumber(String number) {
        return "WS-" + number;
    }

    public void recordArchiveNumber(String number) {
        var r = as(OFFICE).put("/api/decisions/" + number + "/archive",
                Map.of("archiveNumber", archiveNumber(number), "note", "文书档案，永久保管"));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    /** A decision decided (同意) and published, waiting for the organ to divide its execution (Art. 53). */
    public String published(String title) {
        String n = create(title);
        study(n);
        launch(n);
        draft(n, false, false, false);
        submitForLegality(n);
        review(n, "PASSED", null);
        meeting(n, "APPROVED");
        publish(n);
        assertThat(openTaskKeys(n)).containsExactly("execution-assign");
        return n;
    }

    /** A decision driven from creation to the archive with every optional procedure required. */
    public String wholeLifecycle(String title) {
        String n = create(title);
        study(n);
        launch(n);
        draft(n, true, true, true);
        participate(n);
        expertReview(n);
        assessRisk(n);
        submitForLegality(n);
        review(n, "PASSED", null);
        meeting(n, "APPROVED");
        publish(n);
        execute(n);
        skipEvaluation(n);
        archive(n);
        return n;
    }
}
