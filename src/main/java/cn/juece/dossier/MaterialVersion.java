package cn.juece.dossier;

import java.time.OffsetDateTime;

/**
 * One stored version of a material: its file, SHA-256, who uploaded it when, and the group they provided it for
 * (the party the material type names, DECISIONS.md 24; null for versions stored before that was kept).
 */
public record MaterialVersion(long id, long materialId, int versionNo, String fileName, String contentType,
                              long sizeBytes, String sha256, String note, String uploadedBy, OffsetDateTime uploadedAt,
                              String providedFor) {
}
