package cn.juece.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.decision.Stage;
import cn.juece.support.AppClock;
import cn.juece.support.LogCapture;

/**
 * Running it like production (issue 15): /actuator/prometheus is for administrators and a scraper with the token,
 * never the public; the operations gauges count open and overdue steps, the outbox and the engine's due jobs from a
 * snapshot, not per scrape; the comment intake counts what its group commit wrote; every response carries a request
 * id (a trusted proxy's or a generated one) and the log lines of a request or a decision's job carry the id and the
 * decision's number.
 */
class OperationsMonitoringTest extends IntegrationTest {

    static final String TOKEN = "scraper-token-for-tests";

    @Autowired
    OperationsMetrics metrics;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void prometheusIsForAdministratorsAndTheScraperOnly() throws Exception {
        var anonymous = scrape(null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json.readTree(anonymous.body()).get("code").asText()).isEqualTo("UNAUTHENTICATED");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"juece\"");

        var clerk = scrape(basic(LifecycleDriver.LEAD, PASSWORD));
        assertThat(clerk.statusCode()).isEqualTo(403);
        assertThat(json.readTree(clerk.body()).get("message").asText()).contains("系统管理员");
        // (never a wrong password for a real user here: Camunda then refuses that user for seconds, failing later tests)
        assertThat(scrape(basic("no-such-user", "wrong")).statusCode()).isEqualTo(401);
        assertThat(scrape("Bearer not-the-token").statusCode()).isEqualTo(401);

