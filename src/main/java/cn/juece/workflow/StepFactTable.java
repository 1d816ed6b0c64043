package cn.juece.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One fact table of the dossier (DECISIONS.md 25) as its feature writes and reads it: {@code id}, {@code decision_id},
 * the step's identity ({@link StepFact#COLUMNS}) and the table's own columns. The owning feature's service keeps
 * one per table; the table's name and columns are constants of that service, never input.
 *
 * @param <T> the feature's record of one row
 */
public final class StepFactTable<T> {

    /** Builds the feature's record from a row, given the columns every fact table has. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs, long id, long decisionId, StepFact step) throws SQLException;
    }

    private final JdbcClient jdbc;
    private final String table;
    private final List<String> ownColumns;
    private final RowMapper<T> mapper;

    public StepFactTable(JdbcClient jdbc, String table, RowMapper<T> mapper, String... ownColumns) {
        this.jdbc = jdbc;
        this.table = "juece." + table;
        this.ownColumns = List.of(ownColumns);
        this.mapper = mapper;
    }

    /** Writes the row of a step as it closes, with the values of the table's own columns in their order. */
    public void insert(StepCompletion step, Object... ownValues) {
        if (ownValues.length != ownColumns.size()) {
            throw new IllegalArgumentException(table + " has " + ownColumns.size() + " own columns, given " + ownValues.length);
        }
        StringBuilder columns = new StringBuilder("decision_id, " + StepFact.COLUMNS);
        StringBuilder values = new StringBuilder("?, " + StepFact.PLACEHOLDERS);
        for (String c : ownColumns) {
            columns.append(", ").append(c);
            values.append(", ?");
        }
        jdbc.sql("INSERT INTO " + table + " (" + columns + ") VALUES (" + values + ")")
                .params(StepFact.params(step.decision().id(), StepFact.of(step), ownValues)).update();
    }

    /** The decision's rows, in the order they were written (round 1 first). */
    public List<T> of(long decisionId) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE decision_id = ? ORDER BY id").param(decisionId)
                .query((rs, i) -> map(rs)).list();
    }

    /** The decision's latest row. */
    public Optional<T> latest(long decisionId) {
        List<T> all = of(decisionId);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /** The latest row of each of these decisions that has one, by decision id. */
    public Map<Long, T> latest(Collection<Long> decisionIds) {
        Map<Long, T> latest = new LinkedHashMap<>();
        if (decisionIds.isEmpty()) {
            return latest;
        }
        jdbc.sql("SELECT * FROM " + table + " WHERE decision_id IN (:ids) ORDER BY id").param("ids", decisionIds)
                .query((RowCallbackHandler) rs -> latest.put(rs.getLong("decision_id"), map(rs)));
        return latest;
    }

    /**
     * One page of the decisions' latest rows, newest first (issue 17: the portal's published decisions), by the index
     * on (decision_id, id).
     */
    public List<T> latestPerDecision(int offset, int limit) {
        return jdbc.sql("SELECT * FROM " + table + " t WHERE t.id = (SELECT MAX(t2.id) FROM " + table
                        + " t2 WHERE t2.decision_id = t.decision_id) ORDER BY t.id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")
                .params(offset, limit).query((rs, i) -> map(rs)).list();
    }

    /** As {@link #latestPerDecision(int, int)}, for the decisions of one organ (Art. 64: the portal scoped to an organ). */
    public List<T> latestPerDecision(String organCode, int offset, int limit) {
        return jdbc.sql("SELECT * FROM " + table + " t WHERE t.id = (SELECT MAX(t2.id) FROM " + table
                        + " t2 WHERE t2.decision_id = t.decision_id) AND t.decision_id IN (SELECT d.id FROM juece.decision d WHERE d.organ_code = ?)"
                        + " ORDER BY t.id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")
                .params(organCode, offset, limit).query((rs, i) -> map(rs)).list();
    }

    /** How many decisions of one organ have a row. */
    public long countDecisions(String organCode) {
        return jdbc.sql("SELECT COUNT(DISTINCT decision_id) FROM " + table
                + " WHERE decision_id IN (SELECT d.id FROM juece.decision d WHERE d.organ_code = ?)").param(organCode).query(Long.class).single();
    }

    /** How many decisions have a row. */
    public long countDecisions() {
        return jdbc.sql("SELECT COUNT(DISTINCT decision_id) FROM " + table).query(Long.class).single();
    }

    /** Every row of every decision, newest first (for lists such as the portal's published decisions). */
    public List<T> newestFirst(int limit) {
        return jdbc.sql("SELECT * FROM " + table + " ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .query((rs, i) -> map(rs)).list();
    }

    private T map(ResultSet rs) throws SQLException {
        return mapper.map(rs, rs.getLong("id"), rs.getLong("decision_id"), StepFact.read(rs));
    }
}
