package cn.juece.portal;

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
 * An anonymous visitor of the public portal with a browser's cookie jar, coming through the county's
 * reverse proxy on loopback (a trusted proxy) that forwards the visitor's own address.
 */
class Visitor {

    static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final int port;
    private final String address;
    private final HttpClient http;

    Visitor(int port, String address) {
        this.port = port;
        this.address = address;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("X-Forwarded-For", address).GET().build());
    }

    /** Opens the page with the form, then submits it with the form's CSRF token. */
    HttpResponse<String> submit(String formPage, String action, Map<String, String> fields) {
        String page = get(formPage).body();
        Matcher m = CSRF.matcher(page);
        if (!m.find()) {
            throw new AssertionError("no CSRF token on " + formPage);
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", m.group(1));
        return post(action, all);
    }

    /** Opens the page with the form, then submits it as multipart/form-data with one file, as a browser does. */
    HttpResponse<String> submitWithFile(String formPage, String action, Map<String, String> fields, String fileField,
                                        String fileName, byte[] file) {
        Matcher m = CSRF.matcher(get(formPage).body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on " + formPage);
        }
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", m.group(1));
        String boundary = "----juece" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        for (var e : all.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(action)).header("X-Forwarded-For", address)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())).build());
    }

    /** Signs in on the staff login page (the same cookie jar then carries the staff session). */
    Visitor signIn(String user, String password) {
        Matcher m = CSRF.matcher(get("/login").body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the login page");
        }
        HttpResponse<String> r = post("/login", Map.of("username", user, "password", password, "_csrf", m.group(1)));
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new AssertionError("sign-in failed: " + r.statusCode());
        }
        return this;
    }

    HttpResponse<String> post(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri(path)).header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
