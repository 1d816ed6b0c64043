package cn.juece.support;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a file is, judged by its first bytes rather than by the name or the Content-Type its sender gave it (issue 15,
 * strict upload checks): each extension we accept names the signatures its content must start with, and the type we
 * store and serve is the extension's, never the sender's header. Text must be text (UTF-8 or GB18030, no NUL); no
 * upload may be a program or a web page, whatever its name.
 */
public final class FileKinds {

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] ZIP_EMPTY = {'P', 'K', 5, 6};
    private static final byte[] OLE = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] GIF = {'G', 'I', 'F', '8'};
    private static final byte[] BMP = {'B', 'M'};
    private static final byte[] TIFF_LE = {'I', 'I', 42, 0};
    private static final byte[] TIFF_BE = {'M', 'M', 0, 42};
    private static final byte[] RAR = {'R', 'a', 'r', '!', 0x1A, 0x07};
    private static final byte[] SEVEN_Z = {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C};
    private static final byte[] RTF = {'{', '\\', 'r', 't', 'f'};
    private static final byte[] RIFF = {'R', 'I', 'F', 'F'};
    private static final byte[] ID3 = {'I', 'D', '3'};
    private static final byte[] MPEG_AUDIO = {(byte) 0xFF, (byte) 0xFB};

    /** Extension → (MIME type we serve, signatures its content may start with; none: text). */
    private static final Map<String, Kind> KINDS = Map.ofEntries(
            Map.entry("pdf", new Kind("application/pdf", List.of(PDF))),
            Map.entry("ofd", new Kind("application/ofd", List.of(ZIP))),
            Map.entry("docx", new Kind("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of(ZIP))),
            Map.entry("xlsx", new Kind("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of(ZIP))),
            Map.entry("pptx", new Kind("application/vnd.openxmlformats-officedocument.presentationml.presentation", List.of(ZIP))),
            Map.entry("doc", new Kind("application/msword", List.of(OLE))),
            Map.entry("xls", new Kind("application/vnd.ms-excel", List.of(OLE))),
            Map.entry("ppt", new Kind("application/vnd.ms-powerpoint", List.of(OLE))),
            // WPS Office saves in the older binary format or as Office Open XML
            Map.entry("wps", new Kind("application/vnd.ms-works", List.of(OLE, ZIP))),
            Map.entry("et", new Kind("application/vnd.ms-excel", List.of(OLE, ZIP))),
            Map.entry("dps", new Kind("application/vnd.ms-powerpoint", List.of(OLE, ZIP))),
            Map.entry("zip", new Kind("application/zip", List.of(ZIP, ZIP_EMPTY))),
            Map.entry("rar", new Kind("application/vnd.rar", List.of(RAR))),
            Map.entry("7z", new Kind("application/x-7z-compressed", List.of(SEVEN_Z))),
            Map.entry("jpg", new Kind("image/jpeg", List.of(JPEG))),
            Map.entry("jpeg", new Kind("image/jpeg", List.of(JPEG))),
            Map.entry("png", new Kind("image/png", List.of(PNG))),
            Map.entry("gif", new Kind("image/gif", List.of(GIF))),
            Map.entry("bmp", new Kind("image/bmp", List.of(BMP))),
            Map.entry("tif", new Kind("image/tiff", List.of(TIFF_LE, TIFF_BE))),
            Map.entry("tiff", new Kind("image/tiff", List.of(TIFF_LE, TIFF_BE))),
            Map.entry("rtf", new Kind("application/rtf", List.of(RTF))),
            Map.entry("wav", new Kind("audio/wav", List.of(RIFF))),
            Map.entry("mp3", new Kind("audio/mpeg", List.of(ID3, MPEG_AUDIO))),
            Map.entry("mp4", new Kind("video/mp4", List.of())),
            Map.entry("txt", new Kind("text/plain;charset=UTF-8", List.of())),
            Map.entry("csv", new Kind("text/csv;charset=UTF-8", List.of())));

    /** Starts of programs and web pages, refused under any name. */
    private static final List<byte[]> NEVER = List.of(new byte[] {'M', 'Z'}, new byte[] {0x7F, 'E', 'L', 'F'}, new byte[] {'#', '!'},
            new byte[] {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE});
    private static final Set<String> MARKUP = Set.of("<!doctype html", "<html", "<script", "<svg", "<?xml");

    private FileKinds() {
    }

    public static Set<String> extensions() {
        return KINDS.keySet();
    }

    /**
     * The MIME type to store and serve for a file of this (lower-case) extension whose content was checked, or a
     * refusal (400 {@code UPLOAD_CONTENT_MISMATCH}) naming the file.
     */
    public static String check(String name, String extension, byte[] content) {
        Kind kind = KINDS.get(extension.toLowerCase(Locale.ROOT));
        if (kind == null) {
            throw RuleViolation.badRequest("UPLOAD_TYPE_NOT_ALLOWED", "不支持上传“." + extension + "”类型的文件。");
        }
        boolean program = NEVER.stream().anyMatch(sig -> starts(content, sig)) || markup(content);
        boolean ok;
        if (extension.equals("mp4")) {
            ok = content.length > 8 && content[4] == 'f' && content[5] == 't' && content[6] == 'y' && content[7] == 'p';
        } else if (kind.signatures().isEmpty()) {
            ok = text(content);
        } else {
            ok = kind.signatures().stream().anyMatch(sig -> starts(content, sig));
        }
        if (program || !ok) {
            throw RuleViolation.badRequest("UPLOAD_CONTENT_MISMATCH", "文件“" + name + "”的内容不是“." + extension
                    + "”格式（系统按文件内容而不是文件名判断类型），可能已损坏或被改名。请上传原始文件。");
        }
        return kind.mime();
    }

    /** A file name as we keep it: the last path segment, no control or reserved characters, at most 255 characters. */
    public static String sanitise(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[\\p{Cntrl}<>:\"|?*]", "_").strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        return name;
    }

    private static boolean markup(byte[] content) {
        int skip = starts(content, new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}) ? 3 : 0;
        String head = new String(content, skip, Math.min(content.length - skip, 64), StandardCharsets.ISO_8859_1).stripLeading()
                .toLowerCase(Locale.ROOT);
        return MARKUP.stream().anyMatch(head::startsWith);
    }

    private static boolean text(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        return decodes(content, StandardCharsets.UTF_8) || decodes(content, Charset.forName("GB18030"));
    }

    private static boolean decodes(byte[] content, Charset charset) {
        try {
            charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean starts(byte[] b, byte[] signature) {
        if (b.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (b[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }

    private record Kind(String mime, List<byte[]> signatures) {
    }
}
