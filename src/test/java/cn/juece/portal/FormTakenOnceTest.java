package cn.juece.portal;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.support.AppClock;
import cn.juece.support.AtOnce;

/**
 * A public form is taken once (FormOnce): the same form sent again — reloaded, tapped twice, or several copies at the
 * same moment — is answered with the first receipt and stored once, so Art. 28-29 count an opinion once, a hearing
 * (Art. 24) has one application per person's form, a questionnaire (Art. 27) is tallied once, a proposal (Art. 11) and
 * a feedback item (Art. 54) are registered once. A changed text sent from the same page is a new submission.
 */
class FormTakenOnceTest extends IntegrationTest {

    static final Pattern RECEIPT = Pattern.compile("id=\"receipt\">([2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4})<");
    static final Pattern TOKEN = Pattern.compile("name=\"formToken\" value=\"([A-Za-z0-9_-]+)\"");
    static final String REPEATED = "这份表单此前已经提交成功，本次没有重复登记";
    static final String RUN = Long.toString(System.currentTimeMillis(), 36);

    @Autowired
    private JdbcClient jdbc;
    @Autowired
    private FormOnce forms;

    /** The rate limit's windows are in the database, which on PostgreSQL outlives a run: this class's clients start afresh. */
    @org.junit.jupiter.api.BeforeEach
    void freshClients() {
        jdbc.sql("DELETE FROM juece.submission_window WHERE client LIKE '203.0.113.13%' OR client = '198.51.100.31'").update();
    }

    @Test
    void anOpinionFormSentAgainOrSeveralTimesAtOnceIsCountedOnce() throws Exception {
        var d = driver();
        String n = d.create("县城区夜市摊点设置方案（重复提交）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        long id = d.as(LEAD).post("/api/decisions/" + n + "/consultations", Map.of("noticeText", "请提出意见",
                "channels", List.of("冠县发布"), "closesOn", LocalDate.now(AppClock.ZONE).plusDays(35).toString())).getBody().get("id").asLong();
        String page = "/public/consultations/" + id, action = page + "/opinions";

