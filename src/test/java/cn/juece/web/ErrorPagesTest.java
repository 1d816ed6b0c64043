package cn.juece.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.juece.IntegrationTest;
import cn.juece.support.PageSession;
import jakarta.servlet.RequestDispatcher;

/**
 * No dead end in English (issue 11): an unknown address, a page the person may not open, a wrong method and a server
 * error give a Chinese page with a way back, in the staff layout or the portal's; /api answers every error with the
 * one shape {code, message}, including paths and methods no handler knows. Never a stack trace or exception text.
 */
class ErrorPagesTest extends IntegrationTest {

    private static final String[] NEVER = {"Whitelabel", "Exception", "at cn.", "cn.juece", "Secret.java",
            "There was an unexpected error", "timestamp"};

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();

    @Autowired
    private ErrorPages errorPages;

    @Test
    void staffPagesErrInChineseInTheStaffLayout() throws Exception {
        var clerk = new PageSession(port).signIn("fgj_wang", PASSWORD);

        var unknown = clerk.get("/no/such/page");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("<h1>未找到</h1>", "您要访问的页面不存在", "返回我的待办", "查看决策事项",
                "重大行政决策程序管理系统", "王海涛").doesNotContain(NEVER);

        // the lead unit's clerk is not a supervisor: a 403 page, and the menu does not offer the page at all
        var forbidden = clerk.get("/supervision");
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("<h1>无权访问</h1>", "监督统计供司法行政部门、政府办公室、决策机关和系统管理员使用（第八条",
                "错误代码：<span>SUPERVISION_FORBIDDEN</span>").doesNotContain("href=\"/supervision\"").doesNotContain(NEVER);
        assertThat(clerk.get("/admin/mail").statusCode()).isEqualTo(403);
        assertThat(clerk.get("/proposals").body()).contains("<h1>无权访问</h1>", "公众决策事项建议由决策机关");

        // a form's address opened in the address bar
        var method = clerk.get("/decisions/GX-2099-0001/study");
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.body()).contains("<h1>请求方式不正确</h1>", "通过页面上的按钮操作").doesNotContain(NEVER);

        // a form posted with an expired token
        var expired = clerk.post("/decisions", "title=x&_csrf=stale", null);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("<h1>页面已过期</h1>", "内容未提交", "CSRF_TOKEN_INVALID").doesNotContain(NEVER);

        var failure = clerk.get("/test-fixture/failure");
        assertThat(failure.statusCode()).isEqualTo(500);
        assertThat(failure.body()).contains("<h1>系统内部错误</h1>", "未保存任何内容", "返回我的待办").doesNotContain(NEVER);

        // a decision that does not exist keeps the same look (DECISIONS.md 23: and one the person may not see)
        var missing = clerk.get("/decisions/GX-2099-0001");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("<h1>未找到</h1>", "决策事项不存在：GX-2099-0001", "DECISION_NOT_FOUND", "返回我的待办");
    }

    @Test
    void anAnonymousVisitorOfAStaffAddressIsSentToSignIn() throws Exception {
        var r = get("/no/such/page", null);
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void portalErrorsKeepThePortalsLookWithoutCodesInBrackets() throws Exception {
        var unknown = get("/public/no/such/page", null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("冠县人民政府", "政务公开 · 重大行政决策", "<h1>未找到</h1>", "返回首页")
                .doesNotContain("我的待办", "退出").doesNotContain(NEVER);

        var refused = get("/public/consultations/987654321", null);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("征求意见不存在", "返回首页").doesNotContain("（CONSULTATION_NOT_FOUND）");

        var method = get("/public/proposals", null);
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.body()).contains("冠县人民政府", "<h1>请求方式不正确</h1>").doesNotContain(NEVER);

        var failure = get("/public/test-fixture/failure", null);
        assertThat(failure.statusCode()).isEqualTo(500);
        assertThat(failure.body()).contains("冠县人民政府", "<h1>系统内部错误</h1>", "返回首页").doesNotContain(NEVER);
    }

    @Test
    void everyApiErrorHasTheOneShape() throws Exception {
        String basic = "Basic " + Base64.getEncoder().encodeToString(("fgj_wang:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertApiError(send("GET", "/api/nope", basic, null, null), 404, "NOT_FOUND");
        assertApiError(send("GET", "/public/api/nope", null, null, null), 404, "NOT_FOUND");
        assertApiError(send("DELETE", "/api/decisions", basic, null, null), 405, "METHOD_NOT_ALLOWED");
        // /api/opinions/{id} names no resource of its own; its moderation is PUT only
        assertApiError(send("DELETE", "/api/opinions/1", basic, null, null), 404, "NOT_FOUND");
        assertApiError(send("DELETE", "/api/opinions/1/moderation", basic, null, null), 405, "METHOD_NOT_ALLOWED");
        assertApiError(send("POST", "/api/decisions", basic, "text/plain", "标题"), 415, "UNSUPPORTED_MEDIA_TYPE");
        assertApiError(send("GET", "/api/opinions/abc/attachment", basic, null, null), 400, "PARAMETER_INVALID");
        assertApiError(send("GET", "/api/decisions", null, null, null), 401, "UNAUTHENTICATED");
        var method = send("DELETE", "/api/decisions", basic, null, null);
        assertThat(json.readTree(method.body()).get("message").asText()).isEqualTo("不支持该请求方法：DELETE。接口说明见 /swagger-ui.html。");
    }

    /** An oversize upload the container refuses before any handler runs: the portal's page, and JSON on /api. */
    @Test
    void anOversizeUploadGetsAChinesePageOrJson() {
        var model = new ExtendedModelMap();
        var request = new MockHttpServletRequest("POST", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 413);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/public/consultations/1/opinions");
        assertThat(errorPages.error(request, new MockHttpServletResponse(), model)).isEqualTo(ErrorPages.PUBLIC_VIEW);
        assertThat(model.get("title")).isEqualTo("上传文件过大");
        assertThat((String) model.get("message")).contains("超过系统允许的大小", "未保存任何内容");

        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, "/api/decisions/GX-2026-0001/materials");
        var answer = (org.springframework.http.ResponseEntity<?>) errorPages.error(request, new MockHttpServletResponse(), new ExtendedModelMap());
        assertThat(answer.getStatusCode().value()).isEqualTo(413);
        assertThat(answer.getBody()).hasToString("ApiError[code=UPLOAD_TOO_LARGE, message=上传文件超过系统允许的最大大小。]");
    }

    private void assertApiError(HttpResponse<String> r, int status, String code) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = json.readTree(r.body());
        List<String> fields = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactlyInAnyOrder("code", "message");
        assertThat(body.get("code").asText()).isEqualTo(code);
        assertThat(body.get("message").asText()).matches(".*[\\u4e00-\\u9fa5].*");
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return send("GET", path, authorization, null, null);
    }

    private HttpResponse<String> send(String method, String path, String authorization, String contentType, String body)
            throws Exception {
        var b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8");
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
