package cn.juece.document;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.springframework.stereotype.Component;

/**
 * Lays out an {@link OfficialDocument} as PDF after GB/T 9704-2012: A4; 天头 37 mm, 订口 28 mm, text area
 * 156 mm × 225 mm; body 3号 (16 pt), 22 lines a page (line pitch 225 mm / 22); title 2号 (22 pt) centred; the
 * issuing organ's mark in red with the red separator; the date four characters from the right with the signature
 * centred above it; page numbers "— 1 —" in 4号 (14 pt) below the text area, right on odd pages and left on even
 * ones. The CJK fonts are embedded as subsets (every font of every page is embedded).
 */
@Component
class PdfWriter {

    static final float MM = 72f / 25.4f;
    static final float TOP = 37 * MM;
    static final float LEFT = 28 * MM;
    static final float WIDTH = 156 * MM;
    static final float HEIGHT = 225 * MM;
    static final float BODY = 16f;
    static final float TITLE = 22f;
    static final float MARK = 30f;
    static final float PAGE_NO = 14f;
    static final float PITCH = HEIGHT / 22f;
    static final Color RED = new Color(0xE0, 0x00, 0x00);
    /** Characters that may not start a line (标点禁则): they hang at the end of the previous one. */
    static final String NO_LINE_START = "，。、；：？！）》」』”’…—,.;:?!)〕】";
    /** Characters that may not end a line: they move to the start of the next one. */
    static final String NO_LINE_END = "（《「『“‘〔【(";

    private final DocumentFonts fonts;

    PdfWriter(DocumentFonts fonts) {
        this.fonts = fonts;
    }

    byte[] write(OfficialDocument doc) {
        DocumentFonts.Faces faces = fonts.borrow();
        boolean done = false;
        try (PDDocument pdf = new PDDocument()) {
            PDFont songFont = PDType0Font.load(pdf, faces.song().font(), true);
            PDFont kaiFont = PDType0Font.load(pdf, faces.kai().font(), true);
            PDDocumentInformation info = pdf.getDocumentInformation();
            info.setTitle(doc.title());
            info.setCreator("Juece 重大行政决策程序管理系统");
            new Layout(pdf, songFont, kaiFont).write(doc);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            done = true;
            return out.toByteArray();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("PDF generation failed", e);
        } finally {
            if (done) {
                fonts.giveBack(faces);
            } else {
                try {
                    faces.close();
                } catch (Exception ignored) {
                    // the failed writer's font files
                }
            }
        }
    }

    /** One document being laid out, page by page. */
    private static final class Layout {
        private final PDDocument pdf;
        private final PDFont song;
        private final PDFont kai;
        private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
        private final Map<PDFont, Map<Integer, Float>> advances = new HashMap<>();
        private PDPageContentStream cs;
        private float y;
        private int pages;

        Layout(PDDocument pdf, PDFont song, PDFont kai) {
            this.pdf = pdf;
            this.song = song;
            this.kai = kai;
        }

        void write(OfficialDocument doc) throws IOException {
            newPage();
            if (doc.organMark() != null) {
                y -= MARK;
                centred(doc.organMark(), song, MARK, RED);
                y -= PITCH;
            }
            if (doc.docNumber() != null) {
                y -= PITCH * 0.8f;
                centred(doc.docNumber(), song, BODY, Color.BLACK);
            }
            if (doc.organMark() != null || doc.docNumber() != null) {
                y -= 4 * MM;
                rule(doc.organMark() != null ? RED : Color.BLACK, 1.2f);
                y -= PITCH;
            }
            for (String line : wrap(doc.title(), song, TITLE, WIDTH)) {
                y -= TITLE * 1.5f;
                centred(line, song, TITLE, Color.BLACK);
            }
            y -= PITCH * 0.6f;
            if (doc.recipient() != null) {
                paragraph(doc.recipient(), song, 0, Color.BLACK);
            }
            for (OfficialDocument.Block b : doc.body()) {
                switch (b.kind()) {
                    case HEADING1 -> paragraph(b.text(), song, 2, Color.BLACK);
                    case HEADING2 -> paragraph(b.text(), kai, 2, Color.BLACK);
                    case PARAGRAPH -> paragraph(b.text(), song, 2, Color.BLACK);
                }
            }
            if (doc.signature() != null || doc.date() != null) {
                y -= PITCH;
                float dateRight = LEFT + WIDTH - 4 * BODY;
                float dateWidth = doc.date() == null ? 8 * BODY : width(doc.date(), song, BODY);
                if (doc.signature() != null) {
                    for (String line : wrap(doc.signature(), song, BODY, WIDTH)) {
                        nextLine();
                        float w = width(line, song, BODY);
                        float centre = dateRight - dateWidth / 2;
                        text(line, song, BODY, Math.min(LEFT + WIDTH - w, Math.max(LEFT, centre - w / 2)), y, Color.BLACK);
                    }
                }
                if (doc.date() != null) {
                    nextLine();
                    text(doc.date(), song, BODY, dateRight - dateWidth, y, Color.BLACK);
                }
            }
            if (doc.note() != null) {
                paragraph("（" + doc.note() + "）", song, 2, Color.BLACK);
            }
            if (doc.copyTo() != null) {
                y -= PITCH * 0.5f;
                nextLine();
                rule(Color.BLACK, 0.7f);
                paragraph("抄送：" + doc.copyTo(), song, 1, Color.BLACK);
                y -= 6;
                rule(Color.BLACK, 0.7f);
            }
            cs.close();
        }

