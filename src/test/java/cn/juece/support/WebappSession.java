package cn.juece.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A person signed in to the Camunda webapps through their own login form, calling the webapps' engine API
 * (/camunda/api/engine/engine/default/…) as Cockpit and Tasklist do: session cookie and X-XSRF-TOKEN.
 */
public class WebappSession {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private WebappSession(int port) {
        this.port = port;
    }

    /** Signs in on the login form of one webapp (cockpit, tasklist, admin). */
    public static WebappSession signIn(int port, String user, String password, String app) throws Exception {
        var s = new WebappSession(port);
        s.send("GET", "/camunda/api/admin/auth/user/default", null, Map.of());
        var b = HttpRequest.newBuilder(s.uri("/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", s.xsrf()).header("Origin", "http://127.0.0.1:" + port)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password));
        var login = s.http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        // The login starts a new session: its CSRF token comes with the next answer, as the webapp reads it.
        assertThat(s.send("GET", "/camunda/api/admin/auth/user/default", null, Map.of()).status()).isEqualTo(200);
        return s;
    }

    /** A call of the webapps' engine API for the default engine, e.g. engine("POST", "/task/1/submit-form", body). */
    public Answer engine(String method, String path, Object body) throws Exception {
        return engine(method, path, body, Map.of());
    }

    public Answer engine(String method, String path, Object body, Map<String, String> headers) throws Exception {
        return send(method, "/camunda/api/engine/engine/default" + path, body, headers);
    }

    private Answer send(String method, String path, Object body, Map<String, String> headers) throws Exception {
        var b = HttpRequest.newBuilder(uri(path)).header("Accept", "application/json");
        if (!"GET".equals(method)) {
            b.header("X-XSRF-TOKEN", xsrf()).header("Origin", "http://127.0.0.1:" + port);
        }
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        var r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), r.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String xsrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    /** Status and body of an answer. */
    public record Answer(int status, String body) {
        public JsonNode json() {
            try {
                return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }
}
