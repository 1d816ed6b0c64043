package cn.juece.access;

/**
 * Who acts for a decision, as the rule names them (RULES.md "Roles"): the party responsible for a step, or for
 * providing a material. Resolved into Camunda groups from the dossier by {@link Responsibilities}, never from a
 * task's current identity links (DECISIONS.md 22). The BPMN names a step's party in its candidate-group
 * expression, {@code ${roles.<method>(execution)}}; {@link #expressionMethod()} is that method's name.
 */
public enum Responsible {
    /** Art. 11: the unit that studies the proposal (the competent department, or the proposing unit). */
    STUDY_UNIT("studyUnit", "研究论证单位", "NOT_STUDY_UNIT"),
    /** Art. 12: the (lead) 承办 unit. */
    LEAD_UNIT("leadUnit", "决策承办单位", "NOT_LEAD_UNIT"),
    /** Art. 14: the lead unit's legal office (法制工作机构). */
    LEAD_UNIT_LEGAL("leadUnitLegal", "决策承办单位法制工作机构", "NOT_LEGAL_OFFICE"),
    /** Art. 12, 42: the other 承办 units (countersignature). */
    CO_UNIT("coUnit", "其他决策承办单位", "NOT_CO_UNIT"),
    /** Art. 16: a department or township government consulted on the draft. */
    CONSULTED_UNIT("consultedUnit", "征求意见的有关单位", "NOT_CONSULTED_UNIT"),
    /** Art. 8, 41: the justice bureau (司法行政部门). */
    JUSTICE_BUREAU("justiceBureau", "司法行政部门", "NOT_JUSTICE_BUREAU"),
    /** Art. 11, 40, 55, 56: the decision organ's acting group. */
    DECISION_ORGAN("decisionOrgan", "决策机关", "NOT_DECISION_ORGAN"),
    /** Art. 50, 55: the executive head (行政首长). */
    EXECUTIVE_HEAD("executiveHead", "行政首长", "NOT_EXECUTIVE_HEAD"),
    /** Art. 16: the decision organ's responsible leader (决策机关有关负责人: the government's members) coordinating a disagreement. */
    COUNTY_LEADER("countyLeader", "决策机关有关负责人", "NOT_COUNTY_LEADER"),
    /** Art. 52, 59: the decision organ's office, 县政府办公室 for the county (publication, meeting secretariat, archive). */
    GOV_OFFICE("govOffice", "决策机关办公室", "NOT_GOV_OFFICE"),
    /** Art. 36: the lead unit or another unit responsible for risk assessment. */
    RISK_ASSESSOR("riskAssessor", "风险评估单位", "NOT_RISK_ASSESSOR"),
    /** Art. 53: the execution units. */
    EXECUTION_UNIT("executionUnit", "决策执行单位", "NOT_EXECUTION_UNIT"),
    /** Art. 56: the unit the decision organ names to do the post-evaluation. */
    EVALUATOR("evaluator", "承担后评估工作的单位", "NOT_EVALUATOR");

    private final String expressionMethod;
    private final String label;
    private final String refusalCode;

    Responsible(String expressionMethod, String label, String refusalCode) {
        this.expressionMethod = expressionMethod;
        this.label = label;
        this.refusalCode = refusalCode;
    }

    /** The {@code roles} bean's method a BPMN candidate-group expression names for this party, or null. */
    public String expressionMethod() {
        return expressionMethod;
    }

    public String label() {
        return label;
    }

    /** The stable code of a refusal when someone else tries to act for this party. */
    public String refusalCode() {
        return refusalCode;
    }

    /** The party a candidate-group expression such as {@code ${roles.leadUnit(execution)}} names, or null. */
    public static Responsible ofExpression(String candidateGroups) {
        if (candidateGroups == null) {
            return null;
        }
        String s = candidateGroups.strip();
        for (Responsible r : values()) {
            if (r.expressionMethod != null && s.equals("${roles." + r.expressionMethod + "(execution)}")) {
                return r;
            }
        }
        return null;
    }
}
