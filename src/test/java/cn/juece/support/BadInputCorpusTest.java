package cn.juece.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;

/**
 * Issue 15, hardening: a corpus of bad input — malformed JSON, wrong types, oversized bodies, script injection,
 * path traversal, SQL metacharacters, unknown ids, huge and negative pages — sent to every operation the OpenAPI
 * description lists (staff /api and the public /public/api), as a clerk, an administrator and a visitor. Every
 * answer is below 500; every refusal carries a stable code and a Chinese message with no exception or SQL text;
 * and not one row of ours or of the engine's runtime changes.
 */
class BadInputCorpusTest extends IntegrationTest {

    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
    private static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]+");
    // "SQL" as a word: not the letters inside a random CSRF token (…VgSql7…) or in "PostgreSQL"
    private static final Pattern LEAK = Pattern.compile("Exception|\\bSQL\\b|at (cn|org|java)\\.|\\bselect\\b|\\binsert\\b|\\.java:",
            Pattern.CASE_INSENSITIVE);

    /** Values an attacker or a broken client puts where an id belongs (already URL-encoded). */
    private static final List<String> BAD_IDS = List.of("999999999", "abc", "-1", "..%2F..%2Fetc%2Fpasswd", "%2E%2E",
            "%27%20OR%201%3D1--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "GX-2099-9999", "1%3B%20DROP%20TABLE%20decision");
    /** Query values: wrong types, huge and negative numbers, injection. */
    private static final List<String> BAD_QUERY = List.of("-1", "abc", "99999999999999999999", "100000000",
            "%27%20OR%201%3D1--", "%3Cscript%3E", "2026-13-45");

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** The corpus's refused public submissions count against 127.0.0.1's budget (on purpose): give it back to later tests. */
    @org.junit.jupiter.api.AfterEach
    void forgetTheCorpusSubmissionBudget() {
        jdbc.update("DELETE FROM juece.submission_window");
    }

    @Test
    void everyEndpointRefusesBadInputWithACodeAndAChineseMessageAndWritesNothing() throws Exception {
        LifecycleDriver d = driver();
        String known = d.create("县城区道路改造（异常输入检查）");
        JsonNode api = json.readTree(send("admin", "GET", "/v3/api-docs", null, null).body());

        List<byte[]> badBodies = new ArrayList<>();
        badBodies.add("{".getBytes(StandardCharsets.UTF_8));
        badBodies.add("[1,2,3]".getBytes(StandardCharsets.UTF_8));
        badBodies.add("\u0000\u0001garbage".getBytes(StandardCharsets.UTF_8));
        badBodies.add(("{\"content\":\"" + "<script>alert(1)</script>".repeat(80_000) + "\"").getBytes(StandardCharsets.UTF_8));

        Map<String, Long> before = counts();
        Map<String, List<String>> findings = new TreeMap<>();
        int requests = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields(); paths.hasNext(); ) {
            var path = paths.next();
            String template = path.getKey();
            String user = template.startsWith("/public/") ? null : (template.contains("/calendar") || template.contains("/mail")
                    || template.contains("/document-templates") || template.contains("/periods") ? "admin" : LifecycleDriver.LEAD);
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                var op = ops.next();
                String method = op.getKey().toUpperCase();
                boolean body = !method.equals("GET") && !method.equals("DELETE");
                List<String> params = new ArrayList<>();
                Matcher m = PARAM.matcher(template);
                while (m.find()) {
                    params.add(m.group(1));
                }
                // unknown and hostile ids in every path parameter
                for (String bad : BAD_IDS) {
                    if (params.isEmpty()) {
                        break;
                    }
                    String uri = template.replaceAll("\\{[^}]+}", bad);
                    requests++;
                    check(findings, method + " " + uri, send(user, method, uri, body ? "{}".getBytes(StandardCharsets.UTF_8) : null,
                            "application/json"), false);
                }
                // bad bodies against a real decision (or no path parameter at all)
                String real = template.replace("{number}", known).replaceAll("\\{[^}]+}", "999999999");
                if (body) {
                    List<byte[]> bodies = new ArrayList<>(badBodies);
                    bodies.add(wrongTypes(api, op.getValue()));
                    for (byte[] b : bodies) {
                        requests++;
                        check(findings, method + " " + real + " <" + b.length + " bytes>", send(user, method, real, b, "application/json"),
                                false);
                    }
                    requests++;
                    check(findings, method + " " + real + " <text/plain>", send(user, method, real, "x".getBytes(StandardCharsets.UTF_8),
                            "text/plain"), false);
                } else {
                    // hostile values in every query parameter the operation declares, and paging out of range
                    List<String> query = new ArrayList<>(List.of("page", "size"));
                    JsonNode declared = op.getValue().get("parameters");
                    if (declared != null) {
                        declared.forEach(p -> {
                            if ("query".equals(p.path("in").asText()) && !query.contains(p.get("name").asText())) {
                                query.add(p.get("name").asText());
                            }
                        });
                    }
                    for (String bad : BAD_QUERY) {
                        StringBuilder uri = new StringBuilder(real).append('?');
                        query.forEach(q -> uri.append(q).append('=').append(bad).append('&'));
                        requests++;
                        check(findings, "GET " + uri, send(user, "GET", uri.toString(), null, null), true);
                    }
                }
            }
        }
        assertThat(requests).as("requests sent").isGreaterThan(1000);
        assertThat(findings).as("answers to bad input that are a server error, lack a code or a Chinese message, or leak internals")
                .isEmpty();
        assertThat(counts()).as("rows of ours and of the engine's runtime after the corpus").isEqualTo(before);
    }

    @Test
    void everyPageWithAnIdAnswersBadIdsWithTheChineseErrorPage() {
        StaffBrowser staff = new StaffBrowser(port, "admin", PASSWORD);
        HttpClient visitor = HttpClient.newBuilder().build();
        Map<String, List<String>> findings = new TreeMap<>();
        int pages = 0;
        for (RequestMappingInfo mapping : mappings.getHandlerMethods().keySet()) {
            if (!mapping.getMethodsCondition().getMethods().isEmpty()
                    && !mapping.getMethodsCondition().getMethods().contains(RequestMethod.GET)) {
                continue;
            }
            for (String template : mapping.getPatternValues()) {
                if (!template.contains("{") || template.startsWith("/api/") || template.startsWith("/public/api/")) {
                    continue;
                }
                for (String bad : BAD_IDS) {
                    String uri = template.replaceAll("\\{[^}]+}", bad);
                    pages++;
                    HttpResponse<String> r;
                    if (template.startsWith("/public/")) {
                        try {
                            r = visitor.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + uri)).header("Accept", "text/html")
                                    .GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                        } catch (Exception e) {
                            throw new IllegalStateException(uri, e);
                        }
                    } else {
                        r = staff.fetch(uri);
                    }
                    List<String> wrong = new ArrayList<>();
                    if (r.statusCode() >= 500 || r.statusCode() < 400) {
                        wrong.add("HTTP " + r.statusCode());
                    }
                    boolean html = r.headers().firstValue("Content-Type").orElse("").startsWith("text/html");
                    if (!html || !r.body().contains("lang=\"zh-CN\"") || !CJK.matcher(r.body()).find()) {
                        wrong.add("not the Chinese error page");
                    }
                    Matcher leak = LEAK.matcher(r.body().replaceAll("(?is)<(script|style)\\b.*?</\\1>", ""));
                    if (leak.find()) {
                        wrong.add("leaks internals: " + r.body().substring(Math.max(0, leak.start() - 60), Math.min(r.body().length(), leak.end() + 60)));
                    }
                    if (!wrong.isEmpty()) {
                        findings.put(uri, List.of(String.join("; ", wrong), r.body().substring(0, Math.min(160, r.body().length()))));
                    }
                }
            }
        }
        assertThat(pages).as("pages tried").isGreaterThan(150);
        assertThat(findings).as("pages answering a bad id with other than the Chinese error page").isEmpty();
    }

    /** The operation's own JSON body with every declared property of the wrong type (a string where a number is, …). */
    private byte[] wrongTypes(JsonNode api, JsonNode operation) throws Exception {
        JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (schema.has("$ref")) {
            schema = api.at("/components/schemas/" + schema.get("$ref").asText().replace("#/components/schemas/", ""));
        }
        var wrong = json.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> props = schema.path("properties").fields(); props.hasNext(); ) {
            var prop = props.next();
            String type = prop.getValue().path("type").asText(prop.getValue().has("$ref") ? "object" : "string");
            switch (type) {
                case "integer", "number" -> wrong.put(prop.getKey(), "abc");
                case "boolean" -> wrong.put(prop.getKey(), "maybe");
                case "array" -> wrong.put(prop.getKey(), 12);
                case "object" -> wrong.put(prop.getKey(), "x");
                default -> wrong.set(prop.getKey(), json.createObjectNode().set("a", json.createArrayNode().add(1)));
            }
        }
        if (wrong.isEmpty()) {
            wrong.put("reason", 12).set("content", json.createArrayNode().add(true));
        }
        return json.writeValueAsBytes(wrong);
    }

    private void check(Map<String, List<String>> findings, String what, HttpResponse<String> r, boolean okAllowed) {
        int status = r.statusCode();
        String body = r.body() == null ? "" : r.body();
        List<String> wrong = new ArrayList<>();
        if (status >= 500) {
            wrong.add("HTTP " + status);
        } else if (status >= 300 && status < 400) {
            wrong.add("redirect " + status + " to " + r.headers().firstValue("Location").orElse(""));
        } else if (status < 300 && !okAllowed) {
            wrong.add("accepted: HTTP " + status);
        }
        if (status >= 400) {
            try {
                JsonNode e = json.readTree(body);
                if (!CODE.matcher(e.path("code").asText()).matches()) {
                    wrong.add("no stable code");
                }
                if (!CJK.matcher(e.path("message").asText()).find()) {
                    wrong.add("message not in Chinese");
                }
            } catch (Exception notJson) {
                wrong.add("not a JSON error");
            }
        }
        String type = r.headers().firstValue("Content-Type").orElse("");
        boolean readable = type.startsWith("application/json") || type.startsWith("text/");
        // an answer that is not a refusal may rightly carry technical text (the mail outbox's server replies)
        if (readable && status >= 400 && LEAK.matcher(body).find()) {
            wrong.add("leaks: " + body.substring(0, Math.min(160, body.length())));
        }
        if (!wrong.isEmpty()) {
            findings.put(what.length() > 200 ? what.substring(0, 200) : what,
                    List.of(String.join("; ", wrong), body.substring(0, Math.min(200, body.length()))));
        }
    }

    private HttpResponse<String> send(String user, String method, String uri, byte[] body, String type) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + uri)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json");
        if (user != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        if (type != null) {
            b.header("Content-Type", type);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException badUri) {
            throw new IllegalStateException(uri, badUri);
        }
    }

    /** Rows in every table of ours and in the engine's runtime tables. */
    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> tables = jdbc.queryForList("SELECT table_schema || '.' || table_name FROM information_schema.tables "
                + "WHERE table_type = 'BASE TABLE' AND (UPPER(table_schema) = 'JUECE' OR UPPER(table_name) LIKE 'ACT_RU_%') "
                // names are upper case on H2 and lower case on PostgreSQL (-Ppostgres); the portal's rate-limit windows
                // count every public submission, refused ones too (they are a budget, not a record, as the meter log)
                + "AND UPPER(table_name) NOT IN ('FLYWAY_SCHEMA_HISTORY', 'ACT_RU_METER_LOG', 'SUBMISSION_WINDOW') ORDER BY 1", String.class);
        for (String t : tables) {
            counts.put(t, jdbc.queryForObject("SELECT COUNT(*) FROM " + t, Long.class));
        }
        assertThat(counts).as("tables counted").hasSizeGreaterThan(30);
        return counts;
    }
}
