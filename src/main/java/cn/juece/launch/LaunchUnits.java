package cn.juece.launch;

import java.time.OffsetDateTime;
import java.util.List;

/** The 承办 units the decision organ named at launch, the lead one first (Art. 12). */
public record LaunchUnits(long decisionId, String leadUnit, List<String> coUnits, String basis, String namedBy,
                          OffsetDateTime namedAt) {
}
