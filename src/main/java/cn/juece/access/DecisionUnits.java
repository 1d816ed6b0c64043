package cn.juece.access;

import java.util.Set;

import cn.juece.decision.Decision;

/**
 * A feature's contribution to who has a role in a decision: e.g. drafting names the consulted units (Art. 16),
 * risk assessment its assessor (Art. 36), execution its units (Art. 53). Read by {@link Responsibilities} for
 * who acts and provides, and by {@link DecisionAccess} for who sees.
 */
public interface DecisionUnits {

    /** The one party the units this feature names act as (consulted unit, risk assessor, execution unit, evaluator). */
    Responsible party();

    /**
     * The units this feature names in the decision, acting as {@link #party()}; empty where it names none. Asked only
     * when that party, or every unit with a role, is wanted (issue 17: each request asked all features for every party).
     */
    Set<String> unitsOf(Decision decision);

    /**
     * The same, the other way round, for the paged lists (issue 17): SQL selecting the ids of the decisions in which
     * one of the units named by the parameter {@code :units} has a role through this feature (an indexed query).
     */
    String decisionIdsOfUnitsSql();
}
