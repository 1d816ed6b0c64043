package cn.juece.drafting;

import java.time.OffsetDateTime;

/** Whether a procedure is required for a decision, and why not when it is not. */
public record Arrangement(long decisionId, Procedure procedure, boolean required, String reason, String recordedBy,
                          OffsetDateTime recordedAt) {
}
