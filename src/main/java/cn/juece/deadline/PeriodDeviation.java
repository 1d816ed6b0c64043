package cn.juece.deadline;

import java.time.OffsetDateTime;

/**
 * A "一般" minimum shortened with a reason approved by the acting unit's head (DECISIONS.md 12).
 *
 * @param periodName the period's Chinese name (统计期限表), as people read it
 */
public record PeriodDeviation(long id, long stepPeriodId, long decisionId, String periodCode, String periodName, String reason,
                              String approvedBy, String approverName, OffsetDateTime approvedAt) {
}
