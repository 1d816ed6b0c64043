package cn.juece.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.stereotype.Component;

/**
 * Writes an {@link OfficialDocument} as .docx after GB/T 9704-2012, for offices to edit in WPS or Word: A4 with
 * 天头 37 mm, 订口 28 mm (text area 156 × 225 mm), body in 3号仿宋_GB2312 at a fixed 28.95 pt line pitch (22 lines a
 * page), the title in 2号方正小标宋简体, first-level headings in 黑体, second-level in 楷体_GB2312, the issuing organ's
 * mark in red over a red rule, the date four characters from the right, and page numbers "— N —" in the footer.
 *
 * <p>The package is written directly as WordprocessingML (ECMA-376 / ISO/IEC 29500 transitional): the main
 * document, one footer with a PAGE field, the core properties and the relationships, each element's children in the
 * schema's order. It used to be built with Apache POI's XWPF object model, which spent most of a document's time
 * building and serialising XMLBeans trees: about a tenth of the server's time on a step that submits the draft for
 * legality review or to the meeting, where the compliance annex is written (issue 17). The output is deterministic
 * (fixed entry times), so the same document stored twice shares one content row. {@code DocxWriterTest} reads every
 * property back with POI.
 */
@Component
class DocxWriter {

    static final String FANGSONG = "仿宋_GB2312";
    static final String XIAOBIAOSONG = "方正小标宋简体";
    static final String HEITI = "黑体";
    static final String KAITI = "楷体_GB2312";
    /** 1 mm in twentieths of a point. */
    static final double TWIPS_PER_MM = 1440 / 25.4;
    static final double LINE_PITCH = 225 / 22.0 * 72 / 25.4;
    /** One 3号 (16 pt) character in twentieths of a point: indents are counted in characters. */
    static final int CHAR = 320;

    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private static final String R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
    /** 1980-01-01, the earliest time a zip entry holds: no wall-clock time in the bytes. */
    private static final long ENTRY_TIME = 315532800000L;

    private static final String CONTENT_TYPES = XML
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/word/document.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "<Override PartName=\"/word/footer1.xml\" "
            + "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "</Types>";
    private static final String PACKAGE_RELS = XML
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" "
            + "Target=\"word/document.xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" "
            + "Target=\"docProps/core.xml\"/>"
            + "</Relationships>";
    private static final String DOCUMENT_RELS = XML
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer\" "
            + "Target=\"footer1.xml\"/>"
            + "</Relationships>";
    private static final String FOOTER = footer();

    private enum Align {
        LEFT("left"), CENTER("center"), RIGHT("right"), BOTH("both");

        final String value;

        Align(String value) {
            this.value = value;
        }
    }

