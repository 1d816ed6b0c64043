package cn.juece.report;

import static cn.juece.LifecycleDriver.JUSTICE;
import static cn.juece.LifecycleDriver.LEAD;
import static cn.juece.LifecycleDriver.ORGAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.support.AppClock;
import cn.juece.support.StaffBrowser;

/**
 * The annual figures (issue 16) against a seeded year: decisions driven to different ends in 2053 — a year no other
 * test uses, so every figure of that year is asserted exactly — then the JSON, the page with its SVG bars and figure
 * pages, the .xlsx and the .docx read back; and who is refused.
 */
class AnnualFiguresTest extends IntegrationTest {

    static final int YEAR = 2053;

    @Test
    void theFiguresOfASeededYearCountTheDecisionsDrivenToEachEnd() throws Exception {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(YEAR, 3, 3, 9, 0).atZone(AppClock.ZONE).toInstant()));
        LifecycleDriver d = driver();

        // Three decisions through the legality review together (its 7-working-day minimum moves the clock once).
        String approved = d.create("年度统计：城区停车收费调整方案（同意）");
        String rejected = d.create("年度统计：老城区改造实施方案（不同意）");
        String terminated = d.create("年度统计：户外广告设置规定（终止）");
        for (String n : List.of(approved, rejected, terminated)) {
            d.study(n);
            d.launch(n);
        }
        d.draft(approved, false, false, true);
        d.draft(rejected, false, false, false);
        d.draft(terminated, false, false, false);
        d.assessRisk(approved);                                       // Art. 38: low risk
        for (String n : List.of(approved, rejected, terminated)) {
            d.submitForLegality(n);
        }
        d.review(approved, "PASSED", null);
        d.review(rejected, "PASSED", null);
        d.review(terminated, "ILLEGAL", "超越县级人民政府的法定权限");     // Art. 45 (一)
        d.complete(ORGAN, terminated, "legality-disposition", "gx-organ", "TERMINATE", "县政府常务会议决定终止");
        d.meeting(approved, "APPROVED");                              // Art. 50, a citizen sits in
        d.meeting(rejected, "REJECTED");

        // Art. 3: found out of scope and confirmed by the justice bureau.
        String outOfScope = d.create("年度统计：机关内部考勤管理办法（不适用）");
        d.complete(LEAD, outOfScope, "proposal-study", "fgj", "OUT_OF_SCOPE", "属于政府内部事务管理，依第三条不适用本规定");
        d.complete(JUSTICE, outOfScope, "proposal-scope-confirm", "sfj", "CONFIRMED", "同意，属于内部事务管理");
        // One launched and drafting, one only registered.
        String launched = d.create("年度统计：农村供水保障方案（已启动）");
        d.study(launched);
        d.launch(launched);
        String registered = d.create("年度统计：城区公园免费开放方案（已登记）");

        // Art. 4: the year's catalogue, one item decided, one not registered.
        var cat = d.as(JUSTICE).post("/api/catalogues", Map.of("year", YEAR));
        assertThat(cat.getStatusCode().value()).as(String.valueOf(cat.getBody())).isEqualTo(201);
        String key = cat.getBody().get("key").asText();
        long first = addItem(d, key, "城区停车收费调整");
        addItem(d, key, "城乡公交一体化");
        var link = d.as(JUSTICE).put("/api/catalogues/" + key + "/items/" + first + "/decision", Map.of("decisionNumber", approved));
        assertThat(link.getStatusCode().value()).as(String.valueOf(link.getBody())).isEqualTo(200);

        var response = d.as(LifecycleDriver.OFFICE).get("/api/reports/annual?year=" + YEAR);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        JsonNode r = response.getBody();
        assertThat(r.get("organCode").asText()).isEqualTo("GX");
        assertThat(r.get("year").asInt()).isEqualTo(YEAR);
        Map<String, JsonNode> f = figures(r);

        assertFigure(f, "REGISTERED", approved, rejected, terminated, outOfScope, launched, registered);
        assertFigure(f, "LAUNCHED", approved, rejected, terminated, launched);
        assertFigure(f, "NOT_LAUNCHED");
        assertFigure(f, "DECIDED", approved, rejected);
        assertFigure(f, "DECIDED_APPROVED", approved);
        assertFigure(f, "DECIDED_APPROVED_IN_PRINCIPLE");
        assertFigure(f, "DECIDED_REJECTED", rejected);
        assertFigure(f, "OUT_OF_SCOPE", outOfScope);
        assertFigure(f, "TERMINATED", terminated);
        // by stage: where each of the year's decisions stands now
        assertFigure(f, "STAGE_PROPOSAL", registered);
        assertFigure(f, "STAGE_DRAFTING", launched);
        // ended: out of scope and terminated; a 不同意 decision too once its procedure has ended (Art. 50, 59)
        assertThat(numbers(f.get("STAGE_ENDED"))).contains(outOfScope, terminated).doesNotContain(registered, launched);
        Map<String, List<String>> byStage = new HashMap<>();
        for (String n : List.of(approved, rejected)) {
            if (!d.status(n).equals("IN_PROGRESS")) {
                byStage.computeIfAbsent("STAGE_ENDED", k -> new ArrayList<>()).add(n);
            } else {
                byStage.computeIfAbsent("STAGE_" + d.stage(n), k -> new ArrayList<>()).add(n);
            }
        }
        byStage.forEach((stage, numbers) -> assertThat(numbers(f.get(stage))).as(stage).containsAll(numbers));
        long staged = f.keySet().stream().filter(k -> k.startsWith("STAGE_")).mapToLong(k -> f.get(k).get("value").asLong()).sum();
        assertThat(staged).as("each registered decision counts in one stage").isEqualTo(6);
        // participation, expert review: none performed this year
        for (String none : List.of("COMMENT_NOTICES", "OPINIONS_RECEIVED", "OPINIONS_ADOPTED", "CAMPAIGNS", "SYMPOSIUMS", "HEARINGS",
                "QUESTIONNAIRES", "EXPERT_REVIEWS", "EXPERT_OPINIONS", "EXPERT_OPINIONS_ADOPTED", "RISK_HIGH", "RISK_MEDIUM",
                "DEVIATIONS", "DEVIATIONS_PERIODS", "OVERDUE_STEPS", "CATALOGUE_REMOVED", "LEGALITY_PROVISIONS_ILLEGAL")) {
            assertFigure(f, none);
        }
        assertFigure(f, "RISK_ASSESSMENTS", approved);
        assertFigure(f, "RISK_LOW", approved);
        // legality reviews (Art. 45): three reviews, two lawful, one beyond authority
        assertValue(f, "LEGALITY_REVIEWS", 3, approved, rejected, terminated);
        assertValue(f, "LEGALITY_PASSED", 2, approved, rejected);
        assertValue(f, "LEGALITY_ILLEGAL", 1, terminated);
        // meetings (Art. 48-50) and the openness excerpt's at least 3 with the public sitting in
        assertValue(f, "MEETINGS", 2, approved, rejected);
        JsonNode open = f.get("MEETINGS_WITH_PUBLIC");
        assertValue(f, "MEETINGS_WITH_PUBLIC", 2, approved, rejected);
        assertThat(open.get("target").asInt()).isEqualTo(3);
        assertThat(open.get("targetMet").asBoolean()).isFalse();
        assertThat(open.get("records")).hasSize(2);
        // the catalogue: one item decided, one carried over
        assertValue(f, "CATALOGUE_ITEMS", 2, approved);
        assertValue(f, "CATALOGUE_DONE", 1, approved);
        assertValue(f, "CATALOGUE_CARRIED_OVER", 1);
        assertThat(f.get("CATALOGUE_CARRIED_OVER").get("records").get(0).asText()).contains("城乡公交一体化", "未登记决策事项");

        // the page: SVG bars drawn on the server, each figure linking to its decisions
        StaffBrowser office = new StaffBrowser(port, LifecycleDriver.OFFICE, PASSWORD);
        String page = office.get("/reports/annual?year=" + YEAR);
        assertThat(page).contains("冠县人民政府" + YEAR + "年度重大行政决策统计", "<svg", "<rect", "决策事项办理情况", "其中：同意",
                "年度要求不少于3次，未达到", "/reports/annual/figure?year=" + YEAR + "&amp;organ=GX&amp;key=DECIDED_APPROVED",
                "导出 Excel（.xlsx）", "导出 Word（.docx）", ">年度统计<");
        assertThat(page).as("no asset from elsewhere").doesNotContain("cdn", "src=\"http", "href=\"http");
        String figurePage = office.get("/reports/annual/figure?year=" + YEAR + "&key=DECIDED_REJECTED");
        assertThat(figurePage).contains("其中：不同意", "1件", "/decisions/" + rejected, "年度统计：老城区改造实施方案（不同意）")
                .doesNotContain(approved);

        // the .xlsx opens with POI and holds the figures
        byte[] xlsx = d.as(LifecycleDriver.OFFICE).raw().get().uri("/api/reports/annual/export.xlsx?year=" + YEAR).retrieve().body(byte[].class);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Map<String, Row> rows = new HashMap<>();
            for (Row row : wb.getSheet("年度统计")) {
                if (row.getRowNum() > 1) {
                    rows.put(row.getCell(3).getStringCellValue(), row);
                }
            }
            assertThat(rows.get("REGISTERED").getCell(4).getNumericCellValue()).isEqualTo(6);
            assertThat(rows.get("DECIDED_APPROVED").getCell(2).getStringCellValue()).isEqualTo("其中：同意");
            assertThat(rows.get("DECIDED_APPROVED").getCell(4).getNumericCellValue()).isEqualTo(1);
            assertThat(rows.get("DECIDED_APPROVED").getCell(7).getStringCellValue()).isEqualTo(approved);
            assertThat(rows.get("MEETINGS_WITH_PUBLIC").getCell(6).getStringCellValue()).isEqualTo("不少于3次（未达到）");
            assertThat(rows.get("LEGALITY_REVIEWS").getCell(4).getNumericCellValue()).isEqualTo(3);
            List<String> details = new ArrayList<>();
            wb.getSheet("决策明细").forEach(row -> details.add(row.getCell(1).getStringCellValue() + "=" + row.getCell(2).getStringCellValue()));
            assertThat(details).contains("DECIDED_REJECTED=" + rejected, "TERMINATED=" + terminated);
        }
        // the .docx through the document service
        byte[] docx = d.as(LifecycleDriver.OFFICE).raw().get().uri("/api/reports/annual/export.docx?year=" + YEAR).retrieve().body(byte[].class);
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor text = new XWPFWordExtractor(doc)) {
            assertThat(text.getText()).contains("冠县人民政府" + YEAR + "年度重大行政决策统计", "登记的决策事项：6件", "其中：同意：1件。涉及决策事项：" + approved,
                    "年度要求不少于3次，未达到");
        }
    }

    @org.springframework.beans.factory.annotation.Autowired
    cn.juece.participation.PublicCommentService comments;

    /**
     * Participation, deviations and overdue steps in another year no other test uses (2054): a comment window
     * shortened by the unit's head (Art. 20) with three opinions, two of them grouped and adopted; and the publication
     * of the opinions' adoption done after its 10 working days (Art. 52; openness excerpt).
     */
    @Test
    void participationDeviationsAndOverdueStepsOfASeededYear() {
        int year = 2054;
        at(year, 3, 2, 9, 0);
        LifecycleDriver d = driver();
        String commented = d.create("年度统计：城区集中供热价格调整方案（征求意见）");
        d.study(commented);
        d.launch(commented);
        d.draft(commented, true, false, false);
        var notice = new HashMap<String, Object>(Map.of("noticeText", "供暖季临近，请于截止日前提出意见。", "channels", List.of("冠县发布"),
                "closesOn", year + "-03-18", "shortenedReason", "供暖季临近，价格调整须在10月前完成，情况紧急"));
        var published = d.as("fgj_head").post("/api/decisions/" + commented + "/consultations", notice);
        assertThat(published.getStatusCode().value()).as(String.valueOf(published.getBody())).isEqualTo(201);
        long consultation = published.getBody().get("id").asLong();
        var first = comments.submit(consultation, new cn.juece.participation.PublicCommentService.Submission("张三", null, true,
                "建议分档调整，保障低收入家庭", null, null), false);
        var second = comments.submit(consultation, new cn.juece.participation.PublicCommentService.Submission(null, null, false,
                "建议分档调整价格，保障低收入家庭", null, null), false);
        var against = comments.submit(consultation, new cn.juece.participation.PublicCommentService.Submission("李四", null, false,
                "反对涨价", null, null), false);
        JsonNode cluster = d.as(LEAD).post("/api/consultations/" + consultation + "/clusters",
                Map.of("title", "关于分档调整", "opinionIds", List.of(first.id(), second.id()))).getBody();
        assertThat(d.as(LEAD).put("/api/clusters/" + cluster.get("id").asLong() + "/adoption", Map.of("adoption", "ADOPTED"))
                .getStatusCode().value()).isEqualTo(200);
        assertThat(d.as(LEAD).put("/api/opinions/" + against.id() + "/adoption", Map.of("adoption", "NOT_ADOPTED", "reason", "现行价格低于供热成本"))
                .getStatusCode().value()).isEqualTo(200);

        // Art. 52, openness excerpt: the adoption published 10 working days after issuance at the latest; here a month late
        String late = d.create("年度统计：农贸市场摊位费标准（逾期公开采纳情况）");
        d.study(late);
        d.launch(late);
        d.draft(late, false, false, false);
        d.submitForLegality(late);
        d.review(late, "PASSED", null);
        d.meeting(late, "APPROVED");
        d.issue(late, "冠政发〔2054〕7号", LifecycleDriver.today());
        d.recordChannels(late);
        d.complete(LifecycleDriver.OFFICE, late, "publication-publish", "bgs", "PUBLISHED", "县政府网站、县政府公报");
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(java.time.Duration.ofDays(30))));
        d.adoptionSummary(late);
        d.complete(LEAD, late, "publication-feedback", "fgj", "PUBLISHED", "县政府网站决策公开专栏");

        JsonNode r = d.as(LifecycleDriver.OFFICE).get("/api/reports/annual?year=" + year).getBody();
        Map<String, JsonNode> f = figures(r);
        assertFigure(f, "REGISTERED", commented, late);
        assertValue(f, "COMMENT_NOTICES", 1, commented);
        assertValue(f, "OPINIONS_RECEIVED", 3, commented);
        assertValue(f, "OPINIONS_ADOPTED", 2, commented);
        assertValue(f, "CAMPAIGNS", 1, commented);
        assertValue(f, "DEVIATIONS", 1, commented);
        assertThat(f.get("DEVIATIONS").get("records").get(0).asText()).contains(commented, "公开征求意见期限少于30日");
        assertValue(f, "DEVIATIONS_PERIODS", 0);
        assertValue(f, "OVERDUE_STEPS", 1, late);
        assertThat(f.get("OVERDUE_STEPS").get("records").get(0).asText()).contains(late);
        assertFigure(f, "DECIDED_APPROVED", late);
        assertValue(f, "HEARINGS", 0);
        assertValue(f, "SYMPOSIUMS", 0);
        // the figure page lists the step behind the overdue figure
        assertThat(new StaffBrowser(port, "admin", PASSWORD).get("/reports/annual/figure?year=" + year + "&key=OVERDUE_STEPS"))
                .contains("逾期环节", "/decisions/" + late, "明细");
    }

    private static void at(int y, int m, int day, int h, int min) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(y, m, day, h, min).atZone(AppClock.ZONE).toInstant()));
    }

    @Test
    void aClerkWithoutTheRoleIsRefusedAndTheOfficeAndAdministratorsAreLetIn() {
        var refused = as(LEAD).get("/api/reports/annual?year=" + YEAR);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("ANNUAL_FIGURES_FORBIDDEN");
        assertThat(refused.getBody().get("message").asText()).contains("年度统计供县政府办公室");
        var xlsx = as(LEAD).send(org.springframework.http.HttpMethod.GET, "/api/reports/annual/export.xlsx?year=" + YEAR, null);
        assertThat(xlsx.getStatusCode().value()).isEqualTo(403);
        StaffBrowser clerk = new StaffBrowser(port, LEAD, PASSWORD);
        assertThat(clerk.get("/reports/annual")).contains("<h1>无权访问</h1>", "年度统计供县政府办公室");
        assertThat(clerk.get("/")).doesNotContain(">年度统计<");
        // then the roles that may read them
        for (String user : List.of("bgs_chen", "admin", "sfj_liu")) {
            assertThat(as(user).get("/api/reports/annual?year=" + YEAR).getStatusCode().value()).as(user).isEqualTo(200);
        }
        // Art. 64: the organ selector offers the organs one may read: the township's office its own, sfj_liu (a reviewer
        // for both) both; the county's figures refused to the township's office name the county's own readers
        String township = new StaffBrowser(port, "qq_dzb", PASSWORD).get("/reports/annual");
        assertThat(township).contains("<option value=\"QQ\"").doesNotContain("<option value=\"GX\"");
        assertThat(new StaffBrowser(port, "sfj_liu", PASSWORD).get("/reports/annual")).contains("<option value=\"QQ\"", "<option value=\"GX\"");
        assertThat(as("qq_dzb").get("/api/reports/annual?organ=GX").getBody().get("message").asText())
                .contains("冠县人民政府的年度统计供县政府办公室、县司法局");
        var badYear = as("bgs_chen").get("/api/reports/annual?year=53");
        assertThat(badYear.getStatusCode().value()).isEqualTo(400);
        assertThat(badYear.getBody().get("code").asText()).isEqualTo("YEAR_INVALID");
    }

    private static long addItem(LifecycleDriver d, String key, String name) {
        Map<String, Object> m = new HashMap<>();
        m.put("name", name);
        m.put("leadUnit", "fgj");
        m.put("legalBasis", "《中华人民共和国价格法》第二十三条");
        m.put("plannedTime", "第三季度");
        m.put("hearingPlanned", false);
        m.put("enterpriseRelated", false);
        var r = d.as(JUSTICE).post("/api/catalogues/" + key + "/items", m);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return r.getBody().get("id").asLong();
    }

    private static Map<String, JsonNode> figures(JsonNode report) {
        Map<String, JsonNode> m = new HashMap<>();
        report.get("sections").forEach(s -> s.get("figures").forEach(f -> m.put(f.get("key").asText(), f)));
        return m;
    }

    private static List<String> numbers(JsonNode figure) {
        List<String> l = new ArrayList<>();
        figure.get("decisions").forEach(x -> l.add(x.asText()));
        return l;
    }

    /** A figure counting decisions: exactly these, and its value their number. */
    private static void assertFigure(Map<String, JsonNode> f, String key, String... numbers) {
        assertThat(f).as("figure " + key).containsKey(key);
        assertThat(numbers(f.get(key))).as(key).containsExactlyInAnyOrder(numbers);
        assertThat(f.get(key).get("value").asLong()).as(key).isEqualTo(numbers.length);
    }

    private static void assertValue(Map<String, JsonNode> f, String key, long value, String... numbers) {
        assertThat(f).as("figure " + key).containsKey(key);
        assertThat(f.get(key).get("value").asLong()).as(key).isEqualTo(value);
        assertThat(numbers(f.get(key))).as(key).containsExactlyInAnyOrder(numbers);
    }
}
