package cn.juece.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A file whose content is of the kind its name says (uploads are checked by content, issue 15), carrying a text:
 * Office Open XML, OFD and ZIP as a ZIP archive holding the text, PDF as a minimal PDF, anything else as UTF-8 text.
 */
public final class TestFiles {

    private TestFiles() {
    }

    public static byte[] of(String fileName, String text) {
        String ext = fileName.substring(fileName.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "docx", "xlsx", "pptx", "ofd", "zip" -> zip(text);
            case "pdf" -> ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
            default -> text.getBytes(StandardCharsets.UTF_8);
        };
    }

    private static byte[] zip(String text) {
        try (var out = new ByteArrayOutputStream(); var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("content.txt"));
            zip.write(text.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
