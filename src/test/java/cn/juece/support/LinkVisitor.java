package cn.juece.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An expert with the link from their invitation mail (Art. 33, 34), no account: opens the page and submits its forms
 * with the page's CSRF token, as a browser does.
 */
public class LinkVisitor {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final String path;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    /** The CSRF token of the last page that had a form (it stays good while the cookie does). */
    private String token;

    /** @param link the absolute link of the mail (its path is used on the test's port) */
    public LinkVisitor(int port, String link) {
        this.port = port;
        this.path = URI.create(link).getPath();
    }

    public String path() {
        return path;
    }

    public HttpResponse<String> open() {
        return send(HttpRequest.newBuilder(uri(path)).GET().build());
    }

    public HttpResponse<String> get(String sub) {
        return send(HttpRequest.newBuilder(uri(path + sub)).GET().build());
    }

    /**
     * Opens the page, then posts the form at {@code path + action} with its token (or, where the page no longer has the
     * form, the token of an earlier page: what a second tab or a resubmission sends).
     */
    public HttpResponse<String> submit(String action, Map<String, String> fields) {
        open();
        return postTo(path + action, fields);
    }

    /** Posts to any path with the token this visitor last saw. */
    public HttpResponse<String> postTo(String target, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        if (token != null) {
            all.put("_csrf", token);
        }
        String body = all.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(target)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> accept() {
        return submit("/answer", Map.of("answer", "ACCEPT"));
    }

    public HttpResponse<String> decline(String reason) {
        return submit("/answer", Map.of("answer", "DECLINE", "reason", reason));
    }

    public HttpResponse<String> promiseConfidentiality() {
        return submit("/confidentiality", Map.of("agree", "true"));
    }

    public HttpResponse<String> opinion(String text) {
        return submit("/opinion", Map.of("necessity", text + "：必要性充分", "soundness", text + "：方案科学", "timing", text + "：时机成熟",
                "negativeImpact", text + "：负面影响可控"));
    }

    private URI uri(String p) {
        return URI.create("http://127.0.0.1:" + port + p);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Matcher m = CSRF.matcher(r.body());
            if (m.find()) {
                token = m.group(1);
            }
            return r;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
