package cn.juece.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A signed-in person reading staff pages (form login with its CSRF token, session cookie), without a browser. */
public class StaffBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    /** Signs in and returns the browser (the form used by the periods and mail tests). */
    public static StaffBrowser signIn(int port, String user, String password) {
        return new StaffBrowser(port, user, password);
    }

    public StaffBrowser(int port, String user, String password) {
        this.base = "http://127.0.0.1:" + port;
        String login = get("/login");
        Matcher m = CSRF.matcher(login);
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on /login");
        }
        String token = m.group(1) != null ? m.group(1) : m.group(2);
        send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password) + "&_csrf=" + enc(token)))
                .build());
    }

    /**
     * Submits a form of the page at {@code pagePath} (with that page's CSRF token), as the browser would.
     *
     * @return where the app redirects to
     */
    public String post(String pagePath, String action, java.util.Map<String, String> fields) {
        Matcher m = CSRF.matcher(get(pagePath));
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + pagePath);
        }
        StringBuilder body = new StringBuilder("_csrf=" + enc(m.group(1) != null ? m.group(1) : m.group(2)));
        fields.forEach((k, v) -> body.append('&').append(enc(k)).append('=').append(enc(v)));
        var response = send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Referer", base + pagePath)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
        return response.headers().firstValue("Location").orElse("(status " + response.statusCode() + ")");
    }

    public String get(String path) {
        return fetch(path).body();
    }

    /** A page with its status and headers. */
    public HttpResponse<String> fetch(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
