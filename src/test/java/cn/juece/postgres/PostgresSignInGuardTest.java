package cn.juece.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.juece.support.ApiClient;

/**
 * The per-account lockout on PostgreSQL (issue 15; juece.account_guard, which every node shares): the application's
 * role writes the counts, locks one account, and another person signs in.
 */
class PostgresSignInGuardTest extends PostgresTest {

    static final String PASSWORD = "Juece2026";

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void forget() {
        jdbc.sql("DELETE FROM juece.account_guard WHERE user_id IN ('zjj_sun', 'cgj_he')").update();
    }

    @Test
    void fiveWrongPasswordsLockOneAccountOnlyOnPostgres() {
        for (int i = 0; i < 5; i++) {
            assertThat(new ApiClient(port, "zjj_sun", "wrong-" + i).get("/api/decisions").getStatusCode().value()).isEqualTo(401);
        }
        var locked = new ApiClient(port, "zjj_sun", PASSWORD).get("/api/decisions");
        assertThat(locked.getStatusCode().value()).isEqualTo(401);
        assertThat(locked.getBody().get("code").asText()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(new ApiClient(port, "cgj_he", "typo").get("/api/decisions").getStatusCode().value()).isEqualTo(401);
        assertThat(new ApiClient(port, "cgj_he", PASSWORD).get("/api/decisions").getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT failures FROM juece.account_guard WHERE user_id = 'cgj_he'").query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM juece.audit_entry WHERE action = 'SIGN_IN_LOCKED'").query(Long.class).single()).isPositive();
    }
}
