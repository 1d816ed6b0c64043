package cn.juece.expert;

import static cn.juece.LifecycleDriver.ADMIN;
import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.support.EngineRestRefusal;
import cn.juece.support.LinkVisitor;
import cn.juece.support.StaffBrowser;

/**
 * Expert review (Art. 30-35) through /api, our pages, the engine REST and the experts' links: the research period
 * counted from the delivery of the materials across the National Day holiday, a decline and its replacement draw, the
 * independence of opinions on the links, forged, expired and revoked links, a pool that cannot give a panel, direct
 * interests, manual additions, and publication on the portal.
 */
class ExpertReviewTest extends IntegrationTest {

    static final String JUSTICE = LifecycleDriver.JUSTICE;

    /** A decision at 组织专家论证 with its arrangement, a drawn panel and the invitations sent. */
    private String atExpertStage(LifecycleDriver d, String title) {
        String n = d.create(title);
        d.study(n);
        d.launch(n);
        d.draft(n, false, true, false);
        assertThat(d.openTaskKeys(n)).containsExactly("expert-conduct");
        d.seedExperts(n, 4, 2);
        d.arrangeExperts(n, List.of(LifecycleDriver.EXPERT_FIELD), false);
        var draw = d.as(LEAD).post("/api/decisions/" + n + "/experts/draws", Map.of());
        assertThat(draw.getStatusCode().value()).as(String.valueOf(draw.getBody())).isEqualTo(201);
        assertThat(d.as(LEAD).post("/api/decisions/" + n + "/experts/invitations", Map.of()).getStatusCode().value()).isEqualTo(200);
        return n;
    }

    private List<LinkVisitor> links(LifecycleDriver d, String n) {
        List<LinkVisitor> links = new ArrayList<>();
        for (JsonNode m : d.experts(n).get("members")) {
            if (m.get("status").asText().equals("INVITED")) {
                links.add(d.expertLink(n, m.get("expert").get("id").asLong()));
            }
        }
        return links;
    }

