package cn.juece.web;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.util.HtmlUtils;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.calendar.Periods;
import cn.juece.notification.MailWorker;
import cn.juece.participation.PublicCommentService;
import cn.juece.support.AppClock;
import cn.juece.support.StaffBrowser;

/**
 * What people read carries no raw code and no English exception text (issue 11): decisions are driven through the
 * stages, then every page the demo users can reach from the menu and the dossiers by following links — staff pages as
 * seven roles, the portal as a visitor — is read as a person reads it (text, tooltips, placeholders; not form values)
 * and scanned for the codes of our enums, the outcome and period codes and UPPER_SNAKE words, and for exception text.
 * Every page reached by a link must open, too: an offered link is never a dead end.
 */
class NoRawCodesTest extends IntegrationTest {

    /** Staff who read the pages: lead unit clerk, its head and legal office, office/organ, justice, executive head, admin. */
    private static final List<String> STAFF = List.of(LEAD, "fgj_head", "fgj_legal", "bgs_chen", "sfj_liu", "xz_zhang", "admin");
    private static final int MAX_PAGES_PER_PERSON = 90;

    /** English that means a failure, not a label. */
    private static final Pattern ENGLISH = Pattern.compile(
            "Exception|Whitelabel|at cn\\.|at org\\.|java\\.|\\bnull\\b|\\bundefined\\b|\\bNaN\\b|Internal Server Error|Connection refused");
    private static final Pattern UPPER_SNAKE = Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+(?![A-Za-z0-9_])");
    private static final Pattern WORD = Pattern.compile("(?<![A-Za-z0-9_])[A-Z][A-Z0-9]+(?![A-Za-z0-9_])");
    private static final Pattern PEOPLE_READ = Pattern.compile("(?:title|placeholder|aria-label|alt)=\"([^\"]*)\"");
    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)");
    /** Upper-case words that are ordinary words on our pages, not codes (file types, the decision number's organ). */
    private static final Set<String> ORDINARY = Set.of("PDF", "JPG", "JPEG", "PNG", "OFD", "CSV", "YAML", "JSON", "SHA", "GX",
            "API", "HTTP", "CSRF", "ID", "XXXX", "ABCD", "EFGH", "JKMN");

    private final Set<String> read = new LinkedHashSet<>();

    @Autowired
    private PublicCommentService comments;
    @Autowired
    private MailWorker mail;
    @Autowired
    private Periods periods;

    @Test
    void pagesPeopleReadCarryNoRawCodeAndNoExceptionText() throws Exception {
        LifecycleDriver d = driver();
        LocalDate today = LocalDate.now(AppClock.ZONE);
        Set<String> mine = new LinkedHashSet<>();

        // a decision in parallel participation, expert review and risk assessment with each participation method used;
        // one at the Art. 3 study; one in drafting; one archived after every stage (last: it moves the clock)
        String working = d.create("城区老旧小区改造（页面用语检查）");
        mine.add(working);
        d.study(working);
        d.launch(working);
        d.draft(working, true, true, true);
        long consultation = d.as(LEAD).post("/api/decisions/" + working + "/consultations", Map.of("noticeText", "请于截止日前提出意见",
                "channels", List.of("冠县发布"), "closesOn", today.plusDays(40).toString())).getBody().get("id").asLong();
        String receipt = comments.submit(consultation, new PublicCommentService.Submission("市民", "13900000000", true,
                "建议增加电梯加装补贴", null, null), false).receiptDisplay();
        d.as(LEAD).post("/api/consultations/" + consultation + "/opinions", Map.of("authorName", "赵六", "contact", "信函地址",
                "content", "反对拆除车棚", "channel", "LETTER"));
        d.as(LEAD).put("/api/decisions/" + working + "/hearing-requirement", Map.of("required", true, "grounds", List.of("LAW")));
        long hearing = d.as(LEAD).post("/api/decisions/" + working + "/hearings", Map.of("title", "老旧小区改造听证会",
                "heldOn", today.plusDays(25).toString(), "place", "县政府第二会议室", "seats", 3,
                "applyUntil", today.plusDays(5).toString())).getBody().get("id").asLong();
        d.as(LEAD).post("/api/hearings/" + hearing + "/applicants", Map.of("name", "居民甲", "contact", "0635-1234567",
                "side", "居民用户", "stakeholder", true));
        d.as(LEAD).post("/api/decisions/" + working + "/symposiums", Map.of("title", "老旧小区改造座谈会",
                "heldOn", today.plusDays(10).toString(), "place", "县住建局会议室", "invitees", List.of("居民代表甲", "物业代表乙")));
        long questionnaire = d.as(LEAD).post("/api/decisions/" + working + "/questionnaires", Map.of("title", "改造意愿调查",
                "closesOn", today.plusDays(20).toString(), "questions", List.of(
                        Map.of("kind", "SINGLE", "text", "您是否支持加装电梯？", "options", List.of("支持", "反对"))))).getBody().get("id").asLong();
        d.as(LEAD).put("/api/decisions/" + working + "/enterprise-question", Map.of("related", true));
        d.as(LEAD).post("/api/decisions/" + working + "/enterprise-opinions", Map.of("organisation", "冠县物业协会",
                "kind", "CHAMBER", "opinion", "建议明确物业费过渡期"));
        // expert research shortened by the unit's head (Art. 34 "一般"), risk assessed and waiting for the organ's finding
        d.upload(LEAD, working, "EXPERT_OPINION");
        String expertTask = d.task(working, "expert-conduct").get("id").asText();
        assertThat(d.as("fgj_head").post("/api/tasks/" + expertTask + "/deviation",
                Map.of("reason", "省住建厅要求本月底前上报改造计划，情况紧急，经局务会研究同意缩短专家论证研究时间")).getStatusCode().value())
                .isEqualTo(201);
        d.assessor(working, Map.of("mode", "SELF"));
        d.riskRecords(working, LEAD, "MEDIUM");
        d.upload(LEAD, working, "RISK_REPORT");
        d.complete(LEAD, working, "risk-assess", "fgj", "MEDIUM", null);
        String early = d.create("乡镇卫生院布局调整（页面用语检查）");
        mine.add(early);
        String drafting = d.create("县城区停车设施专项规划（页面用语检查）");
        mine.add(drafting);
        d.study(drafting);
        d.launch(drafting);
        mine.add(d.wholeLifecycle("城区集中供热价格调整（页面用语检查）"));
        // a notice that cannot reach its mail server: the outbox shows why
        mail.runOnce();

        Set<String> codes = knownCodes();
        Map<String, List<String>> findings = new LinkedHashMap<>();
        int pages = 0;
        for (String user : STAFF) {
            StaffBrowser browser = new StaffBrowser(port, user, PASSWORD);
            List<String> seeds = new ArrayList<>(List.of("/", "/decisions", "/decisions/new", "/catalogue", "/admin/calendar"));
            for (String n : mine) {
                seeds.add("/decisions/" + n);
                seeds.add("/decisions/" + n + "/participation");
            }
            pages += crawl(user, seeds, browser::get, mine, codes, findings);
        }
        HttpClient visitor = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        Function<String, String> anonymous = path -> {
            try {
                var r = visitor.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return r.statusCode() == 200 ? r.body() : "HTTP " + r.statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        pages += crawl("公众", List.of("/public", "/public/consultations", "/public/decisions", "/public/proposals/new",
                "/public/consultations/" + consultation, "/public/hearings/" + hearing, "/public/questionnaires/" + questionnaire,
                "/public/questionnaires/" + questionnaire + "/results", "/public/consultations/lookup?receipt=" + receipt),
                anonymous, mine, codes, findings);

        assertThat(pages).as("pages read").isGreaterThan(60);
        assertThat(read).contains("bgs_chen /supervision", "admin /admin/mail", "admin /admin/calendar", "bgs_chen /proposals",
                "sfj_liu /decisions/" + working, LEAD + " /decisions/" + working + "/participation", "bgs_chen /decisions/" + working,
                LEAD + " /decisions/" + early, LEAD + " /decisions/" + drafting, "公众 /public/consultations/" + consultation);
        assertThat(findings).as("raw codes, English or dead ends on pages people read").isEmpty();
    }

    /** Reads the seeds and every page linked from them (a person's own decisions only), up to the cap. */
    private int crawl(String who, List<String> seeds, Function<String, String> get, Set<String> mine, Set<String> codes,
                      Map<String, List<String>> findings) {
        Deque<String> queue = new ArrayDeque<>(seeds);
        Set<String> seen = new LinkedHashSet<>(seeds);
        int read = 0;
        while (!queue.isEmpty() && read < MAX_PAGES_PER_PERSON) {
            String path = queue.poll();
            String html = get.apply(path);
            read++;
            this.read.add(who + " " + path);
            if (html.startsWith("HTTP ") || html.contains("<h1>未找到</h1>") || html.contains("<h1>无权访问</h1>")
                    || html.contains("<h1>系统内部错误</h1>")) {
                findings.computeIfAbsent(who + " " + path, k -> new ArrayList<>()).add("dead end: " + html.substring(0, Math.min(80, html.length())));
                continue;
            }
            List<String> found = scan(html, codes);
            if (!found.isEmpty()) {
                findings.put(who + " " + path, found);
            }
            Matcher links = LINK.matcher(html);
            while (links.find()) {
                String link = HtmlUtils.htmlUnescape(links.group(1));
                if (follow(link, mine) && seen.add(link)) {
                    queue.add(link);
                }
            }
        }
        return read;
    }

    private static boolean follow(String link, Set<String> mine) {
        if (link.startsWith("/camunda") || link.startsWith("/swagger") || link.startsWith("/v3") || link.startsWith("/api")
                || link.startsWith("/public/api") || link.startsWith("/assets") || link.startsWith("/webjars") || link.startsWith("/login")
                || link.startsWith("/logout") || link.contains(".csv") || link.contains("/export") || link.contains("/materials/")
                || link.contains("/attachment") || link.endsWith(".pdf") || link.endsWith(".docx") || link.endsWith("/document")) {
            // files (generated documents and uploads) are read by their own tests, not scanned as pages
            return false;
        }
        Matcher decision = Pattern.compile("^/decisions/([A-Z]+-\\d{4}-\\d{4})").matcher(link);
        return !decision.find() || mine.contains(decision.group(1));
    }

    /** The codes and English a person would read on the page. */
    static List<String> scan(String html, Set<String> codes) {
        String body = html.replaceAll("(?is)<head\\b.*?</head>", " ")
                .replaceAll("(?is)<script\\b.*?</script>", " ")
                .replaceAll("(?is)<style\\b.*?</style>", " ")
                // technical detail an administrator unfolds on purpose (the mail server's own words), and the period codes
                // the BPMN names, shown to administrators beside each period's Chinese name
                .replaceAll("(?is)<details class=\"technical\">.*?</details>", " ")
                .replaceAll("(?is)<code\\b[^>]*>[^<]*</code>", " ");
        StringBuilder text = new StringBuilder();
        Matcher read = PEOPLE_READ.matcher(body);
        while (read.find()) {
            text.append(' ').append(read.group(1));
        }
        text.append(' ').append(body.replaceAll("(?s)<[^>]+>", " "));
        String t = HtmlUtils.htmlUnescape(text.toString());
        Set<String> found = new TreeSet<>();
        Matcher m = UPPER_SNAKE.matcher(t);
        while (m.find()) {
            found.add(context(t, m.start(), m.end()));
        }
        m = WORD.matcher(t);
        while (m.find()) {
            if (codes.contains(m.group()) && !ORDINARY.contains(m.group())) {
                found.add(context(t, m.start(), m.end()));
            }
        }
        m = ENGLISH.matcher(t);
        while (m.find()) {
            found.add(context(t, m.start(), m.end()));
        }
        return new ArrayList<>(found);
    }

    private static String context(String t, int start, int end) {
        return t.substring(Math.max(0, start - 20), Math.min(t.length(), end + 20)).replaceAll("\\s+", " ").strip();
    }

    /** Every constant of our enums, every outcome code the BPMN declares, every statutory period's code. */
    private Set<String> knownCodes() throws Exception {
        Set<String> codes = new TreeSet<>();
        var scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return definition.getMetadata().isIndependent();
            }
        };
        scanner.addIncludeFilter((reader, factory) -> "java.lang.Enum".equals(reader.getClassMetadata().getSuperClassName()));
        for (var bd : scanner.findCandidateComponents("cn.juece")) {
            for (Object c : Class.forName(bd.getBeanClassName()).getEnumConstants()) {
                codes.add(((Enum<?>) c).name());
            }
        }
        Pattern outcome = Pattern.compile("name=\"outcome\\.([A-Z0-9_]+)\"");
        for (var r : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn")) {
            Matcher m = outcome.matcher(new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                codes.add(m.group(1));
            }
        }
        periods.all().forEach(p -> codes.add(p.code()));
        assertThat(codes).contains("UNCONTROLLABLE", "EXPERT_RESEARCH", "LEGALITY_REVIEW", "PASSED", "LOW");
        return codes;
    }
}
