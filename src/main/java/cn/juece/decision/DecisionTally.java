package cn.juece.decision;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.juece.support.AppClock;
import cn.juece.support.DatabaseKind;
import cn.juece.support.TransactionBound;

/**
 * Supervision's counts kept as a read model (issue 17, V262 {@code juece.decision_tally}): decisions and their open
 * steps per organ, registration year, status, lead unit, current stage and open stages. A transaction that changes one
 * of those columns of a decision (or its organ) says so ({@link #touched}); just before it commits, each such decision is moved from
 * the count it was in (the {@code tallied_*} columns of its row) to the one it is in now, and its row remembers that.
 *
 * <p>Why just before the commit: every step of a unit moves the same few count rows. Taken there, in one sorted
 * order, those row locks are the transaction's last and are held only for its commit, so parallel steps neither wait
 * long on them nor deadlock over them (issue 17's concurrency test). The decision's own row is already locked by the
 * transaction that wrote it, so its old count cannot change underneath.
 */
@Component
public class DecisionTally {

    private static final Logger log = LoggerFactory.getLogger(DecisionTally.class);

    /** The decision is not counted as it is (never counted, or counted before it changed). */
    public static final String DIFFERS = "(d.tallied_status IS NULL OR d.tallied_organ <> d.organ_code OR d.tallied_status <> d.status OR d.tallied_unit <> d.lead_unit"
            + " OR d.tallied_stage <> d.stage OR d.tallied_stages <> d.open_stages OR d.tallied_steps <> d.open_steps)";

    private static final String READ = "SELECT d.id, d.organ_code, d.created_at, d.status, d.lead_unit, d.stage, d.open_stages, d.open_steps,"
            + " d.tallied_year, d.tallied_status, d.tallied_unit, d.tallied_stage, d.tallied_stages, d.tallied_steps, d.tallied_organ FROM juece.decision d";

    private final JdbcClient jdbc;
    private final DatabaseKind databases;
    private final TransactionTemplate transactions;

    DecisionTally(JdbcClient jdbc, DatabaseKind databases, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.databases = databases;
        this.transactions = transactions;
    }

    /** One count: decisions of this status, lead unit, stage and open stages, and their open steps. */
    public record Count(String status, String leadUnit, Stage stage, int openStages, long decisions, long openSteps) {
    }

    /** The counts of these organs, optionally of one lead unit and one registration year (the county's calendar). */
    public List<Count> counts(Collection<String> organs, String leadUnit, Integer year) {
        var q = jdbc.sql("SELECT status, lead_unit, stage, open_stages, SUM(decisions), SUM(open_steps) FROM juece.decision_tally"
                + " WHERE organ_code IN (:organ)" + (leadUnit == null ? "" : " AND lead_unit = :unit")
                + (year == null ? "" : " AND reg_year = :year")
                + " GROUP BY status, lead_unit, stage, open_stages HAVING SUM(decisions) <> 0 OR SUM(open_steps) <> 0")
                .param("organ", organs.isEmpty() ? List.of("-") : organs);
        if (leadUnit != null) {
            q = q.param("unit", leadUnit);
        }
        if (year != null) {
            q = q.param("year", year);
        }
        return q.query((rs, i) -> new Count(rs.getString(1), rs.getString(2), Stage.valueOf(rs.getString(3)), rs.getInt(4),
                rs.getLong(5), rs.getLong(6))).list();
    }

