package cn.juece.dossier;

import java.time.OffsetDateTime;

/** One stored version of a material: its file, SHA-256 and who uploaded it when. */
public record MaterialVersion(long id, long materialId, int versionNo, String fileName, String contentType,
                              long sizeBytes, String sha256, String note, String uploadedBy, OffsetDateTime uploadedAt) {
}
