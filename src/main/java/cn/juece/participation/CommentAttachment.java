package cn.juece.participation;

import cn.juece.support.Hashes;
import cn.juece.support.RuleViolation;

/**
 * A file attached to a comment on the portal: PDF, JPEG or PNG, recognised by its first bytes rather than
 * by the name the sender gave it, and no larger than the configured limit. Kept with the opinion and shown
 * to staff only.
 */
public record CommentAttachment(String fileName, String contentType, byte[] content, String sha256) {

    /** Checks a file as received; null when nothing was attached. */
    static CommentAttachment check(String fileName, byte[] content, long maxBytes) {
        if (content == null || content.length == 0) {
            return null;
        }
        if (content.length > maxBytes) {
            throw RuleViolation.badRequest("ATTACHMENT_TOO_LARGE", "附件不能超过" + (maxBytes / (1024 * 1024))
                    + "MB。较大的材料请通过信函或电子邮件提交，并在意见中注明。");
        }
        String type = sniff(content);
        if (type == null) {
            throw RuleViolation.badRequest("ATTACHMENT_TYPE_NOT_ALLOWED", "附件仅限PDF、JPG或PNG格式的文件。");
        }
        String name = fileName == null || fileName.isBlank() ? "附件" : fileName.replaceAll("^.*[/\\\\]", "").strip();
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return new CommentAttachment(name, type, content, Hashes.sha256(content));
    }

    private static String sniff(byte[] b) {
        if (starts(b, 0x25, 0x50, 0x44, 0x46, 0x2D)) {
            return "application/pdf";               // %PDF-
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        return null;
    }

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** Names the file, never its bytes (logs). */
    @Override
    public String toString() {
        return fileName + " (" + contentType + ", " + content.length + " bytes)";
    }
}
