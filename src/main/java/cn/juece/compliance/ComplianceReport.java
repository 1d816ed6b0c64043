package cn.juece.compliance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The compliance report of one decision (合规情况报告, issue 16): every requirement of the stage-gate registry and of the
 * statutory periods that applies to the path the matter took, with its status and evidence, computed from the registry,
 * the periods and the dossier's tables at {@code computedAt}.
 *
 * @param draft  the version of the 决策草案 the report was computed against (null when no draft yet)
 * @param counts status code → how many lines have it
 */
public record ComplianceReport(String decisionNumber, String title, String leadUnit, String stage, String status,
                               OffsetDateTime computedAt, DraftRef draft, Map<String, Integer> counts, List<Line> lines) {

    /** Where a requirement stands. */
    public enum Status {
        MET("已满足"), DEVIATION_APPROVED("经批准变通"), NOT_APPLICABLE("不适用"), NOT_YET_DUE("尚未到期"), UNMET("未满足");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** The draft version the report was computed against: the newest 决策草案 its providers gave. */
    public record DraftRef(long versionId, int versionNo, String fileName, String sha256, OffsetDateTime uploadedAt) {

        public String describe() {
            return "《决策草案》第" + versionNo + "版（" + fileName + "，SHA-256 " + sha256 + "）";
        }
    }

    /**
     * One requirement of one step.
     *
     * @param code     the gate's stable code (or the period's code for a period line)
     * @param unit     the unit a per-unit step belongs to (a co-unit's countersignature), else null
     * @param round    the round of the step the line was judged on, null when the step was never opened
     * @param note     why the status is what it is (the ground of a deviation, why not applicable, what is still due)
     */
    public record Line(int no, String stage, String stageLabel, String taskKey, String taskName, String unit, Integer round,
                       String article, String code, String requirement, Status status, String statusLabel, String note,
                       List<Evidence> evidence) {
    }

    /**
     * What shows a requirement met: a material version with its hash, a record (a closed step, an arrangement), a period
     * with its dates, a deviation with its reason and approver.
     *
     * @param kind MATERIAL, RECORD, REASON, PERIOD, DEVIATION or ARRANGEMENT
     */
    public record Evidence(String kind, String kindLabel, String text, Long versionId, Integer versionNo, String sha256,
                           String by, OffsetDateTime at, LocalDate from, LocalDate to) {

        static Evidence of(String kind, String kindLabel, String text) {
            return new Evidence(kind, kindLabel, text, null, null, null, null, null, null, null);
        }
    }
}
