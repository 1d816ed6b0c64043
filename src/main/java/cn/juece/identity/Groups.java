package cn.juece.identity;

import java.util.Locale;

/**
 * Camunda group ids, derived from units and roles. Candidate groups of user tasks are these ids, so
 * Tasklist and Camunda authorizations work from the organisation (one group per unit and per role).
 */
public final class Groups {

    /** Every person: may use Tasklist and read the process map. */
    public static final String STAFF = "staff";
    /**
     * Camunda's administrators group: every authorization except those that change a decision's run, which
     * belong to {@link #OPERATOR}.
     */
    public static final String ADMIN = "camunda-admin";
    /** Process-engine operators (流程运维人员): may change a decision's run, with a reason, audited. */
    public static final String OPERATOR = "juece-operator";

    private Groups() {
    }

    public static String unit(String unitCode) {
        return unitCode;
    }

    public static String legalOffice(String unitCode) {
        return unitCode + "-legal";
    }

    public static String unitHead(String unitCode) {
        return unitCode + "-head";
    }

    public static String decisionOrgan(String organCode) {
        return organCode.toLowerCase(Locale.ROOT) + "-organ";
    }

    public static String executiveHead(String organCode) {
        return organCode.toLowerCase(Locale.ROOT) + "-head";
    }

    public static String members(String organCode) {
        return organCode.toLowerCase(Locale.ROOT) + "-members";
    }
}
