package cn.juece.drafting;

import java.time.OffsetDateTime;

/**
 * Whether a procedure is required for a decision, and, when it is not, the ground the article names and why.
 *
 * @param ground the code of the chosen {@link Procedure.Ground} (null when required, or recorded before grounds)
 */
public record Arrangement(long decisionId, Procedure procedure, boolean required, String ground, String reason,
                          String recordedBy, OffsetDateTime recordedAt) {

    /** The ground's Chinese label, or null. */
    @com.fasterxml.jackson.annotation.JsonProperty("groundLabel")
    public String groundLabel() {
        Procedure.Ground g = ground == null ? null : procedure.ground(ground);
        return g == null ? null : g.label();
    }
}
