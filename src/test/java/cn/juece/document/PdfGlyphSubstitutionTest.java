package cn.juece.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.ByteArrayOutputStream;
import java.io.File;

import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The PDF writer's faces have OpenType glyph substitution switched off (issue 17: PDFBox ran the Latin ligature rules
 * over every Chinese line). For the text our documents carry (Chinese, digits, document numbers, Latin words that a
 * ligature rule would touch, hashes) the page's content and the text read back are byte for byte what PDFBox writes
 * with the rules on.
 */
class PdfGlyphSubstitutionTest {

    static final String TEXT = "关于城区集中供热价格调整方案（送审稿）的合法性审查意见书：GX-2026-0001号，第十二条；"
            + "office fluffy affiliate final fi ffl；SHA-256 3fa0b1c9e8d7；2026年11月23日，“决策草案”第3版。";

    @Test
    void switchingOffGlyphSubstitutionWritesTheSamePage() throws Exception {
        assumeThat(new File(PdfFontReuseTest.SONG)).isFile();
        Written with = write(true);
        Written without = write(false);
        assertThat(with.substitutionRules()).as("the face has GSUB rules PDFBox would run").isTrue();
        assertThat(without.content()).isEqualTo(with.content());
        assertThat(without.text()).isEqualTo(with.text()).contains("GX-2026-0001号", "office fluffy affiliate final", "第3版");
    }

    record Written(boolean substitutionRules, String content, String text) {
    }

    private static Written write(boolean gsub) throws Exception {
        try (TrueTypeCollection ttc = new TrueTypeCollection(new File(PdfFontReuseTest.SONG)); PDDocument pdf = new PDDocument()) {
            TrueTypeFont face = ttc.getFontByName("UMingCN");
            face.setEnableGsub(gsub);
            boolean rules = face.getGsubData() != org.apache.fontbox.ttf.model.GsubData.NO_DATA_FOUND;
            PDType0Font font = PDType0Font.load(pdf, face, true);
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(pdf, page, PDPageContentStream.AppendMode.OVERWRITE, false)) {
                cs.beginText();
                cs.setFont(font, 12);
                cs.newLineAtOffset(50, 700);
                cs.showText(TEXT);
                cs.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            try (PDDocument back = Loader.loadPDF(out.toByteArray())) {
                String content = new String(back.getPage(0).getContents().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
                return new Written(rules, content, new PDFTextStripper().getText(back));
            }
        }
    }
}
