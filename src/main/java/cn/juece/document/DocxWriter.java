package cn.juece.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.LineSpacingRule;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;
import org.springframework.stereotype.Component;

/**
 * Writes an {@link OfficialDocument} as .docx after GB/T 9704-2012, for offices to edit in WPS or Word: A4 with
 * 天头 37 mm, 订口 28 mm (text area 156 × 225 mm), body in 3号仿宋_GB2312 at a fixed 28.95 pt line pitch (22 lines a
 * page), the title in 2号方正小标宋简体, first-level headings in 黑体, second-level in 楷体_GB2312, the issuing organ's
 * mark in red over a red rule, the date four characters from the right, and page numbers "— N —" in the footer.
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

    byte[] write(OfficialDocument doc) {
        XWPFDocument d = new XWPFDocument();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CTSectPr sect = d.getDocument().getBody().isSetSectPr() ? d.getDocument().getBody().getSectPr()
                    : d.getDocument().getBody().addNewSectPr();
            CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
            size.setW(BigInteger.valueOf(11906));
            size.setH(BigInteger.valueOf(16838));
            CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
            mar.setTop(twips(37));
            mar.setBottom(twips(35));
            mar.setLeft(twips(28));
            mar.setRight(twips(26));
            mar.setHeader(twips(15));
            mar.setFooter(twips(28));

            if (doc.organMark() != null) {
                XWPFParagraph p = para(d, ParagraphAlignment.CENTER, 0);
                run(p, doc.organMark(), XIAOBIAOSONG, 30, "E00000");
                XWPFParagraph blank = para(d, ParagraphAlignment.CENTER, 0);
                run(blank, "", FANGSONG, 16, null);
            }
            if (doc.docNumber() != null) {
                XWPFParagraph p = para(d, ParagraphAlignment.CENTER, 0);
                run(p, doc.docNumber(), FANGSONG, 16, null);
                if (doc.organMark() != null) {
                    border(p, "E00000");
                }
            } else if (doc.organMark() != null) {
                border(para(d, ParagraphAlignment.CENTER, 0), "E00000");
            }
            run(para(d, ParagraphAlignment.CENTER, 0), "", FANGSONG, 16, null);
            XWPFParagraph title = para(d, ParagraphAlignment.CENTER, 0);
            title.setSpacingBetween(36, LineSpacingRule.EXACT);
            run(title, doc.title(), XIAOBIAOSONG, 22, null);
            run(para(d, ParagraphAlignment.LEFT, 0), "", FANGSONG, 16, null);
            if (doc.recipient() != null) {
                run(para(d, ParagraphAlignment.LEFT, 0), doc.recipient(), FANGSONG, 16, null);
            }
            for (OfficialDocument.Block b : doc.body()) {
                XWPFParagraph p = para(d, ParagraphAlignment.BOTH, 2);
                switch (b.kind()) {
                    case HEADING1 -> run(p, b.text(), HEITI, 16, null);
                    case HEADING2 -> run(p, b.text(), KAITI, 16, null);
                    case PARAGRAPH -> run(p, b.text(), FANGSONG, 16, null);
                }
            }
            if (doc.signature() != null || doc.date() != null) {
                run(para(d, ParagraphAlignment.LEFT, 0), "", FANGSONG, 16, null);
                if (doc.signature() != null) {
                    XWPFParagraph p = para(d, ParagraphAlignment.RIGHT, 0);
                    p.setIndentationRight(640 * 3);
                    run(p, doc.signature(), FANGSONG, 16, null);
                }
                if (doc.date() != null) {
                    XWPFParagraph p = para(d, ParagraphAlignment.RIGHT, 0);
                    p.setIndentationRight(640 * 2);
                    run(p, doc.date(), FANGSONG, 16, null);
                }
            }
            if (doc.note() != null) {
                run(para(d, ParagraphAlignment.LEFT, 2), "（" + doc.note() + "）", FANGSONG, 16, null);
            }
            if (doc.copyTo() != null) {
                XWPFParagraph p = para(d, ParagraphAlignment.LEFT, 0);
                p.setIndentationLeft(280);
                p.setIndentationRight(280);
                run(p, "抄送：" + doc.copyTo(), FANGSONG, 14, null);
                border(p, "000000");
                CTPPr ppr = p.getCTP().getPPr();
                CTBorder top = ppr.getPBdr().addNewTop();
                top.setVal(STBorder.SINGLE);
                top.setSz(BigInteger.valueOf(6));
                top.setColor("000000");
            }
            XWPFFooter footer = d.createFooter(HeaderFooterType.DEFAULT);
            XWPFParagraph pn = footer.createParagraph();
            pn.setAlignment(ParagraphAlignment.CENTER);
            run(pn, "— ", "宋体", 14, null);
            pn.getCTP().addNewFldSimple().setInstr("PAGE");
            run(pn, " —", "宋体", 14, null);
            d.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("docx generation failed", e);
        } finally {
            // not close(): a package made in memory is written once more on close, into a buffer no one reads (issue 17)
            d.getPackage().revert();
        }
    }

    private static BigInteger twips(double mm) {
        return BigInteger.valueOf(Math.round(mm * TWIPS_PER_MM));
    }

    /** A paragraph at the body's fixed line pitch, with a first-line indent of {@code indentChars} characters. */
    private static XWPFParagraph para(XWPFDocument d, ParagraphAlignment align, int indentChars) {
        XWPFParagraph p = d.createParagraph();
        p.setAlignment(align);
        p.setSpacingBetween(LINE_PITCH, LineSpacingRule.EXACT);
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        if (indentChars > 0) {
            p.setIndentationFirstLine(320 * indentChars);
        }
        return p;
    }

    private static void run(XWPFParagraph p, String text, String font, int points, String color) {
        XWPFRun r = p.createRun();
        r.setText(text);
        r.setFontSize(points);
        r.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
        r.setFontFamily(font, XWPFRun.FontCharRange.ascii);
        r.setFontFamily(font, XWPFRun.FontCharRange.hAnsi);
        if (color != null) {
            r.setColor(color);
        }
    }

    private static void border(XWPFParagraph p, String color) {
        CTPPr ppr = p.getCTP().isSetPPr() ? p.getCTP().getPPr() : p.getCTP().addNewPPr();
        var bdr = ppr.isSetPBdr() ? ppr.getPBdr() : ppr.addNewPBdr();
        CTBorder bottom = bdr.addNewBottom();
        bottom.setVal(STBorder.SINGLE);
        bottom.setSz(BigInteger.valueOf(12));
        bottom.setColor(color);
    }
}
