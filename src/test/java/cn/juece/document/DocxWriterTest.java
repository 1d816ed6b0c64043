package cn.juece.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.util.List;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBorder;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STBorder;

import cn.juece.document.OfficialDocument.Block;
import cn.juece.document.OfficialDocument.Kind;

/**
 * The .docx as Word and WPS read it (issue 17: written directly as WordprocessingML, no longer through POI's object
 * model): read back with POI, every part of the GB/T 9704-2012 layout is where the format puts it, and text a person
 * typed (markup characters, line breaks, control characters, characters outside the BMP) neither breaks the file nor
 * goes missing.
 */
class DocxWriterTest {

    private final DocxWriter writer = new DocxWriter();

    private static OfficialDocument letter(String body) {
        return new OfficialDocument("清泉县司法局文件", "清司审〔2026〕12号", "关于《清泉县老旧小区改造实施办法》的合法性审查意见书",
                "县发展和改革局：", List.of(new Block(Kind.HEADING1, "一、审查依据"), new Block(Kind.HEADING2, "（一）程序"),
                        new Block(Kind.PARAGRAPH, body)),
                "清泉县司法局", "2026年12月3日", "县人民政府办公室", "此件公开发布");
    }

    @Test
    void everyPartOfTheLayoutReadsBack() throws Exception {
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(writer.write(letter("经审查，该草案符合法定权限。"))))) {
            CTSectPr sect = d.getDocument().getBody().getSectPr();
            assertThat(sect.getPgSz().getW()).isEqualTo(BigInteger.valueOf(11906));
            assertThat(sect.getPgSz().getH()).isEqualTo(BigInteger.valueOf(16838));
            // 天头 37 mm, 订口 28 mm, bottom 35 mm, right 26 mm (twentieths of a point)
            assertThat(sect.getPgMar().getTop()).isEqualTo(BigInteger.valueOf(2098));
            assertThat(sect.getPgMar().getLeft()).isEqualTo(BigInteger.valueOf(1587));
            assertThat(sect.getPgMar().getBottom()).isEqualTo(BigInteger.valueOf(1984));
            assertThat(sect.getPgMar().getRight()).isEqualTo(BigInteger.valueOf(1474));

            List<XWPFParagraph> ps = d.getParagraphs();
            assertThat(ps).extracting(XWPFParagraph::getText).containsExactly("清泉县司法局文件", "", "清司审〔2026〕12号", "",
                    "关于《清泉县老旧小区改造实施办法》的合法性审查意见书", "", "县发展和改革局：", "一、审查依据", "（一）程序",
                    "经审查，该草案符合法定权限。", "", "清泉县司法局", "2026年12月3日", "（此件公开发布）", "抄送：县人民政府办公室");

            // the organ's mark in red 方正小标宋简体, over a red rule under the document number
            XWPFRun mark = ps.get(0).getRuns().get(0);
            assertThat(ps.get(0).getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(mark.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("方正小标宋简体");
            assertThat(mark.getFontSizeAsDouble()).isEqualTo(30.0);
            assertThat(mark.getColor()).isEqualTo("E00000");
            CTBorder red = ps.get(2).getCTP().getPPr().getPBdr().getBottom();
            assertThat(red.getVal()).isEqualTo(STBorder.SINGLE);
            assertThat(hex(red.getColor())).isEqualTo("E00000");
            assertThat(ps.get(2).getCTP().getPPr().getPBdr().isSetTop()).isFalse();

            // the title: 2号 (22 pt) at a 36 pt pitch
            assertThat(ps.get(4).getRuns().get(0).getFontSizeAsDouble()).isEqualTo(22.0);
            assertThat(ps.get(4).getSpacingBetween()).isEqualTo(36.0);

            // the body: justified, two characters' first-line indent, 3号 at the fixed 22-lines-a-page pitch
            XWPFParagraph h1 = ps.get(7);
            XWPFParagraph h2 = ps.get(8);
            XWPFParagraph body = ps.get(9);
            assertThat(h1.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("黑体");
            assertThat(h2.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("楷体_GB2312");
            XWPFRun text = body.getRuns().get(0);
            assertThat(text.getFontFamily(XWPFRun.FontCharRange.eastAsia)).isEqualTo("仿宋_GB2312");
            assertThat(text.getFontFamily(XWPFRun.FontCharRange.ascii)).isEqualTo("仿宋_GB2312");
            assertThat(text.getFontFamily(XWPFRun.FontCharRange.hAnsi)).isEqualTo("仿宋_GB2312");
            assertThat(text.getFontSizeAsDouble()).isEqualTo(16.0);
            assertThat(body.getAlignment()).isEqualTo(ParagraphAlignment.BOTH);
            assertThat(body.getIndentationFirstLine()).isEqualTo(640);
            assertThat(body.getCTP().getPPr().getSpacing().getLine()).isEqualTo(BigInteger.valueOf(580));
            assertThat(body.getSpacingBefore()).isZero();
            assertThat(body.getSpacingAfter()).isZero();

            // signature and date on the right, three and two characters' pairs in from the margin
            assertThat(ps.get(11).getAlignment()).isEqualTo(ParagraphAlignment.RIGHT);
            assertThat(ps.get(11).getIndentationRight()).isEqualTo(1920);
            assertThat(ps.get(12).getIndentationRight()).isEqualTo(1280);

            // the copy-to line in 4号 between two black rules
            XWPFParagraph copy = ps.get(14);
            assertThat(copy.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(14.0);
            assertThat(copy.getIndentationLeft()).isEqualTo(280);
            assertThat(copy.getIndentationRight()).isEqualTo(280);
            assertThat(hex(copy.getCTP().getPPr().getPBdr().getTop().getColor())).isEqualTo("000000");
            assertThat(hex(copy.getCTP().getPPr().getPBdr().getBottom().getColor())).isEqualTo("000000");

            // the page number "— N —" in the footer, N a PAGE field
            assertThat(d.getFooterList()).hasSize(1);
            XWPFParagraph pn = d.getFooterList().get(0).getParagraphs().get(0);
            assertThat(pn.getAlignment()).isEqualTo(ParagraphAlignment.CENTER);
            assertThat(pn.getCTP().getFldSimpleArray(0).getInstr()).isEqualTo("PAGE");
            assertThat(pn.getText()).startsWith("— ").endsWith(" —");
            assertThat(d.getHeaderFooterPolicy().getDefaultFooter()).isNotNull();

            assertThat(d.getProperties().getCoreProperties().getTitle()).isEqualTo("关于《清泉县老旧小区改造实施办法》的合法性审查意见书");
        }
    }

    private static String hex(Object color) {
        return java.util.HexFormat.of().withUpperCase().formatHex((byte[]) color);
    }

    @Test
    void typedTextNeitherBreaksTheFileNorGoesMissing() throws Exception {
        String typed = "第一项 & <第二项> \"引号\" 'x'\n第二行\t制表\u0001\u0007\uFFFF\uD800 孤立代理 𠀋字（扩展B）\r\n末行";
        byte[] docx = writer.write(letter(typed));
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            XWPFParagraph body = d.getParagraphs().get(9);
            assertThat(body.getText()).isEqualTo("第一项 & <第二项> \"引号\" 'x'\n第二行\t制表 孤立代理 𠀋字（扩展B）\n末行");
            assertThat(x.getText()).contains("第一项 & <第二项>", "𠀋字");
        }
        OfficialDocument bare = new OfficialDocument(null, null, "会议纪要", null, List.of(), null, null, null, null);
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(writer.write(bare)))) {
            assertThat(d.getParagraphs()).extracting(XWPFParagraph::getText).containsExactly("", "会议纪要", "");
        }
    }

    /** The main document and the footer are valid against the WordprocessingML schema (POI's compiled schema). */
    @Test
    void thePartsAreSchemaValid() throws Exception {
        byte[] docx = writer.write(letter("正文\n第二行"));
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(docx))) {
            int checked = 0;
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                String xml = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                org.apache.xmlbeans.XmlObject part = switch (e.getName()) {
                    case "word/document.xml" -> org.openxmlformats.schemas.wordprocessingml.x2006.main.DocumentDocument.Factory.parse(xml);
                    case "word/footer1.xml" -> org.openxmlformats.schemas.wordprocessingml.x2006.main.FtrDocument.Factory.parse(xml);
                    default -> null;
                };
                if (part != null) {
                    List<org.apache.xmlbeans.XmlError> errors = new java.util.ArrayList<>();
                    boolean valid = part.validate(new org.apache.xmlbeans.XmlOptions().setErrorListener(errors));
                    assertThat(errors).as(e.getName()).isEmpty();
                    assertThat(valid).isTrue();
                    checked++;
                }
            }
            assertThat(checked).isEqualTo(2);
        }
    }

    @Test
    void theSameDocumentIsTheSameBytes() {
        assertThat(writer.write(letter("甲"))).isEqualTo(writer.write(letter("甲")));
        assertThat(writer.write(letter("甲"))).isNotEqualTo(writer.write(letter("乙")));
    }
}
