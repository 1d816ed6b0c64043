package cn.juece.document;

import static cn.juece.LifecycleDriver.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;

/**
 * Issue 13, the documents: the opinion letter and the minutes generated from the records as .docx and PDF, the
 * Chinese text in both (POI, PDFBox), every font of every page embedded, GB/T 9704's A4; PDFs shown inline to
 * staff; an edited .docx uploaded becomes the next version; templates only administrators change, each change a
 * version the next document uses. The first page of each PDF is rendered to target/documents/*.png to look at.
 */
class DocumentsTest extends IntegrationTest {

    static final Path OUT = Path.of("target", "documents");

    byte[] bytes(String user, String number, long versionId) {
        ResponseEntity<byte[]> r = as(user).raw().get().uri("/api/decisions/" + number + "/materials/versions/" + versionId)
                .retrieve().toEntity(byte[].class);
        assertThat(r.getStatusCode().value()).isEqualTo(200);
        return r.getBody();
    }

    static String docxText(byte[] docx) throws Exception {
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(docx)); XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            return x.getText();
        }
    }

    /** The PDF's text, after checking every font of every page is embedded and the page is A4; page 1 as PNG. */
    static String pdfText(byte[] pdf, String png) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            for (PDPage page : doc.getPages()) {
                assertThat(page.getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
                assertThat(page.getMediaBox().getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as("font " + font.getName() + " is embedded").isTrue();
                }
            }
            Files.createDirectories(OUT);
            Files.write(OUT.resolve(png.replace(".png", ".pdf")), pdf);
            ImageIO.write(new PDFRenderer(doc).renderImageWithDPI(0, 80), "png", OUT.resolve(png).toFile());
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void theOpinionLetterAndTheMinutesAreWordAndPdfWithTheirChineseTextAndEmbeddedFonts() throws Exception {
        LifecycleDriver d = driver();
        String n = d.create("城区集中供热价格调整方案（公文）");
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, false);
        d.submitForLegality(n);
        d.recordReview(n, "PROVISIONS_ILLEGAL");
        as(JUSTICE).put("/api/decisions/" + n + "/legality/review", Map.of("letterNumber", "冠司审〔2026〕3号"));
        JsonNode letter = d.issueLetter(n);

        String word = docxText(bytes(JUSTICE, n, letter.get("docxVersionId").asLong()));
        assertThat(word).contains("冠县司法局", "冠司审〔2026〕3号", "关于《城区集中供热价格调整方案（公文）》的合法性审查意见书",
                "县发展和改革局：", "一、审查的基本情况", "赵律师", "钱律师", "二、合法性审查结论", "部分具体规定不合法",
                "第八条设定的收费标准缺乏上位法依据", "删除第八条", "第四十七条");
        // staff see the PDF in the browser: inline, its own type, no sniffing
        var pdfAnswer = as(JUSTICE).raw().get().uri("/api/decisions/" + n + "/materials/versions/" + letter.get("pdfVersionId").asLong())
                .retrieve().toEntity(byte[].class);
        assertThat(pdfAnswer.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        assertThat(pdfAnswer.getHeaders().getFirst("Content-Disposition")).startsWith("inline");
        assertThat(pdfAnswer.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        String pdf = pdfText(pdfAnswer.getBody(), "legality-opinion.png");
        assertThat(pdf.replaceAll("\\s", "")).contains("冠县司法局", "冠司审〔2026〕3号", "合法性审查意见书", "审查的基本情况",
                "第八条设定的收费标准缺乏上位法依据", "—1—");
        // a .docx is a download, never shown inline
        var docxAnswer = as(JUSTICE).raw().get().uri("/api/decisions/" + n + "/materials/versions/" + letter.get("docxVersionId").asLong())
                .retrieve().toEntity(byte[].class);
        assertThat(docxAnswer.getHeaders().getFirst("Content-Disposition")).startsWith("attachment");

        // the office edits the .docx in WPS and uploads it: the next version of the same material
        var edited = as(JUSTICE).raw().post().uri("/api/decisions/" + n + "/materials")
                .contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA).body(multipart("LEGALITY_OPINION", "合法性审查意见书",
                        "合法性审查意见书-修改.docx", bytes(JUSTICE, n, letter.get("docxVersionId").asLong())))
                .retrieve().toEntity(JsonNode.class);
        assertThat(edited.getStatusCode().value()).as(String.valueOf(edited.getBody())).isEqualTo(201);
        assertThat(edited.getBody().get("versionNo").asInt()).isEqualTo(2);

        // the minutes of the meeting that decided it
        var legalityView = as(JUSTICE).get("/api/decisions/" + n + "/legality").getBody();
        assertThat(legalityView.get("letters").size()).isEqualTo(1);
        d.as(JUSTICE_HEAD).post("/api/decisions/" + n + "/legality/opinion-letter/sign-off", Map.of());
        d.waitForMinimum(n, "legality-review");
        d.complete(JUSTICE, n, "legality-review", "sfj", "PROVISIONS_ILLEGAL", "第八条缺乏依据");
        long suggestion = as(LEAD).get("/api/decisions/" + n + "/legality").getBody().get("latestSuggestions").get(0).get("id").asLong();
        as(LEAD).put("/api/decisions/" + n + "/legality/suggestions/" + suggestion + "/adoption", Map.of("adoption", "NOT_ADOPTED",
                "explanation", "收费标准已经县发展改革局成本监审，依据充分"));
        d.upload(LEAD, n, "REVISION_EXPLANATION");
        d.complete(LEAD, n, "legality-revise", "fgj", "REVISED", null);
        d.submitForMeeting(n);
        long[] discussed = d.discuss(n, "REJECTED");
        JsonNode minutes = d.minutes(discussed[0], discussed[1]);
        String minutesWord = docxText(bytes(OFFICE, n, minutes.get("docxVersionId").asLong()));
        assertThat(minutesWord).contains("纪要", "一、决策承办单位作决策草案说明", "二、冠县司法局作合法性审查情况说明",
                "收费标准已经县发展改革局成本监审，依据充分", "李明华：不同意", "赵文静：不同意", "钱志强：同意",
                "同意1人，不同意2人，弃权0人", "张建国在集体讨论的基础上作出决定：不同意");
        String minutesPdf = pdfText(bytes(OFFICE, n, minutes.get("pdfVersionId").asLong()), "meeting-minutes.png");
        assertThat(minutesPdf.replaceAll("\\s", "")).contains("李明华：不同意", "张建国在集体讨论的基础上作出决定：不同意");
    }

    @Test
    void onlyAdministratorsChangeATemplateEachChangeAVersionTheNextDocumentUses() throws Exception {
        var refused = as(JUSTICE).put("/api/document-templates/LEGALITY_OPINION", Map.of("body", "标题：x\n正文：\ny"));
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("TEMPLATE_NOT_ADMIN");
        var broken = as("admin").put("/api/document-templates/LEGALITY_OPINION", Map.of("body", "标题：{{#x}}没有结束\n正文：\n"));
        assertThat(broken.getBody().get("code").asText()).isEqualTo("TEMPLATE_INVALID");
        var noTitle = as("admin").put("/api/document-templates/LEGALITY_OPINION", Map.of("body", "正文：\n只有正文"));
        assertThat(noTitle.getBody().get("message").asText()).contains("缺少“标题：”");

        String before = as("admin").get("/api/document-templates/LEGALITY_OPINION").getBody().get("body").asText();
        int version = as("admin").get("/api/document-templates/LEGALITY_OPINION").getBody().get("version").asInt();
        var changed = as("admin").put("/api/document-templates/LEGALITY_OPINION",
                Map.of("body", before.replace("现将审查意见函告如下。", "现将审查意见函告如下，请认真研究办理。")));
        assertThat(changed.getStatusCode().value()).as(String.valueOf(changed.getBody())).isEqualTo(200);
        assertThat(changed.getBody().get("version").asInt()).isEqualTo(version + 1);
        try {
            LifecycleDriver d = driver();
            String n = d.create("城区污水处理费调整方案（模板）");
            d.study(n);
            d.launch(n);
            d.draft(n, false, false, false);
            d.submitForLegality(n);
            d.recordReview(n, "PASSED");
            JsonNode letter = d.issueLetter(n);
            assertThat(letter.get("templateVersion").asInt()).isEqualTo(version + 1);
            assertThat(docxText(bytes(JUSTICE, n, letter.get("docxVersionId").asLong()))).contains("请认真研究办理");
            assertThat(as(READER).get("/api/decisions/" + n + "/audit").getBody().toString()).contains("DOCUMENT_GENERATED", "模板第" + (version + 1) + "版");
        } finally {
            as("admin").put("/api/document-templates/LEGALITY_OPINION", Map.of("body", before));
        }
        // the admin page lists the templates and previews one as PDF
        var admin = new cn.juece.support.PageSession(port).signIn("admin", PASSWORD);
        assertThat(admin.get("/admin/templates").body()).contains("合法性审查意见书", "会议纪要", "决策公布公告", "意见收集采纳情况说明");
        var preview = admin.client().send(java.net.http.HttpRequest.newBuilder(admin.uri("/admin/templates/MEETING_MINUTES/preview.pdf")).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(preview.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(pdfText(preview.body(), "template-preview.png").replaceAll("\\s", "")).contains("县政府第15次常务会议纪要");
    }

    static org.springframework.util.MultiValueMap<String, Object> multipart(String type, String title, String fileName, byte[] content) {
        var parts = new org.springframework.util.LinkedMultiValueMap<String, Object>();
        parts.add("type", type);
        parts.add("title", title);
        parts.add("file", new org.springframework.core.io.ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return parts;
    }
}
