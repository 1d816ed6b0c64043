package cn.juece.decision;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.juece.identity.Directory;
import cn.juece.identity.Groups;
import cn.juece.identity.Organ;

/**
 * Candidate groups of the user tasks, resolved from the dossier when a task is created (DECISIONS.md 6),
 * so that a change of 承办 unit (Art. 12) reaches future tasks. Referenced from BPMN as
 * {@code ${roles.leadUnit(execution)}} and so on; see the roles table in RULES.md.
 */
@Component("roles")
public class Roles {

    private final DecisionService decisions;
    private final Directory directory;

    Roles(DecisionService decisions, Directory directory) {
        this.decisions = decisions;
        this.directory = directory;
    }

    /** Art. 11: the unit that studies the proposal (the competent department, or the proposing unit). */
    public String studyUnit(DelegateExecution execution) {
        return Groups.unit(decisions.of(execution).leadUnit());
    }

    /** Art. 12: the (lead) 承办 unit. */
    public String leadUnit(DelegateExecution execution) {
        return Groups.unit(decisions.of(execution).leadUnit());
    }

    /** Art. 14: the lead unit's legal office (法制工作机构). */
    public String leadUnitLegal(DelegateExecution execution) {
        return Groups.legalOffice(decisions.of(execution).leadUnit());
    }

    /** Art. 8, 41: the justice bureau (司法行政部门). */
    public String justiceBureau(DelegateExecution execution) {
        return Groups.unit(organ(execution).justiceUnit());
    }

    /** Art. 11, 40, 55, 56: the decision organ's acting group. */
    public String decisionOrgan(DelegateExecution execution) {
        return Groups.decisionOrgan(decisions.of(execution).organCode());
    }

    /** Art. 50: the executive head decides after collective discussion. */
    public String executiveHead(DelegateExecution execution) {
        return Groups.executiveHead(decisions.of(execution).organCode());
    }

    /** Art. 52, 59: the government office (publication, archive). */
    public String govOffice(DelegateExecution execution) {
        return Groups.unit(organ(execution).officeUnit());
    }

    /** Art. 36: the lead unit or another unit responsible for risk assessment (the lead unit here). */
    public String riskAssessor(DelegateExecution execution) {
        return leadUnit(execution);
    }

    /** Art. 53: the execution unit (the lead unit unless the decision names others). */
    public String executionUnit(DelegateExecution execution) {
        return leadUnit(execution);
    }

    /** Art. 56: the unit the decision organ names to do the evaluation (the lead unit by default). */
    public String evaluator(DelegateExecution execution) {
        return leadUnit(execution);
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

    /** Art. 16: the department or township government consulted on the draft (one task each). */
    public String consultedUnit(DelegateExecution execution) {
        return Groups.unit((String) execution.getVariable(DecisionVariables.CONSULTED_UNIT));
    }

    /** Art. 16: a county leader (the government's members) coordinating a disagreement between units. */
    public String countyLeader(DelegateExecution execution) {
        return Groups.members(decisions.of(execution).organCode());
    }

    private Organ organ(DelegateExecution execution) {
        return directory.organ(decisions.of(execution).organCode());
    }
}