        // sent, then sent again (the receipt page reloaded): the first receipt, with a word that nothing was added
        Visitor citizen = new Visitor(port, "203.0.113.131");
        Map<String, String> form = form(citizen, page, Map.of("content", "夜市应远离居民楼", "authorName", "孙一", "contact", "13900000031"));
        var first = citizen.post(action, form);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).doesNotContain(REPEATED);
        String receipt = receipt(first);
        var again = citizen.post(action, form);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(receipt(again)).isEqualTo(receipt);
        assertThat(again.body()).contains(REPEATED);
        assertThat(opinions(id)).isEqualTo(1);

        // the same page, the text changed (the person went back and wrote another opinion): a second opinion
        Map<String, String> changed = new LinkedHashMap<>(form);
        changed.put("content", "夜市应设置垃圾分类收集点");
        var second = citizen.post(action, changed);
        assertThat(receipt(second)).isNotEqualTo(receipt);
        assertThat(second.body()).doesNotContain(REPEATED);
        assertThat(opinions(id)).isEqualTo(2);

        // four copies of one form at the same moment (a double tap on a slow network): one opinion, one receipt for all
        Visitor tapper = new Visitor(port, "203.0.113.132");
        Map<String, String> tapped = form(tapper, page, Map.of("content", "建议夜市22点收市"));
        List<HttpResponse<String>> copies = AtOnce.send(4, () -> tapper.post(action, tapped));
        assertThat(copies).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(copies.stream().map(FormTakenOnceTest::receipt).distinct()).hasSize(1);
        assertThat(opinions(id)).isEqualTo(3);

        // with a file the opinion is written on the request's own thread: three copies at once, one opinion, one file
        Visitor withFile = new Visitor(port, "203.0.113.133");
        Map<String, String> filed = form(withFile, page, Map.of("content", "附件为夜市选址建议图"));
        byte[] png = pngBytes();
        List<HttpResponse<String>> fileCopies = AtOnce.send(3, () -> withFile.submitWithFile(page, action, filed, "attachment", "选址.png", png));
        assertThat(fileCopies).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
        assertThat(fileCopies.stream().map(FormTakenOnceTest::receipt).distinct()).hasSize(1);
        assertThat(opinions(id)).isEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM juece.opinion_attachment a JOIN juece.opinion o ON o.id = a.opinion_id"
                + " WHERE o.consultation_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
        // each opinion once in the audit too
        assertThat(d.auditActions(n).stream().filter("OPINION_RECEIVED"::equals).count()).isEqualTo(4);

        // the JSON interface: an app's Idempotency-Key does the same; a key that cannot be one is refused, nothing stored
        var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        ObjectMapper json = new ObjectMapper();
        JsonNode c = json.readTree(http.send(HttpRequest.newBuilder(uri("/public/api/consultations/" + id))
                .header("X-Forwarded-For", "198.51.100.31").build(), HttpResponse.BodyHandlers.ofString()).body());
        String header = c.get("csrf").get("header").asText(), token = c.get("csrf").get("token").asText();
        String body = "{\"content\":\"夜市应配备公共厕所\"}";
        var bad = http.send(jsonPost(id, header, token, "short", body), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(json.readTree(bad.body()).get("code").asText()).isEqualTo("IDEMPOTENCY_KEY_INVALID");
        assertThat(json.readTree(bad.body()).get("message").asText()).contains("Idempotency-Key", "本次提交未被接收");
        assertThat(opinions(id)).isEqualTo(4);
        String key = java.util.UUID.randomUUID().toString();
        var made = http.send(jsonPost(id, header, token, key, body), HttpResponse.BodyHandlers.ofString());
        assertThat(made.statusCode()).isEqualTo(201);
        var resent = http.send(jsonPost(id, header, token, key, body), HttpResponse.BodyHandlers.ofString());
        assertThat(resent.statusCode()).isEqualTo(200);
        assertThat(json.readTree(resent.body()).get("repeated").asBoolean()).isTrue();
        assertThat(json.readTree(resent.body()).get("receipt").asText()).isEqualTo(json.readTree(made.body()).get("receipt").asText());
        assertThat(opinions(id)).isEqualTo(5);
    }

    @Test
    void aHearingApplicationAQuestionnaireAndAProposalSentTwiceAreRegisteredOnce() {
        var d = driver();
        String n = d.create("县城区供暖价格调整（重复提交）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        LocalDate today = LocalDate.now(AppClock.ZONE);
        d.as(LEAD).put("/api/decisions/" + n + "/hearing-requirement", Map.of("required", true, "grounds", List.of("LAW")));
        long hearing = d.as(LEAD).post("/api/decisions/" + n + "/hearings", Map.of("title", "供暖价格调整听证会",
                "heldOn", today.plusDays(25).toString(), "place", "县政府第三会议室", "seats", 3,
                "applyUntil", today.plusDays(5).toString())).getBody().get("id").asLong();
        Visitor citizen = new Visitor(port, "203.0.113.134");
        String hearingPage = "/public/hearings/" + hearing;
        // a refusal through the same path: the Chinese message, the typed text kept, nothing recorded for the token
        Map<String, String> incomplete = form(citizen, hearingPage, Map.of("name", "周二"));
        var refused = citizen.post(hearingPage + "/applications", incomplete);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("请填写姓名、联系方式和所代表的利益方", "周二");
        assertThat(count("SELECT COUNT(*) FROM juece.form_submission WHERE token = ?", incomplete.get("formToken"))).isZero();
        Map<String, String> application = new LinkedHashMap<>(incomplete);
        application.putAll(Map.of("contact", "13700000032", "side", "居民用户", "stakeholder", "true", "statement", "希望分档调价"));
        var applied = citizen.post(hearingPage + "/applications", application);
        assertThat(applied.body()).doesNotContain(REPEATED);
        var appliedAgain = citizen.post(hearingPage + "/applications", application);
        assertThat(receipt(appliedAgain)).isEqualTo(receipt(applied));
        assertThat(appliedAgain.body()).contains(REPEATED, "听证参加申请已提交");
        assertThat(count("SELECT COUNT(*) FROM juece.hearing_applicant WHERE hearing_id = ?", hearing)).isEqualTo(1);

        var q = d.as(LEAD).post("/api/decisions/" + n + "/questionnaires", Map.of("title", "供暖时间意见调查",
                "closesOn", today.plusDays(10).toString(), "questions", List.of(
                        Map.of("kind", "SINGLE", "text", "您希望何时开始供暖？", "options", List.of("11月1日", "11月15日"))))).getBody();
        long questionnaire = q.get("id").asLong();
        String qPage = "/public/questionnaires/" + questionnaire;
        Visitor respondent = new Visitor(port, "203.0.113.137");
        Map<String, String> answers = form(respondent, qPage, Map.of("q" + q.get("questions").get(0).get("id").asLong(), "0"));
        var answered = respondent.post(qPage + "/responses", answers);
        var answeredAgain = respondent.post(qPage + "/responses", answers);
        assertThat(receipt(answeredAgain)).isEqualTo(receipt(answered));
        assertThat(answeredAgain.body()).contains(REPEATED, "已回收问卷 <strong id=\"responses\">1</strong> 份");

        Visitor proposer = new Visitor(port, "203.0.113.135");
        String title = "建议研究老旧小区加装电梯补贴（" + RUN + "）";   // the PostgreSQL test database outlives a run
        Map<String, String> proposal = form(proposer, "/public/proposals/new", Map.of("name", "吴三", "contact", "13600000033",
                "title", title, "content", "多层住宅老人上下楼困难，建议研究补贴办法。"));
        var proposed = proposer.post("/public/proposals", proposal);
        var proposedAgain = proposer.post("/public/proposals", proposal);
        assertThat(receipt(proposedAgain)).isEqualTo(receipt(proposed));
        assertThat(proposedAgain.body()).contains(REPEATED);
        assertThat(count("SELECT COUNT(*) FROM juece.public_proposal WHERE title = ?", title)).isEqualTo(1);
    }

    @Test
    void feedbackOnADecisionInExecutionSentTwiceIsOneItem() {
        var d = driver();
        String n = d.published("县城区公共充电桩建设方案（重复提交）");
        d.assignExecution(n, "QUARTERLY", LifecycleDriver.localToday().plusMonths(1), "fgj");
        Visitor citizen = new Visitor(port, "203.0.113.136");
        String page = "/public/decisions/" + n;
        String content = "建议在菜市场附近增设充电桩（" + RUN + "）";
        Map<String, String> feedback = form(citizen, page, Map.of("content", content, "authorName", "郑四"));
        var sent = citizen.post(page + "/feedback", feedback);
        var sentAgain = citizen.post(page + "/feedback", feedback);
        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(receipt(sentAgain)).isEqualTo(receipt(sent));
        assertThat(sentAgain.body()).contains(REPEATED);
        assertThat(count("SELECT COUNT(*) FROM juece.execution_feedback WHERE content = ?", content)).isEqualTo(1);
    }

    @Test
    void tokensAreKeptThirtyDaysThenForgotten() {
        FormOnce.Key key = FormOnce.key(forms.issue(), "内容");
        new org.springframework.transaction.support.TransactionTemplate(transactionManager)
                .executeWithoutResult(s -> forms.record(key, "OPINION", "ABCDEFGHJKMN"));
        assertThat(forms.firstReceipt(key)).contains("ABCDEFGHJKMN");
        assertThat(FormOnce.key("not a token!", "内容")).isNull();
        assertThat(FormOnce.key(key.token(), "内容")).isEqualTo(key);
        assertThat(FormOnce.key(key.token(), "内容 ")).as("blanks around a field do not make another form").isEqualTo(key);
        assertThat(FormOnce.key(key.token(), "另一内容")).isNotEqualTo(key);
        try {
            ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(29))));
            forms.prune();
            assertThat(forms.firstReceipt(key)).isPresent();
            ClockUtil.setCurrentTime(java.util.Date.from(java.time.Instant.now().plus(java.time.Duration.ofDays(31))));
            forms.prune();
            assertThat(forms.firstReceipt(key)).isEmpty();
        } finally {
            ClockUtil.reset();
        }
    }

    @Autowired
    private org.springframework.transaction.PlatformTransactionManager transactionManager;

    /** Opens the page and fills its form: the CSRF token and the form's own token, as a browser sends them. */
    private static Map<String, String> form(Visitor v, String page, Map<String, String> fields) {
        String html = v.get(page).body();
        Matcher csrf = Visitor.CSRF.matcher(html);
        Matcher token = TOKEN.matcher(html);
        assertThat(csrf.find()).as("CSRF token on " + page).isTrue();
        assertThat(token.find()).as("form token on " + page).isTrue();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf.group(1));
        all.put("formToken", token.group(1));
        return all;
    }

    private static String receipt(HttpResponse<String> r) {
        Matcher m = RECEIPT.matcher(r.body());
        assertThat(m.find()).as(r.statusCode() + " " + r.body()).isTrue();
        return m.group(1);
    }

    private long opinions(long consultation) {
        return count("SELECT COUNT(*) FROM juece.opinion WHERE consultation_id = ?", consultation);
    }

    private long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    private HttpRequest jsonPost(long id, String header, String token, String key, String body) {
        return HttpRequest.newBuilder(uri("/public/api/consultations/" + id + "/opinions")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", "198.51.100.31").header(header, token).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** A small valid PNG (1×1 pixel). */
    private static byte[] pngBytes() throws Exception {
        var image = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB);
        var out = new java.io.ByteArrayOutputStream();
        javax.imageio.ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
