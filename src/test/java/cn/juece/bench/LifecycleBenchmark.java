package cn.juece.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.juece.IntegrationTest;

/**
 * Whole decisions through Juece against the same BPMN on a bare engine, in one run (issue 17).
 *
 * <p>Juece: whole decisions as {@code LifecycleDriver.wholeLifecycle} drives them but without the expert review (create,
 * study, launch, draft with participation and risk assessment, legality review, meeting, publication, execution,
 * archive — every request over /api, uploads and records included) on 1 thread, then on 4 threads; the app runs in this JVM (the driver moves ClockUtil through the
 * minimum periods), so client and server share the 2 cores. Steps are the user tasks completed (juece.step rows).
 *
 * <p>Bare engine: a plain {@link ProcessEngineConfiguration} on in-memory H2 (its own engine name, job executor off,
 * history full as ours), the same bpmn/*.bpmn deployed, no parse listener of ours (no gates, step rows, audit or
 * projections), the expressions the files name resolved to no-op beans (candidate groups a fixed group, period timers
 * far in the future, the comment window closing at once, the arrangement delegate requiring all three procedures).
 * Each lifecycle completes its tasks with the outcomes one of Juece's lifecycles recorded for the same task keys in
 * the same order, so both take the same path; steps are the tasks completed.
 *
 * <p>Profile: during the 1-thread Juece run a sampler reads the stacks of the server's request threads every 2 ms and
 * buckets each sample by the innermost frame that belongs to a layer (JDK frames fold into their caller), plus the
 * share of samples whose stack passes through our gates, our task listeners and the audit chain.
 *
 * <p>Run: {@code ./mvnw -o test -Pbenchmark -Dtest=LifecycleBenchmark} ({@code -Dbench.lifecycles=6}: per thread
 * count on Juece; the bare engine runs ten times as many). On PostgreSQL: {@code bash .ci/postgres.sh && JUECE_TEST_DB=postgres
 * ./mvnw -o test -Pbenchmark -Dtest=LifecycleBenchmark}: Juece on the test database, the bare engine in a schema of its own
 * in the same database, and the CPU of PostgreSQL's processes added to both.
 */
@Tag("benchmark")
class LifecycleBenchmark extends IntegrationTest {

    static final int LIFECYCLES = Integer.getInteger("bench.lifecycles", 6);
    static final int WARMUPS = Integer.getInteger("bench.warmups", 2);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void lifecycles() throws Exception {
        // Juece, 1 thread with the profiler, then 4 threads
        Profiler profiler = new Profiler();
        // warm-up lifecycles (class loading, the document fonts, the engine's caches, the JIT): -Dbench.warmups, 2 by
        // default; the bare engine gets ten times as many
        run(1, WARMUPS, i -> lifecycle("基准测试：预热" + i), null);
        SqlCount oursSql = SqlCount.start(jdbc);
        long requests0 = requests();
        Result ours1 = run(1, LIFECYCLES, i -> lifecycle("基准测试：完整决策（单线程" + i + "）"), profiler);
        double requestsPerStep = (double) (requests() - requests0) / ours1.steps;
        oursSql.stop();
        Result ours4 = run(4, LIFECYCLES * 2, i -> lifecycle("基准测试：完整决策（四线程" + i + "）"), null);
        ClockUtil.reset();

        // the floor: as many signed-in requests as a step made, each doing almost nothing (one period read)
        int floorRequests = (int) Math.round(requestsPerStep * ours1.steps);
        run(1, 1, i -> floor(floorRequests / 2), null);   // warm-up
        Result floor = run(1, 1, i -> floor(floorRequests), null);

        // the path Juece took: the outcomes recorded per task key, in order
        String sample = jdbc.sql("SELECT decision_number FROM juece.decision WHERE title = ?").param("基准测试：完整决策（单线程0）")
                .query(String.class).single();
        List<String[]> script = jdbc.sql("""
                SELECT s.task_key, s.outcome FROM juece.step s JOIN juece.decision d ON d.id = s.decision_id
                WHERE d.decision_number = ? AND s.state = 'COMPLETED' ORDER BY s.completed_at, s.id""")
                .param(sample).query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).list();