    /** This transaction changed the decision's status, lead unit, stage or open steps (or registered it). */
    public void touched(long decisionId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            settle(List.of(decisionId));
            return;
        }
        Pending pending = pending();
        if (pending.settled) {
            // touched by another synchronization after this one ran: counted at once
            settle(List.of(decisionId));
        } else {
            pending.ids.add(decisionId);
        }
    }

    /**
     * Counts the decisions found uncounted when the application starts: those of the migration that added the
     * counts, and rows written around the application (the scale benchmark's seed). Batches of a thousand, each
     * locked while it is counted, so two nodes starting at once count each decision once.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void countUncounted() {
        long t0 = System.nanoTime();
        int total = 0;
        int failures = 0;
        long after = 0;   // the decisions in id order, each batch after the last one's end
        while (true) {
            try {
                long from = after;
                List<Row> batch = transactions.execute(s -> {
                    List<Row> rows = jdbc.sql(READ + " WHERE d.id > ? AND " + DIFFERS + " ORDER BY d.id FETCH FIRST 1000 ROWS ONLY FOR UPDATE")
                            .param(from).query(DecisionTally::row).list();
                    settle(rows);
                    return rows;
                });
                if (batch == null || batch.isEmpty()) {
                    break;
                }
                total += batch.size();
                after = batch.get(batch.size() - 1).id();
            } catch (org.springframework.dao.TransientDataAccessException e) {
                // a step's transaction on a decision of the batch (a deadlock or lock timeout): the batch again
                if (++failures > 5) {
                    log.error("Supervision's counts: decisions left uncounted after {} attempts; they are counted at the next start", failures, e);
                    return;
                }
                log.warn("Supervision's counts: counting a batch again after {}", e.getMessage());
            }
        }
        if (total > 0) {
            log.info("Counted {} decisions into supervision's counts in {} ms", total, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private int settle(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return settle(jdbc.sql(READ + " WHERE d.id IN (:ids) AND " + DIFFERS + " ORDER BY d.id FOR UPDATE").param("ids", ids)
                .query(DecisionTally::row).list());
    }

    /** Moves these decisions (locked by this transaction) to the counts they are in now. */
    private int settle(List<Row> rows) {
        Map<Key, long[]> deltas = new TreeMap<>(Key.ORDER);
        for (Row r : rows) {
            if (r.was() != null) {
                long[] old = deltas.computeIfAbsent(r.was(), k -> new long[2]);
                old[0] -= 1;
                old[1] -= r.wasSteps();
            }
            long[] now = deltas.computeIfAbsent(r.is(), k -> new long[2]);
            now[0] += 1;
            now[1] += r.isSteps();
        }
        deltas.forEach((k, d) -> {
            if (d[0] != 0 || d[1] != 0) {
                add(k, d[0], d[1]);
            }
        });
        // each row remembers what it is counted as: its own columns, locked by this transaction, and its year
        Map<Integer, List<Long>> byYear = new TreeMap<>();
        rows.forEach(r -> byYear.computeIfAbsent(r.is().year(), y -> new ArrayList<>()).add(r.id()));
        byYear.forEach((year, ids) -> jdbc.sql("UPDATE juece.decision SET tallied_organ = organ_code, tallied_year = :year, tallied_status = status,"
                        + " tallied_unit = lead_unit, tallied_stage = stage, tallied_stages = open_stages, tallied_steps = open_steps WHERE id IN (:ids)")
                .param("year", year).param("ids", ids).update());
        return rows.size();
    }

    private void add(Key k, long decisions, long steps) {
        if (databases.isPostgres()) {
            jdbc.sql("INSERT INTO juece.decision_tally (organ_code, reg_year, status, lead_unit, stage, open_stages, decisions, open_steps)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (organ_code, reg_year, status, lead_unit, stage, open_stages)"
                    + " DO UPDATE SET decisions = decision_tally.decisions + EXCLUDED.decisions,"
                    + " open_steps = decision_tally.open_steps + EXCLUDED.open_steps")
                    .params(k.organ(), k.year(), k.status(), k.unit(), k.stage(), k.openStages(), decisions, steps).update();
            return;
        }
        for (int attempt = 0; ; attempt++) {
            if (jdbc.sql("UPDATE juece.decision_tally SET decisions = decisions + ?, open_steps = open_steps + ? WHERE organ_code = ?"
                            + " AND reg_year = ? AND status = ? AND lead_unit = ? AND stage = ? AND open_stages = ?")
                    .params(decisions, steps, k.organ(), k.year(), k.status(), k.unit(), k.stage(), k.openStages()).update() > 0) {
                return;
            }
            try {
                jdbc.sql("INSERT INTO juece.decision_tally (organ_code, reg_year, status, lead_unit, stage, open_stages, decisions, open_steps)"
                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(k.organ(), k.year(), k.status(), k.unit(), k.stage(), k.openStages(), decisions, steps).update();
                return;
            } catch (DuplicateKeyException e) {
                // another transaction created this count first (H2 leaves this one usable): add to it
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    /** A count's key; sorted so that every transaction locks count rows in the same order. */
    record Key(String organ, int year, String status, String unit, String stage, int openStages) {
        static final Comparator<Key> ORDER = Comparator.comparing(Key::organ).thenComparingInt(Key::year)
                .thenComparing(Key::status).thenComparing(Key::unit).thenComparing(Key::stage).thenComparingInt(Key::openStages);
    }

    private record Row(long id, Key was, int wasSteps, Key is, int isSteps) {
    }

    private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        String organ = rs.getString(2);
        int year = rs.getObject(3, OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).getYear();
        Key is = new Key(organ, year, rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7));
        String wasStatus = rs.getString(10);
        Key was = wasStatus == null ? null : new Key(rs.getString(15), rs.getInt(9), wasStatus, rs.getString(11), rs.getString(12), rs.getInt(13));
        return new Row(rs.getLong(1), was, rs.getInt(14), is, rs.getInt(8));
    }

    private Pending pending() {
        return TransactionBound.of(this, Pending.class, Pending::new);
    }

    /** The decisions one transaction touched, counted just before it commits (the last of its synchronizations). */
    private final class Pending extends TransactionBound {

        final Set<Long> ids = new LinkedHashSet<>();
        boolean settled;

        Pending() {
            super(DecisionTally.this);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            settle(new ArrayList<>(ids));
            settled = true;
        }
    }
}
