package cn.juece.document;

import java.io.File;
import java.io.IOException;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.juece.support.RuleViolation;

/**
 * The CJK fonts the PDF writer embeds (as subsets) and the font names the .docx asks for. PDFBox embeds only
 * fonts with TrueType outlines: Debian's Noto CJK (fonts-noto-cjk) has CFF outlines, which PDFBox refuses
 * ("True Type fonts using CFF outlines are not supported"), so the defaults are Debian's AR PL UMing and UKai
 * (fonts-arphic-uming, fonts-arphic-ukai: TrueType outlines, the Arphic Public License, which lets them be
 * embedded in documents). Paths and faces are settings ({@code juece.documents.font.*}); a .ttf works too.
 * The .docx names the fonts Chinese offices have (仿宋_GB2312, 方正小标宋简体, 黑体, 楷体_GB2312): WPS and Word
 * use them when the document is opened there.
 */
@Component
public class DocumentFonts {

    private final String songPath;
    private final String songFace;
    private final String kaiPath;
    private final String kaiFace;

    DocumentFonts(@Value("${juece.documents.font.song-path:/usr/share/fonts/truetype/arphic/uming.ttc}") String songPath,
                  @Value("${juece.documents.font.song-face:UMingCN}") String songFace,
                  @Value("${juece.documents.font.kai-path:/usr/share/fonts/truetype/arphic/ukai.ttc}") String kaiPath,
                  @Value("${juece.documents.font.kai-face:UKaiCN}") String kaiFace) {
        this.songPath = songPath;
        this.songFace = songFace;
        this.kaiPath = kaiPath;
        this.kaiFace = kaiFace;
    }

    /** The body and title face (a Song/Ming face standing in for 仿宋 and 小标宋). Close the holder after saving. */
    FontHolder song() {
        return load(songPath, songFace);
    }

    /** The second-level heading face (楷体). */
    FontHolder kai() {
        return load(kaiPath, kaiFace);
    }

    public String songPath() {
        return songPath;
    }

    /** The two faces a PDF is written with, parsed once and reused (issue 17), one writer at a time. */
    record Faces(FontHolder song, FontHolder kai) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            try (song; kai) {
                // both closed
            }
        }
    }

    /** Parsed faces not in use now (a font is read lazily from its file, so one writer holds a pair at a time). */
    private final java.util.concurrent.ConcurrentLinkedDeque<Faces> idle = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private static final int KEEP = 4;

    /**
     * A pair of parsed faces for one PDF (issue 17: opening the collection files and parsing the faces for every
     * document was most of a generated letter's cost): an idle pair, or one parsed now. Give it back with
     * {@link #giveBack} when the PDF is saved, or close it when writing failed.
     */
    Faces borrow() {
        Faces f = idle.pollFirst();
        return f != null ? f : new Faces(song(), kai());
    }

    void giveBack(Faces f) {
        if (idle.size() < KEEP) {
            idle.addFirst(f);
        } else {
            closeQuietly(f);
        }
    }

    @jakarta.annotation.PreDestroy
    void closeAll() {
        for (Faces f; (f = idle.pollFirst()) != null; ) {
            closeQuietly(f);
        }
    }

    private static void closeQuietly(Faces f) {
        try {
            f.close();
        } catch (Exception ignored) {
            // a font file handle: nothing to do
        }
    }

    /** A loaded font and what must stay open while the PDF is written. */
    record FontHolder(TrueTypeFont font, AutoCloseable source) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            source.close();
        }
    }

    /**
     * The face without OpenType glyph substitution: PDFBox 3 otherwise runs the font's GSUB rules over every string it
     * shows, and for a CJK face takes the Latin ones (ligatures), which leave Chinese text as it is; tokenizing each
     * line for them was a fifth of writing a PDF (issue 17). Text is then encoded through the character map alone, as
     * for a font without such rules ({@code PdfFontReuseTest} checks the text read back).
     */
    private static TrueTypeFont plain(TrueTypeFont font) {
        font.setEnableGsub(false);
        return font;
    }

    private static FontHolder load(String path, String face) {
        File file = new File(path);
        if (!file.isFile()) {
            throw new RuleViolation(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "DOCUMENT_FONT_MISSING",
                    "生成PDF所需的中文字体文件不存在：" + path + "。请系统管理员安装 Debian 软件包 fonts-arphic-uming 和 "
                            + "fonts-arphic-ukai，或在 juece.documents.font.* 中指定可嵌入的 TrueType 中文字体。");
        }
        try {
            if (path.toLowerCase().endsWith(".ttc")) {
                TrueTypeCollection ttc = new TrueTypeCollection(file);
                TrueTypeFont font = ttc.getFontByName(face);
                if (font == null) {
                    ttc.close();
                    throw new RuleViolation(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "DOCUMENT_FONT_MISSING",
                            "字体文件 " + path + " 中没有字形 " + face + "。请检查 juece.documents.font.* 设置。");
                }
                return new FontHolder(plain(font), ttc);
            }
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(file));
            return new FontHolder(plain(font), font);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read font " + path, e);
        }
    }
}
