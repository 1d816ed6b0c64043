package cn.juece.decision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import cn.juece.support.AppClock;

/** The decision rows of the dossier. */
@Repository
public class DecisionRepository {

    private static final String COLUMNS = """
            id, decision_number, organ_code, title, summary, category, source, source_channel, proposer, lead_unit,
            co_units, stage, status, process_instance_id, created_by, created_at, updated_at""";

    private final JdbcClient jdbc;
    private final DecisionTally tally;

    DecisionRepository(JdbcClient jdbc, DecisionTally tally) {
        this.jdbc = jdbc;
        this.tally = tally;
    }

    long insert(String number, String organCode, NewDecision d, String createdBy, OffsetDateTime now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO juece.decision (decision_number, organ_code, title, summary, category, source, source_channel, proposer,
                                      lead_unit, co_units, stage, status, created_by, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(number, organCode, d.title().strip(), blankToNull(d.summary()),
                        d.category() == null ? null : d.category().name(), d.source().name(),
                        blankToNull(d.sourceChannel()), blankToNull(d.proposer()), d.leadUnit(),
                        d.coUnits() == null ? null : String.join(",", d.coUnits()),
                        Stage.PROPOSAL.name(), DecisionStatus.IN_PROGRESS.name(), createdBy, now, now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        tally.touched(id);
        return id;
    }

    public Optional<Decision> findByNumber(String number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM juece.decision WHERE decision_number = ?").param(number)
                .query(DecisionRepository::map).optional();
    }

    public Optional<Decision> findById(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM juece.decision WHERE id = ?").param(id)
                .query(DecisionRepository::map).optional();
    }

    /** These decisions, in no particular order (those that do not exist are absent). */
    public List<Decision> findByIds(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM juece.decision WHERE id IN (:ids)").param("ids", List.copyOf(ids))
                .query(DecisionRepository::map).list();
    }

    public List<Decision> list(String organCode, int limit) {
        return list(organCode == null ? null : List.of(organCode), limit);
    }

    /** The newest decisions of these organs (all organs for null). */
    public List<Decision> list(java.util.Collection<String> organs, int limit) {
        if (organs == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM juece.decision ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY")
                    .query(DecisionRepository::map).list();
        }
        // each organ's newest in the order of decision_organ_newest_idx (V250; "id > 0" makes H2 choose it), merged
        List<Decision> all = new java.util.ArrayList<>();
        for (String organ : new java.util.TreeSet<>(organs)) {
            all.addAll(jdbc.sql("SELECT " + COLUMNS + " FROM juece.decision WHERE organ_code = ? AND id > 0 ORDER BY organ_code, id DESC FETCH FIRST "
                            + limit + " ROWS ONLY").param(organ).query(DecisionRepository::map).list());
        }
        return all.stream().sorted(java.util.Comparator.comparingLong(Decision::id).reversed()).limit(limit).toList();
    }

    /**
     * Who a paged list may show (issue 17): every decision of the organ ({@code units == null}), or those in which one of
     * these units is the lead or a co-unit, or has a role through another feature (each {@code idQueries} entry selects
     * decision ids for {@code :units}); every decision of the {@code wideOrgans} (Art. 64: a person may see a whole organ
     * and, in another organ, only the matters of their units).
     */
    public record Visibility(java.util.Collection<String> units, List<String> idQueries, java.util.Collection<String> wideOrgans) {
        public Visibility(java.util.Collection<String> units, List<String> idQueries) {
            this(units, idQueries, List.of());
        }

        public static Visibility all() {
            return new Visibility(null, List.of());
        }
    }

    /**
     * One page of the organs' decisions the person may see (issue 17): newest first, or by the soonest day of an open
     * step's period (decision.due_day, V250; decisions without one last), filtered by a current stage (the stage the
     * tracker last entered, or one with an open step, for the parallel stages 4-6) and a decision-number prefix. Each
     * organ's rows up to the page's end are read in the order of one index ({@code decision_organ_newest_idx},
     * {@code decision_organ_due_idx}: the ORDER BY names organ_code, which the WHERE fixes, so H2 reads the index in
     * order and stops instead of sorting every decision) and merged.
     */
    List<Decision> page(java.util.Collection<String> organCode, Visibility v, Stage stage, String numberPrefix, boolean byDue, int offset, int limit) {
        int end = offset + limit;
        java.util.Map<Long, Decision> byId = new java.util.HashMap<>();
        java.util.Map<Long, java.time.LocalDate> days = new java.util.HashMap<>();
        for (String organ : new java.util.TreeSet<>(organCode)) {
            // a range on the index's second column (every decision is in it) makes H2 choose the sorted index over the
            // organ's foreign-key index (without it H2 took the latter and sorted all 50,000 at sort=due)
            var q = jdbc.sql("SELECT " + COLUMNS + ", due_day FROM juece.decision d WHERE d.organ_code = :one"
                    + (byDue ? " AND d.due_day >= DATE '0001-01-01'" : " AND d.id > 0")
                    + where(v, stage, numberPrefix)
                    + (byDue ? " ORDER BY d.organ_code, d.due_day, d.id DESC" : " ORDER BY d.organ_code, d.id DESC")
                    + " FETCH FIRST :end ROWS ONLY");
            bind(q, organCode, v, stage, numberPrefix).param("one", organ).param("end", end).query((rs, i) -> {
                Decision d = map(rs, i);
                byId.put(d.id(), d);
                days.put(d.id(), rs.getObject("due_day", java.time.LocalDate.class));
                return d;
            }).list();
        }
        java.util.Comparator<Decision> newest = java.util.Comparator.comparingLong(Decision::id).reversed();
        return byId.values().stream()
                .sorted(byDue ? java.util.Comparator.comparing((Decision d) -> days.get(d.id())).thenComparing(newest) : newest)
                .skip(offset).limit(limit).toList();
    }

    /** How many decisions the page's selection holds, counted no further than {@code cap} (issue 17). */
    long countAtMost(java.util.Collection<String> organCode, Visibility v, Stage stage, String numberPrefix, long cap) {
        return bind(jdbc.sql("SELECT COUNT(*) FROM (SELECT d.id FROM juece.decision d WHERE d.organ_code IN (:organ)"
                        + where(v, stage, numberPrefix) + " FETCH FIRST :cap ROWS ONLY) c"), organCode, v, stage, numberPrefix)
                .param("cap", cap).query(Long.class).single();
    }

    /** The soonest day of the decision's open step periods (a deadline, or a minimum's earliest close). */
    public static final String DUE = "(SELECT MIN(COALESCE(p.end_on, p.earliest_close)) FROM juece.step_period p WHERE p.decision_id = d.id AND p.state = 'OPEN')";

    private static String where(Visibility v, Stage stage, String numberPrefix) {
        StringBuilder w = new StringBuilder();
        if (v.units() != null) {
            w.append(" AND (d.lead_unit IN (:units)");
            if (!v.wideOrgans().isEmpty()) {
                w.append(" OR d.organ_code IN (:wideOrgans)");
            }
            for (String q : v.idQueries()) {
                w.append(" OR d.id IN (").append(q).append(')');
            }
            for (int i = 0; i < v.units().size(); i++) {
                w.append(" OR ',' || COALESCE(d.co_units, '') || ',' LIKE :co").append(i);
            }
            w.append(')');
        }
        if (stage != null) {
            w.append(" AND (d.stage = :stage OR d.id IN (SELECT s.decision_id FROM juece.step s WHERE s.state = 'OPEN' AND s.process_key = :processKey))");
        }
        if (numberPrefix != null) {
            w.append(" AND d.decision_number LIKE :prefix");
        }
        return w.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec q, java.util.Collection<String> organCode, Visibility v, Stage stage, String numberPrefix) {
        q = q.param("organ", organCode.isEmpty() ? List.of("-") : organCode);
        if (v.units() != null) {
            if (!v.wideOrgans().isEmpty()) {
                q = q.param("wideOrgans", v.wideOrgans());
            }
            q = q.param("units", v.units().isEmpty() ? List.of("-") : v.units());
            int i = 0;
            for (String u : v.units()) {
                q = q.param("co" + i++, "%," + u.replace("%", "").replace("_", "") + ",%");
            }
        }
        if (stage != null) {
            q = q.param("stage", stage.name()).param("processKey", stage.processKey());
        }
        if (numberPrefix != null) {
            q = q.param("prefix", numberPrefix.replace("%", "").replace("_", "\\_") + "%");
        }
        return q;
    }

    void setProcessInstance(long id, String processInstanceId) {
        jdbc.sql("UPDATE juece.decision SET process_instance_id = ? WHERE id = ?").params(processInstanceId, id).update();
    }

    void setStage(long id, Stage stage, OffsetDateTime now) {
        jdbc.sql("UPDATE juece.decision SET stage = ?, updated_at = ? WHERE id = ?").params(stage.name(), now, id).update();
        tally.touched(id);
        jdbc.sql("INSERT INTO juece.stage_entry (decision_id, stage, entered_at) VALUES (?, ?, ?)").params(id, stage.name(), now).update();
    }

    /**
     * The decision's status; an ending is also kept as the procedure's end (how it ended, when), which the archive
     * does not replace. A decision archived without a recorded ending (a process version before every ending passed
     * through the archive) gets the archive as its end.
     */
    void setStatus(long id, DecisionStatus status, OffsetDateTime now) {
        jdbc.sql("UPDATE juece.decision SET status = ?, updated_at = ? WHERE id = ?").params(status.name(), now, id).update();
        tally.touched(id);
        boolean ended = jdbc.sql("SELECT COUNT(*) FROM juece.procedure_end WHERE decision_id = ?").param(id).query(Integer.class).single() > 0;
        if (status != DecisionStatus.IN_PROGRESS && !ended) {
            jdbc.sql("INSERT INTO juece.procedure_end (decision_id, status, ended_at) VALUES (?, ?, ?)").params(id, status.name(), now).update();
        }
    }

    /** Each entry into a stage, in order (a stage entered again, e.g. drafting after a return, appears again). */
    List<DecisionService.StageEntry> stageEntries(long id) {
        return jdbc.sql("SELECT stage, entered_at FROM juece.stage_entry WHERE decision_id = ? ORDER BY id").param(id)
                .query((rs, i) -> new DecisionService.StageEntry(Stage.valueOf(rs.getString(1)), time(rs, "entered_at"))).list();
    }

    Optional<DecisionService.Ending> ending(long id) {
        return jdbc.sql("SELECT status, ended_at FROM juece.procedure_end WHERE decision_id = ?").param(id)
                .query((rs, i) -> new DecisionService.Ending(DecisionStatus.valueOf(rs.getString(1)), time(rs, "ended_at"))).optional();
    }

    void setCategory(long id, Art3Category category, OffsetDateTime now) {
        jdbc.sql("UPDATE juece.decision SET category = ?, updated_at = ? WHERE id = ?")
                .params(category == null ? null : category.name(), now, id).update();
    }

    void setSourceChannel(long id, String channel) {
        jdbc.sql("UPDATE juece.decision SET source_channel = ? WHERE id = ?").params(channel, id).update();
    }

    /** Art. 12: the 承办 units as named at launch or changed when a unit's functions move. */
    public void setUnits(long id, String leadUnit, List<String> coUnits, OffsetDateTime now) {
        jdbc.sql("UPDATE juece.decision SET lead_unit = ?, co_units = ?, updated_at = ? WHERE id = ?")
                .params(leadUnit, coUnits == null || coUnits.isEmpty() ? null : String.join(",", coUnits), now, id).update();
        // the steps carry the lead unit supervision counts them under (V261)
        jdbc.sql("UPDATE juece.step SET lead_unit = ? WHERE decision_id = ?").params(leadUnit, id).update();
        tally.touched(id);
    }

    private static Decision map(ResultSet rs, int row) throws SQLException {
        String category = rs.getString("category");
        String coUnits = rs.getString("co_units");
        return new Decision(rs.getLong("id"), rs.getString("decision_number"), rs.getString("organ_code"),
                rs.getString("title"), rs.getString("summary"),
                category == null ? null : Art3Category.valueOf(category),
                ProposalSource.valueOf(rs.getString("source")), rs.getString("source_channel"), rs.getString("proposer"),
                rs.getString("lead_unit"),
                coUnits == null || coUnits.isBlank() ? List.of() : Arrays.asList(coUnits.split(",")),
                Stage.valueOf(rs.getString("stage")), DecisionStatus.valueOf(rs.getString("status")),
                rs.getString("process_instance_id"), rs.getString("created_by"),
                time(rs, "created_at"), time(rs, "updated_at"));
    }

    private static OffsetDateTime time(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.atZoneSameInstant(AppClock.ZONE).toOffsetDateTime();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
