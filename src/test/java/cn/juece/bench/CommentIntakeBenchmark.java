package cn.juece.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.juece.LifecycleDriver;

/**
 * Comment intake under load: Debian's wrk posts comments concurrently to a running Juece (a fresh JVM, the
 * benchmark profile lifting the per-client rate limit) through the portal's real form (CSRF cookie and
 * token), beside a baseline measured in the same run (the health endpoint). On H2, and on PostgreSQL when
 * a server is at 127.0.0.1:5432. Target (issue 6): at least 1,000 comments/s with p99 under 100 ms on H2.
 * Run: ./mvnw test -Pbenchmark   (needs `wrk`: apt-get install wrk)
 */
@Tag("benchmark")
class CommentIntakeBenchmark {

    static final int THREADS = 2;
    static final int CONNECTIONS = 32;
    static final String DURATION = "15s";

    /** What the app's intake said at shutdown: rows written in how many commits, per database. */
    private final List<String> commits = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The H2 run's file, and its size at each point of the run (before, after each intake, after shutdown). */
    private Path h2File;
    private final List<String> h2Sizes = new ArrayList<>();

    @Test
    void commentIntake() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/wrk")), "wrk is not installed (apt-get install wrk)");
        List<String[]> rows = new ArrayList<>();
        // the shipped settings (issue 17): default write delay, a shared CHECKPOINT before each write request answers
        Path h2 = Files.createTempDirectory("juece-bench");
        h2File = h2.resolve("db.mv.db");
        // -Dbench.intake.args="--juece.h2.checkpoint-sync=false": more arguments for the H2 run's app
        List<String> h2Args = new ArrayList<>(List.of("--spring.datasource.url=jdbc:h2:file:" + h2
                + "/db;MAX_COMPACT_TIME=2000;TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;RETENTION_TIME=2000"));
        String more = System.getProperty("bench.intake.args", "").strip();
        if (!more.isEmpty()) {
            h2Args.addAll(List.of(more.split("\\s+")));
        }
        rows.addAll(run("H2", h2Args));
        h2Sizes.add(String.format("after shutdown %.1f MB", Files.size(h2File) / 1e6));
        h2File = null;
        if (!Boolean.getBoolean("bench.intake.h2only") && postgresReady()) {
            rows.addAll(run("PostgreSQL", List.of("--spring.profiles.active=benchmark,postgres",
                    "--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/juece_bench",
                    "--spring.datasource.username=juece", "--spring.datasource.password=juece")));
        } else {
            System.out.println("PostgreSQL not available at 127.0.0.1:5432 (database juece_bench): that row is left out.");
        }
        System.out.println();
        System.out.println("Comment intake, wrk -t" + THREADS + " -c" + CONNECTIONS + " -d" + DURATION + " on loopback, 2 cores shared by client and server");
        System.out.println("| database   | endpoint                         | requests/s | p50 (ms) | p99 (ms) | throughput vs baseline |");
        System.out.println("|------------|----------------------------------|------------|----------|----------|------------------------|");
        for (String[] r : rows) {
            System.out.printf("| %-10s | %-32s | %10s | %8s | %8s | %22s |%n", (Object[]) r);
        }
        System.out.println();
        for (String[] r : rows) {
            if (r[0].equals("H2") && r[1].startsWith("POST")) {
                boolean met = Double.parseDouble(r[2]) >= 1000 && Double.parseDouble(r[4]) < 100;
                System.out.println("Target on H2 (>= 1,000 comments/s, p99 < 100 ms), " + r[1] + ": " + (met ? "met" : "NOT met"));
            }
        }
        commits.forEach(line -> System.out.println("Group commit: " + line));
        System.out.println("H2 file during intake (issue 17: a small multiple of its live data): " + String.join("; ", h2Sizes));
        System.out.println();
    }

    /** Starts the app, opens a consultation, measures the baseline then the comment form; stops the app. */
    private List<String[]> run(String database, List<String> extraArgs) throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8", "-Xmx1g"));
        // e.g. -Dbench.jvm=-XX:StartFlightRecording=filename=/tmp/intake.jfr to profile the app under load
        String extraJvm = System.getProperty("bench.jvm", "");
        if (!extraJvm.isBlank()) {
            cmd.addAll(List.of(extraJvm.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "cn.juece.JueceApplication", "--server.port=" + port, "--spring.profiles.active=benchmark"));
        cmd.addAll(extraArgs);
        Process app = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        try {
            waitReady(app, database);
            var d = new LifecycleDriver(port, "Juece2026");
            String n = d.create("基准测试：公开征求意见（" + database + "）");
            d.study(n);
            d.launch(n);
            d.draft(n, true, false, false);
            long id = d.as(LifecycleDriver.LEAD).post("/api/decisions/" + n + "/consultations", Map.of("noticeText", "基准测试",
                    "channels", List.of("冠县发布"), "closesOn", LocalDate.now().plusDays(40).toString())).getBody().get("id").asLong();
            String base = "http://127.0.0.1:" + port;
            String[] health = wrk(base + "/actuator/health", null);
            long before = h2Size();
            String[] form = wrk(base + "/public/consultations/" + id + "/opinions", commentScript(base, id));
            long afterForm = stored(d, id);
            long formSize = h2Size();
            String[] api = wrk(base + "/public/api/consultations/" + id + "/opinions", jsonScript(base, id));
            long afterApi = stored(d, id);
            if (h2File != null) {
                Thread.sleep(1500);   // the background writer's last write
                long apiSize = h2Size();
                h2Sizes.add(String.format("%.1f MB before; %.1f MB after %d form comments (%.1f kB each); %.1f MB after %d JSON comments (%.1f kB each)",
                        before / 1e6, formSize / 1e6, afterForm, (formSize - before) / 1024.0 / afterForm, apiSize / 1e6,
                        afterApi - afterForm, (apiSize - formSize) / 1024.0 / (afterApi - afterForm)));
                Thread.sleep(60_000);   // H2 rewrites sparse chunks once they are older than its retention time (45 s)
                h2Sizes.add(String.format("%.1f MB after 60 s without requests", h2Size() / 1e6));
            }
            assertThat(afterForm).as("every accepted comment is stored").isPositive();
            assertThat(afterApi).isGreaterThan(afterForm);
            return List.of(
                    new String[]{database, "GET /actuator/health (baseline)", health[0], health[1], health[2], "1.00"},
                    new String[]{database, "POST form comment (" + afterForm + ")", form[0], form[1], form[2], ratio(form, health)},
                    new String[]{database, "POST JSON comment (" + (afterApi - afterForm) + ")", api[0], api[1], api[2], ratio(api, health)});
        } finally {
            app.toHandle().destroy(); // SIGTERM; Process.destroy() would also close the pipe before the last lines
            if (!app.waitFor(20, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
            Thread.sleep(200); // let the drain thread read the last lines
        }
    }

    private long h2Size() throws java.io.IOException {
        return h2File == null ? 0 : Files.size(h2File);
    }

    private static String ratio(String[] row, String[] baseline) {
        return String.format("%.2f", Double.parseDouble(row[0]) / Double.parseDouble(baseline[0]));
    }

    /** A Lua script posting to the JSON intake: the cookie and token its GET gives, a distinct comment each time. */
    private static Path jsonScript(String base, long id) throws Exception {
        var cookies = new CookieManager();
        var http = HttpClient.newBuilder().cookieHandler(cookies).build();
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(http.send(
                HttpRequest.newBuilder(URI.create(base + "/public/api/consultations/" + id)).build(), HttpResponse.BodyHandlers.ofString()).body());
        String cookie = cookies.getCookieStore().getCookies().stream().map(HttpCookie::toString).reduce((a, b) -> a + "; " + b).orElse("");
        String lua = """
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/json"
                wrk.headers["Cookie"] = "%s"
                wrk.headers["%s"] = "%s"
                local n = 0
                local thread_id = math.random(1, 1000000)
                request = function()
                  n = n + 1
                  return wrk.format(nil, nil, nil, '{"authorName":"基准测试","content":"建议分档调整价格，保障低收入家庭。编号' .. thread_id .. '-' .. n .. '"}')
                end
                """.formatted(cookie, node.get("csrf").get("header").asText(), node.get("csrf").get("token").asText());
        Path script = Files.createTempFile("comment-json", ".lua");
        Files.writeString(script, lua);
        return script;
    }

    /** A Lua script posting the real form: the portal's CSRF cookie and token, a distinct comment each time. */
    private static Path commentScript(String base, long id) throws Exception {
        var cookies = new CookieManager();
        var http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String page = http.send(HttpRequest.newBuilder(URI.create(base + "/public/consultations/" + id)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(m.find()).as("CSRF token on the consultation page").isTrue();
        String cookie = cookies.getCookieStore().getCookies().stream().map(HttpCookie::toString)
                .reduce((a, b) -> a + "; " + b).orElse("");
        String body = "_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8) + "&authorName="
                + URLEncoder.encode("基准测试", StandardCharsets.UTF_8) + "&content="
                + URLEncoder.encode("建议分档调整价格，保障低收入家庭。编号", StandardCharsets.UTF_8);
        String lua = """
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
                wrk.headers["Cookie"] = "%s"
                local n = 0
                local thread_id = math.random(1, 1000000)
                request = function()
                  n = n + 1
                  return wrk.format(nil, nil, nil, "%s" .. thread_id .. "-" .. n)
                end
                local shown = false
                response = function(status, headers, body)
                  if status >= 400 and not shown then
                    shown = true
                    print("refused: " .. status .. " " .. string.sub(body, 1, 400))
                  end
                end
                """.formatted(cookie, body);
        Path script = Files.createTempFile("comment", ".lua");
        Files.writeString(script, lua);
        return script;
    }

    /** Runs wrk; returns {requests/s, p50 ms, p99 ms}. */
    private static String[] wrk(String url, Path script) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t" + THREADS, "-c" + CONNECTIONS, "-d" + DURATION, "--latency"));
        if (script != null) {
            cmd.addAll(List.of("-s", script.toString()));
        }
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        Matcher rps = Pattern.compile("Requests/sec:\\s+([0-9.]+)").matcher(out);
        Matcher p50 = Pattern.compile("\\s50%\\s+([0-9.]+)(us|ms|s)").matcher(out);
        Matcher p99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)").matcher(out);
        Matcher errors = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(out);
        assertThat(rps.find() && p50.find() && p99.find()).as(out).isTrue();
        assertThat(errors.find()).as("refused requests:\n" + out).isFalse();
        return new String[]{String.format("%.0f", Double.parseDouble(rps.group(1))), ms(p50), ms(p99)};
    }

    private static String ms(Matcher m) {
        double v = Double.parseDouble(m.group(1));
        double ms = switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
        return String.format("%.1f", ms);
    }

    private void waitReady(Process app, String database) throws Exception {
        var out = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.contains("Juece ready in")) {
                Thread drain = new Thread(() -> {
                    try {
                        String l;
                        while ((l = out.readLine()) != null) {
                            // keep the pipe flowing; keep the intake's tally
                            if (l.contains("opinion-intake: stopped after")) {
                                commits.add(database + ": " + l.substring(l.indexOf("opinion-intake:")));
                            }
                        }
                    } catch (Exception ignored) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IllegalStateException("the application ended before it was ready");
    }

    /** The opinions stored for the consultation (the paged list's total, issue 17). */
    private static long stored(LifecycleDriver d, long id) {
        return Long.parseLong(d.as(LifecycleDriver.LEAD).get("/api/consultations/" + id + "/opinions?size=1").getHeaders().getFirst("X-Total-Count"));
    }

    private static boolean postgresReady() {
        try {
            Process p = new ProcessBuilder("bash", "-c", "runuser -u postgres -- psql -q -d postgres -c "
                    + "\"DROP DATABASE IF EXISTS juece_bench\" -c \"CREATE DATABASE juece_bench OWNER juece\"")
                    .redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    private static int freePort() throws Exception {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
