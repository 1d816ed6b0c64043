package cn.juece.decision;

/**
 * Where a proposal comes from (Art. 11) and so who studies it: a leader's, an NPC deputy's, a CPPCC
 * member's or the public's proposal goes to the competent department; a department's or a lower
 * government's is studied by the proposer itself.
 */
public enum ProposalSource {
    LEADER("决策机关领导人员", false),
    DEPARTMENT("决策机关所属部门", true),
    LOWER_GOVERNMENT("下一级人民政府", true),
    NPC_DEPUTY("人大代表", false),
    CPPCC_MEMBER("政协委员", false),
    PUBLIC("公民、法人或者其他组织", false);

    private final String label;
    private final boolean studiedByProposer;

    ProposalSource(String label, boolean studiedByProposer) {
        this.label = label;
        this.studiedByProposer = studiedByProposer;
    }

    public String label() {
        return label;
    }

    /** Art. 11 (二): the proposing unit organises the study itself. */
    public boolean studiedByProposer() {
        return studiedByProposer;
    }
}
