package cn.juece.dossier;

import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** One way to hand out a stored version: the staff pages, /api and the portal all use it. */
public final class MaterialDownloads {

    private MaterialDownloads() {
    }

    /** A stored version as a download, with its SHA-256 for the receiver to check. */
    public static ResponseEntity<byte[]> attachment(MaterialService.Download download) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.version().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", download.version().sha256())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .body(download.bytes());
    }
}
