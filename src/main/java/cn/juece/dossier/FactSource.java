package cn.juece.dossier;

import java.util.List;

import cn.juece.decision.Decision;

/**
 * A feature's facts of one decision, read from its own tables (DECISIONS.md 25). The dossier page and
 * {@code GET /api/decisions/{number}/facts} list what every source gives, without knowing the features: a
 * later stage adds its facts by adding a source.
 */
public interface FactSource {

    List<DossierFact> facts(Decision decision);
}
