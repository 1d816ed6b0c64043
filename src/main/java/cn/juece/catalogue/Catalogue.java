package cn.juece.catalogue;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A deciding organ's catalogue of major decision matters for one year (Art. 4). Its key
 * {@code <organ>-<year>-ML} is its process instance's business key.
 */
public record Catalogue(long id, String organCode, int year, CatalogueStatus status, LocalDate partyApprovalDate,
                        String partyApprovalDoc, OffsetDateTime publishedAt, String processInstanceId,
                        String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    public static final String KEY_SUFFIX = "-ML";

    public String key() {
        return key(organCode, year);
    }

    public static String key(String organCode, int year) {
        return organCode + "-" + year + KEY_SUFFIX;
    }

    public boolean published() {
        return status == CatalogueStatus.PUBLISHED;
    }

    public boolean partyApprovalRecorded() {
        return partyApprovalDate != null && partyApprovalDoc != null;
    }
}
