package cn.juece.portal;

import java.time.Duration;
import java.time.OffsetDateTime;


import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import cn.juece.support.AppClock;

/**
 * The portal's submission windows in the database (juece.submission_window), shared by every node on it: one fixed
 * window per client address, started by its first submission. A submission is one UPDATE of the client's row, which
 * either counts it in the running window or starts a new one; the database's row lock puts concurrent submissions of
 * one client (on any node) one behind the other, so the count is exact. A client's first submission inserts the row.
 * A count need not survive a crash of the database server: on PostgreSQL these transactions commit without waiting
 * for the disk ({@code SET LOCAL synchronous_commit TO OFF}, for them alone), so a submission costs no extra fsync
 * beside the one of its own write (the comment intake's group commit).
 */
@Repository
class SubmissionWindows {

    /** Where a client stands after counting one submission. */
    record Window(OffsetDateTime start, int submissions) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AppClock clock;
    private final Duration window;
    private final boolean postgres;

    SubmissionWindows(JdbcClient jdbc, TransactionTemplate tx, AppClock clock, PortalProperties properties,
                      cn.juece.support.DatabaseKind databases) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.window = properties.rateLimit().window();
        this.postgres = databases.isPostgres();
    }


    private void noSyncCommit() {
        if (postgres) {
            jdbc.sql("SET LOCAL synchronous_commit TO OFF").update();
        }
    }

    /** Counts one submission of the client at {@code now} and returns its window, this submission included. */
    Window count(String client, OffsetDateTime now) {
        OffsetDateTime cutoff = now.minus(window);
        // A window started by a concurrent submission may begin a few milliseconds after this one's "now": it runs.
        // Only one that begins a whole window ahead (the clock was set back) starts afresh, as one that has run out does.
        OffsetDateTime ahead = now.plus(window);
        for (int attempt = 0; ; attempt++) {
            Window counted = tx.execute(s -> {
                noSyncCommit();
                int updated = jdbc.sql("""
                        UPDATE juece.submission_window
                        SET submissions = CASE WHEN window_start > ? AND window_start < ? THEN submissions + 1 ELSE 1 END,
                            window_start = CASE WHEN window_start > ? AND window_start < ? THEN window_start ELSE ? END
                        WHERE client = ?""")
                        .params(cutoff, ahead, cutoff, ahead, now, client).update();
                if (updated == 0) {
                    return null;
                }
                return jdbc.sql("SELECT window_start, submissions FROM juece.submission_window WHERE client = ?").param(client)
                        .query((rs, i) -> new Window(rs.getObject(1, OffsetDateTime.class), rs.getInt(2))).single();
            });
            if (counted != null) {
                return counted;
            }
            try {
                // its own transaction: on PostgreSQL a failed INSERT would spoil the transaction it ran in
                tx.executeWithoutResult(s -> {
                    noSyncCommit();
                    jdbc.sql("INSERT INTO juece.submission_window (client, window_start, submissions) VALUES (?, ?, 1)")
                            .params(client, now).update();
                });
                return new Window(now, 1);
            } catch (DuplicateKeyException e) {
                if (attempt > 3) {
                    throw e;
                }
                // another node (or thread) inserted the client's first row a moment ago: count in it
            }
        }
    }

    /** Forgets clients whose window ended an hour ago or more (on every node; the deletes do not collide in effect). */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
    void prune() {
        OffsetDateTime before = clock.now().minus(window).minusHours(1);
        tx.executeWithoutResult(s -> jdbc.sql("DELETE FROM juece.submission_window WHERE window_start < ?").param(before).update());
    }
}
