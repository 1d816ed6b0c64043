package cn.juece.catalogue;

import java.time.OffsetDateTime;

/** A change of a published catalogue with its stated reason; every change is public. */
public record CatalogueChange(long id, long catalogueId, long itemId, ChangeKind kind, String summary, String reason,
                              Long requestId, String changedBy, OffsetDateTime changedAt) {

    public enum ChangeKind {
        ADD("增加事项"), MODIFY("调整事项"), REMOVE("删除事项");

        private final String label;

        ChangeKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
