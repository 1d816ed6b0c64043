package cn.juece.decision;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Which decisions a read of facts covers (issue 17): the decisions a page selected (supervision's newest 500 of its
 * selection), or every decision of some organs (the annual figures, Art. 64). A fact table is asked only for the rows
 * of its scope, through its {@code decision_id} index, instead of every row of every organ being read and filtered.
 *
 * <p>Use {@link #where(String)} in the statement's WHERE clause and {@link #bind} on the statement; the parameters are
 * named ({@code :scopeIds}, {@code :scopeOrgans}), so the rest of the statement uses named parameters too.
 */
public record DecisionScope(List<Long> ids, List<String> organs) {

    public DecisionScope {
        ids = ids == null ? null : List.copyOf(ids);
        organs = organs == null ? null : List.copyOf(organs);
        if ((ids == null) == (organs == null)) {
            throw new IllegalArgumentException("a scope is decision ids or organs");
        }
    }

    /** These decisions (a page's selection; at most a few hundred). */
    public static DecisionScope of(Collection<Long> decisionIds) {
        return new DecisionScope(List.copyOf(decisionIds), null);
    }

    /** Every decision of these organs. */
    public static DecisionScope ofOrgans(Collection<String> organCodes) {
        return new DecisionScope(null, List.copyOf(organCodes));
    }

    /** Nothing can match: the caller answers an empty list without asking the database. */
    public boolean isEmpty() {
        return ids != null ? ids.isEmpty() : organs.isEmpty();
    }

    /** The condition on a column holding a decision id. */
    public String where(String decisionIdColumn) {
        return ids != null ? decisionIdColumn + " IN (:scopeIds)"
                : decisionIdColumn + " IN (SELECT sd.id FROM juece.decision sd WHERE sd.organ_code IN (:scopeOrgans))";
    }

    public JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        return ids != null ? statement.param("scopeIds", ids) : statement.param("scopeOrgans", organs);
    }
}
