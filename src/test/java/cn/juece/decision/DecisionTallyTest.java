package cn.juece.decision;

import static cn.juece.LifecycleDriver.JUSTICE;
import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;

/**
 * Supervision's counts kept as a read model (issue 17, V262): after every kind of change a decision goes through —
 * registered, its stage and open steps moved by its steps, its lead unit changed (Art. 12), ended (Art. 3) — the kept
 * counts are what the decisions themselves say; a change rolled back leaves them alone; decisions written around the
 * application are counted when it starts.
 */
class DecisionTallyTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DecisionTally tally;
    @Autowired
    DecisionRepository repository;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theCountsFollowADecisionThroughEveryKindOfChange() {
        var d = driver();
        String n = d.create("县城区生活垃圾分类实施方案（监督统计）");
        assertCountsAreTheDecisions();
        long before = inProgress("GX", "fgj");
        d.study(n);
        d.launch(n);
        assertCountsAreTheDecisions();
        var changed = d.as("admin").post("/api/decisions/" + n + "/unit-change", Map.of("fromUnit", "fgj", "toUnit", "zjj",
                "ground", "冠编发〔2026〕9号：垃圾分类职能划入县住房和城乡建设局"));
        assertThat(changed.getStatusCode().value()).as(String.valueOf(changed.getBody())).isEqualTo(200);
        assertThat(inProgress("GX", "fgj")).isEqualTo(before - 1);
        assertCountsAreTheDecisions();

        String out = d.create("县机关内部考勤办法（监督统计）");
        d.complete(LEAD, out, "proposal-study", "fgj", "OUT_OF_SCOPE", "属于政府内部事务管理");
        d.complete(JUSTICE, out, "proposal-scope-confirm", "sfj", "CONFIRMED", "同意不适用本规定");
        assertThat(jdbc.sql("SELECT status FROM juece.decision WHERE decision_number = ?").param(out).query(String.class).single())
                .isEqualTo("OUT_OF_SCOPE");
        assertCountsAreTheDecisions();
    }

    @Test
    void aChangeRolledBackLeavesTheCountsAlone() {
        String n = driver().create("县城区夜市管理办法（回滚）");
        long id = jdbc.sql("SELECT id FROM juece.decision WHERE decision_number = ?").param(n).query(Long.class).single();
        long before = inProgress("GX", "fgj");
        transactions.executeWithoutResult(s -> {
            repository.setStatus(id, DecisionStatus.TERMINATED, OffsetDateTime.now(AppClock.ZONE));
            s.setRollbackOnly();
        });
        assertThat(inProgress("GX", "fgj")).isEqualTo(before);
        assertCountsAreTheDecisions();
    }

    @Test
    void decisionsWrittenAroundTheApplicationAreCountedWhenItStarts() {
        String n = driver().create("县城区占道经营管理办法（库外写入）");
        long before = inProgress("GX", "fgj");
        // as the migration that added the counts leaves every decision, or the scale benchmark's seed its rows: not counted
        jdbc.sql("""
                UPDATE juece.decision_tally t SET decisions = decisions - 1, open_steps = open_steps - (SELECT d.tallied_steps
                  FROM juece.decision d WHERE d.decision_number = :n)
                WHERE EXISTS (SELECT 1 FROM juece.decision d WHERE d.decision_number = :n AND d.tallied_organ = t.organ_code
                  AND d.tallied_year = t.reg_year AND d.tallied_status = t.status AND d.tallied_unit = t.lead_unit
                  AND d.tallied_stage = t.stage AND d.tallied_stages = t.open_stages)""").param("n", n).update();
        jdbc.sql("UPDATE juece.decision SET tallied_organ = NULL, tallied_year = NULL, tallied_status = NULL, tallied_unit = NULL,"
                + " tallied_stage = NULL, tallied_stages = NULL, tallied_steps = NULL WHERE decision_number = ?").param(n).update();
        assertThat(inProgress("GX", "fgj")).isEqualTo(before - 1);
        tally.countUncounted();
        assertThat(inProgress("GX", "fgj")).isEqualTo(before);
        assertCountsAreTheDecisions();
        // and one changed behind the application's back is moved to where it is now
        jdbc.sql("UPDATE juece.decision SET status = 'TERMINATED' WHERE decision_number = ?").param(n).update();
        tally.countUncounted();
        assertThat(inProgress("GX", "fgj")).isEqualTo(before - 1);
        assertCountsAreTheDecisions();
        jdbc.sql("UPDATE juece.decision SET status = 'IN_PROGRESS' WHERE decision_number = ?").param(n).update();
        tally.countUncounted();
        assertThat(inProgress("GX", "fgj")).isEqualTo(before);
        assertCountsAreTheDecisions();
    }

    /** Decisions in progress of an organ and lead unit, as the kept counts say. */
    private long inProgress(String organ, String unit) {
        return tally.counts(List.of(organ), unit, null).stream().filter(c -> c.status().equals("IN_PROGRESS"))
                .mapToLong(DecisionTally.Count::decisions).sum();
    }

    /** The kept counts, row by row, equal the counts of the decision rows themselves (the year on the county's clock). */
    private void assertCountsAreTheDecisions() {
        Map<String, List<Long>> truth = new TreeMap<>();
        jdbc.sql("SELECT organ_code, created_at, status, lead_unit, stage, open_stages, open_steps FROM juece.decision").query(rs -> {
            String key = String.join("|", rs.getString(1),
                    String.valueOf(rs.getObject(2, OffsetDateTime.class).atZoneSameInstant(AppClock.ZONE).getYear()),
                    rs.getString(3), rs.getString(4), rs.getString(5), String.valueOf(rs.getInt(6)));
            List<Long> c = truth.computeIfAbsent(key, k -> new java.util.ArrayList<>(List.of(0L, 0L)));
            c.set(0, c.get(0) + 1);
            c.set(1, c.get(1) + rs.getInt(7));
        });
        Map<String, List<Long>> kept = new TreeMap<>();
        jdbc.sql("SELECT organ_code, reg_year, status, lead_unit, stage, open_stages, decisions, open_steps FROM juece.decision_tally"
                + " WHERE decisions <> 0 OR open_steps <> 0").query(rs -> {
            kept.put(String.join("|", rs.getString(1), String.valueOf(rs.getInt(2)), rs.getString(3), rs.getString(4),
                    rs.getString(5), String.valueOf(rs.getInt(6))), List.of(rs.getLong(7), rs.getLong(8)));
        });
        assertThat(kept).isEqualTo(truth);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM juece.decision d WHERE " + DecisionTally.DIFFERS).query(Long.class).single()).isZero();
    }
}