    byte[] write(OfficialDocument doc) {
        StringBuilder b = new StringBuilder(8192);
        b.append(XML).append("<w:document xmlns:w=\"").append(W).append("\" xmlns:r=\"").append(R).append("\"><w:body>");
        if (doc.organMark() != null) {
            para(b, Align.CENTER, 0, null).run(doc.organMark(), XIAOBIAOSONG, 30, "E00000").end();
            para(b, Align.CENTER, 0, null).run("", FANGSONG, 16, null).end();
        }
        if (doc.docNumber() != null) {
            para(b, Align.CENTER, 0, doc.organMark() != null ? Rules.RED_BELOW : null).run(doc.docNumber(), FANGSONG, 16, null).end();
        } else if (doc.organMark() != null) {
            para(b, Align.CENTER, 0, Rules.RED_BELOW).end();
        }
        para(b, Align.CENTER, 0, null).run("", FANGSONG, 16, null).end();
        new Para(b, Align.CENTER, 0, null, 0, 0, 36).run(doc.title(), XIAOBIAOSONG, 22, null).end();
        para(b, Align.LEFT, 0, null).run("", FANGSONG, 16, null).end();
        if (doc.recipient() != null) {
            para(b, Align.LEFT, 0, null).run(doc.recipient(), FANGSONG, 16, null).end();
        }
        for (OfficialDocument.Block block : doc.body()) {
            String font = switch (block.kind()) {
                case HEADING1 -> HEITI;
                case HEADING2 -> KAITI;
                case PARAGRAPH -> FANGSONG;
            };
            para(b, Align.BOTH, 2, null).run(block.text(), font, 16, null).end();
        }
        if (doc.signature() != null || doc.date() != null) {
            para(b, Align.LEFT, 0, null).run("", FANGSONG, 16, null).end();
            if (doc.signature() != null) {
                new Para(b, Align.RIGHT, 0, null, 0, 2 * CHAR * 3, LINE_PITCH).run(doc.signature(), FANGSONG, 16, null).end();
            }
            if (doc.date() != null) {
                new Para(b, Align.RIGHT, 0, null, 0, 2 * CHAR * 2, LINE_PITCH).run(doc.date(), FANGSONG, 16, null).end();
            }
        }
        if (doc.note() != null) {
            para(b, Align.LEFT, 2, null).run("（" + doc.note() + "）", FANGSONG, 16, null).end();
        }
        if (doc.copyTo() != null) {
            new Para(b, Align.LEFT, 0, Rules.BLACK_ABOVE_AND_BELOW, 280, 280, LINE_PITCH).run("抄送：" + doc.copyTo(), FANGSONG, 14, null).end();
        }
        b.append("<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId1\"/>")
                .append("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>")
                .append("<w:pgMar w:top=\"").append(twips(37)).append("\" w:right=\"").append(twips(26))
                .append("\" w:bottom=\"").append(twips(35)).append("\" w:left=\"").append(twips(28))
                .append("\" w:header=\"").append(twips(15)).append("\" w:footer=\"").append(twips(28)).append("\" w:gutter=\"0\"/>")
                .append("</w:sectPr></w:body></w:document>");

        ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            entry(zip, "[Content_Types].xml", CONTENT_TYPES);
            entry(zip, "_rels/.rels", PACKAGE_RELS);
            entry(zip, "docProps/core.xml", core(doc.title()));
            entry(zip, "word/_rels/document.xml.rels", DOCUMENT_RELS);
            entry(zip, "word/document.xml", b.toString());
            entry(zip, "word/footer1.xml", FOOTER);
        } catch (IOException e) {
            throw new IllegalStateException("docx generation failed", e);
        }
        return out.toByteArray();
    }

    private static void entry(ZipOutputStream zip, String name, String xml) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setTime(ENTRY_TIME);
        zip.putNextEntry(e);
        zip.write(xml.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String core(String title) {
        StringBuilder b = new StringBuilder(XML)
                .append("<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" ")
                .append("xmlns:dc=\"http://purl.org/dc/elements/1.1/\">");
        if (title != null && !title.isEmpty()) {
            b.append("<dc:title>");
            escape(b, title);
            b.append("</dc:title>");
        }
        return b.append("</cp:coreProperties>").toString();
    }

    /** The footer: "— N —" centred in 4号宋体, N a PAGE field Word and WPS fill in. */
    private static String footer() {
        StringBuilder b = new StringBuilder(XML).append("<w:ftr xmlns:w=\"").append(W).append("\" xmlns:r=\"").append(R).append("\">");
        Para p = new Para(b, Align.CENTER, 0, null, 0, 0, 0);
        p.run("— ", "宋体", 14, null);
        b.append("<w:fldSimple w:instr=\"PAGE\"/>");
        p.run(" —", "宋体", 14, null).end();
        return b.append("</w:ftr>").toString();
    }

    private static long twips(double mm) {
        return Math.round(mm * TWIPS_PER_MM);
    }

    /** A paragraph at the body's fixed line pitch, with a first-line indent of {@code indentChars} characters. */
    private static Para para(StringBuilder b, Align align, int indentChars, Rules rules) {
        return new Para(b, align, indentChars * CHAR, rules, 0, 0, LINE_PITCH);
    }

    /** The rules drawn as paragraph borders: red under the document number, black above and below the copy-to line. */
    private enum Rules {
        RED_BELOW("<w:pBdr><w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"E00000\"/></w:pBdr>"),
        BLACK_ABOVE_AND_BELOW("<w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"0\" w:color=\"000000\"/>"
                + "<w:bottom w:val=\"single\" w:sz=\"12\" w:space=\"0\" w:color=\"000000\"/></w:pBdr>");

        final String xml;

        Rules(String xml) {
            this.xml = xml;
        }
    }

    /**
     * One {@code w:p}: its properties in the schema's order (borders, spacing, indentation, justification), then its
     * runs. {@code firstLine}, {@code left} and {@code right} are in twentieths of a point; a {@code pitch} of 0 leaves
     * the line spacing to the application (the footer).
     */
    private static final class Para {
        private final StringBuilder b;

        Para(StringBuilder b, Align align, int firstLine, Rules rules, int left, int right, double pitch) {
            this.b = b;
            b.append("<w:p><w:pPr>");
            if (rules != null) {
                b.append(rules.xml);
            }
            if (pitch > 0) {
                b.append("<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"").append(Math.round(pitch * 20))
                        .append("\" w:lineRule=\"exact\"/>");
            }
            if (firstLine > 0 || left > 0 || right > 0) {
                b.append("<w:ind");
                if (left > 0) {
                    b.append(" w:left=\"").append(left).append('"');
                }
                if (right > 0) {
                    b.append(" w:right=\"").append(right).append('"');
                }
                if (firstLine > 0) {
                    b.append(" w:firstLine=\"").append(firstLine).append('"');
                }
                b.append("/>");
            }
            b.append("<w:jc w:val=\"").append(align.value).append("\"/></w:pPr>");
        }

        /** A run in one face for every script, {@code points} in size, in {@code color} (RRGGBB) or the default. */
        Para run(String text, String font, int points, String color) {
            b.append("<w:r><w:rPr><w:rFonts w:ascii=\"").append(font).append("\" w:hAnsi=\"").append(font)
                    .append("\" w:eastAsia=\"").append(font).append("\"/>");
            if (color != null) {
                b.append("<w:color w:val=\"").append(color).append("\"/>");
            }
            b.append("<w:sz w:val=\"").append(points * 2).append("\"/><w:szCs w:val=\"").append(points * 2).append("\"/></w:rPr>");
            text(b, text);
            b.append("</w:r>");
            return this;
        }

        void end() {
            b.append("</w:p>");
        }
    }

    /**
     * The run's text: a line break in it becomes {@code w:br}, a tab {@code w:tab}; characters XML 1.0 cannot hold
     * (other control characters, lone surrogates, U+FFFE and U+FFFF) are left out, as the PDF leaves out control
     * characters, so text typed or pasted by a person never makes a file Word refuses.
     */
    private static void text(StringBuilder b, String s) {
        b.append("<w:t xml:space=\"preserve\">");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n') {
                b.append("</w:t><w:br/><w:t xml:space=\"preserve\">");
            } else if (c == '\t') {
                b.append("</w:t><w:tab/><w:t xml:space=\"preserve\">");
            } else {
                i = append(b, s, i);
            }
        }
        b.append("</w:t>");
    }

    private static void escape(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            i = append(b, s, i);
        }
    }

    /** Appends the character at {@code i} escaped, or nothing if XML cannot hold it; returns the index of its last char. */
    private static int append(StringBuilder b, String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.append(c).append(s.charAt(i + 1));
            return i + 1;
        }
        if (c >= 0x20 && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF) {
            escapeChar(b, c);
        }
        return i;
    }

    private static void escapeChar(StringBuilder b, char c) {
        switch (c) {
            case '&' -> b.append("&amp;");
            case '<' -> b.append("&lt;");
            case '>' -> b.append("&gt;");
            case '"' -> b.append("&quot;");
            default -> b.append(c);
        }
    }
}
