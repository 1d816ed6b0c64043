package cn.juece.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context of the PostgreSQL run (the "postgres" profile, a real server on loopback; .ci/postgres.sh
 * prepares it): every PostgreSQL test extends this class and adds no context customisation of its own. Runs
 * only with {@code -Ppostgres}; the H2 suite leaves it out.
 *
 * <p>Two roles, as in production: the owner runs Flyway, the application connects as {@code juece_app}, which
 * may not UPDATE or DELETE audit entries (README, "Running on PostgreSQL").
 */
@Tag("postgres")
@ActiveProfiles("postgres")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=${JUECE_TEST_DB_URL:jdbc:postgresql://127.0.0.1:5432/juece_test}",
        "spring.datasource.username=${JUECE_TEST_DB_USER:juece_app}",
        "spring.datasource.password=${JUECE_TEST_DB_PASSWORD:juece_app}",
        "spring.flyway.user=${JUECE_TEST_DB_OWNER:juece}",
        "spring.flyway.password=${JUECE_TEST_DB_OWNER_PASSWORD:juece}",
        "spring.datasource.hikari.maximum-pool-size=8",
        "camunda.bpm.job-execution.enabled=false",
        "logging.level.root=WARN"
})
public abstract class PostgresTest {

    @LocalServerPort
    protected int port;

    @Value("${spring.datasource.url}")
    private String url;
    @Value("${spring.flyway.user}")
    private String owner;
    @Value("${spring.flyway.password}")
    private String ownerPassword;

    /** A connection as the schema owner (Flyway's role), outside the application. */
    protected Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(url, owner, ownerPassword);
    }

    protected String url() {
        return url;
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }
}
