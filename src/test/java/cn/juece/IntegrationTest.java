package cn.juece;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.context.ActiveProfiles;

import cn.juece.support.ApiClient;

/**
 * The one Spring context of the suite (STACK-NOTES: every distinct context starts another engine): every
 * integration test extends this class and adds no context customisation of its own. Properties are set here,
 * not in a file, because ./config/application.yaml wins over test resources.
 *
 * <p>H2 in memory by default; the same tests run on PostgreSQL with {@code -Ppostgres} ({@link TestDatabase}: the
 * {@code postgres} and {@code pgtest} profiles supply {@code juece.test.db.*} and the owner running Flyway). There the
 * application's role may not rewrite audit entries: a test that tampers with rows behind the application's back
 * does it through {@link #owner()}, the schema owner's connection, as an attacker with the owner's rights would.
 */
@Tag("integration")
@ActiveProfiles(resolver = TestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${juece.test.db.url:jdbc:h2:mem:juece-test;DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=64}",
        "spring.datasource.username=${juece.test.db.user:sa}",
        "spring.datasource.password=${juece.test.db.password:}",
        "spring.datasource.hikari.maximum-pool-size=8",
        "camunda.bpm.job-execution.enabled=false",
        "juece.upload.max-size=1MB",
        "juece.mail.worker.enabled=false",
        // Spring Boot's tests switch metrics export off; the operations metrics are tested (OperationsMonitoringTest)
        "management.prometheus.metrics.export.enabled=true",
        "juece.metrics.token=scraper-token-for-tests",
        "logging.level.root=WARN",
        "logging.level.org.camunda.bpm.engine.context=OFF",
        "logging.level.org.camunda.bpm.engine.rest.exception=OFF"
})
public abstract class IntegrationTest {

    public static final String PASSWORD = "Juece2026";

    @LocalServerPort
    protected int port;

    protected ApiClient as(String user) {
        return new ApiClient(port, user, PASSWORD);
    }

    protected LifecycleDriver driver() {
        return new LifecycleDriver(port, PASSWORD);
    }

    @Autowired
    private JdbcClient appJdbc;
    @Value("${spring.datasource.url}")
    private String databaseUrl;
    @Value("${spring.datasource.username}")
    private String databaseUser;
    @Value("${spring.datasource.password:}")
    private String databasePassword;
    @Value("${spring.flyway.user:}")
    private String ownerUser;
    @Value("${spring.flyway.password:}")
    private String ownerPassword;

    /** Whether this run is on PostgreSQL ({@link TestDatabase}). */
    protected static boolean onPostgres() {
        return TestDatabase.postgres();
    }

    /** The suite's database and the application's role, as a command outside the application would name them. */
    protected String[] databaseAsApplication() {
        return new String[] {databaseUrl, databaseUser, databasePassword};
    }

    /**
     * A JDBC client with the schema owner's rights, for changing rows behind the application's back (a tampering
     * test). On H2 the application's own connection is the owner; on PostgreSQL the application's role may not
     * UPDATE or DELETE audit entries (DECISIONS.md 26), so this is a connection as the owner (Flyway's role), the
     * rights an attacker would need. Close it after use.
     */
    protected Owner owner() {
        if (!onPostgres()) {
            return new Owner(appJdbc, null);
        }
        var ds = new SingleConnectionDataSource(databaseUrl, ownerUser, ownerPassword, true);
        return new Owner(JdbcClient.create(ds), ds);
    }

    /** {@link #owner()}'s client; closing it closes its connection (none on H2). */
    protected record Owner(JdbcClient jdbc, SingleConnectionDataSource source) implements AutoCloseable {
        @Override
        public void close() {
            if (source != null) {
                source.destroy();
            }
        }
    }

    @Autowired
    private cn.juece.calendar.Periods periods;

    /**
     * A comment window's last day at least {@code days} days from today and not before its lawful minimum (Art. 20:
     * the 30th day, moved past rest days — in December, the holidays of a year without a notice too, issue 16).
     */
    protected java.time.LocalDate commentWindowEnd(int days) {
        java.time.LocalDate today = java.time.LocalDate.now(cn.juece.support.AppClock.ZONE);
        java.time.LocalDate minimum = periods.end("COMMENT_WINDOW", today);
        java.time.LocalDate wanted = today.plusDays(days);
        return minimum.isAfter(wanted) ? minimum : wanted;
    }

    @Autowired
    private RuntimeService engineRuntime;
    @Autowired
    private ManagementService engineJobs;

    /**
     * The timer jobs waiting at one activity of a decision's process instances (the lifecycle and its running
     * stages), soonest first.
     */
    protected List<Job> timers(String number, String activityId) {
        return engineRuntime.createProcessInstanceQuery().processInstanceBusinessKey(number).list().stream()
                .map(ProcessInstance::getId)
                .flatMap(id -> engineJobs.createJobQuery().processInstanceId(id).activityId(activityId).timers().list().stream())
                .sorted(java.util.Comparator.comparing(Job::getDuedate)).toList();
    }

    /** What the job executor (off in tests) would do now: runs those timers that are due by ClockUtil (not suspended ones). */
    protected int fireDueTimers(String number, String activityId) {
        var now = ClockUtil.getCurrentTime();
        List<Job> due = timers(number, activityId).stream().filter(j -> !j.isSuspended() && !j.getDuedate().after(now)).toList();
        due.forEach(j -> engineJobs.executeJob(j.getId()));
        return due.size();
    }

    private static final java.util.concurrent.atomic.AtomicBoolean WINDOWS_CLEARED = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * On PostgreSQL the test database outlives a run (H2's does not): the portal's submission windows an earlier run
     * left would answer this run's first public forms with 429 for ten minutes. They are cleared once per run, before
     * its first test; the tests of the limit make their own.
     */
    @org.junit.jupiter.api.BeforeEach
    void forgetEarlierRunsWindows() {
        if (onPostgres() && WINDOWS_CLEARED.compareAndSet(false, true)) {
            appJdbc.sql("DELETE FROM juece.submission_window").update();
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** Moves the engine's clock (the application's today) to this local time in Asia/Shanghai, e.g. "2024-09-02T10:00:00". */
    protected static void clockAt(String localDateTime) {
        ClockUtil.setCurrentTime(java.util.Date.from(java.time.LocalDateTime.parse(localDateTime).atZone(cn.juece.support.AppClock.ZONE).toInstant()));
    }
}
