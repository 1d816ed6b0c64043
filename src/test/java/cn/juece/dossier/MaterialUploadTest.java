package cn.juece.dossier;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.juece.IntegrationTest;

/** Materials keep every version with its SHA-256 and uploader; bad uploads are refused and leave nothing. */
class MaterialUploadTest extends IntegrationTest {

    @Autowired
    MaterialService materials;

    @Test
    void aNewVersionNeverOverwritesTheOldOne() throws Exception {
        var d = driver();
        String n = d.create("县城老旧小区改造提升三年行动方案");
        byte[] v1 = cn.juece.support.TestFiles.of(".docx", "第一稿");
        byte[] v2 = cn.juece.support.TestFiles.of(".ofd", "第二稿（修改第五条）");
        var r1 = d.as(LEAD).upload(n, "DRAFT", "方案（草案）.docx", v1);
        var r2 = d.as(LEAD).upload(n, "DRAFT", "方案（草案）第二稿.ofd", v2);
        assertThat(r1.getStatusCode().value()).isEqualTo(201);
        assertThat(r1.getBody().get("versionNo").asInt()).isEqualTo(1);
        assertThat(r2.getBody().get("versionNo").asInt()).isEqualTo(2);
        assertThat(r2.getBody().get("sha256").asText())
                .isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(v2)));
        assertThat(r2.getBody().get("uploadedBy").asText()).isEqualTo(LEAD);

        var list = d.as(LEAD).get("/api/decisions/" + n + "/materials").getBody();
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("versions")).hasSize(2);
        long firstId = list.get(0).get("versions").get(0).get("id").asLong();
        byte[] first = d.as(LEAD).raw().get().uri("/api/decisions/{n}/materials/versions/{id}", n, firstId)
                .retrieve().body(byte[].class);
        assertThat(first).isEqualTo(v1);
        assertThat(d.auditDetails(n)).anyMatch(s -> s.startsWith("上传材料《决策草案》第2版"));
    }

    @Test
    void emptyOversizeAndForbiddenUploadsAreRefusedAndLeaveNothing() {
        var d = driver();
        String n = d.create("县城区集贸市场布局调整");
        long versions = materials.countVersions();
        int audit = d.auditActions(n).size();

        var empty = d.as(LEAD).upload(n, "DRAFT", "空文件.docx", new byte[0]);
        assertThat(empty.getStatusCode().value()).isEqualTo(400);
        assertThat(empty.getBody().get("code").asText()).isEqualTo("UPLOAD_EMPTY");
        assertThat(empty.getBody().get("message").asText()).contains("空文件");

        var big = d.as(LEAD).upload(n, "DRAFT", "大文件.pdf", new byte[1024 * 1024 + 1]); // limit set to 1MB in tests
        assertThat(big.getStatusCode().value()).isEqualTo(413);
        assertThat(big.getBody().get("code").asText()).isEqualTo("UPLOAD_TOO_LARGE");
        assertThat(big.getBody().get("message").asText()).contains("超过系统允许的1.0 MB");

        var exe = d.as(LEAD).upload(n, "DRAFT", "setup.exe", new byte[]{1, 2, 3});
        assertThat(exe.getBody().get("code").asText()).isEqualTo("UPLOAD_TYPE_NOT_ALLOWED");

        var badType = d.as(LEAD).upload(n, "NO_SUCH_TYPE", "a.pdf", new byte[]{1});
        assertThat(badType.getBody().get("code").asText()).isEqualTo("MATERIAL_TYPE_INVALID");

        assertThat(materials.countVersions()).isEqualTo(versions);
        assertThat(d.auditActions(n)).hasSize(audit);
    }

    /** Issue 15: the type is judged by the content, the name is cleaned, and the stored type is the extension's. */
    @Test
    void aFileWhoseContentIsNotWhatItsNameSaysIsRefusedAndTheNameIsCleaned() {
        var d = driver();
        String n = d.create("县城区集贸市场布局调整（文件内容检查）");
        long versions = materials.countVersions();
        int audit = d.auditActions(n).size();

        // a program renamed to .pdf, a web page renamed to .txt, text renamed to .docx, binary noise as .txt
        byte[] program = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0};
        byte[] page = "<!DOCTYPE html><html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        for (var bad : java.util.Map.of("决策草案.pdf", program, "说明.txt", page, "方案.docx",
                "只是文字".getBytes(StandardCharsets.UTF_8), "数据.txt", new byte[]{0, 1, 2, (byte) 0xFF}).entrySet()) {
            var r = d.as(LEAD).upload(n, "DRAFT", bad.getKey(), bad.getValue());
            assertThat(r.getStatusCode().value()).as(bad.getKey()).isEqualTo(400);
            assertThat(r.getBody().get("code").asText()).isEqualTo("UPLOAD_CONTENT_MISMATCH");
            assertThat(r.getBody().get("message").asText()).contains("按文件内容而不是文件名判断类型", bad.getKey());
        }
        assertThat(materials.countVersions()).isEqualTo(versions);
        assertThat(d.auditActions(n)).hasSize(audit);

        // the same name with its real content passes; a path and reserved characters are dropped from the name
        var ok = d.as(LEAD).upload(n, "DRAFT", "..\\..\\tmp/草案<终稿>.pdf", cn.juece.support.TestFiles.of(".pdf", "草案"));
        assertThat(ok.getStatusCode().value()).as(String.valueOf(ok.getBody())).isEqualTo(201);
        assertThat(ok.getBody().get("fileName").asText()).isEqualTo("草案_终稿_.pdf");
        assertThat(ok.getBody().get("contentType").asText()).isEqualTo("application/pdf");
        var text = d.as(LEAD).upload(n, "DRAFT", "说明.txt", "起草说明：GB18030 也可".getBytes(java.nio.charset.Charset.forName("GB18030")));
        assertThat(text.getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void anUnknownDecisionIsAClearNotFound() {
        var r = as(LEAD).upload("GX-2099-9999", "DRAFT", "a.pdf", new byte[]{1});
        assertThat(r.getStatusCode().value()).isEqualTo(404);
        assertThat(r.getBody().get("code").asText()).isEqualTo("DECISION_NOT_FOUND");
        assertThat(r.getBody().get("message").asText()).contains("决策事项不存在：GX-2099-9999");
        var get = as(LEAD).get("/api/decisions/GX-2099-9999");
        assertThat(get.getStatusCode().value()).isEqualTo(404);
        assertThat(get.getBody().get("code").asText()).isEqualTo("DECISION_NOT_FOUND");
    }
}