        private void newPage() throws IOException {
            if (cs != null) {
                cs.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            cs = new PDPageContentStream(pdf, page);
            pages++;
            y = PDRectangle.A4.getHeight() - TOP;
            // Page number: 7 mm below the text area, "— N —", right on odd pages, left on even pages (one character in).
            String no = "— " + pages + " —";
            float w = width(no, song, PAGE_NO);
            float x = pages % 2 == 1 ? LEFT + WIDTH - BODY - w : LEFT + BODY;
            text(no, song, PAGE_NO, x, PDRectangle.A4.getHeight() - TOP - HEIGHT - 7 * MM - PAGE_NO, Color.BLACK);
        }

        private void nextLine() throws IOException {
            y -= PITCH;
            if (y < PDRectangle.A4.getHeight() - TOP - HEIGHT) {
                newPage();
                y -= PITCH;
            }
        }

        /** A paragraph indented by {@code indent} characters on its first line, wrapped to the text area. */
        private void paragraph(String s, PDFont font, int indent, Color color) throws IOException {
            float first = indent * BODY;
            List<String> lines = wrap(s, font, BODY, WIDTH - first, WIDTH);
            for (int i = 0; i < lines.size(); i++) {
                nextLine();
                text(lines.get(i), font, BODY, LEFT + (i == 0 ? first : 0), y, color);
            }
        }

        private void centred(String s, PDFont font, float size, Color color) throws IOException {
            float w = width(s, font, size);
            text(s, font, size, LEFT + Math.max(0, (WIDTH - w) / 2), y, color);
        }

        private void rule(Color color, float thickness) throws IOException {
            cs.setStrokingColor(color);
            cs.setLineWidth(thickness);
            cs.moveTo(LEFT, y);
            cs.lineTo(LEFT + WIDTH, y);
            cs.stroke();
        }

        private void text(String s, PDFont font, float size, float x, float atY, Color color) throws IOException {
            cs.beginText();
            cs.setNonStrokingColor(color);
            cs.setFont(font, size);
            cs.newLineAtOffset(x, atY);
            cs.showText(printable(s, font));
            cs.endText();
        }

        private List<String> wrap(String s, PDFont font, float size, float width) throws IOException {
            return wrap(s, font, size, width, width);
        }

        /** Wraps by character (CJK text), letting closing punctuation hang rather than start a line. */
        private List<String> wrap(String s, PDFont font, float size, float firstWidth, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float used = 0;
            float limit = firstWidth;
            String text = printable(s, font);
            for (int i = 0; i < text.length(); ) {
                int cp = text.codePointAt(i);
                String ch = new String(Character.toChars(cp));
                float w = advance(font, cp) / 1000f * size;
                if (used + w > limit + 0.01f && line.length() > 0 && NO_LINE_START.indexOf(cp) < 0) {
                    String carried = "";
                    char last = line.charAt(line.length() - 1);
                    if (line.length() > 1 && NO_LINE_END.indexOf(last) >= 0) {
                        carried = String.valueOf(last);
                        line.setLength(line.length() - 1);
                    }
                    lines.add(line.toString());
                    line.setLength(0);
                    line.append(carried);
                    used = carried.isEmpty() ? 0 : font.getStringWidth(carried) / 1000f * size;
                    limit = width;
                }
                line.append(ch);
                used += w;
                i += Character.charCount(cp);
            }
            if (line.length() > 0 || lines.isEmpty()) {
                lines.add(line.toString());
            }
            return lines;
        }

        /**
         * A character's advance width in the font's units, asked of the font once per character and document (issue 17:
         * encoding each character of each line anew was most of a long document's layout).
         */
        private float advance(PDFont font, int cp) throws IOException {
            Map<Integer, Float> known = advances.computeIfAbsent(font, f -> new HashMap<>());
            Float w = known.get(cp);
            if (w == null) {
                w = font.getStringWidth(new String(Character.toChars(cp)));
                known.put(cp, w);
            }
            return w;
        }

        private float width(String s, PDFont font, float size) throws IOException {
            return font.getStringWidth(printable(s, font)) / 1000f * size;
        }

        /** Characters the font lacks are shown as 〓 (the customary mark for a missing character). */
        private String printable(String s, PDFont font) {
            Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
            StringBuilder b = new StringBuilder();
            s.codePoints().forEach(cp -> {
                if (cp < 0x20) {
                    return;
                }
                boolean ok = known.computeIfAbsent(cp, c -> {
                    try {
                        font.encode(new String(Character.toChars(c)));
                        return font.getStringWidth(new String(Character.toChars(c))) > 0 || c == ' ';
                    } catch (Exception e) {
                        return false;
                    }
                });
                b.appendCodePoint(ok ? cp : '〓');
            });
            return b.toString();
        }
    }
}
