package cn.juece.deadline;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Time the rule does not count (Art. 42, 44), recorded on a running step (DECISIONS.md 13). */
public record PeriodPause(long id, long stepPeriodId, long decisionId, String pauseKind, LocalDate startOn, LocalDate endOn,
                          String reason, int workingDays, LocalDate endBefore, LocalDate endAfter, String lateNote, String recordedBy,
                          OffsetDateTime recordedAt) {

    public String kindLabel() {
        return PauseKind.valueOf(pauseKind).label();
    }
}
