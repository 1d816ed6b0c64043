package cn.juece.catalogue;

import java.time.OffsetDateTime;

/** A matter launched outside the catalogue: a request to adjust it (DECISIONS.md 2), with its resolution. */
public record ChangeRequest(long id, String organCode, int year, Long catalogueId, Long decisionId, String reason,
                            Status status, String resolution, OffsetDateTime createdAt, String resolvedBy,
                            OffsetDateTime resolvedAt) {

    public enum Status {
        OPEN("待研究"), CHANGED("已调整目录"), NOT_CHANGED("不调整目录");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
