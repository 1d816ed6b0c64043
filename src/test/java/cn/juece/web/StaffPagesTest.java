package cn.juece.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.juece.IntegrationTest;
import cn.juece.support.PageSession;

/**
 * The staff pages are a full path too: register a proposal, upload a material, and complete a step on the
 * dossier page, with the same rules (and the same Chinese refusals) as /api and Tasklist.
 */
class StaffPagesTest extends IntegrationTest {

    private PageSession page;

    @Test
    void aClerkRegistersUploadsAndCompletesOnThePages() throws Exception {
        page = new PageSession(port).signIn("fgj_wang", PASSWORD);
        String form = get("/decisions/new").body();
        assertThat(form).contains("登记决策事项建议", "第十一条", "县发展和改革局");

        // an incomplete form is refused with the reason, nothing registered
        var empty = post("/decisions", "title=&source=LEADER&leadUnit=fgj&_csrf=" + csrf(form));
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("请填写决策事项名称");

        var created = post("/decisions", "title=" + enc("县城区停车设施专项规划") + "&source=LEADER&proposer=" + enc("李明华")
                + "&leadUnit=fgj&category=ART3_3&_csrf=" + csrf(form));
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        Matcher m = Pattern.compile("/decisions/(GX-\\d{4}-\\d{4})\\?created").matcher(location);
        assertThat(m.find()).as(location).isTrue();
        String n = m.group(1);

        String dossier = get("/decisions/" + n + "?created").body();
        assertThat(dossier).contains("已登记，决策编号为", n, "研究论证决策事项建议", "县发展和改革局", "研究论证报告：", "缺少");
        String taskId = driver().task(n, "proposal-study").get("id").asText();

        // completing without the study (Art. 11): refused on the page, with the rule's message
        var refused = post("/decisions/" + n + "/tasks/" + taskId + "/complete",
                "outcome=IN_SCOPE&reason=&_csrf=" + csrf(dossier), "http://127.0.0.1:" + port + "/decisions/" + n);
        assertThat(refused.statusCode()).isEqualTo(302);
        String shown = get("/decisions/" + n).body();
        assertThat(shown).contains("研究论证情况不完整，尚缺", "STUDY_INCOMPLETE");

        // the study on the page, a report uploaded through the page, then complete
        var study = post("/decisions/" + n + "/study", "problem=" + enc("城区停车难") + "&reasonsBasis=" + enc("城乡规划法")
                + "&preliminaryPlan=" + enc("新建三处停车场") + "&necessity=" + enc("群众反映强烈") + "&feasibility=" + enc("资金已列入预算")
                + "&_csrf=" + csrf(shown), null);
        assertThat(study.statusCode()).isEqualTo(302);
        var upload = multipart("/decisions/" + n + "/materials", csrf(get("/decisions/" + n).body()), "STUDY_REPORT", "研究论证报告.pdf",
                cn.juece.support.TestFiles.of(".pdf", "研究论证报告正文"));
        assertThat(upload.statusCode()).isEqualTo(302);
        String after = get("/decisions/" + n).body();
        assertThat(after).contains("研究论证报告.pdf", "已具备");
        var done = post("/decisions/" + n + "/tasks/" + taskId + "/complete",
                "outcome=IN_SCOPE&reason=" + enc("属于第三条第三项") + "&_csrf=" + csrf(after), null);
        assertThat(done.headers().firstValue("Location").orElse("")).endsWith("/decisions/" + n + "?done");
        assertThat(driver().stage(n)).isEqualTo("LAUNCH");
        assertThat(get("/decisions/" + n).body()).contains("决定是否启动决策程序", "冠县人民政府（决策机关）", "王海涛");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return page.get(path);
    }

    private HttpResponse<String> post(String path, String form) throws Exception {
        return page.post(path, form, null);
    }

    private HttpResponse<String> post(String path, String form, String referer) throws Exception {
        return page.post(path, form, referer);
    }

    private HttpResponse<String> multipart(String path, String csrf, String type, String fileName, byte[] content) throws Exception {
        String boundary = "----juece" + UUID.randomUUID();
        var body = new java.io.ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n"
                + java.net.URLDecoder.decode(csrf, StandardCharsets.UTF_8) + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + type + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return page.client().send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return page.uri(path);
    }

    private static String enc(String v) {
        return PageSession.enc(v);
    }

    private static String csrf(String html) {
        return PageSession.csrf(html);
    }
}
