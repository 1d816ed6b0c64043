package cn.juece.access;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.juece.decision.DecisionService;
import cn.juece.decision.DecisionVariables;
import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.support.RuleViolation;

import java.util.List;

/**
 * The BPMN's candidate-group expressions, {@code ${roles.leadUnit(execution)}} and so on: each names the party
 * that acts on the step (RULES.md "Roles") and asks {@link Responsibilities} for its group, resolved from the
 * dossier when the task is created (DECISIONS.md 6, 22). The completion check resolves the same party again when
 * the step closes, so the task's identity links are only a projection for Tasklist.
 */
@Component("roles")
public class Roles {

    private final DecisionService decisions;
    private final Directory directory;
    private final Responsibilities responsibilities;

    Roles(DecisionService decisions, Directory directory, Responsibilities responsibilities) {
        this.decisions = decisions;
        this.directory = directory;
        this.responsibilities = responsibilities;
    }

    /** Art. 11: the unit that studies the proposal (the competent department, or the proposing unit). */
    public String studyUnit(DelegateExecution execution) {
        return group(execution, Responsible.STUDY_UNIT);
    }

    /** Art. 12: the (lead) 承办 unit. */
    public String leadUnit(DelegateExecution execution) {
        return group(execution, Responsible.LEAD_UNIT);
    }

    /** Art. 14: the lead unit's legal office (法制工作机构). */
    public String leadUnitLegal(DelegateExecution execution) {
        return group(execution, Responsible.LEAD_UNIT_LEGAL);
    }

    /** Art. 8, 41: the justice bureau (司法行政部门). */
    public String justiceBureau(DelegateExecution execution) {
        return group(execution, Responsible.JUSTICE_BUREAU);
    }

    /** Art. 11, 40, 55, 56: the decision organ's acting group. */
    public String decisionOrgan(DelegateExecution execution) {
        return group(execution, Responsible.DECISION_ORGAN);
    }

    /** Art. 50: the executive head decides after collective discussion. */
    public String executiveHead(DelegateExecution execution) {
        return group(execution, Responsible.EXECUTIVE_HEAD);
    }

    /** Art. 52, 59: the government office (publication, archive). */
    public String govOffice(DelegateExecution execution) {
        return group(execution, Responsible.GOV_OFFICE);
    }

    /** Art. 36: the lead unit or another unit responsible for risk assessment. */
    public String riskAssessor(DelegateExecution execution) {
        return group(execution, Responsible.RISK_ASSESSOR);
    }

    /**
     * Art. 53: the execution unit a step belongs to: inside the per-unit execution (the multi-instance element
     * variable), that unit; otherwise the units the decision organ named.
     */
    public String executionUnit(DelegateExecution execution) {
        Object unit = execution.getVariable(DecisionVariables.EXECUTION_UNIT);
        if (unit != null) {
            return Groups.unit(unit.toString());
        }
        return group(execution, Responsible.EXECUTION_UNIT);
    }

    /** Art. 56: the unit the decision organ names to do the evaluation. */
    public String evaluator(DelegateExecution execution) {
        return group(execution, Responsible.EVALUATOR);
    }

    /** Art. 16: the department or township government consulted on the draft (one task each). */
    public String consultedUnit(DelegateExecution execution) {
        return Groups.unit((String) execution.getVariable(DecisionVariables.CONSULTED_UNIT));
    }

    /** Art. 41, 42: the other 承办 unit countersigning the draft (one task each, the unit in {@code countersignUnit}). */
    public String coUnit(DelegateExecution execution) {
        return Groups.unit((String) execution.getVariable(DecisionVariables.COUNTERSIGN_UNIT));
    }

    /** Art. 16: a county leader (the government's members) coordinating a disagreement between units. */
    public String countyLeader(DelegateExecution execution) {
        return group(execution, Responsible.COUNTY_LEADER);
    }

    /**
     * Art. 4: the justice bureau compiles the annual catalogue. Catalogue processes are keyed
     * {@code <organ>-<year>-ML}, not by a decision number.
     */
    public String catalogueCompiler(DelegateExecution execution) {
        return Groups.unit(directory.organ(catalogueOrganCode(execution)).justiceUnit());
    }

    /** Art. 4: the decision organ confirms the annual catalogue. */
    public String catalogueOrgan(DelegateExecution execution) {
        return Groups.decisionOrgan(catalogueOrganCode(execution));
    }

    private static String catalogueOrganCode(DelegateExecution execution) {
        String key = execution.getProcessBusinessKey();
        return key.substring(0, key.indexOf('-'));
    }

    private String group(DelegateExecution execution, Responsible party) {
        List<String> groups = responsibilities.groups(decisions.of(execution), party, null);
        if (groups.isEmpty()) {
            throw new RuleViolation(party.refusalCode(), "尚未确定" + party.label() + "：请决策机关先在决策案卷中明确" + party.label() + "。");
        }
        return groups.get(0);
    }
}
