package cn.juece.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

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

    /**
     * The groups of a person of this unit (may be null for organ-wide roles only) with these roles, in this organ:
     * the unit's group, then one group per role. Not {@link #STAFF}, which everyone has. The seeder (people of
     * config/organisation.yaml) and the directory sync (people of an LDAP directory) both ask here, so a person gets
     * the same groups whichever source they come from.
     *
     * @throws IllegalArgumentException for a unit's role (head, legal office) without a unit
     */
    public static Set<String> of(String organCode, String unitCode, Collection<Role> roles) {
        Set<String> groups = new LinkedHashSet<>();
        if (unitCode != null) {
            groups.add(unit(unitCode));
        }
        for (Role role : roles) {
            if ((role == Role.HEAD || role == Role.LEGAL) && unitCode == null) {
                throw new IllegalArgumentException("role " + role + " needs a unit");
            }
            groups.add(switch (role) {
                case EXECUTIVE_HEAD -> executiveHead(organCode);
                case DECISION_ORGAN -> decisionOrgan(organCode);
                case MEMBER -> members(organCode);
                case HEAD -> unitHead(unitCode);
                case LEGAL -> legalOffice(unitCode);
                case ADMIN -> ADMIN;
                case OPERATOR -> OPERATOR;
            });
        }
        return groups;
    }
}
