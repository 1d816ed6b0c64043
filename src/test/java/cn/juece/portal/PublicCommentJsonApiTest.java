package cn.juece.portal;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;

/** The public comment as JSON: the token from the GET in the X-XSRF-TOKEN header, the same rules as the form. */
class PublicCommentJsonApiTest extends IntegrationTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void anAppCommentsWithTheTokenAndLooksTheCommentUp() throws Exception {
        var d = driver();
        String n = d.create("县城区公共厕所布局规划（接口征求意见）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        long id = d.as(LEAD).post("/api/decisions/" + n + "/consultations", Map.of("noticeText", "请提出意见",
                "channels", List.of("冠县发布"), "closesOn", LocalDate.now(AppClock.ZONE).plusDays(40).toString())).getBody().get("id").asLong();

        var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        JsonNode c = json.readTree(send(http, HttpRequest.newBuilder(uri("/public/api/consultations/" + id)).header("X-Forwarded-For", "198.51.100.9").build()).body());
        assertThat(c.get("status").asText()).isEqualTo("征求意见中");
        String header = c.get("csrf").get("header").asText(), token = c.get("csrf").get("token").asText();

        var noToken = send(HttpClient.newHttpClient(), post(id, null, null, "{\"content\":\"没有令牌\"}"));
        assertThat(noToken.statusCode()).isEqualTo(403);
        assertThat(json.readTree(noToken.body()).get("code").asText()).isEqualTo("CSRF_TOKEN_INVALID");

        var empty = send(http, post(id, header, token, "{\"content\":\"  \"}"));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(json.readTree(empty.body()).get("code").asText()).isEqualTo("OPINION_EMPTY");

        var ok = send(http, post(id, header, token, "{\"content\":\"建议增加无障碍厕位\",\"authorName\":\"周九\"}"));
        assertThat(ok.statusCode()).isEqualTo(201);
        String receipt = json.readTree(ok.body()).get("receipt").asText();
        JsonNode seen = json.readTree(send(http, HttpRequest.newBuilder(uri("/public/api/opinions/" + receipt)).build()).body());
        assertThat(seen.get("display").asText()).isEqualTo("待审核");
        assertThat(d.as(LEAD).get("/api/consultations/" + id + "/opinions").getBody().get(0).get("content").asText()).isEqualTo("建议增加无障碍厕位");
    }

    private HttpRequest post(long id, String header, String token, String body) {
        var b = HttpRequest.newBuilder(uri("/public/api/consultations/" + id + "/opinions")).header("Content-Type", "application/json")
                .header("X-Forwarded-For", "198.51.100.9").POST(HttpRequest.BodyPublishers.ofString(body));
        if (header != null) {
            b.header(header, token);
        }
        return b.build();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest r) throws Exception {
        return http.send(r, HttpResponse.BodyHandlers.ofString());
    }
}
