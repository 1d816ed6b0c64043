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
 * a server is at 127.0.0.1:5432. Target (issue 6): at least 1,000 comments/s with p99 under 100 ms on H2; issue 17:
 * the JSON intake at least 0.8× the health endpoint's throughput. Each endpoint's first run is also the JIT's first
 * sight of its path; after them, rounds of unmeasured load warm both, and the warm pair is measured again
 * ({@code -Dbench.intake.warm=false} leaves it out). For each measured run the app's CPU per request is read from
 * /proc by thread: Tomcat's threads, the intake's writer, H2's background threads, the JIT, the GC.
 * Run: ./mvnw test -Pbenchmark   (needs `wrk`: apt-get install wrk)
 */
@Tag("benchmark")
class CommentIntakeBenchmark {

    static final int THREADS = 2;
    static final int CONNECTIONS = 32;
    static final String DURATION = "15s";
    /** Before the warm rows: this many rounds of JSON comments then health checks, unmeasured (the JIT's warm-up). */
    static final int WARM_UP_ROUNDS = 4;
    static final String WARM_UP = "10s";

    /** The app's CPU per request by thread group, one row per measured run. */
    private final List<String[]> cpu = new ArrayList<>();

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
        h2Sizes.add(String.format("after shutdown%s %.1f MB", Boolean.parseBoolean(System.getProperty("bench.intake.warm", "true"))
                ? " (the warm runs' comments added)" : "", Files.size(h2File) / 1e6));
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
        System.out.println("| database   | endpoint                                   | requests/s | p50 (ms) | p99 (ms) | throughput vs baseline |");
        System.out.println("|------------|--------------------------------------------|------------|----------|----------|------------------------|");
        for (String[] r : rows) {
            System.out.printf("| %-10s | %-42s | %10s | %8s | %8s | %22s |%n", (Object[]) r);
        }
        System.out.println();
        for (String[] r : rows) {
            if (r[0].equals("H2") && r[1].startsWith("POST")) {
                boolean met = Double.parseDouble(r[2]) >= 1000 && Double.parseDouble(r[4]) < 100;
                System.out.println("Target on H2 (>= 1,000 comments/s, p99 < 100 ms), " + r[1] + ": " + (met ? "met" : "NOT met"));
            }
        }
        for (String[] r : rows) {
            if (r[1].startsWith("POST JSON")) {
                var health = rows.stream().filter(h -> h[0].equals(r[0]) && h[1].startsWith("GET")
                        && h[1].contains("warm") == r[1].contains("warm")).findFirst().orElseThrow();
                double ratio = Double.parseDouble(r[2]) / Double.parseDouble(health[2]);
                System.out.printf("Target on %s (issue 17: JSON intake >= 0.8x the health endpoint's throughput), %s: %.2fx, %s%n", r[0], r[1], ratio,
                        ratio >= 0.8 ? "met" : "NOT met");
            }
        }
        if (!cpu.isEmpty()) {
            System.out.println();
            System.out.println("The app's CPU per request during each run (ms; Linux /proc per thread; the client wrk shares the two cores):");
            System.out.println("| database   | run                        | all    | Tomcat's threads | intake writer | H2 background | JIT    | GC     | other  |");
            System.out.println("|------------|----------------------------|--------|------------------|---------------|---------------|--------|--------|--------|");
            for (String[] r : cpu) {
                System.out.printf("| %-10s | %-26s | %6s | %16s | %13s | %13s | %6s | %6s | %6s |%n", (Object[]) r);
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
            long pid = app.pid();
            String[] health = wrk(database, "GET /actuator/health", pid, base + "/actuator/health", null);
            long before = h2Size();
            String[] form = wrk(database, "POST form comment", pid, base + "/public/consultations/" + id + "/opinions", commentScript(base, id));
            long afterForm = stored(d, id);
            long formSize = h2Size();
            Path json = jsonScript(base, id);
            String[] api = wrk(database, "POST JSON comment", pid, base + "/public/api/consultations/" + id + "/opinions", json);
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
            List<String[]> rows = new ArrayList<>(List.of(
                    new String[]{database, "GET /actuator/health (baseline)", health[0], health[1], health[2], "1.00"},
                    new String[]{database, "POST form comment (" + afterForm + ")", form[0], form[1], form[2], ratio(form, health)},
                    new String[]{database, "POST JSON comment (" + (afterApi - afterForm) + ")", api[0], api[1], api[2], ratio(api, health)}));
            // The runs above are each the first load on their path of a fresh JVM: they include the JIT compiling it. A
            // county's server runs warm; -Dbench.intake.warm=false leaves this out.
            if (Boolean.parseBoolean(System.getProperty("bench.intake.warm", "true"))) {
                for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                    wrk(base + "/public/api/consultations/" + id + "/opinions", json, WARM_UP);
                    wrk(base + "/actuator/health", null, WARM_UP);
                }
                String[] warmHealth = wrk(database, "GET /actuator/health, warm", pid, base + "/actuator/health", null);
                long beforeWarm = stored(d, id);
                String[] warmApi = wrk(database, "POST JSON comment, warm", pid, base + "/public/api/consultations/" + id + "/opinions", json);
                long afterWarm = stored(d, id);
                rows.add(new String[]{database, "GET /actuator/health, warm (baseline)", warmHealth[0], warmHealth[1], warmHealth[2], "1.00"});
                rows.add(new String[]{database, "POST JSON comment, warm (" + (afterWarm - beforeWarm) + ")", warmApi[0], warmApi[1], warmApi[2],
                        ratio(warmApi, warmHealth)});
            }
            return rows;
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

    /**
     * A Lua script posting the real form: the portal's CSRF cookie and token, a distinct comment each time, with a
     * form token of its own as a browser sends it (so each comment is also checked and recorded as taken once).
     */
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
                -- each wrk thread numbered by setup() (math.random gives every thread's state the same first number,
                -- and the same text and token sent by two threads would be one form sent twice, taken once)
                local threads = 0
                setup = function(thread)
                  threads = threads + 1
                  thread:set("thread_id", threads)
                end
                local n = 0
                request = function()
                  n = n + 1
                  return wrk.format(nil, nil, nil, "%s" .. thread_id .. "-" .. n .. "&formToken=bench-form-token-" .. thread_id .. "-" .. n)
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

    /** Runs wrk against the app; returns {requests/s, p50 ms, p99 ms} and records the app's CPU per request by thread. */
    private String[] wrk(String database, String label, long pid, String url, Path script) throws Exception {
        Map<String, Long> before = ThreadCpu.snapshot(pid);
        String[] result = wrk(url, script);
        Map<String, Long> after = ThreadCpu.snapshot(pid);
        if (!before.isEmpty()) {
            cpu.add(ThreadCpu.row(database, label, before, after, Long.parseLong(result[3])));
        }
        return result;
    }

    /** Runs wrk; returns {requests/s, p50 ms, p99 ms, requests}. */
    private static String[] wrk(String url, Path script) throws Exception {
        return wrk(url, script, DURATION);
    }

    private static String[] wrk(String url, Path script, String duration) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("wrk", "-t" + THREADS, "-c" + CONNECTIONS, "-d" + duration, "--latency"));
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
        Matcher total = Pattern.compile("(\\d+) requests in").matcher(out);
        assertThat(rps.find() && p50.find() && p99.find() && total.find()).as(out).isTrue();
        assertThat(errors.find()).as("refused requests:\n" + out).isFalse();
        return new String[]{String.format("%.0f", Double.parseDouble(rps.group(1))), ms(p50), ms(p99), total.group(1)};
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

