package cn.juece.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows mapped to records by snake_case column names, without Spring's exception per camelCase miss (issue 17). */
class RecordRowsTest {

    record Row(long id, Long decisionId, String taskKey, int pausedDays, boolean active, LocalDate endOn, OffsetDateTime closedAt) {
    }

    record Missing(long id, String notThere) {
    }

    private final JdbcClient jdbc;

    RecordRowsTest() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:recordrows;DB_CLOSE_DELAY=-1");
        jdbc = JdbcClient.create(ds);
        jdbc.sql("DROP TABLE IF EXISTS t").update();
        jdbc.sql("""
                CREATE TABLE t (id BIGINT, decision_id BIGINT, task_key VARCHAR(20), paused_days INT, active BOOLEAN,
                                end_on DATE, closed_at TIMESTAMP WITH TIME ZONE)""").update();
        jdbc.sql("INSERT INTO t VALUES (1, 7, 'expert', 3, TRUE, DATE '2026-12-31', TIMESTAMP WITH TIME ZONE '2026-12-02 08:30:00+08:00')").update();
        jdbc.sql("INSERT INTO t VALUES (2, NULL, NULL, NULL, FALSE, NULL, NULL)").update();
    }

    @Test
    void mapsEachComponentFromItsSnakeCaseColumnInAnyOrder() {
        var rows = jdbc.sql("SELECT closed_at, end_on, active, paused_days, task_key, decision_id, id FROM t ORDER BY id")
                .query(RecordRows.of(Row.class)).list();
        assertThat(rows).containsExactly(
                new Row(1, 7L, "expert", 3, true, LocalDate.of(2026, 12, 31),
                        OffsetDateTime.of(2026, 12, 2, 8, 30, 0, 0, ZoneOffset.ofHours(8))),
                new Row(2, null, null, 0, false, null, null));
    }

    @Test
    void aMomentComesBackOnTheCountysClockWhateverOffsetItWasStoredAt() {
        // as PostgreSQL's driver returns every timestamptz: at UTC
        jdbc.sql("INSERT INTO t VALUES (3, NULL, NULL, NULL, FALSE, NULL, TIMESTAMP WITH TIME ZONE '2026-12-03 03:40:00+00:00')").update();
        try {
            var row = jdbc.sql("SELECT * FROM t WHERE id = 3").query(RecordRows.of(Row.class)).single();
            assertThat(row.closedAt()).isEqualTo(OffsetDateTime.of(2026, 12, 3, 11, 40, 0, 0, ZoneOffset.ofHours(8)));
            assertThat(row.closedAt().getOffset()).isEqualTo(ZoneOffset.ofHours(8));
        } finally {
            jdbc.sql("DELETE FROM t WHERE id = 3").update();
        }
    }

    @Test
    void aMissingColumnIsAnErrorAtOnce() {
        assertThatThrownBy(() -> jdbc.sql("SELECT id FROM t").query(RecordRows.of(Missing.class)).list())
                .rootCause().hasMessageContaining("not_there");
    }
}
