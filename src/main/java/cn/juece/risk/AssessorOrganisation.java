package cn.juece.risk;

import java.time.OffsetDateTime;

/**
 * Art. 36: a third-party organisation (专业机构、社会组织等第三方机构) a unit may commission to assess the risk of a
 * draft, as the administrators keep it: its unified social credit code, contact, the ties it declares (to the
 * county's units, to interested parties), and whether it is active (only active ones can be commissioned).
 */
public record AssessorOrganisation(long id, String name, String creditCode, Kind kind, String contactPerson,
                                   String contactPhone, String declaredTies, boolean active, String createdBy,
                                   OffsetDateTime createdAt, String updatedBy, OffsetDateTime updatedAt) {

    /** Art. 36 names professional institutions and social organisations among third parties. */
    public enum Kind {
        PROFESSIONAL("专业机构"),
        SOCIAL_ORGANISATION("社会组织"),
        OTHER("其他第三方机构");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The kind's Chinese name (for JSON readers). */
    @com.fasterxml.jackson.annotation.JsonProperty("kindLabel")
    public String kindLabel() {
        return kind.label();
    }
}
