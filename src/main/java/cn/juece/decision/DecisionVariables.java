package cn.juece.decision;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The process variables of a decision, typed: names live here and nowhere else. Variables stay small
 * (ids, flags, outcome codes; DECISIONS.md 7): everything that grows lives in the dossier tables.
 */
public final class DecisionVariables {

    public static final String DECISION_ID = "decisionId";
    public static final String DECISION_NUMBER = "decisionNumber";
    public static final String DECISION_TITLE = "decisionTitle";
    /** The outcome code a task was completed with (declared on the task in the BPMN as outcome.CODE). */
    public static final String OUTCOME = "outcome";
    /** The short reason given with the outcome. */
    public static final String REASON = "reason";
    public static final String PARTICIPATION_REQUIRED = "participationRequired";
    public static final String EXPERT_REVIEW_REQUIRED = "expertReviewRequired";
    public static final String RISK_ASSESSMENT_REQUIRED = "riskAssessmentRequired";
    /** Art. 16: the unit a drafting consultation task asks (the multi-instance element variable). */
    public static final String CONSULTED_UNIT = "consultedUnit";
    /** Art. 41, 42: the co-unit of one countersignature task (multi-instance element variable). */
    public static final String COUNTERSIGN_UNIT = "countersignUnit";
    /** Art. 53: the execution unit a per-unit execution belongs to (the multi-instance element variable). */
    public static final String EXECUTION_UNIT = "executionUnit";

    private final VariableScope scope;

    private DecisionVariables(VariableScope scope) {
        this.scope = scope;
    }

    public static DecisionVariables of(VariableScope scope) {
        return new DecisionVariables(scope);
    }

    public Long decisionId() {
        Object v = scope.getVariable(DECISION_ID);
        return v == null ? null : ((Number) v).longValue();
    }

    public String outcome() {
        Object v = scope.getVariable(OUTCOME);
        return v == null ? null : v.toString();
    }

    public String reason() {
        Object v = scope.getVariable(REASON);
        return v == null ? null : v.toString();
    }

    /** Labels the scope (a process instance of the decision) with the decision's number and title. */
    public void label(Decision decision) {
        scope.setVariable(DECISION_NUMBER, decision.number());
        scope.setVariable(DECISION_TITLE, decision.title());
    }

    /**
     * Labels a task with its own copy of the decision's number and title. Tasklist reads a card's variables with the
     * reader's permissions: a candidate group reads its task (Camunda grants it on the task) but not, by that grant,
     * the variables of the task's process instance; a task-local copy is read with the task.
     */
    public void labelLocally(Decision decision) {
        scope.setVariableLocal(DECISION_NUMBER, decision.number());
        scope.setVariableLocal(DECISION_TITLE, decision.title());
    }

    public void arrangements(boolean participation, boolean expertReview, boolean riskAssessment) {
        scope.setVariable(PARTICIPATION_REQUIRED, participation);
        scope.setVariable(EXPERT_REVIEW_REQUIRED, expertReview);
        scope.setVariable(RISK_ASSESSMENT_REQUIRED, riskAssessment);
    }
}
