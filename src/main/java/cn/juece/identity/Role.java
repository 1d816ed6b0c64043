package cn.juece.identity;

/** Roles a person holds besides belonging to a unit; each maps to a Camunda group (see {@link Groups}). */
public enum Role {
    /** 行政首长: decides after collective discussion (Art. 50), may suspend first in an emergency (Art. 55). */
    EXECUTIVE_HEAD("行政首长"),
    /** Acts for the decision organ (决策机关): launch (Art. 11), risk finding, stop/modify (Art. 55), … */
    DECISION_ORGAN("决策机关"),
    /** A member of the government at the executive meeting (常务会议组成人员, Art. 48-50). */
    MEMBER("政府组成人员"),
    /** The head of a unit (单位负责人). */
    HEAD("单位负责人"),
    /** The unit's legal office (法制工作机构): initial legality review (Art. 14). */
    LEGAL("法制工作机构"),
    /** System administrator. */
    ADMIN("系统管理员"),
    /**
     * Operator of the process engine (流程运维人员): the only one who may change a decision's run in Cockpit or
     * the engine REST API (modification, variables, cancellation, migration, messages…), each time with a
     * reason, recorded with the state before and after (operations package).
     */
    OPERATOR("流程运维人员");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