        ProcessEngine bare = bareEngine();
        try {
            run(1, WARMUPS * 10, i -> bareLifecycle(bare, script, "WARM-" + i), null);   // warm-up
            SqlCount bareSql = SqlCount.start(JdbcClient.create(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    "jdbc:h2:mem:bare-benchmark", "sa", "")));
            Result bare1 = run(1, LIFECYCLES * 10, i -> bareLifecycle(bare, script, "B1-" + i), null);
            bareSql.stop();
            Result bare4 = run(4, LIFECYCLES * 20, i -> bareLifecycle(bare, script, "B4-" + i), null);

            System.out.println();
            System.out.println(ON_POSTGRES
                    ? "Whole lifecycles, Juece (over /api, in-process, PostgreSQL on loopback) against the same BPMN on a bare engine"
                            + " (no-op beans, the same PostgreSQL server and database, a schema of its own), same JVM and run; CPU includes"
                            + " PostgreSQL's processes; 2 cores shared with the client, the server and other work"
                    : "Whole lifecycles, Juece (over /api, in-process, H2 in memory) against the same BPMN on a bare engine"
                            + " (no-op beans, in-memory H2), same JVM and run; 2 cores shared with the client and other work");
            System.out.println("| run | threads | lifecycles | steps | seconds | lifecycles/s | steps/s | ms per step | step cost vs bare |"
                    + " CPU ms per step (server / engine) | CPU cost vs bare |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
            print("Juece", 1, ours1, bare1);
            print("Juece", 4, ours4, bare4);
            print("bare engine", 1, bare1, bare1);
            print("bare engine", 4, bare4, bare4);
            System.out.printf("Juece 1 → 4 threads: %.2f×; bare engine 1 → 4 threads: %.2f×%n",
                    ours4.perSecond() / ours1.perSecond(), bare4.perSecond() / bare1.perSecond());
            printFloor(requestsPerStep, floor, ours1, bare1);
            System.out.println();
            profiler.print(ours1.millisPerStep());
            System.out.println();
            oursSql.print("Juece, 1 thread", ours1.steps, bareSql, bare1.steps);
        } finally {
            bare.close();
            if (ON_POSTGRES) {
                bareSchema(false);
            }
        }
    }

    /**
     * A whole decision as {@code LifecycleDriver.wholeLifecycle} drives it, without the expert review: its signed
     * invitation links do not survive another thread moving the shared clock (ClockUtil) to a minimum's end.
     */
    private String lifecycle(String title) {
        var d = driver();
        String n = d.create(title);
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, true);
        d.participate(n);
        d.assessRisk(n);
        d.submitForLegality(n);
        d.review(n, "PASSED", null);
        d.meeting(n, "APPROVED");
        d.publish(n);
        d.execute(n);
        d.skipEvaluation(n);
        d.archive(n);
        return n;
    }

    /** HTTP requests the server has answered so far (Micrometer's http.server.requests, every URI and status). */
    private long requests() {
        return meters.find("http.server.requests").timers().stream().mapToLong(io.micrometer.core.instrument.Timer::count).sum();
    }

    /**
     * n signed-in requests that do almost nothing, on the benchmark's client: {@code GET /api/periods/{code}} as the
     * lead unit's clerk (HTTP Basic, the sign-in, the security and MVC chains, the visibility check, one row read, a
     * small JSON answer). Returns n, so that the run's "per step" figures are per request.
     */
    private Object floor(int n) {
        String code = jdbc.sql("SELECT code FROM juece.statutory_period ORDER BY code FETCH FIRST 1 ROWS ONLY").query(String.class).single();
        var client = driver().as(cn.juece.LifecycleDriver.LEAD);
        for (int i = 0; i < n; i++) {
            var r = client.get("/api/periods/" + code);
            assertThat(r.getStatusCode().value()).isEqualTo(200);
        }
        return (long) n;
    }

    /**
     * How much of a step's CPU is the requests alone: a Juece step is several signed-in HTTP requests (the records, the
     * uploads, the reads the clerk's client makes, the completion), where the bare engine's step is a method call.
     */
    private static void printFloor(double requestsPerStep, Result floor, Result ours1, Result bare1) {
        double perRequest = floor.cpuMillisPerStep();
        double floorPerStep = perRequest * requestsPerStep;
        double beyond = ours1.cpuMillisPerStep() - floorPerStep;
        System.out.printf("Requests per step (Juece, 1 thread): %.1f. A signed-in request doing almost nothing (GET /api/periods/{code},"
                        + " HTTP Basic, the same client): %.2f ms server CPU each, so %.1f ms per step, %.0f %% of Juece's %.1f ms."
                        + " Juece's CPU per step beyond that floor: %.1f ms, %.1f× the bare engine's %.2f ms.%n",
                requestsPerStep, perRequest, floorPerStep, 100 * floorPerStep / ours1.cpuMillisPerStep(), ours1.cpuMillisPerStep(),
                beyond, beyond / bare1.cpuMillisPerStep(), bare1.cpuMillisPerStep());
    }

    private static void print(String name, int threads, Result r, Result bare) {
        System.out.printf("| %s | %d | %d | %d | %.1f | %.2f | %.1f | %.2f | %.1f× | %.2f | %.1f× |%n", name, threads, r.lifecycles, r.steps,
                r.seconds, r.perSecond(), r.steps / r.seconds, r.millisPerStep(), r.millisPerStep() / bare.millisPerStep(),
                r.cpuMillisPerStep(), r.cpuMillisPerStep() / bare.cpuMillisPerStep());
    }

    /**
     * A run: wall time, and the CPU time of the threads doing the work (Juece: the server's request threads, so the
     * client in the same JVM, the JIT and the garbage collector are not counted; the bare engine: the threads driving it,
     * which are the engine).
     */
    record Result(int lifecycles, long steps, double seconds, double cpuSeconds) {
        double perSecond() {
            return lifecycles / seconds;
        }

        double millisPerStep() {
            return seconds * 1000 / steps;
        }

        double cpuMillisPerStep() {
            return cpuSeconds * 1000 / steps;
        }
    }

    /**
     * The SQL statements a run executed, from H2's own query statistics (issue 17: a Juece step ran five times the
     * bare engine's statements, most of them repeated reads of the same rows by different checks of one request). Both
     * databases are in-memory H2 in this JVM; on another database the count is skipped.
     */
    static final class SqlCount {
        private final JdbcClient db;
        private final boolean on;
        private List<Map<String, Object>> rows = List.of();

        private SqlCount(JdbcClient db, boolean on) {
            this.db = db;
            this.on = on;
        }

        static SqlCount start(JdbcClient db) {
            try {
                db.sql("SET QUERY_STATISTICS_MAX_ENTRIES 5000").update();
                db.sql("SET QUERY_STATISTICS FALSE").update();   // clears what an earlier run counted
                db.sql("SET QUERY_STATISTICS TRUE").update();
                return new SqlCount(db, true);
            } catch (RuntimeException notH2) {
                return new SqlCount(db, false);
            }
        }

        void stop() {
            if (on) {
                rows = db.sql("""
                        SELECT SQL_STATEMENT, EXECUTION_COUNT, CUMULATIVE_EXECUTION_TIME FROM INFORMATION_SCHEMA.QUERY_STATISTICS
                        ORDER BY EXECUTION_COUNT DESC""").query().listOfRows();
                db.sql("SET QUERY_STATISTICS FALSE").update();
            }
        }

        long statements() {
            return rows.stream().mapToLong(r -> ((Number) r.get("EXECUTION_COUNT")).longValue()).sum();
        }

        double millis() {
            return rows.stream().mapToDouble(r -> ((Number) r.get("CUMULATIVE_EXECUTION_TIME")).doubleValue()).sum();
        }

        void print(String name, long steps, SqlCount bare, long bareSteps) {
            if (!on || !bare.on) {
                return;
            }
            System.out.printf("SQL statements per step (H2's query statistics, COMMIT included): %s %.1f (%.2f ms in H2), bare engine"
                            + " %.1f (%.2f ms in H2): %.1f×%n", name, (double) statements() / steps, millis() / steps,
                    (double) bare.statements() / bareSteps, bare.millis() / bareSteps,
                    ((double) statements() / steps) / ((double) bare.statements() / bareSteps));
            System.out.println("| Juece's most frequent statements | per step | ms in H2 per step |");
            System.out.println("|---|---|---|");
            rows.stream().limit(15).forEach(r -> {
                String sql = r.get("SQL_STATEMENT").toString().replaceAll("\\s+", " ");
                System.out.printf("| `%s` | %.1f | %.3f |%n", sql.length() > 90 ? sql.substring(0, 90) + "…" : sql,
                        ((Number) r.get("EXECUTION_COUNT")).doubleValue() / steps,
                        ((Number) r.get("CUMULATIVE_EXECUTION_TIME")).doubleValue() / steps);
            });
        }
    }

    /** Whether this run is on PostgreSQL: Juece on the test database (TestDatabase), the bare engine beside it. */
    static final boolean ON_POSTGRES = cn.juece.TestDatabase.postgres();

    /**
     * CPU seconds used so far by the PostgreSQL server's processes on this machine (/proc, clock ticks of 1/100 s):
     * on PostgreSQL a step's work is partly the server's, which the JVM's threads do not count. Only this benchmark
     * uses the server while it runs.
     */
    static double databaseCpu() {
        if (!ON_POSTGRES) {
            return 0;
        }
        long ticks = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    if (!stat.substring(stat.indexOf('(') + 1, close).startsWith("postgres")) {
                        continue;
                    }
                    String[] f = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);   // utime, stime (fields 14 and 15)
                } catch (java.io.IOException | RuntimeException gone) {
                    // a process that ended meanwhile
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return ticks / 100.0;
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU nanoseconds used so far by the live threads whose name starts with the prefix, by thread id. */
    private static Map<Long, Long> cpuOf(String prefix) {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo t : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (t != null && t.getThreadName().startsWith(prefix)) {
                cpu.put(t.getThreadId(), Math.max(0, THREADS.getThreadCpuTime(t.getThreadId())));
            }
        }
        return cpu;
    }

    private static double cpuSince(Map<Long, Long> before, String prefix) {
        long sum = 0;
        for (var e : cpuOf(prefix).entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum / 1e9;
    }

    /** CPU nanoseconds of the bare engine's driving threads (each lifecycle adds its own thread's time). */
    private static final AtomicLong BARE_CPU = new AtomicLong();

    /** Runs n lifecycles on that many threads; each returns its steps (Juece: its number, steps counted after). */
    private Result run(int threads, int n, IntFunction<Object> lifecycle, Profiler profiler) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Object>> results = new ArrayList<>();
        if (profiler != null) {
            profiler.start();
        }
        long t0 = System.nanoTime();
        Map<Long, Long> serverCpu = cpuOf("http-nio");
        long bareCpu = BARE_CPU.get();
        double databaseCpu = databaseCpu();
        try {
            for (int i = 0; i < n; i++) {
                int k = i;
                results.add(pool.submit(() -> lifecycle.apply(k)));
            }
            long steps = 0;
            for (Future<Object> f : results) {
                Object r = f.get();
                if (r instanceof String number) {
                    steps += jdbc.sql("SELECT COUNT(*) FROM juece.step s JOIN juece.decision d ON d.id = s.decision_id "
                            + "WHERE d.decision_number = ? AND s.state = 'COMPLETED'").param(number).query(Long.class).single();
                } else {
                    steps += (Long) r;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpu = BARE_CPU.get() > bareCpu ? (BARE_CPU.get() - bareCpu) / 1e9 : cpuSince(serverCpu, "http-nio");
            cpu += databaseCpu() - databaseCpu;   // PostgreSQL's own processes (0 on H2, which runs in the threads counted)
            return new Result(n, steps, seconds, cpu);
        } finally {
            if (profiler != null) {
                profiler.stop();
            }
            pool.shutdownNow();
        }
    }

    // ---- the bare engine ----

    /** On PostgreSQL (-Djuece.test.db=postgres): the bare engine's tables, in a schema of the test database. */
    static final String BARE_SCHEMA = "bare_engine";

    private static String pgUrl() {
        return System.getenv().getOrDefault("JUECE_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/juece_test");
    }

    /** The bare engine's schema made afresh (or dropped), by the database's owner role (.ci/postgres.sh). */
    private static void bareSchema(boolean create) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(pgUrl(), System.getenv().getOrDefault("JUECE_TEST_DB_OWNER", "juece"),
                System.getenv().getOrDefault("JUECE_TEST_DB_OWNER_PASSWORD", "juece")); var st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS " + BARE_SCHEMA + " CASCADE");
            if (create) {
                st.execute("CREATE SCHEMA " + BARE_SCHEMA);
            }
        }
    }

    static ProcessEngine bareEngine() throws Exception {
        ProcessEngineConfigurationImpl cfg = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneInMemProcessEngineConfiguration()
                .setProcessEngineName("bare-benchmark")
                .setJdbcUrl("jdbc:h2:mem:bare-benchmark;DB_CLOSE_DELAY=-1");
        if (ON_POSTGRES) {
            // the same server and database as Juece's run, the engine's tables in a schema of their own
            bareSchema(true);
            cfg.setJdbcDriver("org.postgresql.Driver")
                    .setJdbcUrl(pgUrl() + (pgUrl().contains("?") ? "&" : "?") + "currentSchema=" + BARE_SCHEMA)
                    .setJdbcUsername(System.getenv().getOrDefault("JUECE_TEST_DB_OWNER", "juece"))
                    .setJdbcPassword(System.getenv().getOrDefault("JUECE_TEST_DB_OWNER_PASSWORD", "juece"))
                    .setDatabaseSchema(BARE_SCHEMA);
            cfg.setDatabaseTablePrefix(BARE_SCHEMA + ".");
        }
        cfg.setJobExecutorActivate(false)
                .setHistory(ProcessEngineConfiguration.HISTORY_FULL)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        Map<Object, Object> beans = new HashMap<>();
        beans.put("roles", new Roles());
        beans.put("periodTimers", new PeriodTimers());
        beans.put("commentWindow", new CommentWindow());
        beans.put("countersign", new Units());
        beans.put("consultation", new Units());
        beans.put("executionPlan", new Units());
        beans.put("executionReports", new Reports());
        beans.put("procedureArrangementDelegate", (JavaDelegate) e -> {
            e.setVariable("participationRequired", true);
            e.setVariable("expertReviewRequired", true);
            e.setVariable("riskAssessmentRequired", true);
        });
        cfg.setBeans(beans);
        ProcessEngine engine = cfg.buildProcessEngine();
        var deployment = engine.getRepositoryService().createDeployment().name("bare-benchmark");
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".bpmn") && !p.getFileName().toString().startsWith("annual-")).toList()) {
                deployment.addString(f.getFileName().toString(), Files.readString(f));
            }
        }
        deployment.deploy();
        return engine;
    }

    /** One lifecycle of the same shape: each task completed with the outcome Juece recorded for it (in order). */
    static Object bareLifecycle(ProcessEngine engine, List<String[]> script, String key) {
        long cpu0 = THREADS.getCurrentThreadCpuTime();
        try {
            return bareSteps(engine, script, key);
        } finally {
            BARE_CPU.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
        }
    }

    private static Object bareSteps(ProcessEngine engine, List<String[]> script, String key) {
        Map<String, Deque<String>> outcomes = new LinkedHashMap<>();
        script.forEach(s -> outcomes.computeIfAbsent(s[0], k -> new ArrayDeque<>()).add(s[1] == null ? "COMPLETED" : s[1]));
        Map<String, String> last = new HashMap<>();
        var runtime = engine.getRuntimeService();
        var tasks = engine.getTaskService();
        runtime.startProcessInstanceByKey("decision-lifecycle", key, Map.of("decisionId", 1L));
        long steps = 0;
        for (int guard = 0; guard < 500; guard++) {
            List<Task> open = tasks.createTaskQuery().processInstanceBusinessKey(key).list();
            boolean fired = false;
            for (String pi : runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list().stream()
                    .map(ProcessInstance::getId).toList()) {
                for (Job j : engine.getManagementService().createJobQuery().processInstanceId(pi).executable().list()) {
                    engine.getManagementService().executeJob(j.getId());
                    fired = true;
                }
            }
            if (open.isEmpty() && !fired) {
                if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).count() == 0) {
                    return steps;
                }
                throw new IllegalStateException("bare lifecycle " + key + " stuck after " + steps + " steps");
            }
            for (Task t : open) {
                Deque<String> q = outcomes.get(t.getTaskDefinitionKey());
                String outcome = q == null || q.isEmpty() ? last.getOrDefault(t.getTaskDefinitionKey(), "COMPLETED") : q.poll();
                last.put(t.getTaskDefinitionKey(), outcome);
                try {
                    tasks.complete(t.getId(), Map.of("outcome", outcome));
                    steps++;
                } catch (org.camunda.bpm.engine.exception.NullValueException gone) {
                    // ended by an earlier completion of this round (a boundary event, a join): nothing to do
                }
            }
        }
        throw new IllegalStateException("bare lifecycle " + key + " did not end");
    }

    /** Candidate groups: one fixed group for every party. */
    public static class Roles {
        private static final String G = "bench";

        public String leadUnit(Object e) { return G; }
        public String decisionOrgan(Object e) { return G; }
        public String govOffice(Object e) { return G; }
        public String catalogueCompiler(Object e) { return G; }
        public String justiceBureau(Object e) { return G; }
        public String studyUnit(Object e) { return G; }
        public String riskAssessor(Object e) { return G; }
        public String leadUnitLegal(Object e) { return G; }
        public String executiveHead(Object e) { return G; }
        public String executionUnit(Object e) { return G; }
        public String evaluator(Object e) { return G; }
        public String countyLeader(Object e) { return G; }
        public String consultedUnit(Object e) { return G; }
        public String coUnit(Object e) { return G; }
        public String catalogueOrgan(Object e) { return G; }
    }

    /** Reminder and escalation timers far in the future; their listeners do nothing. */
    public static class PeriodTimers {
        public Date reminderAt(Object e) { return new Date(4102444800000L); }
        public Date escalationAt(Object e) { return new Date(4102444800000L); }
        public void remind(Object task) { }
        public void escalate(Object task) { }
    }

    /** The comment window closes at once (the bare driver fires due timers). */
    public static class CommentWindow {
        public Date closesAt(Object e) { return new Date(ClockUtil.getCurrentTime().getTime() - 1000); }
        public void close(Object e) { }
    }

    /** Execution reports: one period, due far in the future (its timers never fire); the listeners do nothing. */
    public static class Reports {
        public void schedule(org.camunda.bpm.engine.delegate.DelegateExecution e) {
            Date far = new Date(4102444800000L);
            e.setVariable("reportDueAt", far);
            e.setVariable("reportReminderAt", far);
            e.setVariable("reportOverdueAt", far);
        }
        public void opened(Object task) { }
        public void remind(Object task) { }
        public void overdue(Object task) { }
    }

    /** One consulted, countersigning or executing unit. */
    public static class Units {
        public List<String> units(Object e) { return List.of("bench"); }
    }

    // ---- the sampling profiler ----

    /** Samples the server's request threads (Tomcat's http-nio workers) and buckets the stacks by layer. */
    static class Profiler {
        private static final long INTERVAL_MS = 2;
        private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        private final Map<String, AtomicLong> leaf = new ConcurrentHashMap<>();
        private final Map<String, AtomicLong> through = new ConcurrentHashMap<>();
        private final AtomicLong samples = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean();
        private Thread thread;

        void start() {
            running.set(true);
            thread = new Thread(() -> {
                while (running.get()) {
                    sample();
                    try {
                        Thread.sleep(INTERVAL_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-profiler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }

        private void sample() {
            for (ThreadInfo info : mx.dumpAllThreads(false, false, 200)) {
                if (info == null || !info.getThreadName().startsWith("http-nio") || info.getThreadState() != Thread.State.RUNNABLE) {
                    continue;
                }
                StackTraceElement[] st = info.getStackTrace();
                if (st.length == 0 || st[0].getClassName().startsWith("sun.nio.ch") || st[0].getClassName().startsWith("java.net")
                        || st[0].getClassName().startsWith("org.apache.tomcat.util.net")) {
                    continue;   // waiting for the client
                }
                samples.incrementAndGet();
                String bucket = "other";
                for (StackTraceElement f : st) {
                    String b = layer(f.getClassName());
                    if (b != null) {
                        bucket = b;
                        break;
                    }
                }
                leaf.computeIfAbsent(bucket, k -> new AtomicLong()).incrementAndGet();
                java.util.Set<String> seen = new java.util.HashSet<>();
                for (StackTraceElement f : st) {
                    String c = f.getClassName();
                    if (c.startsWith("cn.juece.") && (c.contains("Gate") || c.endsWith("TaskRules"))) {
                        seen.add("our stage gates (StageGate, TaskRules)");
                    } else if (c.startsWith("cn.juece.") && (c.endsWith("Listener") || c.contains("Listener$") || c.endsWith("StepProjection"))) {
                        seen.add("our task/execution listeners (incl. step rows, projections)");
                    } else if (c.startsWith("cn.juece.audit")) {
                        seen.add("our audit chain");
                    } else if (c.startsWith("org.h2")) {
                        seen.add("H2 (any)");
                    } else if (c.startsWith("org.camunda")) {
                        seen.add("Camunda engine (any)");
                    } else if (c.startsWith("org.thymeleaf")) {
                        seen.add("Thymeleaf (any)");
                    }
                }
                seen.forEach(s -> through.computeIfAbsent(s, k -> new AtomicLong()).incrementAndGet());
            }
        }

        private static String layer(String c) {
            if (c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.") || c.startsWith("com.sun.")) {
                return null;   // folded into the caller
            }
            if (c.startsWith("org.h2.command.Parser") || c.startsWith("org.h2.command.Tokenizer") || c.startsWith("org.h2.command.ParserBase")) {
                return "H2: parsing SQL";
            }
            if (c.startsWith("org.h2")) {
                return "H2: executing SQL";
            }
            if (c.startsWith("org.apache.ibatis")) {
                return "MyBatis (the engine's SQL mapping)";
            }
            if (c.startsWith("com.zaxxer") || c.startsWith("org.springframework.jdbc")) {
                return "JDBC (Hikari, JdbcClient)";
            }
            if (c.startsWith("org.camunda")) {
                return "Camunda engine";
            }
            if (c.startsWith("cn.juece.document.DocxWriter") || c.startsWith("cn.juece.document.PdfWriter")) {
                return DOCUMENTS;
            }
            if (c.startsWith("cn.juece.audit")) {
                return "our audit chain";
            }
            if (c.startsWith("cn.juece.") && (c.contains("Gate") || c.endsWith("TaskRules"))) {
                return "our stage gates";
            }
            if (c.startsWith("cn.juece.") && (c.contains("Listener") || c.contains("Step"))) {
                return "our listeners and step rows";
            }
            if (c.startsWith("cn.juece")) {
                return "our services and controllers";
            }
            if (c.startsWith("org.thymeleaf") || c.startsWith("org.attoparser")) {
                return "Thymeleaf";
            }
            if (c.startsWith("com.fasterxml")) {
                return "Jackson (JSON)";
            }
            if (c.startsWith("org.springframework.security")) {
                return "Spring Security";
            }
            if (c.startsWith("org.springframework")) {
                return "Spring (MVC, transactions, proxies)";
            }
            if (c.startsWith("org.apache.catalina") || c.startsWith("org.apache.coyote") || c.startsWith("org.apache.tomcat")) {
                return "Tomcat";
            }
            if (c.startsWith("org.apache.pdfbox") || c.startsWith("org.apache.poi") || c.startsWith("org.apache.fontbox")) {
                return DOCUMENTS;
            }
            return null;
        }

        /** PDFBox and our writers (the Word file is written directly since issue 17's eleventh pass; POI for spreadsheets). */
        static final String DOCUMENTS = "documents (PDFBox, our Word and PDF writers)";

        void print(double millisPerStep) {
            long n = Math.max(1, samples.get());
            System.out.println("Where a step's time goes (Juece, 1 thread): " + n + " samples of the server's busy request threads every "
                    + INTERVAL_MS + " ms; innermost layer of each sample (JDK frames folded into their caller); ms per step = share × "
                    + String.format("%.1f", millisPerStep) + " ms (the 1-thread wall time per step, client included)");
            System.out.println("| innermost layer | share of samples | ≈ ms per step |");
            System.out.println("|---|---|---|");
            leaf.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
                    .forEach(e -> System.out.printf("| %s | %.1f %% | %.1f |%n", e.getKey(), 100.0 * e.getValue().get() / n,
                            millisPerStep * e.getValue().get() / n));
            System.out.println("| stack passes through | share of samples | ≈ ms per step |");
            System.out.println("|---|---|---|");
            through.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue().get(), a.getValue().get()))
                    .forEach(e -> System.out.printf("| %s | %.1f %% | %.1f |%n", e.getKey(), 100.0 * e.getValue().get() / n,
                            millisPerStep * e.getValue().get() / n));
            System.out.println();
        }
    }
}
