package cn.juece.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The PDF writer parses its two CJK faces once and reuses them (issue 17): a letter written with reused faces has the
 * same text, pages and embedded fonts as one written with freshly parsed faces, also when several are written at once
 * (each writer holds its own pair).
 */
class PdfFontReuseTest {

    static final String SONG = "/usr/share/fonts/truetype/arphic/uming.ttc";
    static final String KAI = "/usr/share/fonts/truetype/arphic/ukai.ttc";

    static OfficialDocument letter(int i) {
        return DocumentLayout.parse("""
                版头：冠县司法局文件
                发文字号：冠司审〔2026〕%d号
                标题：关于城区集中供热价格调整方案的合法性审查意见书
                主送：县发展和改革局：
                正文：
                # 一、审查的基本情况
                ## （一）审查依据
                你局报送的《城区集中供热价格调整方案（送审稿）》及相关材料收悉。第%d次。
                落款：冠县司法局
                日期：2026年11月23日
                """.formatted(i, i));
    }

    static String describe(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            StringBuilder b = new StringBuilder("pages=" + doc.getNumberOfPages() + "\n");
            for (PDPage page : doc.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    var font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).isTrue();
                    // the subset tag (ABCDEF+) depends on the glyphs used only
                    b.append(font.getName()).append('\n');
                }
            }
            return b.append(new PDFTextStripper().getText(doc)).toString();
        }
    }

    @Test
    void reusedFacesWriteTheSameLetterAsFreshOnes() throws Exception {
        assumeThat(new File(SONG)).isFile();
        assumeThat(new File(KAI)).isFile();
        PdfWriter reusing = new PdfWriter(new DocumentFonts(SONG, "UMingCN", KAI, "UKaiCN"));
        reusing.write(letter(7));   // parses the faces and keeps them
        for (int i = 1; i <= 3; i++) {
            String fresh = describe(new PdfWriter(new DocumentFonts(SONG, "UMingCN", KAI, "UKaiCN")).write(letter(i)));
            assertThat(describe(reusing.write(letter(i)))).isEqualTo(fresh).contains("第" + i + "次");
        }
        // four writers at once, each with its own pair
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                int n = 10 + i;
                runs.add(pool.submit((Callable<String>) () -> describe(reusing.write(letter(n)))));
            }
            for (int i = 0; i < 8; i++) {
                assertThat(runs.get(i).get()).contains("第" + (10 + i) + "次", "县发展和改革局");
            }
        } finally {
            pool.shutdown();
        }
    }
}
