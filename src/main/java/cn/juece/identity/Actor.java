package cn.juece.identity;

import java.util.List;

/**
 * Who is acting: the person, their unit and roles as shown in the audit trail (Art. 60-63), and their
 * Camunda groups (what candidate groups they may act for).
 */
public record Actor(String id, String name, String unitCode, String unitName, String roles, List<String> groups) {

    public static final String SYSTEM_ID = "system";

    public static Actor system() {
        return new Actor(SYSTEM_ID, "系统", null, null, "系统", List.of());
    }

    public boolean isSystem() {
        return SYSTEM_ID.equals(id);
    }

    public boolean inAnyGroup(java.util.Collection<String> candidateGroups) {
        return candidateGroups.stream().anyMatch(groups::contains);
    }
}
