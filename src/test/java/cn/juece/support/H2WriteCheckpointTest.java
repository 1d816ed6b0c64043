package cn.juece.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The embedded database's promise (issue 17): a write request answers only once its commit is in the file on the
 * disk, although H2 itself writes commits up to half a second later; a copy of the file taken right after is a
 * database that has the row.
 */
class H2WriteCheckpointTest {

    @TempDir
    Path dir;

    @Test
    void aCommitIsInTheFileOnceTheSharedCheckpointHasRun() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE;RETENTION_TIME=2000";
        var ds = new SingleConnectionDataSource(url, "sa", "", true);
        var jdbc = new JdbcTemplate(ds);
        var checkpoints = new H2WriteCheckpoint.Checkpoints(jdbc, true, true);
        checkpoints.startTicker(Duration.ofMillis(500));
        try {
            jdbc.execute("CREATE TABLE receipt (n VARCHAR(12) PRIMARY KEY)");
            checkpoints.await();
            jdbc.update("INSERT INTO receipt VALUES ('7K3M9QXR2HPA')");   // committed: H2 writes it within 0.5 s
            checkpoints.await();                                         // what the filter does before answering
            assertThat(rowsInACopy()).containsExactly("7K3M9QXR2HPA");
        } finally {
            checkpoints.destroy();
            jdbc.execute("SHUTDOWN");
            ds.destroy();
        }
    }

    @Test
    void aGroupCommitForcesEachBatchToTheDiskAndSparesItsCallersTheirOwnCheckpoint() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE;RETENTION_TIME=2000";
        var ds = new org.springframework.jdbc.datasource.DriverManagerDataSource(url, "sa", "");
        var jdbc = new JdbcTemplate(ds);
        jdbc.execute("CREATE TABLE receipt (n VARCHAR(12) PRIMARY KEY)");
        var checkpoints = new H2WriteCheckpoint.Checkpoints(jdbc, true, true);
        var intake = new GroupCommit<String, String>("probe", new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(ds)), 8, 8, n -> {
                    jdbc.update("INSERT INTO receipt VALUES (?)", n);
                    return n;
                }).durable(checkpoints::afterCommit);
        intake.start();
        try {
            DurableCommits.consume();
            assertThat(intake.submit("9RX4KQ2MHW7P")).isEqualTo("9RX4KQ2MHW7P");
            assertThat(DurableCommits.consume()).as("the caller is marked: the filter skips its checkpoint").isTrue();
            assertThat(DurableCommits.consume()).as("the mark is used once").isFalse();
            assertThat(rowsInACopy()).containsExactly("9RX4KQ2MHW7P");
        } finally {
            intake.stop();
            jdbc.execute("SHUTDOWN");
        }
        // not an H2 file whose requests wait for a checkpoint (PostgreSQL, the tests' in-memory H2): no mark, no checkpoint
        assertThat(new H2WriteCheckpoint.Checkpoints(new JdbcTemplate(new SingleConnectionDataSource("jdbc:h2:mem:x", "sa", "", true)),
                true, false).afterCommit()).isFalse();
    }

    @Test
    void theActiveSettingIsForAnH2FileOnly() {
        assertThat(H2WriteCheckpoint.h2File("jdbc:h2:file:./data/juece;RETENTION_TIME=2000")).isTrue();
        assertThat(H2WriteCheckpoint.h2File("jdbc:h2:file:./data/juece;WRITE_DELAY=0")).isFalse();   // commits are written at once
        assertThat(H2WriteCheckpoint.h2File("jdbc:h2:mem:test")).isFalse();
        assertThat(H2WriteCheckpoint.h2File("jdbc:postgresql://127.0.0.1/juece")).isFalse();
    }

    /** Opens a copy of the file as it is on the disk now, as after a power cut, and reads the table. */
    private java.util.List<String> rowsInACopy() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("copy"));
        Files.copy(dir.resolve("db.mv.db"), copy.resolve("db.mv.db"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + copy.resolve("db") + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
             var rs = c.createStatement().executeQuery("SELECT n FROM receipt")) {
            var rows = new java.util.ArrayList<String>();
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
            c.createStatement().execute("SHUTDOWN");
            return rows;
        }
    }
}