    /** CPU time of a process's threads from /proc, grouped by what they do (empty where /proc is not there). */
    static final class ThreadCpu {

        static final String[] GROUPS = {"request threads", "intake writer", "H2 background", "JIT", "GC", "other"};

        static Map<String, Long> snapshot(long pid) {
            Map<String, Long> ticks = new java.util.HashMap<>();
            Path tasks = Path.of("/proc", String.valueOf(pid), "task");
            if (!Files.isDirectory(tasks)) {
                return ticks;
            }
            try (var threads = Files.list(tasks)) {
                for (Path t : threads.toList()) {
                    try {
                        String name = Files.readString(t.resolve("comm")).strip();
                        String stat = Files.readString(t.resolve("stat"));
                        // the fields after the command in parentheses: utime and stime are the 12th and 13th
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks.merge(group(name), Long.parseLong(f[11]) + Long.parseLong(f[12]), Long::sum);
                    } catch (java.io.IOException | RuntimeException gone) {
                        // the thread ended between the listing and the read
                    }
                }
            } catch (java.io.IOException e) {
                return Map.of();
            }
            return ticks;
        }

        static String group(String comm) {
            if (comm.startsWith("http-nio")) {
                // the request threads, and Tomcat's poller and acceptor: /proc cuts names to 15 characters
                return "request threads";
            }
            if (comm.startsWith("opinion-intake")) {
                return "intake writer";
            }
            if (comm.startsWith("H2") || comm.startsWith("MVStore") || comm.startsWith("h2-")) {
                return "H2 background";
            }
            if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
                return "JIT";
            }
            if (comm.startsWith("GC Thread") || comm.startsWith("G1 ")) {
                return "GC";
            }
            return "other";
        }

        /** One table row: milliseconds of CPU per request, in all and by group (a clock tick is 10 ms on Linux). */
        static String[] row(String database, String label, Map<String, Long> before, Map<String, Long> after, long requests) {
            String[] row = new String[3 + GROUPS.length];
            row[0] = database;
            row[1] = label;
            long all = 0;
            for (int i = 0; i < GROUPS.length; i++) {
                long ticks = after.getOrDefault(GROUPS[i], 0L) - before.getOrDefault(GROUPS[i], 0L);
                all += ticks;
                row[3 + i] = String.format("%.3f", ticks * 10.0 / requests);
            }
            row[2] = String.format("%.3f", all * 10.0 / requests);
            return row;
        }
    }

    private static int freePort() throws Exception {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
