package cn.juece.catalogue;

import java.util.List;

/**
 * A catalogue item as entered by the justice bureau. {@code reason} is required for any change after
 * publication (it is published with the change); {@code requestId} ties the change to a change request.
 */
public record ItemForm(String name, String leadUnit, List<String> coUnits, String legalBasis, String plannedTime,
                       Boolean hearingPlanned, Boolean enterpriseRelated, String reason, Long requestId) {
}
