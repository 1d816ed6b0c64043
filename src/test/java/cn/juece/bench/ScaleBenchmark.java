package cn.juece.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import cn.juece.LifecycleDriver;
import cn.juece.support.StaffBrowser;

/**
 * Fast at fifty thousand (issue 17): seeds open decisions and public comments straight into our schema and times the
 * lists a clerk, a supervisor and the public open, beside the health endpoint in the same run, then prints the H2
 * file size per decision. Also measures how the H2 file grows per decision registered through /api under each
 * write setting.
 *
 * <p>Seeding: the app starts once on a fresh H2 file database (schema, organisation), two real decisions are driven
 * (one at the proposal, one in public participation with a consultation) to take real process definitions and step
 * shapes from; the app stops; then plain JDBC batches insert {@code bench.decisions} decisions of the lead unit, each
 * with its open 研究论证 step offered to the unit and that step's period (end dates spread over a year),
 * {@code bench.consultations} consultations on the first decisions sharing {@code bench.comments} opinions (half
 * published), a publication for one decision in fifty, and the facts supervision lists (escalated deadlines, shortened
 * periods, late pauses, late execution reports, inspections, {@code bench.meetings} meetings; see supervisionFacts). The seeded decisions have no engine process instances:
 * every list timed here reads our own tables only (the lists' point). The app then starts again on that file.
 *
 * <p>Run: {@code ./mvnw -o test -Pbenchmark -Dtest=ScaleBenchmark} (defaults 50,000 decisions, 1,000,000 comments;
 * e.g. {@code -Dbench.decisions=10000 -Dbench.comments=100000} on a busy machine; {@code -Dbench.requests=50}
 * timed requests per row after {@code bench.warmups} (20) untimed ones; {@code bench.planned} (1,000) of the newest decisions are in drafting
 * with a launch-time plan, for supervision's plan-slip section).
 */
@Tag("benchmark")
class ScaleBenchmark {

    static final int DECISIONS = Integer.getInteger("bench.decisions", 50_000);
    static final int COMMENTS = Integer.getInteger("bench.comments", 1_000_000);
    static final int CONSULTATIONS = Integer.getInteger("bench.consultations", 100);
    static final int REQUESTS = Integer.getInteger("bench.requests", 50);
    /** Untimed requests before each row (the JIT compiles the path; 5 left the first rows' p95 to the compiler). */
    static final int WARMUPS = Integer.getInteger("bench.warmups", 20);
    /** Decisions in drafting with a launch-time plan (supervision's plan-slip section). */
    static final int PLANNED = Integer.getInteger("bench.planned", 1000);
    static final int REGISTRATIONS = Integer.getInteger("bench.registrations", 100);
    /** Executive meetings of the organ (each with a member, every other with the public sitting in). */
    static final int MEETINGS = Integer.getInteger("bench.meetings", 2000);
    /** The H2 settings under test (the app's defaults, config/application.yaml). */
    static final String H2_OPTIONS = System.getProperty("bench.h2", ";MAX_COMPACT_TIME=2000;TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;RETENTION_TIME=2000");
    static final String PASSWORD = "Juece2026";
    /** -Dbench.idle=60: the growth benchmark pauses that long, then registers 50 more. */
    static final int IDLE_SECONDS = Integer.getInteger("bench.idle", 0);

    /** -Dbench.db=postgres: the scale benchmark on PostgreSQL (an empty database, bench.pg.url; .ci/postgres.sh makes juece_test). */
    static final boolean POSTGRES = "postgres".equals(System.getProperty("bench.db", "h2"));
    static final String PG_URL = System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/juece_test");