        var admin = scrape(basic("admin", PASSWORD));
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(admin.headers().firstValue("Set-Cookie")).as("no session per scrape").isEmpty();
        var scraper = scrape("Bearer " + TOKEN);
        assertThat(scraper.statusCode()).isEqualTo(200);
        for (Stage stage : Stage.values()) {
            assertThat(scraper.body()).contains("juece_steps_open{application=\"juece\",stage=\"" + stage.name().toLowerCase() + "\"}");
        }
        assertThat(scraper.body()).contains("juece_steps_overdue{", "juece_outbox_pending{", "juece_outbox_failed{",
                "juece_jobs_due{", "juece_jobs_failed{", "juece_incidents_open{", "juece_comments_received_total{",
                "juece_metrics_snapshot_timestamp_seconds{");
        // the health probes stay public, the other endpoints stay closed
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", basic("admin", PASSWORD)).statusCode()).isIn(302, 401, 404);
    }

    @Test
    void theGaugesCountOpenAndOverdueStepsTheOutboxAndDueJobsFromOneSnapshot() throws Exception {
        LifecycleDriver d = driver();
        clockAt("2024-09-02T10:00:00");
        OperationsSnapshot empty = metrics.refresh();
        String n = d.create("城区停车收费标准调整（运行指标）");
        assertThat(metrics.snapshot().openSteps(Stage.PROPOSAL)).as("until the next refresh").isEqualTo(empty.openSteps(Stage.PROPOSAL));
        assertThat(metrics.refresh().openSteps(Stage.PROPOSAL)).isEqualTo(empty.openSteps(Stage.PROPOSAL) + 1);
        d.approveWithoutOptionalProcedures(n);
        clockAt("2024-09-27T10:00:00");
        // issued on Fri 2024-09-27 (Art. 51): the feedback period counts from the issuing day
        d.issue(n, "冠政发〔2024〕" + (Integer.parseInt(n.substring(n.lastIndexOf('-') + 1)) % 900 + 1) + "号", "2024-09-27");
        d.recordChannels(n);
        OperationsSnapshot before = metrics.refresh();
        d.complete(LifecycleDriver.OFFICE, n, "publication-publish", "bgs", "PUBLISHED", "县政府网站");
        // publication-feedback: 10 working days, due Wed 2024-10-16 23:59:59; reminder Mon 10-14 09:00
        OperationsSnapshot open = metrics.refresh();
        assertThat(before.openSteps(Stage.PUBLICATION)).isPositive();
        assertThat(open.openSteps(Stage.PUBLICATION)).isEqualTo(before.openSteps(Stage.PUBLICATION)); // one step for another
        assertThat(open.takenAt()).isAfterOrEqualTo(before.takenAt());
        String pid = taskService.createTaskQuery().processInstanceBusinessKey(n).singleResult().getProcessInstanceId();

        clockAt("2024-10-16T23:00:00");
        OperationsSnapshot due = metrics.refresh();
        clockAt("2024-10-17T00:00:01");
        OperationsSnapshot overdue = metrics.refresh();
        assertThat(overdue.overdueSteps() - due.overdueSteps()).isEqualTo(1);
        assertThat(overdue.jobsDue()).isGreaterThanOrEqualTo(2); // this step's reminder and escalation, not yet run
        assertThat(scrape("Bearer " + TOKEN).body()).contains("juece_steps_overdue{application=\"juece\"} " + (double) overdue.overdueSteps());

        // the job that runs the reminder logs with the decision's number (Camunda's logging context, the business key)
        List<ILoggingEvent> lines;
        try (var log = new LogCapture(Level.INFO, "cn.juece.deadline.StepPeriods")) {
            Date now = new Date(ClockUtil.getCurrentTime().getTime() + 1);
            List<Job> jobs = managementService.createJobQuery().processInstanceId(pid).duedateLowerThan(now).list();
            assertThat(jobs).hasSize(2);
            jobs.forEach(j -> managementService.executeJob(j.getId()));
            lines = log.events();
        }
        assertThat(lines).filteredOn(e -> e.getFormattedMessage().startsWith("Period "))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.getMDCPropertyMap()).containsEntry(RequestLogContext.DECISION, n));
        OperationsSnapshot after = metrics.refresh();
        assertThat(after.jobsDue()).isEqualTo(overdue.jobsDue() - 2);
        assertThat(after.outboxPending()).isGreaterThan(overdue.outboxPending()); // no mail server in tests: it waits

        d.adoptionSummary(n);
        d.complete(LifecycleDriver.LEAD, n, "publication-feedback", "fgj", "PUBLISHED", "县政府网站决策公开专栏");
        assertThat(metrics.refresh().overdueSteps()).isEqualTo(overdue.overdueSteps() - 1);
    }

    @Test
    void theCommentIntakeCountsWhatItsGroupCommitWrote() throws Exception {
        var d = driver();
        String n = d.create("县城区公共自行车点位规划（运行指标）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        long id = d.as(LifecycleDriver.LEAD).post("/api/decisions/" + n + "/consultations", Map.of("noticeText", "请提出意见",
                "channels", List.of("冠县发布"), "closesOn", LocalDate.now(AppClock.ZONE).plusDays(40).toString())).getBody().get("id").asLong();
        double before = counter(scrape("Bearer " + TOKEN).body(), "juece_comments_received_total");

        var visitor = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        JsonNode c = json.readTree(visitor.send(HttpRequest.newBuilder(uri("/public/api/consultations/" + id))
                .header("X-Forwarded-For", "198.51.100.77").build(), HttpResponse.BodyHandlers.ofString()).body());
        for (int i = 0; i < 3; i++) {
            var r = visitor.send(HttpRequest.newBuilder(uri("/public/api/consultations/" + id + "/opinions"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", "198.51.100.77")
                    .header(c.get("csrf").get("header").asText(), c.get("csrf").get("token").asText())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"content\":\"建议在学校附近增设点位" + i + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        }
        assertThat(counter(scrape("Bearer " + TOKEN).body(), "juece_comments_received_total")).isEqualTo(before + 3);
    }

    @Test
    void everyResponseCarriesARequestIdAndTheLogNamesItAndTheDecision() throws Exception {
        String n = driver().create("县城区夜市管理办法（请求编号）");

        // from a trusted proxy (loopback): its id is taken and echoed
        var proxied = get("/api/decisions/" + n, basic(LifecycleDriver.LEAD, PASSWORD), "X-Request-Id", "nginx-0123abcd");
        assertThat(proxied.statusCode()).isEqualTo(200);
        assertThat(proxied.headers().firstValue("X-Request-Id")).hasValue("nginx-0123abcd");
        // none given: one is generated; one that is not a plain token is not taken into the log
        var plain = get("/public", null);
        assertThat(plain.headers().firstValue("X-Request-Id").orElse("")).matches("[0-9a-f]{32}");
        for (String forged : List.of("abc def", "x".repeat(65), "a\"b")) {
            assertThat(get("/public", null, "X-Request-Id", forged).headers().firstValue("X-Request-Id").orElse("")).matches("[0-9a-f]{32}");
        }
        // an error page keeps the request's id
        var missing = get("/api/decisions/GX-1999-0001", basic(LifecycleDriver.LEAD, PASSWORD), "X-Request-Id", "nginx-404");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().allValues("X-Request-Id")).containsExactly("nginx-404");

        // a refusal on a decision's address is logged with the request's id and the decision's number
        List<ILoggingEvent> lines;
        try (var log = new LogCapture(Level.INFO, "cn.juece.support.ApiErrorHandler")) {
            var refused = get("/api/decisions/" + n + "/tasks/none/complete", basic(LifecycleDriver.LEAD, PASSWORD),
                    "X-Request-Id", "nginx-refused-1");
            var empty = driver().as(LifecycleDriver.LEAD).upload(n, "STUDY_REPORT", "空.pdf", new byte[0]);
            assertThat(empty.getBody().get("code").asText()).isEqualTo("UPLOAD_EMPTY");
            lines = log.events();
            assertThat(refused.headers().firstValue("X-Request-Id")).hasValue("nginx-refused-1");
        }
        ILoggingEvent refusal = lines.stream().filter(e -> e.getFormattedMessage().contains("UPLOAD_EMPTY")).findFirst().orElseThrow();
        assertThat(refusal.getMDCPropertyMap()).containsEntry(RequestLogContext.DECISION, n);
        assertThat(refusal.getMDCPropertyMap().get(RequestLogContext.REQUEST_ID)).matches("[0-9a-f]{32}");
    }

    @Test
    void theDecisionIsReadFromTheAddressOnly() {
        assertThat(RequestLogContext.decisionOf("/api/decisions/GX-2026-0012/tasks")).isEqualTo("GX-2026-0012");
        assertThat(RequestLogContext.decisionOf("/decisions/GX-2026-0012")).isEqualTo("GX-2026-0012");
        assertThat(RequestLogContext.decisionOf("/decisions/GX-2026-0012/participation")).isEqualTo("GX-2026-0012");
        assertThat(RequestLogContext.decisionOf("/api/decisions")).isNull();
        assertThat(RequestLogContext.decisionOf("/public/decisions/GX-2026-0012")).isNull();
        assertThat(RequestLogContext.decisionOf("/decisions/GX-2026-0012%0d%0aforged")).isNull();
        assertThat(MetricsQueries.stageOfTask("legality-review")).isEqualTo(Stage.LEGALITY);
        assertThat(MetricsQueries.stageOfTask("drafting-initial-review")).isEqualTo(Stage.DRAFTING);
        assertThat(MetricsQueries.stageOfTask("catalogue-compile")).isNull();
    }

    private static double counter(String scrape, String name) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{[^}]*\\} ([0-9.Ee+-]+)$").matcher(scrape);
        assertThat(m.find()).as(name + " in " + scrape).isTrue();
        return Double.parseDouble(m.group(1));
    }


    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> scrape(String authorization) throws Exception {
        return get("/actuator/prometheus", authorization);
    }

    private HttpResponse<String> get(String path, String authorization, String... headers) throws Exception {
        var b = HttpRequest.newBuilder(uri(path)).GET();
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