    private static void at(String day) {
        ClockUtil.setCurrentTime(Date.from(LocalDate.parse(day).atTime(10, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
    }

    @Test
    void duringDraftingThePageRecordsWhetherAReviewIsNeededAndRefusesTheRestUntilTheStepOpens() {
        var d = driver();
        String n = d.create("县城区道路命名方案（草案拟定）");
        d.study(n);
        d.launch(n);
        var page = new StaffBrowser(port, LEAD, PASSWORD);
        String html = page.get("/decisions/" + n + "/experts");
        assertThat(html).contains("是否需要专家论证（第三十条）", "尚未确定（在草案拟定阶段确定）", "不属于专业性、技术性较强的决策事项",
                "“组织专家论证”环节尚未开始或已办结");
        // the drafting arrangement itself (drafting.ArrangementService), with its ground and reason
        String back = page.post("/decisions/" + n + "/experts", "/decisions/" + n + "/experts/requirement",
                Map.of("required", "false", "ground", "NOT_TECHNICAL", "reason", "道路命名不涉及专业性、技术性较强的问题"));
        assertThat(page.get(URI.create(back).getPath())).contains("不开展专家论证；依据：不属于专业性、技术性较强的决策事项");
        // the rest waits for the step 组织专家论证
        back = page.post("/decisions/" + n + "/experts", "/decisions/" + n + "/experts/draws", Map.of());
        assertThat(page.get(URI.create(back).getPath())).contains("EXPERT_STAGE_NOT_OPEN");
        var api = d.as(LEAD).put("/api/decisions/" + n + "/experts/arrangement", Map.of("form", "WRITTEN", "fields", List.of("价格管理"), "complex", false));
        assertThat(api.getStatusCode().value()).isEqualTo(422);
        assertThat(api.getBody().get("code").asText()).isEqualTo("EXPERT_STAGE_NOT_OPEN");
    }

    @Test
    void theResearchPeriodCountsFromTheDeliveryAcrossTheNationalDayHoliday() {
        var d = driver();
        at("2024-09-25");
        String n = atExpertStage(d, "县城区供热价格调整方案（专家论证期限）");
        List<LinkVisitor> links = links(d, n);
        assertThat(links).hasSize(5);
        for (LinkVisitor l : links) {
            assertThat(l.accept().body()).contains("已接受邀请");
            assertThat(l.promiseConfidentiality().body()).contains("您已作出保密承诺", "论证材料尚未提供");
        }
        // the materials reach the experts on Fri 2024-09-27: the period counts from the 28th (Art. 34)
        at("2024-09-27");
        d.deliverMaterials(n);
        JsonNode period = period(d, n);
        assertThat(period.get("startedOn").asText()).isEqualTo("2024-09-27");
        // 09-29 (make-up working day), 09-30, 10-08 .. 10-11, Sat 10-12 (make-up working day): the 7th is 10-12
        assertThat(period.get("earliestClose").asText()).isEqualTo("2024-10-12");
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("自向论证专家提供论证材料之日（2024年9月27日）的次日起算") && s.contains("最早可于2024年10月12日办结"));
        for (LinkVisitor l : links) {
            assertThat(l.open().body()).contains("《决策草案》第1版", "《起草说明》第1版");
            assertThat(l.opinion("意见" + l.path().hashCode()).statusCode()).isEqualTo(200);
        }
        for (JsonNode m : d.experts(n).get("members")) {
            d.as(LEAD).put("/api/expert-opinions/" + m.get("opinion").get("id").asLong() + "/adoption",
                    Map.of("adoption", "PARTLY", "reason", "部分意见已吸收"));
        }
        d.as(LEAD).put("/api/decisions/" + n + "/experts/summary", Map.of("summary", "专家认为方案总体可行，建议分步实施。"));
        assertThat(d.as(LEAD).post("/api/decisions/" + n + "/experts/feedback", Map.of()).getStatusCode().value()).isEqualTo(200);
        assertThat(d.as(LEAD).post("/api/decisions/" + n + "/experts/opinion-material", Map.of()).getStatusCode().value()).isEqualTo(201);

        // Fri 2024-10-11: the 6th working day; refused on /api, the engine REST and the dossier page
        at("2024-10-11");
        String task = d.task(n, "expert-conduct").get("id").asText();
        var api = d.as(LEAD).complete(task, "COMPLETED", null);
        assertThat(api.getStatusCode().value()).isEqualTo(422);
        assertThat(api.getBody().get("code").asText()).isEqualTo("PERIOD_MINIMUM_NOT_MET");
        assertThat(api.getBody().get("message").asText()).contains("第三十四条", "最早可于2024年10月12日办结");
        var rest = d.as(LEAD).raw().post().uri("/engine-rest/task/" + task + "/complete").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("variables", Map.of("outcome", Map.of("value", "COMPLETED", "type", "String")))).retrieve().toEntity(JsonNode.class);
        EngineRestRefusal.assertRefused(rest, "PERIOD_MINIMUM_NOT_MET", "最早可于2024年10月12日办结");
        var page = new StaffBrowser(port, LEAD, PASSWORD);
        String back = page.post("/decisions/" + n, "/decisions/" + n + "/tasks/" + task + "/complete", Map.of("outcome", "COMPLETED"));
        assertThat(page.get(URI.create(back).getPath())).contains("最早可于2024年10月12日办结", "PERIOD_MINIMUM_NOT_MET");
        assertThat(d.openTaskKeys(n)).containsExactly("expert-conduct");

        // Sat 2024-10-12, a make-up working day: the 7th working day, the step closes
        at("2024-10-12");
        d.complete(LEAD, n, "expert-conduct", "fgj", "COMPLETED", null);
        JsonNode facts = d.as(LifecycleDriver.READER).get("/api/decisions/" + n + "/facts").getBody();
        List<String> kinds = new ArrayList<>();
        facts.forEach(f -> kinds.add(f.get("kind").asText()));
        assertThat(kinds).contains("EXPERT_DRAW", "EXPERT_MATERIALS_DELIVERED", "EXPERT_FEEDBACK", "EXPERT_REVIEW");
        for (JsonNode f : facts) {
            if (f.get("kind").asText().equals("EXPERT_REVIEW")) {
                assertThat(f.get("detail").asText()).contains("论证专家5人，论证意见5条（采纳0、部分采纳5、不采纳0）", "《专家论证意见及采纳情况》第1版");
            }
        }
    }

    private static JsonNode period(LifecycleDriver d, String n) {
        for (JsonNode s : d.as(LifecycleDriver.READER).get("/api/decisions/" + n + "/periods").getBody().get("steps")) {
            if (s.get("taskKey").asText().equals("expert-conduct") && s.get("state").asText().equals("OPEN")) {
                return s;
            }
        }
        throw new AssertionError("no open period of expert-conduct");
    }

    @Test
    void theStepIsRefusedOnEveryPathUntilEveryExpertGaveAnOpinion() {
        var d = driver();
        String n = atExpertStage(d, "县城区供水价格调整方案（意见未齐）");
        List<LinkVisitor> links = links(d, n);
        links.forEach(l -> {
            l.accept();
            l.promiseConfidentiality();
        });
        d.deliverMaterials(n);
        // the materials are delivered: before they were, an expert could not give an opinion
        for (int i = 0; i < links.size() - 1; i++) {
            links.get(i).opinion("意见" + i);
        }
        d.waitForMinimum(n, "expert-conduct");
        String task = d.task(n, "expert-conduct").get("id").asText();
        var api = d.as(LEAD).complete(task, "COMPLETED", null);
        assertThat(api.getStatusCode().value()).isEqualTo(422);
        assertThat(api.getBody().get("code").asText()).isEqualTo("EXPERT_OPINION_MISSING");
        assertThat(api.getBody().get("message").asText()).contains("尚未提交论证意见的专家", "第三十三条");
        var rest = d.as(LEAD).raw().post().uri("/engine-rest/task/" + task + "/complete").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body(Map.of("variables", Map.of("outcome", Map.of("value", "COMPLETED", "type", "String")))).retrieve().toEntity(JsonNode.class);
        EngineRestRefusal.assertRefused(rest, "EXPERT_OPINION_MISSING", "尚未提交论证意见的专家");
        var page = new StaffBrowser(port, LEAD, PASSWORD);
        String back = page.post("/decisions/" + n, "/decisions/" + n + "/tasks/" + task + "/complete", Map.of("outcome", "COMPLETED"));
        assertThat(page.get(URI.create(back).getPath())).contains("尚未提交论证意见的专家", "EXPERT_OPINION_MISSING");
        // the dossier checklist and the expert page show the same gates
        JsonNode checklist = d.as(LEAD).get("/api/decisions/" + n + "/checklist").getBody();
        Map<String, Boolean> met = new HashMap<>();
        checklist.forEach(c -> met.put(c.get("code").asText(), c.get("met").asBoolean()));
        assertThat(met).containsEntry("EXPERT_PANEL_COMPOSITION", true).containsEntry("EXPERT_MATERIALS_NOT_DELIVERED", true)
                .containsEntry("EXPERT_OPINION_MISSING", false).containsEntry("EXPERT_FEEDBACK_NOT_SENT", false);
        assertThat(page.get("/decisions/" + n + "/experts")).contains("每位接受邀请的专家均已独立提交论证意见", "缺少", "尚未提交");
        // the feedback waits for every opinion too
        var feedback = d.as(LEAD).post("/api/decisions/" + n + "/experts/feedback", Map.of());
        assertThat(feedback.getBody().get("code").asText()).isEqualTo("EXPERT_OPINION_MISSING");
    }

    @Test
    void aDeclineDrawsAReplacementUnderTheSameConstraintsThatAnyoneCanRunAgain() {
        var d = driver();
        String n = atExpertStage(d, "县城区燃气价格调整方案（专家谢绝）");
        List<LinkVisitor> links = links(d, n);
        JsonNode before = d.experts(n);
        var declined = links.get(0).decline("时间冲突，无法参加");
        assertThat(declined.statusCode()).isEqualTo(200);
        assertThat(declined.body()).contains("您已谢绝本次论证邀请");
        JsonNode after = d.experts(n);
        assertThat(after.get("draws")).hasSize(2);
        JsonNode replacement = after.get("draws").get(1);
        assertThat(replacement.get("kind").asText()).isEqualTo("REPLACEMENT");
        assertThat(replacement.get("outcome").asText()).isEqualTo("DRAWN");
        assertThat(replacement.get("seed").asText()).hasSize(64).isNotEqualTo(after.get("draws").get(0).get("seed").asText());
        assertThat(replacement.get("replacesMemberId").asLong()).isPositive();
        long active = 0;
        long legal = 0;
        for (JsonNode m : after.get("members")) {
            if (!m.get("status").asText().equals("DECLINED")) {
                active++;
                legal += m.get("expert").get("type").asText().equals("LEGAL") ? 1 : 0;
            }
        }
        assertThat(active).isEqualTo(5);
        assertThat(legal).isBetween(1L, 2L);
        assertThat(after.get("members")).hasSize(before.get("members").size() + 1);
        // the replacement was invited at once through the outbox
        JsonNode fresh = after.get("members").get(after.get("members").size() - 1);
        assertThat(fresh.get("status").asText()).isEqualTo("INVITED");
        assertThat(d.expertLink(n, fresh.get("expert").get("id").asLong()).open().body()).contains("专家论证邀请", "接受邀请，参加论证");
        // anyone who sees the decision can run both draws again from their seeds and candidates
        for (JsonNode draw : after.get("draws")) {
            JsonNode rerun = d.as(JUSTICE).get("/api/expert-draws/" + draw.get("id").asLong() + "/rerun").getBody();
            assertThat(rerun.get("same").asBoolean()).as(String.valueOf(rerun)).isTrue();
        }
        // a second answer from the same link is refused
        var again = links.get(0).accept();
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).contains("您已答复过本次论证邀请");
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("谢绝论证邀请，理由：时间冲突")).anyMatch(s -> s.startsWith("补充抽取论证专家："));
    }

    @Test
    void anExpertReadsNoOtherExpertsOpinionBeforeOrAfterGivingTheirOwn() {
        var d = driver();
        String n = atExpertStage(d, "县城区污水处理费调整方案（独立意见）");
        List<LinkVisitor> links = links(d, n);
        links.forEach(l -> {
            l.accept();
            l.promiseConfidentiality();
        });
        d.deliverMaterials(n);
        LinkVisitor first = links.get(0);
        LinkVisitor second = links.get(1);
        assertThat(first.opinion("甲专家独有的观点ALPHA").body()).contains("甲专家独有的观点ALPHA：必要性充分", "您的论证意见");
        assertThat(second.open().body()).doesNotContain("ALPHA").contains("一、必要性");
        assertThat(second.opinion("乙专家独有的观点BETA").body()).contains("BETA").doesNotContain("ALPHA");
        assertThat(first.open().body()).contains("ALPHA").doesNotContain("BETA");
        // a second opinion is refused, the first one stays
        var twice = first.opinion("改过的观点");
        assertThat(twice.statusCode()).isEqualTo(422);
        assertThat(twice.body()).contains("您已提交论证意见，不能修改");
        // staff of the lead unit read every opinion
        String staff = new StaffBrowser(port, LEAD, PASSWORD).get("/decisions/" + n + "/experts");
        assertThat(staff).contains("ALPHA", "BETA");
    }

    @Test
    void forgedExpiredAndRevokedLinksAreRefused() throws Exception {
        var d = driver();
        String n = atExpertStage(d, "县城区停车收费调整方案（链接）");
        List<LinkVisitor> links = links(d, n);
        LinkVisitor link = links.get(0);
        String token = link.path().substring(link.path().lastIndexOf('/') + 1);
        // forged: the signature changed, or another id with any signature
        String forged = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        HttpResponse<String> r = plainGet("/public/experts/" + forged);
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("链接无效", "EXPERT_LINK_INVALID");
        String otherId = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("1.9999999999".getBytes()) + token.substring(token.indexOf('.'));
        assertThat(plainGet("/public/experts/" + otherId).statusCode()).isEqualTo(404);
        assertThat(plainGet("/public/experts/nonsense").statusCode()).isEqualTo(404);
        // a post to a forged link, with a good token from the genuine page, is refused the same way
        link.open();
        var forgedPost = link.postTo("/public/experts/" + forged + "/answer", Map.of("answer", "ACCEPT"));
        assertThat(forgedPost.statusCode()).isEqualTo(404);
        assertThat(forgedPost.body()).contains("链接无效");

        // revoked by the lead unit: refused; a new link works
        LinkVisitor revoked = links.get(1);
        assertThat(revoked.open().body()).contains("接受邀请，参加论证");
        long memberId = memberOf(d, n, revoked);
        assertThat(d.as(JUSTICE).post("/api/expert-members/" + memberId + "/revocation", Map.of()).getStatusCode().value()).isEqualTo(403);
        assertThat(d.as(LEAD).post("/api/expert-members/" + memberId + "/revocation", Map.of()).getStatusCode().value()).isEqualTo(200);
        r = plainGet(revoked.path());
        assertThat(r.statusCode()).isEqualTo(410);
        assertThat(r.body()).contains("已被决策承办单位撤销", "EXPERT_LINK_REVOKED");
        assertThat(revoked.accept().statusCode()).isEqualTo(410);
        assertThat(d.as(LEAD).post("/api/expert-members/" + memberId + "/invitation", Map.of()).getStatusCode().value()).isEqualTo(200);
        long expertId = expertOf(d, n, memberId);
        assertThat(d.expertLink(n, expertId).accept().body()).contains("已接受邀请");

        // expired: 30 days after it was sent (juece.expert.link-validity)
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(java.time.Duration.ofDays(31))));
        r = plainGet(link.path());
        assertThat(r.statusCode()).isEqualTo(410);
        assertThat(r.body()).contains("该论证邀请链接已过期", "EXPERT_LINK_EXPIRED");
        // every use was audited, the expert acting as a named external person
        JsonNode audit = d.as(LifecycleDriver.READER).get("/api/decisions/" + n + "/audit").getBody();
        boolean expertActed = false;
        for (JsonNode a : audit) {
            if (a.get("action").asText().equals("EXPERT_ACTED")) {
                expertActed = true;
                assertThat(a.get("actorId").asText()).startsWith("expert-");
                assertThat(a.get("actorRoles").asText()).contains("论证专家（外部人员");
            }
        }
        assertThat(expertActed).isTrue();
    }

    private static long memberOf(LifecycleDriver d, String n, LinkVisitor link) {
        // the member whose newest invitation mail carries this link
        for (JsonNode mail : d.as(ADMIN).get("/api/mail").getBody()) {
            if (mail.get("kind").asText().equals("EXPERT_INVITATION") && mail.get("link").asText().endsWith(link.path())) {
                long expertId = Long.parseLong(mail.get("recipientId").asText().substring("expert-".length()));
                for (JsonNode m : d.experts(n).get("members")) {
                    if (m.get("expert").get("id").asLong() == expertId) {
                        return m.get("id").asLong();
                    }
                }
            }
        }
        throw new AssertionError("no member for " + link.path());
    }

    private static long expertOf(LifecycleDriver d, String n, long memberId) {
        for (JsonNode m : d.experts(n).get("members")) {
            if (m.get("id").asLong() == memberId) {
                return m.get("expert").get("id").asLong();
            }
        }
        throw new AssertionError("no member " + memberId);
    }

    private HttpResponse<String> plainGet(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aPoolThatCannotGiveAPanelSaysWhichConstraintFailsAndWhatItLacks() {
        var d = driver();
        String n = d.create("县辐射环境监测方案（领域不足）");
        d.study(n);
        d.launch(n);
        d.draft(n, false, true, false);
        String field = "辐射安全" + (System.nanoTime() % 100000);
        assertThat(d.as(LEAD).post("/api/expert-fields", Map.of("name", field)).getStatusCode().value()).isEqualTo(403);
        assertThat(d.as(ADMIN).post("/api/expert-fields", Map.of("name", field)).getStatusCode().value()).isEqualTo(201);
        d.seedExperts(n, 4, 2);
        d.arrangeExperts(n, List.of(LifecycleDriver.EXPERT_FIELD, field), false);
        var draw = d.as(LEAD).post("/api/decisions/" + n + "/experts/draws", Map.of());
        assertThat(draw.getStatusCode().value()).isEqualTo(422);
        assertThat(draw.getBody().get("code").asText()).isEqualTo("EXPERT_FIELD_UNCOVERED");
        assertThat(draw.getBody().get("message").asText()).contains("专业领域未覆盖", "“" + field + "”领域", "池中符合条件的该领域行业专家0人", "专家库在库专家");
        // nothing was recorded by the refused draw
        assertThat(d.experts(n).get("draws")).isEmpty();
        // a smaller panel only with the head's reason (DECISIONS.md 12)
        var clerk = d.as(LEAD).post("/api/decisions/" + n + "/experts/smaller-panel", Map.of("size", 3, "reason", "本领域专家稀缺，经研究减少人数"));
        assertThat(clerk.getStatusCode().value()).isEqualTo(403);
        assertThat(clerk.getBody().get("code").asText()).isEqualTo("DEVIATION_NOT_UNIT_HEAD");
        var tooSmall = d.as(LEAD).post("/api/decisions/" + n + "/experts/draws", Map.of("size", 4));
        assertThat(tooSmall.getBody().get("code").asText()).isEqualTo("EXPERT_PANEL_TOO_SMALL");
        assertThat(d.as("fgj_head").post("/api/decisions/" + n + "/experts/smaller-panel", Map.of("size", 3, "reason", "本领域专家稀缺，经研究减少人数"))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(d.as(JUSTICE).get("/api/supervision").getBody().get("deviations").toString()).contains(n, "论证专家少于5人");
    }

    @Test
    void expertsWithADirectInterestAreNeitherDrawnNorAddedAndManualAdditionsNeedAReason() {
        var d = driver();
        String n = d.create("县城区集中供热特许经营方案（利害关系）");
        d.study(n);
        d.launch(n);
        d.draft(n, false, true, false);
        String tag = n + "-利害";
        // one works for the lead unit, one declares an interest in a party, one is tied to the party
        long employed = createExpert(d, "县发展和改革局专家" + tag, "县发展和改革局", "INDUSTRY", "", List.of());
        long declared = createExpert(d, "声明专家" + tag, "市工程咨询院", "INDUSTRY", "本人近三年为冠县热力有限公司提供咨询服务", List.of());
        long tied = createExpert(d, "关联专家" + tag, "市工程咨询院", "LEGAL", "", List.of("冠县热力有限公司"));
        d.seedExperts(tag, 4, 2);
        d.arrangeExperts(n, List.of(LifecycleDriver.EXPERT_FIELD), false);
        JsonNode draw = d.as(LEAD).post("/api/decisions/" + n + "/experts/draws", Map.of()).getBody();
        Map<Long, String> excluded = new HashMap<>();
        for (JsonNode c : draw.get("candidates")) {
            excluded.put(c.get("expertId").asLong(), c.get("excluded").isNull() ? null : c.get("excluded").asText());
        }
        assertThat(excluded.get(employed)).contains("直接利害关系", "工作单位“县发展和改革局”为决策承办单位");
        assertThat(excluded.get(declared)).contains("利益声明涉及“冠县热力有限公司”");
        assertThat(excluded.get(tied)).contains("任职或关联单位“冠县热力有限公司”");
        assertThat(draw.get("candidates").toString()).doesNotContain("\"chosen\":true,\"expertId\":" + employed);
        for (JsonNode c : draw.get("candidates")) {
            if (c.get("chosen").asBoolean()) {
                assertThat(c.get("expertId").asLong()).isNotIn(employed, declared, tied);
            }
        }
        // added by hand: refused for the interest, refused without a reason; an outside expert with a reason joins
        var interested = d.as(LEAD).post("/api/decisions/" + n + "/experts/members", Map.of("expertId", declared, "reason", "该专家熟悉本地供热行业情况"));
        assertThat(interested.getBody().get("code").asText()).isEqualTo("EXPERT_DIRECT_INTEREST");
        assertThat(interested.getBody().get("message").asText()).contains("第三十一条", "冠县热力有限公司");
        Map<String, Object> outside = Map.of("name", "库外专家" + tag, "organisation", "省城市规划设计研究院", "type", "INDUSTRY",
                "fields", List.of(LifecycleDriver.EXPERT_FIELD), "email", "outside" + System.nanoTime() + "@expert.example.cn");
        var noReason = d.as(LEAD).post("/api/decisions/" + n + "/experts/members", Map.of("expert", outside, "reason", "需要"));
        assertThat(noReason.getBody().get("code").asText()).isEqualTo("EXPERT_MANUAL_REASON_REQUIRED");
        var added = d.as(LEAD).post("/api/decisions/" + n + "/experts/members", Map.of("expert", outside,
                "reason", "注重选择持不同意见的专家，该专家曾公开提出不同观点"));
        assertThat(added.getStatusCode().value()).as(String.valueOf(added.getBody())).isEqualTo(201);
        assertThat(added.getBody().get("expert").get("inPool").asBoolean()).isFalse();
        // the outside expert is not in the pool
        assertThat(d.as(ADMIN).get("/api/experts").getBody().get("experts").toString()).doesNotContain("库外专家" + tag);
    }

    private static long createExpert(LifecycleDriver d, String name, String organisation, String type, String interests, List<String> ties) {
        var r = d.as(ADMIN).post("/api/experts", Map.of("name", name, "organisation", organisation, "type", type,
                "fields", type.equals("LEGAL") ? List.of("法律") : List.of(LifecycleDriver.EXPERT_FIELD), "email", "x" + System.nanoTime() + "@e.cn",
                "interests", interests, "affiliations", ties));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return r.getBody().get("id").asLong();
    }

    @Test
    void contactDetailsAreForAdministratorsAndTheLeadUnitAndTheReviewIsNotSeenByOthers() {
        var d = driver();
        String n = atExpertStage(d, "县城区公交票价调整方案（个人信息）");
        JsonNode lead = d.as(LEAD).get("/api/decisions/" + n + "/experts").getBody();
        assertThat(lead.get("contactsShown").asBoolean()).isTrue();
        // the pool is shared by every test of the run: the drawn expert may have been added by another test, so take its own address
        String email = lead.get("review").get("members").get(0).get("expert").get("email").asText();
        assertThat(email).contains("@");
        JsonNode justice = d.as(JUSTICE).get("/api/decisions/" + n + "/experts").getBody();
        assertThat(justice.get("contactsShown").asBoolean()).isFalse();
        assertThat(justice.get("review").get("members").get(0).get("expert").get("email").isNull()).isTrue();
        assertThat(justice.get("review").get("members").get(0).get("expert").get("phone").isNull()).isTrue();
        assertThat(new StaffBrowser(port, JUSTICE, PASSWORD).get("/decisions/" + n + "/experts")).doesNotContain(email, "@expert.example.cn")
                .contains("仅系统管理员和决策承办单位可见");
        // the pool: contacts for administrators only
        assertThat(d.as(LEAD).get("/api/experts").getBody().toString()).doesNotContain(email, "@expert.example.cn");
        assertThat(d.as(ADMIN).get("/api/experts").getBody().toString()).contains(email, "@expert.example.cn");
        assertThat(d.as(LEAD).post("/api/experts", Map.of("name", "某", "organisation", "某", "type", "LEGAL", "email", "a@b.cn"))
                .getBody().get("code").asText()).isEqualTo("EXPERT_POOL_ADMIN_ONLY");
        // another unit's clerk: the review answers as an unknown decision; its members and draws as unknown ids
        String other = "zjj_sun";
        assertThat(d.as(other).get("/api/decisions/" + n + "/experts").getStatusCode().value()).isEqualTo(404);
        long memberId = d.experts(n).get("members").get(0).get("id").asLong();
        var hidden = d.as(other).post("/api/expert-members/" + memberId + "/invitation", Map.of());
        assertThat(hidden.getStatusCode().value()).isEqualTo(404);
        assertThat(hidden.getBody().get("code").asText()).isEqualTo("EXPERT_MEMBER_NOT_FOUND");
        long drawId = d.experts(n).get("draws").get(0).get("id").asLong();
        assertThat(d.as(other).get("/api/expert-draws/" + drawId + "/rerun").getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void thePortalItemPageShowsTheReviewAndThePublishedOpinionsWithoutContacts() throws Exception {
        var justice = as(JUSTICE);
        var organ = as(LifecycleDriver.ORGAN);
        String key = justice.post("/api/catalogues", Map.of("year", 2071)).getBody().get("key").asText();
        long itemId = justice.post("/api/catalogues/" + key + "/items", new HashMap<>(Map.of("name", "县城区集中供热价格调整（专家论证公开）",
                "leadUnit", "fgj", "legalBasis", "《价格法》", "plannedTime", "第三季度", "hearingPlanned", false,
                "enterpriseRelated", false))).getBody().get("id").asLong();
        for (JsonNode t : justice.get("/api/catalogues/" + key + "/tasks").getBody()) {
            justice.post("/api/catalogues/" + key + "/tasks/" + t.get("id").asText() + "/complete", Map.of("outcome", "SUBMITTED"));
        }
        for (JsonNode t : organ.get("/api/catalogues/" + key + "/tasks").getBody()) {
            organ.post("/api/catalogues/" + key + "/tasks/" + t.get("id").asText() + "/complete", Map.of("outcome", "CONFIRMED", "reason", "确认"));
        }
        justice.put("/api/catalogues/" + key + "/party-approval", Map.of("date", "2025-12-20", "documentNumber", "冠发〔2071〕1号"));
        for (JsonNode t : justice.get("/api/catalogues/" + key + "/tasks").getBody()) {
            justice.post("/api/catalogues/" + key + "/tasks/" + t.get("id").asText() + "/complete", Map.of("outcome", "PUBLISHED"));
        }
        String n = organ.post("/api/catalogues/" + key + "/items/" + itemId + "/decision", Map.of()).getBody().get("number").asText();
        var d = driver();
        d.study(n);
        d.launch(n);
        d.draft(n, false, true, false);
        d.expertReview(n);
        String page = plainGet("/public/catalogue/2071/items/" + itemId).body();
        assertThat(page).contains("已组织专家论证（书面咨询，论证专家5人").doesNotContain("专家意见：必要性充分");
        var refused = d.as(JUSTICE).post("/api/decisions/" + n + "/experts/publication", Map.of());
        assertThat(refused.getBody().get("code").asText()).isEqualTo("NOT_LEAD_UNIT");
        assertThat(d.as(LEAD).post("/api/decisions/" + n + "/experts/publication", Map.of()).getStatusCode().value()).isEqualTo(200);
        page = plainGet("/public/catalogue/2071/items/" + itemId).body();
        assertThat(page).contains("依据第三十五条公开的论证专家信息和论证意见", "专家意见：必要性充分", "市价格协会", "采纳情况：")
                .doesNotContain("@expert.example.cn", "0635-1234567");
    }

    @Test
    void thePoolImportsCsvAndXlsxRowByRowAndSaysWhichRowAndColumnIsWrong() throws Exception {
        String tag = String.valueOf(System.nanoTime() % 1000000);
        String csv = "\uFEFF姓名,工作单位,职称职务,专家类别,专业领域,联系电话,电子邮箱,利益声明,任职或关联单位,状态\r\n"
                + "导入甲" + tag + ",市价格协会,高级经济师,行业专家,价格管理、能源,0635-8888888,jia" + tag + "@e.cn,无,,在库\r\n"
                + "导入乙" + tag + ",市律师协会,律师,法律专家,法律,,yi" + tag + "@e.cn,\"曾任某公司法律顾问\",\"甲公司、乙公司\",\r\n"
                + "导入丙" + tag + ",,工程师,行业专家,价格管理,,bing@e.cn,,,\r\n"
                + "导入丁" + tag + ",市规划院,,园艺专家,不存在的领域,,not-an-email,,,暂停\r\n";
        var r = upload("专家名单.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        assertThat(r.getBody().get("imported").asInt()).isEqualTo(2);
        List<String> problems = new ArrayList<>();
        r.getBody().get("problems").forEach(p -> problems.add("第" + p.get("row").asInt() + "行“" + p.get("column").asText() + "”：" + p.get("message").asText()));
        assertThat(problems).contains("第4行“工作单位”：必填")
                .anyMatch(p -> p.startsWith("第5行“专家类别”：“园艺专家”不是专家类别"))
                .anyMatch(p -> p.startsWith("第5行“专业领域”：“不存在的领域”不在专业领域清单中"))
                .anyMatch(p -> p.startsWith("第5行“电子邮箱”："))
                .anyMatch(p -> p.startsWith("第5行“状态”："));
        String pool = as(ADMIN).get("/api/experts").getBody().toString();
        assertThat(pool).contains("导入甲" + tag, "导入乙" + tag, "甲公司").doesNotContain("导入丙" + tag, "导入丁" + tag);

        // .xlsx through Apache POI: one good row, one without a contact
        var out = new java.io.ByteArrayOutputStream();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = wb.createSheet("专家");
            String[][] rows = {{"专家类别", "姓名", "工作单位", "专业领域", "电子邮箱", "联系电话"},
                    {"技术专家", "表格甲" + tag, "县能源研究所", "能源", "biao" + tag + "@e.cn", ""},
                    {"法律专家", "表格乙" + tag, "县律师事务所", "法律", "", ""}};
            for (int i = 0; i < rows.length; i++) {
                var row = sheet.createRow(i);
                for (int j = 0; j < rows[i].length; j++) {
                    row.createCell(j).setCellValue(rows[i][j]);
                }
            }
            wb.write(out);
        }
        r = upload("专家名单.xlsx", out.toByteArray());
        assertThat(r.getBody().get("imported").asInt()).isEqualTo(1);
        assertThat(r.getBody().get("problems").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(r.getBody().get("problems").get(0).get("column").asText()).isEqualTo("联系电话");
        // a clerk may not import; another format is refused with its reason
        var clerk = new cn.juece.support.ApiClient(port, LEAD, PASSWORD);
        assertThat(uploadAs(clerk, "专家名单.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getBody().get("code").asText())
                .isEqualTo("EXPERT_POOL_ADMIN_ONLY");
        assertThat(upload("专家名单.txt", "x".getBytes()).getBody().get("code").asText()).isEqualTo("EXPERT_IMPORT_TYPE");
        // the admin page shows the pool's last update and the import form
        String page = new StaffBrowser(port, ADMIN, PASSWORD).get("/admin/experts");
        assertThat(page).contains("专家库最近更新", "表格甲" + tag, "批量导入");
    }

    private org.springframework.http.ResponseEntity<JsonNode> upload(String name, byte[] bytes) {
        return uploadAs(as(ADMIN), name, bytes);
    }

    private static org.springframework.http.ResponseEntity<JsonNode> uploadAs(cn.juece.support.ApiClient client, String name, byte[] bytes) {
        var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        parts.add("file", new org.springframework.core.io.ByteArrayResource(bytes) {
            @Override
            public String getFilename() {
                return name;
            }
        });
        return client.raw().post().uri("/api/experts/import").contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA)
                .body(parts).retrieve().toEntity(JsonNode.class);
    }
}