    @Test
    void scale() throws Exception {
        Path dir = Files.createTempDirectory("juece-scale");
        String url = POSTGRES ? PG_URL : "jdbc:h2:file:" + dir.resolve("juece") + H2_OPTIONS;
        Path file = dir.resolve("juece.mv.db");
        DatabaseSize size = POSTGRES ? () -> pgSize(url) : () -> Files.size(file);
        String number;
        String consultationNumber;
        long t0 = System.nanoTime();
        System.out.println("Scale benchmark: " + DECISIONS + " decisions, " + COMMENTS + " comments; starting the app on " + url);
        try (BenchApp app = BenchApp.start(url)) {
            var d = new LifecycleDriver(app.port, PASSWORD);
            consultationNumber = d.create("基准测试：征求意见的事项");
            d.study(consultationNumber);
            d.launch(consultationNumber);
            d.draft(consultationNumber, true, false, false);
            d.as(LifecycleDriver.LEAD).post("/api/decisions/" + consultationNumber + "/consultations", Map.of("noticeText", "基准测试",
                    "channels", List.of("冠县发布"), "closesOn", LocalDate.now().plusDays(40).toString()));
            number = d.create("基准测试：研究论证中的事项");
        }
        double startSeconds = (System.nanoTime() - t0) / 1e9;
        long before = size.bytes();

        long s0 = System.nanoTime();
        Seeded seeded = seed(url, number);
        double seedSeconds = (System.nanoTime() - s0) / 1e9;
        System.out.printf("Seeded in %.1f s%n", seedSeconds);
        long afterSeed = size.bytes();

        List<Row> rows = new ArrayList<>();
        try (BenchApp app = BenchApp.start(url)) {
            String base = "http://127.0.0.1:" + app.port;
            HttpClient http = HttpClient.newHttpClient();
            String basic = "Basic " + Base64.getEncoder().encodeToString((LifecycleDriver.LEAD + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            String justice = "Basic " + Base64.getEncoder().encodeToString((LifecycleDriver.JUSTICE + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
            var clerk = new StaffBrowser(app.port, LifecycleDriver.LEAD, PASSWORD);
            var supervisor = new StaffBrowser(app.port, LifecycleDriver.JUSTICE, PASSWORD);
            appPid = app.pid();
            Row health = time("GET /actuator/health (baseline)", () -> get(http, base + "/actuator/health", null), null);
            rows.add(health);
            System.out.println("timing...");
            rows.add(time("GET /api/tasks (first page, fgj_wang)", () -> get(http, base + "/api/tasks", basic), health));
            rows.add(time("GET /api/tasks?sort=created&page=1000", () -> get(http, base + "/api/tasks?sort=created&page=1000", basic), health));
            rows.add(time("home page 我的待办 (first page)", () -> page(clerk, "/", "我的待办"), health));
            rows.add(time("GET /api/decisions (first page)", () -> get(http, base + "/api/decisions", basic), health));
            rows.add(time("GET /api/decisions?sort=due", () -> get(http, base + "/api/decisions?sort=due", basic), health));
            rows.add(time("decision list page /decisions", () -> page(clerk, "/decisions", "BENCH-2025-"), health));
            rows.add(time("GET /api/supervision (sfj, first page)", () -> get(http, base + "/api/supervision", justice), health));
            rows.add(time("supervision page /supervision", () -> page(supervisor, "/supervision", "BENCH-2025-"), health));
            rows.add(time("GET /api/meetings (" + MEETINGS + " meetings)", () -> get(http, base + "/api/meetings", justice), health));
            rows.add(time("GET /api/supervision/plan-slips (" + Math.min(PLANNED, DECISIONS) + " planned)",
                    () -> get(http, base + "/api/supervision/plan-slips", justice), health));
            rows.add(time("GET /api/consultations/{id}/opinions", () -> get(http, base + "/api/consultations/" + seeded.bigConsultation + "/opinions", basic), health));
            rows.add(time("participation page (" + seeded.perConsultation + " opinions)", () -> page(clerk, "/decisions/" + seeded.bigNumber + "/participation", "建议第"), health));
            rows.add(time("portal /public/consultations", () -> get(http, base + "/public/consultations", null), health));
            rows.add(time("portal /public/consultations/{id}", () -> get(http, base + "/public/consultations/" + seeded.bigConsultation, null), health));
            rows.add(time("portal /public/decisions", () -> get(http, base + "/public/decisions", null), health));
            String tasks = get(http, base + "/api/tasks", basic);
            assertThat(tasks).contains("BENCH-");
        }
        long afterRun = size.bytes();

        System.out.println();
        System.out.printf("Scale: %,d open decisions (each an open step and its period), %,d comments in %d consultations (%,d each), %,d publications;"
                        + " seeded by JDBC in %.1f s (app start + 2 real decisions %.1f s); %d sequential requests per row after %d warm-ups%n",
                DECISIONS, COMMENTS, CONSULTATIONS, seeded.perConsultation, seeded.publications, seedSeconds, startSeconds, REQUESTS, WARMUPS);
        System.out.println("| request | mean (ms) | p50 (ms) | p95 (ms) | response (kB) | mean / health | request threads' CPU (ms per request) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Row r : rows) {
            System.out.printf("| %s | %.1f | %.1f | %.1f | %.1f | %.1f | %s |%n", r.name, r.mean, r.p50, r.p95, r.kb, r.ratio,
                    r.cpu < 0 ? "—" : String.format("%.1f", r.cpu));
        }
        System.out.printf("%s: %.1f MB before seeding, %.1f MB after seeding, %.1f MB after the timed run and shutdown;"
                        + " %.1f kB per seeded decision (with its share of the comments)%n",
                POSTGRES ? "PostgreSQL database (pg_database_size)" : "H2 file (" + H2_OPTIONS + ")",
                before / 1e6, afterSeed / 1e6, afterRun / 1e6, (afterRun - before) / 1024.0 / DECISIONS);
        System.out.println();
    }

    /**
     * How the H2 file grows per decision registered through POST /api/decisions (a receipt: the number), under the old
     * setting (WRITE_DELAY=0), H2's default write delay, and the app's settings (default delay, a checkpoint before
     * each write request answers: juece.h2.checkpoint-on-write).
     */
    @Test
    void registrationGrowth() throws Exception {
        List<String[]> rows = new ArrayList<>();
        System.out.println("H2 file growth per registration: measuring three settings, " + REGISTRATIONS + " registrations each");
        // -Dbench.growth=now,retention picks rows (before, delay, now, retention; default: all)
        List<String> pick = List.of(System.getProperty("bench.growth", "before,delay,now,retention").split(","));
        if (pick.contains("before")) {
            rows.add(grow("WRITE_DELAY=0 (before)", ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE", "--juece.h2.checkpoint-on-write=false"));
        }
        if (pick.contains("delay")) {
            rows.add(grow("H2 default write delay, no checkpoint", ";DB_CLOSE_ON_EXIT=FALSE", "--juece.h2.checkpoint-on-write=false"));
        }
        if (pick.contains("now")) {
            rows.add(grow("default delay + checkpoint per write request (now)", ";MAX_COMPACT_TIME=2000;TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64", "--juece.h2.checkpoint-on-write=true"));
        }
        String now = ";MAX_COMPACT_TIME=2000;TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64";
        if (pick.contains("plain")) {
            rows.add(grow("default delay + CHECKPOINT (no fsync) per write request", now, "--juece.h2.checkpoint-on-write=true",
                    "--juece.h2.checkpoint-sync=false"));
        }
        if (pick.contains("sync")) {
            rows.add(grow("default delay + CHECKPOINT SYNC per write request", now, "--juece.h2.checkpoint-on-write=true",
                    "--juece.h2.checkpoint-sync=true"));
        }
        for (String p : pick) {
            if (p.startsWith("retention") && p.length() > "retention".length()) {   // e.g. retention1000
                String ms = p.substring("retention".length());
                rows.add(grow("CHECKPOINT SYNC + RETENTION_TIME=" + ms, now + ";RETENTION_TIME=" + ms, "--juece.h2.checkpoint-on-write=true",
                        "--juece.h2.checkpoint-sync=true"));
            }
        }
        for (String p : pick) {
            if (p.startsWith("compact")) {   // e.g. compact15000: the app's settings with another MAX_COMPACT_TIME
                rows.add(grow("as now, MAX_COMPACT_TIME=" + p.substring("compact".length()),
                        now.replace("MAX_COMPACT_TIME=2000", "MAX_COMPACT_TIME=" + p.substring("compact".length())) + ";RETENTION_TIME=2000",
                        "--juece.h2.checkpoint-on-write=true", "--juece.h2.checkpoint-sync=true"));
            }
            if (p.startsWith("opts:")) {   // e.g. "opts:RETENTION_TIME=1000;PAGE_SIZE=1024": the app's settings plus these
                rows.add(grow("CHECKPOINT SYNC + " + p.substring(5), now + ";" + p.substring(5), "--juece.h2.checkpoint-on-write=true",
                        "--juece.h2.checkpoint-sync=true"));
            }
        }
        if (pick.contains("retention")) {
            rows.add(grow("as now + RETENTION_TIME=5000", ";MAX_COMPACT_TIME=2000;TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE;RETENTION_TIME=5000",
                    "--juece.h2.checkpoint-on-write=true"));
        }
        System.out.println();
        System.out.println("H2 file growth, " + REGISTRATIONS + " decisions registered through POST /api/decisions (one client)");
        System.out.println("| setting | registrations/s | growth per decision while running (kB) | file after shutdown (MB) | file (MB) every 50 registrations |");
        System.out.println("|---|---|---|---|---|");
        rows.forEach(r -> System.out.printf("| %s | %s | %s | %s | %s |%n", (Object[]) r));
        System.out.println();
    }

    private static String[] grow(String label, String options, String... rowArgs) throws Exception {
        // -Dbench.growth.args="--juece.h2.sync-interval=PT0.5S": more arguments for every row's app
        List<String> all = new ArrayList<>(List.of(rowArgs));
        String more = System.getProperty("bench.growth.args", "").strip();
        if (!more.isEmpty()) {
            all.addAll(List.of(more.split("\\s+")));
            label = label + " " + more;
        }
        String[] args = all.toArray(String[]::new);
        Path dir = Files.createTempDirectory("juece-grow");
        Path file = dir.resolve("juece.mv.db");
        double perDecision;
        double rate;
        long peak;
        StringBuilder steps = new StringBuilder();
        try (BenchApp app = BenchApp.start("jdbc:h2:file:" + dir.resolve("juece") + options, args)) {
            var d = new LifecycleDriver(app.port, PASSWORD);
            d.create("预热");
            Thread.sleep(1500);
            long start = Files.size(file);
            long t0 = System.nanoTime();
            peak = start;
            int every = Math.max(50, REGISTRATIONS / 20);   // the file's size this often (a long run keeps its line short)
            for (int i = 0; i < REGISTRATIONS; i++) {
                d.create("基准测试：登记增长" + i);
                if (i % every == every - 1) {
                    peak = Math.max(peak, Files.size(file));
                    steps.append(steps.isEmpty() ? "" : ", ").append(String.format("%.1f", Files.size(file) / 1e6));
                }
            }
            rate = REGISTRATIONS / ((System.nanoTime() - t0) / 1e9);
            Thread.sleep(1500);   // the background writer's last write
            perDecision = (Files.size(file) - start) / 1024.0 / REGISTRATIONS;
            if (IDLE_SECONDS > 0) {
                // an office's pause: H2's background housekeeping rewrites sparse chunks only while the store is idle;
                // then 50 more registrations show whether the freed space is reused
                Thread.sleep(IDLE_SECONDS * 1000L);
                long idle = Files.size(file);
                for (int i = 0; i < 50; i++) {
                    d.create("基准测试：空闲后登记" + i);
                }
                Thread.sleep(1500);
                steps.append(String.format("; after %d s idle %.1f, then 50 more: %.1f (%.1f kB per decision)", IDLE_SECONDS,
                        idle / 1e6, Files.size(file) / 1e6, (Files.size(file) - idle) / 1024.0 / 50));
            }
        }
        long live = liveSize(file);
        steps.append(String.format("; live data (a compacted copy) %.2f MB: the file after shutdown is %.1f× that, its largest size while running %.1f×",
                live / 1e6, (double) Files.size(file) / live, (double) peak / live));
        String[] row = {label, String.format("%.1f", rate), String.format("%.1f", perDecision), String.format("%.2f", Files.size(file) / 1e6),
                steps.toString()};
        System.out.printf("| %s | %s | %s | %s | %s |%n", (Object[]) row);
        return row;
    }

    interface DatabaseSize {
        long bytes() throws Exception;
    }

    private static long pgSize(String url) throws Exception {
        try (Connection c = connect(url); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** H2 as the app's sa; PostgreSQL as the schema's owner (.ci/postgres.sh), batches rewritten into multi-row inserts. */
    private static Connection connect(String url) throws Exception {
        if (url.startsWith("jdbc:postgresql:")) {
            return DriverManager.getConnection(url + (url.contains("?") ? "&" : "?") + "reWriteBatchedInserts=true",
                    System.getProperty("bench.pg.owner", "juece"), System.getProperty("bench.pg.password", "juece"));
        }
        return DriverManager.getConnection(url, "sa", "");
    }

    /** The live data of an H2 file: the size of a copy after SHUTDOWN COMPACT (which rewrites every live page once). */
    static long liveSize(Path file) throws Exception {
        Path dir = Files.createTempDirectory("juece-live");
        Files.copy(file, dir.resolve("juece.mv.db"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("juece") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        }
        long size = Files.size(dir.resolve("juece.mv.db"));
        Files.delete(dir.resolve("juece.mv.db"));
        Files.deleteIfExists(dir.resolve("juece.trace.db"));
        Files.delete(dir);
        return size;
    }

    record Seeded(long bigConsultation, String bigNumber, int perConsultation, int publications) {
    }

    /** Our schema, straight: decisions, their open steps and periods, consultations and opinions, publications. */
    private static Seeded seed(String url, String template) throws Exception {
        try (Connection c = connect(url)) {
            c.setAutoCommit(false);
            String organ;
            String lead;
            long templateId;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id, organ_code, lead_unit FROM juece.decision WHERE decision_number = '" + template + "'")) {
                rs.next();
                templateId = rs.getLong(1);
                organ = rs.getString(2);
                lead = rs.getString(3);
            }
            String pd;
            String taskName;
            String party;
            String group;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT process_definition_id, task_name, party, responsible_group FROM juece.step WHERE decision_id = " + templateId
                            + " AND task_key = 'proposal-study' AND state = 'OPEN'")) {
                rs.next();
                pd = rs.getString(1);
                taskName = rs.getString(2);
                party = rs.getString(3);
                group = rs.getString(4);
            }
            // a deadline of the statutory period table (the work list reads the period's kind)
            String periodCode;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT code FROM juece.statutory_period WHERE kind = 'DEADLINE' AND public_window = FALSE ORDER BY code FETCH FIRST 1 ROWS ONLY")) {
                rs.next();
                periodCode = rs.getString(1);
            }
            long firstId = max(c, "juece.decision") + 1000;
            OffsetDateTime t = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(400);
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            try (PreparedStatement dec = c.prepareStatement("""
                    INSERT INTO juece.decision (id, decision_number, organ_code, title, source, lead_unit, stage, status, created_by,
                                                created_at, updated_at, due_day, open_steps, open_stages)
                                                VALUES (?, ?, ?, ?, 'LEADER', ?, 'PROPOSAL', 'IN_PROGRESS', 'fgj_wang', ?, ?, ?, 1, 1)""");
                 PreparedStatement step = c.prepareStatement("""
                    INSERT INTO juece.step (decision_id, task_id, process_instance_id, task_key, task_name, party, round_no, state,
                                            created_at, responsible_group, process_definition_id, process_key, due_at, work_day, due_sort, overdue_at,
                                            organ_code, lead_unit)
                    VALUES (?, ?, ?, 'proposal-study', ?, ?, 1, 'OPEN', ?, ?, ?, 'stage-proposal', ?, ?, ?, ?, ?, ?)""");
                 PreparedStatement period = c.prepareStatement("""
                    INSERT INTO juece.step_period (decision_id, task_id, task_key, task_name, candidate_group, period_code, started_on,
                                                   end_on, paused_days, state, due_at) VALUES (?, ?, 'proposal-study', ?, ?, ?, ?, ?, 0, 'OPEN', ?)""")) {
                for (int i = 0; i < DECISIONS; i++) {
                    long id = firstId + i;
                    OffsetDateTime at = t.plusSeconds(i * 600L);
                    dec.setLong(1, id);
                    dec.setString(2, "BENCH-2025-" + String.format("%06d", i));
                    dec.setString(3, organ);
                    dec.setString(4, "基准测试决策事项第" + i + "号：县城区公共服务设施布局调整方案");
                    dec.setString(5, lead);
                    dec.setObject(6, at);
                    dec.setObject(7, at);
                    LocalDate end = today.plusDays((i * 7L) % 365 - 30);
                    dec.setObject(8, end);   // V250: the decision list's due day (its open period's end)
                    dec.addBatch();
                    step.setLong(1, id);
                    step.setString(2, "bench-task-" + i);
                    step.setString(3, "bench-pi-" + i);
                    step.setString(4, taskName);
                    step.setString(5, party);
                    step.setObject(6, at);
                    step.setString(7, group);
                    step.setString(8, pd);
                    OffsetDateTime due = end.atTime(23, 59, 59).atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime();
                    step.setObject(9, due);
                    step.setObject(10, end);   // V220: the day the work list sorts by
                    step.setObject(11, due);   // V251: the due date supervision sorts by
                    step.setObject(12, due);   // V253: the due date it can be overdue by (a deadline, no minimum)
                    step.setString(13, organ); // V261: the decision's organ and lead unit, which supervision counts by
                    step.setString(14, lead);
                    step.addBatch();
                    period.setLong(1, id);
                    period.setString(2, "bench-task-" + i);
                    period.setString(3, taskName);
                    period.setString(4, group);
                    period.setString(5, periodCode);
                    period.setObject(6, end.minusDays(30));
                    period.setObject(7, end);
                    period.setObject(8, end.plusDays(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toOffsetDateTime());
                    period.addBatch();
                    if (i % 5000 == 4999) {
                        dec.executeBatch();
                        step.executeBatch();
                        period.executeBatch();
                        c.commit();
                    }
                }
                dec.executeBatch();
                step.executeBatch();
                period.executeBatch();
                c.commit();
            }
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE juece.decision ALTER COLUMN id RESTART WITH " + (firstId + DECISIONS + 1));
            }
            int consultations = Math.min(CONSULTATIONS, DECISIONS);
            int per = COMMENTS / Math.max(1, consultations);
            long firstConsultation = max(c, "juece.public_consultation") + 1000;
            try (PreparedStatement pc = c.prepareStatement("""
                    INSERT INTO juece.public_consultation (id, decision_id, title, notice_text, channels, opens_on, closes_on, moderated,
                                                           status, published_by, published_at) VALUES (?, ?, ?, '基准测试', '冠县发布', ?, ?, TRUE, 'OPEN', 'fgj_wang', ?)""");
                 PreparedStatement op = c.prepareStatement("""
                    INSERT INTO juece.opinion (consultation_id, receipt, channel, author_name, quotable, content, content_hash, submitted_at,
                                               moderation) VALUES (?, ?, 'PORTAL', ?, TRUE, ?, ?, ?, ?)""")) {
                int n = 0;
                for (int k = 0; k < consultations; k++) {
                    long cid = firstConsultation + k;
                    pc.setLong(1, cid);
                    pc.setLong(2, firstId + k);
                    pc.setString(3, "关于基准测试决策事项第" + k + "号公开征求意见的公告");
                    pc.setObject(4, today.minusDays(5));
                    pc.setObject(5, today.plusDays(30));
                    pc.setObject(6, t);
                    pc.executeUpdate();
                    for (int j = 0; j < per; j++) {
                        op.setLong(1, cid);
                        op.setString(2, receipt(n));
                        op.setString(3, "市民" + j);
                        op.setString(4, "建议第" + j + "条：公共服务设施布局应兼顾老城区和新城区居民的出行距离。");
                        op.setString(5, String.format("%064x", n));
                        op.setObject(6, t.plusSeconds(n));
                        op.setString(7, j % 2 == 0 ? "PUBLISHED" : "PENDING");
                        op.addBatch();
                        n++;
                        if (n % 10_000 == 0) {
                            op.executeBatch();
                            c.commit();
                        }
                    }
                }
                op.executeBatch();
                c.commit();
            }
            try (Statement s = c.createStatement()) {
                s.execute("ALTER TABLE juece.public_consultation ALTER COLUMN id RESTART WITH " + (firstConsultation + consultations + 1));
            }
            int publications = DECISIONS / 50;
            try (PreparedStatement pub = c.prepareStatement("""
                    INSERT INTO juece.decision_publication (decision_id, task_id, task_key, round, outcome, outcome_label, acted_by, acted_at,
                                                            website_url) VALUES (?, ?, 'publication-publish', 1, 'PUBLISHED', '已公布', 'bgs_zhou', ?, '县政府网站')""")) {
                for (int i = 0; i < publications; i++) {
                    pub.setLong(1, firstId + DECISIONS - 1 - i * 50L);
                    pub.setString(2, "bench-publish-" + i);
                    pub.setObject(3, t.plusSeconds(i));
                    pub.addBatch();
                }
                pub.executeBatch();
                c.commit();
            }
            // the newest decisions in drafting with a launch-time plan whose meeting day has passed: supervision's
            // plan-slip section (issue 16) computes their plans
            int planned = Math.min(PLANNED, DECISIONS);
            try (PreparedStatement stage = c.prepareStatement("UPDATE juece.decision SET stage = 'DRAFTING' WHERE id = ?");
                 PreparedStatement base = c.prepareStatement(
                         "INSERT INTO juece.plan_baseline (decision_id, meeting_on, provisional, recorded_at) VALUES (?, ?, FALSE, ?)")) {
                for (int i = 0; i < planned; i++) {
                    long id = firstId + DECISIONS - 1 - i;
                    stage.setLong(1, id);
                    stage.addBatch();
                    base.setLong(1, id);
                    base.setObject(2, today.minusDays(60 + i % 30));
                    base.setObject(3, t);
                    base.addBatch();
                }
                stage.executeBatch();
                base.executeBatch();
                c.commit();
            }
            supervisionFacts(c, firstId, organ, t, today);
            if (url.startsWith("jdbc:postgresql:")) {
                // what autovacuum's analyze does some time after a bulk load: the planner's statistics for the new rows
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE");
                }
            }
            return new Seeded(firstConsultation, "BENCH-2025-000000", per, publications);
        }
    }

    /**
     * The facts supervision lists (issue 17, tenth pass), years' worth over the seeded decisions: every period past its
     * end escalated, a shortened period for one decision in 25 and a pause recorded late for one in 50, a late execution
     * report for every other decision, an inspection for one in ten, and {@code bench.meetings} executive meetings of the
     * organ, each with a member and every other with the public sitting in.
     */
    private static void supervisionFacts(Connection c, long firstId, String organ, OffsetDateTime t, LocalDate today) throws Exception {
        try (PreparedStatement escalate = c.prepareStatement(
                     "UPDATE juece.step_period SET escalated_at = ? WHERE decision_id >= ? AND end_on < ?");
             PreparedStatement shortened = c.prepareStatement("""
                     INSERT INTO juece.period_deviation (step_period_id, decision_id, period_code, reason, approved_by, approver_name, approved_at)
                     SELECT id, decision_id, period_code, '基准测试：情况紧急', 'fgj_head', '韩卫东', ? FROM juece.step_period
                     WHERE decision_id >= ? AND MOD(decision_id, 25) = 0""");
             PreparedStatement late = c.prepareStatement("""
                     INSERT INTO juece.period_pause (step_period_id, decision_id, pause_kind, start_on, end_on, reason, working_days, end_before,
                                                     end_after, late_note, recorded_by, recorded_at)
                     SELECT id, decision_id, 'SUPPLEMENT', started_on, started_on, '基准测试', 1, end_on, end_on, '基准测试：事后补记', 'fgj_wang', ?
                     FROM juece.step_period WHERE decision_id >= ? AND MOD(decision_id, 50) = 0""");
             PreparedStatement reports = c.prepareStatement("""
                     INSERT INTO juece.execution_report_period (decision_id, run_no, unit_code, period_no, scheduled_on, due_on, paused_days, task_id,
                                                                opened_at, reported_at)
                     SELECT id, 1, lead_unit, 1, ?, ?, 0, CONCAT('bench-report-', CAST(id AS VARCHAR(20))), created_at,
                            CASE WHEN MOD(id, 4) = 0 THEN NULL ELSE CAST(? AS TIMESTAMP WITH TIME ZONE) END
                     FROM juece.decision WHERE id >= ? AND MOD(id, 2) = 0""");
             PreparedStatement inspections = c.prepareStatement("""
                     INSERT INTO juece.execution_inspection (decision_id, kind, title, findings, held_on, recorded_by, recorded_at)
                     SELECT id, 'INSPECTION', '基准测试：执行情况检查', '执行基本到位', ?, 'sfj_liu', ? FROM juece.decision WHERE id >= ? AND MOD(id, 10) = 0""");
             PreparedStatement meeting = c.prepareStatement("""
                     INSERT INTO juece.gov_meeting (organ_code, kind, name, meeting_date, place, created_by, created_at)
                     VALUES (?, 'EXECUTIVE', ?, ?, '县政府三楼会议室', 'bgs_chen', ?)""", new String[] {"id"});
             PreparedStatement attendee = c.prepareStatement(
                     "INSERT INTO juece.gov_meeting_attendee (meeting_id, category, person_id, name, affiliation) VALUES (?, ?, ?, ?, ?)")) {
            escalate.setObject(1, t);
            escalate.setLong(2, firstId);
            escalate.setObject(3, today);
            escalate.executeUpdate();
            shortened.setObject(1, t);
            shortened.setLong(2, firstId);
            shortened.executeUpdate();
            late.setObject(1, t);
            late.setLong(2, firstId);
            late.executeUpdate();
            reports.setObject(1, today.minusDays(90));
            reports.setObject(2, today.minusDays(60));
            reports.setObject(3, t.plusDays(340));
            reports.setLong(4, firstId);
            reports.executeUpdate();
            inspections.setObject(1, today.minusDays(30));
            inspections.setObject(2, t);
            inspections.setLong(3, firstId);
            inspections.executeUpdate();
            for (int i = 0; i < MEETINGS; i++) {
                meeting.setString(1, organ);
                meeting.setString(2, "基准测试：县政府第" + (i + 1) + "次常务会议");
                meeting.setObject(3, today.minusDays(i % 3650));
                meeting.setObject(4, t);
                meeting.executeUpdate();
                long id;
                try (ResultSet keys = meeting.getGeneratedKeys()) {
                    keys.next();
                    id = keys.getLong(1);
                }
                attendee.setLong(1, id);
                attendee.setString(2, "MEMBER");
                attendee.setString(3, "gx_head");
                attendee.setString(4, "县长");
                attendee.setString(5, null);
                attendee.addBatch();
                if (i % 2 == 0) {
                    attendee.setLong(1, id);
                    attendee.setString(2, "PUBLIC");
                    attendee.setString(3, null);
                    attendee.setString(4, "市民代表" + i);
                    attendee.setString(5, "市民");
                    attendee.addBatch();
                }
            }
            attendee.executeBatch();
            c.commit();
        }
    }

    /** A receipt number of the portal's shape (12 characters of its alphabet), distinct for each n. */
    private static String receipt(long n) {
        String alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            sb.append(alphabet.charAt((int) (n % 32)));
            n /= 32;
        }
        return sb.toString();
    }

    private static long max(Connection c, String table) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A staff page, refused unless it answers 200 with what it must show (an error page would time something else). */
    private static String page(StaffBrowser browser, String path, String mustShow) {
        HttpResponse<String> r = browser.fetch(path);
        if (r.statusCode() != 200 || !r.body().contains(mustShow)) {
            throw new IllegalStateException(path + " → " + r.statusCode() + " without " + mustShow + ": "
                    + r.body().substring(0, Math.min(600, r.body().length())));
        }
        return r.body();
    }

    private static String get(HttpClient http, String url, String auth) {
        try {
            var b = HttpRequest.newBuilder(URI.create(url)).GET();
            if (auth != null) {
                b.header("Authorization", auth);
            }
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " → " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** cpu: milliseconds of CPU of the app's request threads per request (from /proc; a tick is 10 ms), -1 when unknown. */
    record Row(String name, double mean, double p50, double p95, double kb, double ratio, double cpu) {
    }

    /** The app being timed, whose request threads' CPU each row reads (0: none). */
    private static long appPid;

    private static Row time(String name, Supplier<String> call, Row baseline) {
        for (int i = 0; i < WARMUPS; i++) {
            call.get();
        }
        double[] ms = new double[REQUESTS];
        long bytes = 0;
        Map<String, Long> cpu0 = appPid == 0 ? Map.of() : CommentIntakeBenchmark.ThreadCpu.snapshot(appPid);
        for (int i = 0; i < REQUESTS; i++) {
            long t0 = System.nanoTime();
            String body = call.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
            bytes = body.getBytes(StandardCharsets.UTF_8).length;
        }
        Map<String, Long> cpu1 = appPid == 0 ? Map.of() : CommentIntakeBenchmark.ThreadCpu.snapshot(appPid);
        String threads = CommentIntakeBenchmark.ThreadCpu.GROUPS[0];
        double cpu = cpu1.isEmpty() ? -1 : (cpu1.getOrDefault(threads, 0L) - cpu0.getOrDefault(threads, 0L)) * 10.0 / REQUESTS;
        double mean = Arrays.stream(ms).average().orElse(0);
        Arrays.sort(ms);
        return new Row(name, mean, ms[ms.length / 2], ms[(int) Math.ceil(ms.length * 0.95) - 1], bytes / 1024.0,
                baseline == null ? 1.0 : mean / baseline.mean(), cpu);
    }
}
