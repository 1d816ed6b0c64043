package cn.juece.catalogue;

import java.time.OffsetDateTime;
import java.util.List;

/** One matter of the catalogue: what, who leads, on which legal basis, when, hearing, enterprise-related. */
public record CatalogueItem(long id, long catalogueId, int seqNo, String name, String leadUnit, List<String> coUnits,
                            String legalBasis, String plannedTime, boolean hearingPlanned, boolean enterpriseRelated,
                            boolean removed, Long decisionId, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
