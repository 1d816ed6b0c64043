package cn.juece.portal;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;

/**
 * A citizen attaches a file to a comment on the portal (issue 6: "attachments limited and checked"): a PDF
 * is kept with the comment, shown to staff only and named in the export and the receipt lookup; a file
 * that is not PDF, JPEG or PNG by its content, or one over the limit, is refused in Chinese and the typed
 * comment is kept in the form, nothing stored.
 */
class CommentAttachmentTest extends IntegrationTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Test
    void aPdfIsKeptWithTheCommentAndOtherFilesAreRefused() {
        var d = driver();
        String n = d.create("县城区停车收费标准调整方案（附件意见）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        long id = d.as(LEAD).post("/api/decisions/" + n + "/consultations", Map.of("noticeText", "请提出意见，可附材料。",
                "channels", List.of("冠县发布"), "closesOn", LocalDate.now(AppClock.ZONE).plusDays(35).toString())).getBody().get("id").asLong();
        String page = "/public/consultations/" + id;
        String action = page + "/opinions";
        Visitor citizen = new Visitor(port, "203.0.113.91");
        assertThat(citizen.get(page).body()).contains("enctype=\"multipart/form-data\"", "PDF、JPG或PNG，不超过10MB");

        // a program disguised as a PDF: refused by its content, the text stays in the form
        byte[] exe = "MZ\u0090\u0000 this is not a pdf".getBytes(StandardCharsets.ISO_8859_1);
        var disguised = citizen.submitWithFile(page, action, Map.of("content", "附上停车位调查表"), "attachment", "调查表.pdf", exe);
        assertThat(disguised.statusCode()).isEqualTo(400);
        assertThat(disguised.body()).contains("附件仅限PDF、JPG或PNG格式的文件", "附上停车位调查表");
        // over the limit (10 MB)
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        var tooBig = citizen.submitWithFile(page, action, Map.of("content", "附上扫描件"), "attachment", "扫描件.pdf", big);
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("附件不能超过10MB");
        assertThat(d.as(LEAD).get("/api/consultations/" + id + "/opinions").getBody().size()).as("nothing stored").isZero();

        // a real PDF: a receipt; the lookup names the file; the public page never offers it
        var ok = citizen.submitWithFile(page, action, Map.of("content", "附上停车位调查表，请参考。", "authorName", "赵六"),
                "attachment", "停车位调查表.pdf", PDF);
        assertThat(ok.statusCode()).isEqualTo(200);
        Matcher m = Pattern.compile("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}").matcher(ok.body());
        assertThat(m.find()).as(ok.body()).isTrue();
        String receipt = m.group();
        assertThat(citizen.get("/public/consultations/lookup?receipt=" + receipt).body()).contains("停车位调查表.pdf（已收到）");

        // staff download the same bytes; the export names the file
        long opinionId = d.as(LEAD).get("/api/consultations/" + id + "/opinions").getBody().get(0).get("id").asLong();
        byte[] downloaded = d.as(LEAD).raw().get().uri("/api/opinions/" + opinionId + "/attachment").retrieve().body(byte[].class);
        assertThat(downloaded).isEqualTo(PDF);
        String csv = new String(d.as(LEAD).raw().get().uri("/api/consultations/" + id + "/export.csv").retrieve().body(byte[].class),
                StandardCharsets.UTF_8);
        assertThat(csv).contains("\"附件\"", "停车位调查表.pdf");
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("附件：停车位调查表.pdf，SHA-256 "));
        // the public cannot fetch it
        assertThat(new Visitor(port, "203.0.113.92").get("/api/opinions/" + opinionId + "/attachment").statusCode()).isIn(401, 302);
    }
}
