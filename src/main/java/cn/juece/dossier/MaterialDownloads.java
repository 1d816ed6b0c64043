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

    /**
     * For staff: a PDF or an image (recognised by its content, never by the name or the type the uploader sent) is
     * shown in the browser (inline, its own safe type, no sniffing); anything else is a download.
     */
    public static ResponseEntity<byte[]> forStaff(MaterialService.Download download) {
        MediaType type = previewable(download.bytes());
        if (type == null) {
            return attachment(download);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(download.version().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-SHA256", download.version().sha256())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'")
                .contentType(type)
                .body(download.bytes());
    }

    /** application/pdf, image/png, image/jpeg or image/gif by the file's first bytes; null for anything else. */
    static MediaType previewable(byte[] b) {
        if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return MediaType.APPLICATION_PDF;
        }
        if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return MediaType.IMAGE_PNG;
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return MediaType.IMAGE_JPEG;
        }
        if (starts(b, 0x47, 0x49, 0x46, 0x38)) {
            return MediaType.IMAGE_GIF;
        }
        return null;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b == null || b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
