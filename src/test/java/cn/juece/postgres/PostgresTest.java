package cn.juece.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Value;

import cn.juece.IntegrationTest;
import cn.juece.TestDatabase;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests of what only PostgreSQL does (the database's own refusal of the application's role), on the suite's one
 * context when it runs on PostgreSQL ({@code -Ppostgres}, {@link TestDatabase}); the H2 run leaves them out by
 * their tag. Two roles, as in production: the owner runs Flyway, the application connects as {@code juece_app},
 * which may not UPDATE or DELETE audit entries (README, "Running on PostgreSQL").
 */
@Tag("postgres")
public abstract class PostgresTest extends IntegrationTest {

    @Value("${spring.datasource.url}")
    private String url;
    @Value("${spring.flyway.user:}")
    private String owner;
    @Value("${spring.flyway.password:}")
    private String ownerPassword;

    @BeforeEach
    void onPostgresOnly() {
        assumeTrue(TestDatabase.postgres(), "PostgreSQL only (-Ppostgres)");
    }

    /** A connection as the schema owner (Flyway's role), outside the application. */
    protected Connection ownerConnection() throws SQLException {
        return DriverManager.getConnection(url, owner, ownerPassword);
    }

    protected String url() {
        return url;
    }
}
