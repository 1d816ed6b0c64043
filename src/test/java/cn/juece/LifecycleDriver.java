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
    public static final String JUSTICE_HEAD = "sfj_head"; // 县司法局局长 (signs off the opinion letter, Art. 46)
    public static final String OFFICE = "bgs_chen";       // 县政府办公室
    /** Reads the dossier as the government office, which sees every decision of the organ (DECISIONS.md 23). */
    public static final String READER = "bgs_chen";

    /**
     * Who acts for one deciding organ (Art. 64), and what its documents say: the people and the groups each step must be
     * offered to, the members at its meetings, its document-number prefix and whether it has a gazette (Art. 52).
     */
    public record Cast(String lead, String leadUnit, String leadLegal, String leadLegalGroup, String organClerk, String organGroup,
                       String head, String headGroup, String justice, String justiceHead, String justiceUnit, String office,
                       String officeUnit, String reader, List<String> members, String meetingPrefix, String docPrefix,
                       String gazetteIssue, String website, String newMedia, String leadUnitName, String justiceUnitName,
                       String proposer) {
    }

    /** 冠县人民政府 (GX) and its units, as the static names above. */
    public static final Cast COUNTY = new Cast(LEAD, "fgj", LEAD_LEGAL, "fgj-legal", ORGAN, "gx-organ", HEAD, "gx-head", JUSTICE,
            JUSTICE_HEAD, "sfj", OFFICE, "bgs", READER, List.of("fxz_li", "fxz_zhao", "fxz_qian"), "县政府", "冠政发",
            "《冠县人民政府公报》2026年第6期", "http://www.guanxian.gov.cn/zwgk/", "冠县发布", "县发展和改革局", "县司法局",
            "李明华（常务副县长）");

    /**
     * 清泉街道办事处 (QQ), deciding by reference (Art. 64): 城市建设管理办公室 leads (its head is also its legal office),
     * 党政办公室 is the organ's office and clerk, the sub-district's head decides, 司法所 reviews (sfj_liu of the county
     * bureau reviewing for it, its head signing off), 副主任 宋志刚 sits as member; no gazette (Art. 52).
     */
    public static final Cast TOWNSHIP = new Cast("qq_cj", "qqcjb", "qq_cjhead", "qqcjb-legal", "qq_dzb", "qq-organ", "qqjd_head",
            "qq-head", "sfj_liu", "qq_sfs", "qqsfs", "qq_dzb", "qqdzb", "qq_dzb", List.of("qq_fzr"), "街道办事处", "清街发",
            null, "http://www.guanxian.gov.cn/qqjd/", "清泉街道发布", "清泉街道城市建设管理办公室", "清泉街道司法所",
            "宋志刚（清泉街道办事处副主任）");

    private final int port;
    private final String password;
    private final Cast c;

    public LifecycleDriver(int port, String password) {
        this(port, password, COUNTY);
    }

    /** A driver acting for the organ of this cast (Art. 64). */
    public LifecycleDriver(int port, String password, Cast cast) {
        this.port = port;
        this.password = password;
        this.c = cast;
    }

    public Cast cast() {
        return c;
    }

    public ApiClient as(String user) {
        return new ApiClient(port, user, password);
    }

    public String create(String title) {
        var r = as(c.lead()).post("/api/decisions", Map.of("title", title, "summary", "测试用决策事项", "source", "LEADER",
                "proposer", c.proposer(), "leadUnit", c.leadUnit()));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return r.getBody().get("number").asText();
    }

    public JsonNode decision(String number) {
        return as(c.reader()).get("/api/decisions/" + number).getBody();
    }

    public String stage(String number) {
        return decision(number).get("stage").get("code").asText();
    }

    public String status(String number) {
        return decision(number).get("status").get("code").asText();
    }

    public List<String> openTaskKeys(String number) {
        List<String> keys = new ArrayList<>();
        as(c.reader()).get("/api/decisions/" + number + "/tasks").getBody().forEach(t -> keys.add(t.get("taskKey").asText()));
        return keys;
    }

    public JsonNode task(String number, String taskKey) {
        for (JsonNode t : as(c.reader()).get("/api/decisions/" + number + "/tasks").getBody()) {
            if (t.get("taskKey").asText().equals(taskKey)) {
                return t;
            }
        }
        throw new AssertionError("No open task " + taskKey + " for " + number + "; open: " + openTaskKeys(number));
    }

    public List<String> auditDetails(String number) {
        List<String> details = new ArrayList<>();
        as(c.reader()).get("/api/decisions/" + number + "/audit").getBody().forEach(a -> details.add(a.get("detail").asText()));
        return details;
    }

    public List<String> auditActions(String number) {
        List<String> actions = new ArrayList<>();
        as(c.reader()).get("/api/decisions/" + number + "/audit").getBody().forEach(a -> actions.add(a.get("action").asText()));
        return actions;
    }

    public void upload(String user, String number, String type) {
        var r = as(user).upload(number, type, type.toLowerCase() + ".docx",
                cn.juece.support.TestFiles.of(".docx", type + " 的内容 " + System.nanoTime()));
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
        for (JsonNode s : as(c.reader()).get("/api/decisions/" + number + "/periods").getBody().get("steps")) {
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
        assertThat(as(c.lead()).put("/api/decisions/" + number + "/category", Map.of("category", "ART3_1")).getStatusCode().value()).isEqualTo(200);
        recordStudy(number);
        upload(c.lead(), number, "STUDY_REPORT");           // the study's report, which the archive keeps (Art. 59)
        complete(c.lead(), number, "proposal-study", c.leadUnit(), "IN_SCOPE", "属于第三条第一项所列事项");
    }

    /** Art. 11: the study's five parts, as the study unit records them. */
    public void recordStudy(String number) {
        var r = as(c.lead()).put("/api/decisions/" + number + "/study", Map.of("problem", "供热成本上升，现行价格难以为继",
                "reasonsBasis", "《价格法》第二十三条；省定价目录", "preliminaryPlan", "分两年调整到位，低保户减免",
                "necessity", "保障供热企业持续运营", "feasibility", "财政可承担补贴，群众负担增幅可控"));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    public void launch(String number) {
        complete(c.organClerk(), number, "launch-decide", c.organGroup(), "LAUNCH", c.meetingPrefix() + "第12次常务会议决定启动");
    }

    public void draft(String number, boolean participation, boolean expert, boolean risk) {
        upload(c.lead(), number, "DRAFT");
        upload(c.lead(), number, "DRAFTING_EXPLANATION");
        drafter(number);
        answerReviewQuestions(number, false, false);
        complete(c.lead(), number, "drafting-draft", c.leadUnit(), "SUBMITTED", null);
        hearLegalVoices(number);
        upload(c.leadLegal(), number, "INITIAL_REVIEW_OPINION");
        complete(c.leadLegal(), number, "drafting-initial-review", c.leadLegalGroup(), "PASSED", "已听取法律顾问和公职律师意见");
        arrange(number, "PARTICIPATION", participation);
        arrange(number, "EXPERT", expert);
        arrange(number, "RISK", risk);
        complete(c.lead(), number, "drafting-arrangements", c.leadUnit(), "CONFIRMED", null);
    }

    /** Art. 13: drafted by the lead unit itself. */
    public void drafter(String number) {
        var r = as(c.lead()).put("/api/decisions/" + number + "/drafting/drafter", Map.of("mode", "SELF"));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    /** Art. 14: the two questions deciding the fair competition and trade policy reviews. */
    public void answerReviewQuestions(String number, boolean touchesMarket, boolean touchesTrade) {
        var r = as(c.lead()).put("/api/decisions/" + number + "/drafting/questions",
                Map.of("touchesMarket", touchesMarket, "touchesTrade", touchesTrade));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    /** Art. 14: the legal office hears both a legal adviser and a public lawyer. */
    public void hearLegalVoices(String number) {
        for (String voice : List.of("LEGAL_ADVISER", "PUBLIC_LAWYER")) {
            var r = as(c.leadLegal()).put("/api/decisions/" + number + "/drafting/legal-opinions/" + voice,
                    Map.of("name", voice.equals("LEGAL_ADVISER") ? "赵律师" : "钱律师", "opinion", "未发现违法内容"));
            assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        }
    }

    /** A ground the article names for not holding each procedure (Art. 17, 30, 36). */
    public static final Map<String, String> GROUNDS = Map.of("PARTICIPATION", "STATE_SECRET", "EXPERT", "NOT_TECHNICAL",
            "RISK", "NO_ADVERSE_IMPACT");

    public void arrange(String number, String procedure, boolean required) {
        var r = as(c.lead()).put("/api/decisions/" + number + "/arrangements/" + procedure,
                required ? Map.of("required", true) : Map.of("required", false, "ground", GROUNDS.get(procedure),
                        "reason", "不涉及，理由详见起草说明第三部分"));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    public void participate(String number) {
        noHearingNeeded(number);
        upload(c.lead(), number, "PARTICIPATION_REPORT");
        complete(c.lead(), number, "participation-conduct", c.leadUnit(), "COMPLETED", null);
    }

    /** Art. 19: the matter is not closely related to enterprises' production and business. */
    public void notEnterpriseRelated(String number) {
        var r = as(c.lead()).put("/api/decisions/" + number + "/enterprise-question",
                Map.of("related", false, "note", "不涉及企业生产经营活动"));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    /** Art. 22: none of the grounds for a mandatory hearing applies. */
    public void noHearingNeeded(String number) {
        var r = as(c.lead()).put("/api/decisions/" + number + "/hearing-requirement",
                Map.of("required", false, "note", "不存在第二十二条所列情形"));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    /** The administrator who keeps the expert pool (Art. 32). */
    public static final String ADMIN = "admin";
    /** The field the driver's matters and its experts share. */
    public static final String EXPERT_FIELD = "价格管理";

    /**
     * Art. 30-35 the whole way: a small pool seeded for this decision (four industry experts of the matter's field, two
     * legal experts), the arrangement, a random draw, invitations mailed through the outbox, each expert accepting,
     * promising confidentiality and giving an opinion through their link, the delivery of the draft and its
     * explanation recorded, the adoption of each opinion, the summary, the feedback, the generated 专家论证意见及采纳情况,
     * then the clock moved to the research period's earliest close (7 working days from the delivery) and the step closed.
     */
    public void expertReview(String number) {
        seedExperts(number, 4, 2);
        arrangeExperts(number, List.of(EXPERT_FIELD), false);
        var draw = as(c.lead()).post("/api/decisions/" + number + "/experts/draws", Map.of());
        assertThat(draw.getStatusCode().value()).as(String.valueOf(draw.getBody())).isEqualTo(201);
        var invite = as(c.lead()).post("/api/decisions/" + number + "/experts/invitations", Map.of());
        assertThat(invite.getStatusCode().value()).as(String.valueOf(invite.getBody())).isEqualTo(200);
        List<cn.juece.support.LinkVisitor> experts = new ArrayList<>();
        for (JsonNode m : experts(number).get("members")) {
            var link = expertLink(number, m.get("expert").get("id").asLong());
            assertThat(link.accept().statusCode()).isEqualTo(200);
            assertThat(link.promiseConfidentiality().statusCode()).isEqualTo(200);
            experts.add(link);
        }
        deliverMaterials(number);
        for (var link : experts) {
            var r = link.opinion("专家意见");
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        }
        for (JsonNode m : experts(number).get("members")) {
            var r = as(c.lead()).put("/api/expert-opinions/" + m.get("opinion").get("id").asLong() + "/adoption",
                    Map.of("adoption", "ADOPTED", "reason", "意见合理，已据此完善草案"));
            assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        }
        var summary = as(c.lead()).put("/api/decisions/" + number + "/experts/summary", Map.of("summary", "专家一致认为方案必要、可行，建议完善低收入群体保障措施。"));
        assertThat(summary.getStatusCode().value()).as(String.valueOf(summary.getBody())).isEqualTo(200);
        var feedback = as(c.lead()).post("/api/decisions/" + number + "/experts/feedback", Map.of());
        assertThat(feedback.getStatusCode().value()).as(String.valueOf(feedback.getBody())).isEqualTo(200);
        var material = as(c.lead()).post("/api/decisions/" + number + "/experts/opinion-material", Map.of());
        assertThat(material.getStatusCode().value()).as(String.valueOf(material.getBody())).isEqualTo(201);
        waitForMinimum(number, "expert-conduct");
        complete(c.lead(), number, "expert-conduct", c.leadUnit(), "COMPLETED", null);
    }

    /** Adds experts to the pool as the administrator: {@code industry} of {@link #EXPERT_FIELD}, {@code legal} legal experts. */
    public List<Long> seedExperts(String tag, int industry, int legal) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < industry + legal; i++) {
            boolean isLegal = i >= industry;
            String name = (isLegal ? "法律专家" : "行业专家") + tag + "-" + i;
            var r = as(ADMIN).post("/api/experts", Map.of("name", name, "organisation", isLegal ? "县律师协会" : "市价格协会",
                    "title", isLegal ? "律师" : "高级经济师", "type", isLegal ? "LEGAL" : "INDUSTRY",
                    "fields", isLegal ? List.of("法律") : List.of(EXPERT_FIELD), "phone", "0635-1234567",
                    "email", "e" + System.nanoTime() + "@expert.example.cn"));
            assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
            ids.add(r.getBody().get("id").asLong());
        }
        return ids;
    }

    public void arrangeExperts(String number, List<String> fields, boolean complex) {
        var r = as(c.lead()).put("/api/decisions/" + number + "/experts/arrangement", Map.of("form", "WRITTEN", "fields", fields,
                "complex", complex, "parties", "冠县热力有限公司"));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    /** The newest expert review of the decision as the lead unit reads it. */
    public JsonNode experts(String number) {
        return as(c.lead()).get("/api/decisions/" + number + "/experts").getBody().get("review");
    }

    /** The expert's newest invitation link, read from the mail outbox as the administrator (no mail server in tests). */
    public cn.juece.support.LinkVisitor expertLink(String number, long expertId) {
        String link = null;
        for (JsonNode mail : as(ADMIN).get("/api/mail").getBody()) {
            // newest first: the invitation just sent for this decision
            if (mail.get("recipientId").asText().equals("expert-" + expertId) && mail.get("kind").asText().equals("EXPERT_INVITATION")) {
                link = mail.get("link").asText();
                break;
            }
        }
        assertThat(link).as("invitation mail to expert " + expertId).isNotNull();
        return new cn.juece.support.LinkVisitor(port, link);
    }

    /** Art. 34: the newest draft and explanation delivered today to every expert who has accepted. */
    public JsonNode deliverMaterials(String number) {
        // the app's today: the engine's clock (ClockUtil), which a test may have moved
        return deliverMaterials(number, java.time.LocalDate.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(),
                java.time.ZoneId.of("Asia/Shanghai")).toString());
    }

    public JsonNode deliverMaterials(String number, String on) {
        List<Long> versions = new ArrayList<>();
        for (JsonNode m : as(c.lead()).get("/api/decisions/" + number + "/materials").getBody()) {
            String type = m.get("type").asText();
            if (type.equals("DRAFT") || type.equals("DRAFTING_EXPLANATION")) {
                JsonNode vs = m.get("versions");
                versions.add(vs.get(vs.size() - 1).get("id").asLong());
            }
        }
        List<Long> members = new ArrayList<>();
        experts(number).get("members").forEach(m -> {
            if (m.get("status").asText().equals("ACCEPTED")) {
                members.add(m.get("id").asLong());
            }
        });
        var r = as(c.lead()).post("/api/decisions/" + number + "/experts/deliveries", Map.of("deliveredOn", on, "versionIds", versions,
                "memberIds", members));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return r.getBody();
    }

    /** Art. 36-40: the lead unit assesses itself through the real records, then the organ finds the risk controllable. */
    public void assessRisk(String number) {
        assessor(number, Map.of("mode", "SELF"));
        riskRecords(number, c.lead(), "LOW");
        upload(c.lead(), number, "RISK_REPORT");
        complete(c.lead(), number, "risk-assess", c.leadUnit(), "LOW", null);
        complete(c.organClerk(), number, "risk-finding", c.organGroup(), "CONTROLLABLE", null);
    }

    /** Art. 36: the lead unit names who assesses (body of PUT /risk/assessor). */
    public void assessor(String number, Map<String, Object> body) {
        var r = as(c.lead()).put("/api/decisions/" + number + "/risk/assessor", body);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    /**
     * Art. 37-39: the records of the open round, as the assessor enters them: the plan, a visit to the most affected
     * units and one to a group with special difficulties, every kind of Art. 37 (social stability at the given level, the
     * rest not relevant), that level with the risk controllable, and the measures with the contingency plan.
     */
    public void riskRecords(String number, String assessor, String level) {
        riskPlan(number, assessor);
        riskVisits(number, assessor);
        analyseAllKinds(number, assessor, level);
        ok(as(assessor).put("/api/decisions/" + number + "/risk/level", Map.of("level", level, "controllable", true,
                "controllabilityNote", "落实防范措施后风险可控")));
        riskMeasures(number, assessor);
    }

    public void riskPlan(String number, String assessor) {
        ok(as(assessor).put("/api/decisions/" + number + "/risk/plan", Map.of("purpose", "评估决策草案实施的风险可控性",
                "scope", "决策草案及起草说明", "methods", "走访、座谈、抽样调查、部门会商", "schedule", "15个工作日内完成")));
    }

    public void riskVisits(String number, String assessor) {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        ok(as(assessor).post("/api/decisions/" + number + "/risk/investigations", Map.of("method", "VISIT", "visited", "城区供热企业和物业服务企业",
                "heldOn", today, "mostAffected", true, "opinions", "希望给出过渡期", "adoption", "ADOPTED")));
        ok(as(assessor).post("/api/decisions/" + number + "/risk/investigations", Map.of("method", "VISIT", "visited", "低保户、特困人员家庭",
                "heldOn", today, "specialDifficulty", true, "opinions", "担心负担加重", "adoption", "PARTLY_ADOPTED",
                "adoptionNote", "纳入补贴范围，不单独减免")));
    }

    /** Social stability at the given level; every other kind of Art. 37 not relevant, with the reason. */
    public void analyseAllKinds(String number, String assessor, String socialStabilityLevel) {
        for (String kind : List.of("SOCIAL_STABILITY", "PUBLIC_SAFETY", "ECOLOGY", "FISCAL_FINANCIAL", "PUBLIC_OPINION", "OTHER")) {
            ok(as(assessor).put("/api/decisions/" + number + "/risk/analyses/" + kind, kind.equals("SOCIAL_STABILITY")
                    ? Map.of("relevant", true, "risks", "部分群众不理解可能引发上访", "likelihood", socialStabilityLevel, "impact",
                            socialStabilityLevel, "level", socialStabilityLevel)
                    : Map.of("relevant", false, "reason", "经分析论证，决策草案不涉及此类风险情形")));
        }
    }

    public void riskMeasures(String number, String assessor) {
        ok(as(assessor).put("/api/decisions/" + number + "/risk/measures", Map.of("measures", "分步实施，加强政策解读，设立咨询电话",
                "contingencyPlan", "出现群体性诉求时由承办单位牵头接访，24小时内报告县政府")));
    }

    /**
     * Art. 40: the risk was found uncontrollable; the lead unit adjusts the draft (a new version, the adjustment recorded),
     * and — the adjusted draft being a new version — its legal office gives a new initial review opinion (Art. 14, 42).
     */
    public void adjustDraft(String number, String description) {
        upload(c.lead(), number, "DRAFT");
        ok(as(c.lead()).post("/api/decisions/" + number + "/risk/adjustments", Map.of("measuresAdded", true, "contentChanged", true,
                "description", description)));
        complete(c.lead(), number, "risk-adjust", c.leadUnit(), "ADJUSTED", description);
        upload(c.leadLegal(), number, "INITIAL_REVIEW_OPINION");
    }

    private static void ok(org.springframework.http.ResponseEntity<JsonNode> r) {
        assertThat(r.getStatusCode().is2xxSuccessful()).as(String.valueOf(r.getBody())).isTrue();
    }

    /**
     * Art. 41, 42: the Art. 42 materials, the office meeting's approval, the co-units' countersignatures (none for the
     * driver's decisions), the lead unit's attestation, then the submission.
     */
    public void submitForLegality(String number) {
        upload(c.lead(), number, "LEGALITY_REQUEST");
        upload(c.lead(), number, "LEGAL_BASIS");
        recordOfficeMeeting(number);
        attest(number);
        complete(c.lead(), number, "legality-submit", c.leadUnit(), "SUBMITTED", null);
    }

    /** Art. 41: the lead unit's office meeting approved the draft. */
    public void recordOfficeMeeting(String number) {
        var r = as(c.lead()).put("/api/decisions/" + number + "/legality/office-meeting", Map.of("meetingDate",
                today(),
                "meetingName", "县发展和改革局2026年第5次局长办公会议"));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    /** Art. 42: the lead unit answers for the materials being true and complete (after the last upload). */
    public void attest(String number) {
        var r = as(c.lead()).post("/api/decisions/" + number + "/legality/attestation", Map.of());
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
    }

    /** The engine's day (ClockUtil) in Asia/Shanghai, as the application sees it. */
    public static String today() {
        return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toLocalDate().toString();
    }

    /**
     * Art. 43-46: the justice bureau's record of the review leading to this conclusion: the legal adviser's and the
     * public lawyer's opinions, each Art. 43 point, a suggestion where provisions are illegal, the conclusion.
     */
    public void recordReview(String number, String outcome) {
        var r = as(c.justice()).put("/api/decisions/" + number + "/legality/review", Map.of("adviserName", "赵律师",
                "adviserOpinion", "经研究，提出法律意见如下：未发现超越权限的情形。", "lawyerName", "钱律师",
                "lawyerOpinion", "经研究，提出法律意见如下：程序基本完备。", "methods", "书面审查",
                "overview", "承办单位报送了送审申请书、决策草案、起草说明、依据目录及文本、合法性初审意见书等材料。", "conclusion", outcome));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        point(number, "AUTHORITY", outcome.equals("ILLEGAL") ? "PROBLEM" : "COMPLIANT", outcome.equals("ILLEGAL") ? "超越县级人民政府的法定权限" : "属于县人民政府职权");
        point(number, "PROCEDURE", outcome.startsWith("MISSING_") ? "PROBLEM" : "COMPLIANT",
                outcome.startsWith("MISSING_") ? "应当履行而未履行" + outcome.substring(8) + "程序" : "已履行法定程序");
        point(number, "CONTENT", outcome.equals("PROVISIONS_ILLEGAL") || outcome.equals("ILLEGAL") ? "PROBLEM" : "COMPLIANT",
                outcome.equals("PROVISIONS_ILLEGAL") ? "第八条设定的收费标准缺乏依据" : outcome.equals("ILLEGAL") ? "主要内容与上位法相抵触" : "内容合法");
        point(number, "OTHER", "NOT_APPLICABLE", null);
        if (outcome.equals("PROVISIONS_ILLEGAL")) {
            var s = as(c.justice()).post("/api/decisions/" + number + "/legality/review/suggestions", Map.of("problem", "第八条设定的收费标准缺乏上位法依据",
                    "risk", "可能被确认违法", "suggestion", "删除第八条，或补充价格主管部门的定价依据"));
            assertThat(s.getStatusCode().value()).as(String.valueOf(s.getBody())).isEqualTo(201);
        }
    }

    public void point(String number, String point, String finding, String note) {
        var body = new java.util.HashMap<String, Object>();
        body.put("finding", finding);
        if (note != null) {
            body.put("note", note);
        }
        var r = as(c.justice()).put("/api/decisions/" + number + "/legality/review/points/" + point, body);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    /** Art. 46: the opinion letter generated from the record and signed off by the bureau's head. */
    public JsonNode issueLetter(String number) {
        var g = as(c.justice()).post("/api/decisions/" + number + "/legality/opinion-letter", Map.of());
        assertThat(g.getStatusCode().value()).as(String.valueOf(g.getBody())).isEqualTo(201);
        var s = as(c.justiceHead()).post("/api/decisions/" + number + "/legality/opinion-letter/sign-off", Map.of());
        assertThat(s.getStatusCode().value()).as(String.valueOf(s.getBody())).isEqualTo(201);
        return g.getBody();
    }

    public void review(String number, String outcome, String reason) {
        recordReview(number, outcome);
        if (!outcome.startsWith("MISSING_")) {
            issueLetter(number);
        }
        waitForMinimum(number, "legality-review");
        complete(c.justice(), number, "legality-review", c.justiceUnit(), outcome, reason);
    }

    /** The government's members at the executive meeting (会议组成人员); the county head decides (Art. 50). */
    public static final List<String> MEMBERS = List.of("fxz_li", "fxz_zhao", "fxz_qian");

    /**
     * Art. 48-50: the lead unit submits with the Art. 49 materials; the government office schedules an executive
     * meeting, records who attended, puts the decision on its agenda and records the discussion in Art. 50's order
     * (the members' views follow the head's decision: all agree, or for 不同意 two of three disagree); the minutes are
     * generated; the county head closes the step with the decision recorded.
     */
    public void meeting(String number, String outcome) {
        submitForMeeting(number);
        long[] discussed = discuss(number, outcome);
        minutes(discussed[0], discussed[1]);
        complete(c.head(), number, "meeting-decide", c.headGroup(), outcome, c.meetingPrefix() + "第15次常务会议");
    }

    public void submitForMeeting(String number) {
        notEnterpriseRelated(number);
        upload(c.lead(), number, "MEETING_REQUEST");
        complete(c.lead(), number, "meeting-submit", c.leadUnit(), "SUBMITTED", null);
    }

    /** An executive meeting today with the members and a citizen representative sitting in; returns its id. */
    public long scheduleMeeting(String name) {
        var m = as(c.office()).post("/api/meetings", Map.of("kind", "EXECUTIVE", "name", name, "date", today(), "place", c.meetingPrefix() + "三楼会议室"));
        assertThat(m.getStatusCode().value()).as(String.valueOf(m.getBody())).isEqualTo(201);
        long id = m.getBody().get("id").asLong();
        List<String> attending = new ArrayList<>(List.of(c.head()));
        attending.addAll(c.members());
        for (String member : attending) {
            var a = as(c.office()).post("/api/meetings/" + id + "/attendees", Map.of("category", "MEMBER", "personId", member));
            assertThat(a.getStatusCode().value()).as(String.valueOf(a.getBody())).isEqualTo(201);
        }
        var citizen = as(c.office()).post("/api/meetings/" + id + "/attendees", Map.of("category", "PUBLIC", "name", "刘某", "affiliation", "市民代表"));
        assertThat(citizen.getStatusCode().value()).as(String.valueOf(citizen.getBody())).isEqualTo(201);
        return id;
    }

    private static final java.util.concurrent.atomic.AtomicInteger MEETINGS = new java.util.concurrent.atomic.AtomicInteger();

    /** Schedules a meeting, puts the decision on its agenda and records the discussion: {meeting id, item id}. */
    public long[] discuss(String number, String outcome) {
        return discuss(number, outcome, c.meetingPrefix() + "第" + number.substring(number.lastIndexOf('-') + 1) + "-" + MEETINGS.incrementAndGet()
                + "次常务会议（" + System.nanoTime() % 100000 + "）");
    }

    /** The same at a meeting of this name. */
    public long[] discuss(String number, String outcome, String meetingName) {
        long meeting = scheduleMeeting(meetingName);
        var item = as(c.office()).post("/api/meetings/" + meeting + "/agenda", Map.of("decision", number));
        assertThat(item.getStatusCode().value()).as(String.valueOf(item.getBody())).isEqualTo(201);
        long itemId = item.getBody().get("id").asLong();
        var ex = as(c.office()).put("/api/meetings/" + meeting + "/items/" + itemId + "/explanations", Map.of(
                "leadExplanation", c.leadUnitName() + "说明决策草案的背景、主要内容和征求意见情况", "legalityExplanation", c.justiceUnitName() + "说明：经审查，决策草案合法"));
        assertThat(ex.getStatusCode().value()).as(String.valueOf(ex.getBody())).isEqualTo(200);
        for (int i = 0; i < c.members().size(); i++) {
            String view = outcome.equals("REJECTED") && i < 2 ? "DISAGREE" : "AGREE";
            var v = as(c.office()).put("/api/meetings/" + meeting + "/items/" + itemId + "/views/" + c.members().get(i),
                    Map.of("view", view, "remarks", view.equals("AGREE") ? "同意方案" : "时机尚不成熟"));
            assertThat(v.getStatusCode().value()).as(String.valueOf(v.getBody())).isEqualTo(200);
        }
        var h = as(c.office()).put("/api/meetings/" + meeting + "/items/" + itemId + "/decision", Map.of("decision", outcome, "remarks", "按会议意见办理"));
        assertThat(h.getStatusCode().value()).as(String.valueOf(h.getBody())).isEqualTo(200);
        return new long[] {meeting, itemId};
    }

    /** The minutes generated from the record (Art. 50). */
    public JsonNode minutes(long meeting, long itemId) {
        var g = as(c.office()).post("/api/meetings/" + meeting + "/items/" + itemId + "/minutes", Map.of());
        assertThat(g.getStatusCode().value()).as(String.valueOf(g.getBody())).isEqualTo(201);
        return g.getBody();
    }

    /**
     * Art. 51, 52: the government office records the report to the party committee, that no Art. 51 route applies,
     * the document number and the issuing day (today), issues; records the gazette issue, the website link, new media
     * and the basis, publishes; the lead unit generates the summary of the opinions' adoption and publishes it.
     */
    /**
     * From registration to publication by the shortest lawful path: study, launch, drafting without public
     * participation, expert review or risk assessment (each with its recorded ground), legality review passed (the
     * clock moves to the review's earliest close) and the meeting's approval. The decision then stands at publication.
     */
    public void approveWithoutOptionalProcedures(String number) {
        study(number);
        launch(number);
        draft(number, false, false, false);
        submitForLegality(number);
        review(number, "PASSED", null);
        meeting(number, "APPROVED");
    }

    public void publish(String number) {
        publish(number, () -> { });
    }

    /** The same, with something done once the channels are recorded and before the publish step closes (a notice, say). */
    public void publish(String number, Runnable beforePublishing) {
        issue(number, c.docPrefix() + "〔2026〕" + (Integer.parseInt(number.substring(number.lastIndexOf('-') + 1)) % 900 + 1) + "号", today());
        recordChannels(number);
        beforePublishing.run();
        complete(c.office(), number, "publication-publish", c.officeUnit(), "PUBLISHED", c.gazetteIssue() == null ? "政府网站、" + c.newMedia() : "县政府网站、县政府公报");
        adoptionSummary(number);
        complete(c.lead(), number, "publication-feedback", c.leadUnit(), "PUBLISHED", "县政府网站决策公开专栏");
    }

    public void issue(String number, String docNumber, String issuedOn) {
        upload(c.office(), number, "DECISION_DOCUMENT");
        var r = as(c.office()).put("/api/decisions/" + number + "/publication/issuance", Map.of("partyReportOn", issuedOn,
                "partyReportRef", "冠政请〔2026〕3号", "route", "NONE", "docNumber", docNumber, "issuedOn", issuedOn));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        complete(c.office(), number, "publication-party-report", c.officeUnit(), "ISSUED", null);
    }

    public void recordChannels(String number) {
        Map<String, Object> channels = new java.util.HashMap<>(Map.of("websiteUrl", c.website() + number + ".html", "newMedia", c.newMedia(),
                "basis", "《中华人民共和国价格法》第二十三条；《山东省定价目录》"));
        if (c.gazetteIssue() != null) {
            channels.put("gazetteIssue", c.gazetteIssue());
        }
        var r = as(c.office()).put("/api/decisions/" + number + "/publication/channels", channels);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    public JsonNode adoptionSummary(String number) {
        var g = as(c.lead()).post("/api/decisions/" + number + "/publication/adoption-summary", Map.of());
        assertThat(g.getStatusCode().value()).as(String.valueOf(g.getBody())).isEqualTo(201);
        return g.getBody();
    }

    /** The engine's today (the application reads ClockUtil), Asia/Shanghai. */
    public static java.time.LocalDate localToday() {
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
            var r = as(c.organClerk()).put("/api/decisions/" + number + "/execution/units/" + unit,
                    Map.of("task", TASKS.getOrDefault(unit, "按职责分工组织实施，按期报告执行情况"),
                            "deadline", localToday().plusYears(1).toString()));
            assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        }
        var p = as(c.organClerk()).put("/api/decisions/" + number + "/execution/plan", Map.of("cycle", cycle, "firstReportOn", firstReportOn.toString()));
        assertThat(p.getStatusCode().value()).as(String.valueOf(p.getBody())).isEqualTo(200);
        complete(c.organClerk(), number, "execution-assign", c.organGroup(), "ASSIGNED", c.meetingPrefix() + "第16次常务会议明确执行分工");
    }

    /** A unit reports on its current period through /api, closing its report step. */
    public JsonNode report(String user, String number, String content, boolean finalReport) {
        var r = as(user).post("/api/decisions/" + number + "/execution/reports", Map.of("content", content, "finalReport", finalReport));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return r.getBody();
    }

    /** Execution by the lead unit named as the only execution unit (Art. 53), which reports its task done. */
    public void execute(String number) {
        assignExecution(number, "QUARTERLY", localToday().plusMonths(1), c.leadUnit());
        upload(c.lead(), number, "EXECUTION_REPORT");
        report(c.lead(), number, "各项任务已按期完成，执行情况总结报告已上传", true);
    }

    /** Art. 54: an execution unit reports a problem, a change of circumstances or force majeure. */
    public JsonNode incident(String user, String number, String kind, String description) {
        var r = as(user).post("/api/decisions/" + number + "/execution/incidents", Map.of("kind", kind, "description", description));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return r.getBody();
    }

    /** Art. 55: in an emergency the executive head first suspends execution. */
    public JsonNode suspend(String number, String ground) {
        var r = as(c.head()).post("/api/decisions/" + number + "/execution/suspension",
                Map.of("groundKind", "CIRCUMSTANCES_CHANGED", "ground", ground));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return r.getBody();
    }

    /**
     * Art. 55, 57, 50: an executive meeting today that has the decision in execution on its agenda and its discussion
     * recorded, the county head deciding as given (APPROVED: the meeting agrees to the stop, modification or
     * resumption put to it); returns the meeting's id.
     */
    public long executionMeeting(String number, String headDecision) {
        return discuss(number, headDecision, MEETING + "（" + number + "，" + MEETINGS.incrementAndGet() + "）")[0];
    }

    /** The name the driver's meetings deciding on a decision in execution begin with (Art. 55, 57). */
    public static final String MEETING = "县政府第18次常务会议";

    /**
     * Art. 55, 57: the decision organ's decision at its meeting (STOP, MODIFY, RESUME) on its open step, with the legal
     * ground and the meeting of the meetings register recorded, closing the step.
     */
    public JsonNode decideOnExecution(String number, String kind, String groundKind, String ground) {
        var r = as(c.organClerk()).post("/api/decisions/" + number + "/execution/decisions", Map.of("kind", kind, "groundKind", groundKind,
                "ground", ground, "meetingId", executionMeeting(number, "APPROVED")));
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
        return as(c.organClerk()).put("/api/decisions/" + number + "/evaluation/plan", body);
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
        var plan = nameEvaluator(number, c.leadUnit(), null);
        assertThat(plan.getStatusCode().value()).as(String.valueOf(plan.getBody())).isEqualTo(200);
        complete(c.organClerk(), number, "evaluation-decide", c.organGroup(), "EVALUATE", "由县发展和改革局开展后评估");
        evaluationReport(c.lead(), number, recommendation);
        upload(c.lead(), number, "EVALUATION_REPORT");
        complete(c.lead(), number, "evaluation-conduct", c.leadUnit(), "SUBMITTED", null);
    }

    public void skipEvaluation(String number) {
        complete(c.organClerk(), number, "evaluation-decide", c.organGroup(), "SKIP", "执行效果良好，暂不开展后评估");
    }

    /** Art. 59: the government office records the archive number, then files the dossier. */
    public void archive(String number) {
        recordArchiveNumber(number);
        complete(c.office(), number, "archive-file", c.officeUnit(), "ARCHIVED", "案卷材料已整理归档");
    }

    /** The archive number the driver gives a decision: one per decision, as the organ's archive requires. */
    public static String archiveNumber(String number) {
        return "WS-" + number;
    }

    public void recordArchiveNumber(String number) {
        var r = as(c.office()).put("/api/decisions/" + number + "/archive",
                Map.of("archiveNumber", archiveNumber(number), "note", "文书档案，永久保管"));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
    }

    /** A decision decided (同意) and published, waiting for the organ to divide its execution (Art. 53). */
    public String published(String title) {
        String n = create(title);
        approveWithoutOptionalProcedures(n);
        publish(n);
        assertThat(openTaskKeys(n)).containsExactly("execution-assign");
        return n;
    }

    /** A decision driven from creation to the archive with every optional procedure required. */
    public String wholeLifecycle(String title) {
        return wholeLifecycle(title, n -> { });
    }

    /** The same, with something done once the channels are recorded and before the publish step closes (a notice, say). */
    public String wholeLifecycle(String title, java.util.function.Consumer<String> beforePublishing) {
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
        publish(n, () -> beforePublishing.accept(n));
        execute(n);
        skipEvaluation(n);
        archive(n);
        return n;
    }
}
