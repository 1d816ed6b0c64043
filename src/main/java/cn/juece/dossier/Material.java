package cn.juece.dossier;

import java.time.OffsetDateTime;
import java.util.List;

/** A material of the dossier with all its versions, oldest first; a new version never replaces an old one. */
public record Material(long id, long decisionId, MaterialType type, String title, String createdBy,
                       OffsetDateTime createdAt, List<MaterialVersion> versions) {

    public MaterialVersion latest() {
        return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }
}
