package cn.juece.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.util.HtmlUtils;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;

/**
 * Security headers on every page (issue 15): staff pages as several people and the public portal are read by following
 * links from their menus, plus the login page, error pages, /api and the webapps. Each answer carries the
 * Content-Security-Policy (scripts of this site only), X-Frame-Options, X-Content-Type-Options and Referrer-Policy;
 * HSTS only over HTTPS (here: a trusted proxy's X-Forwarded-Proto). Each page has no inline script and no inline event
 * handler (the policy would block them), and every form that posts carries its CSRF token.
 */
class SecurityHeadersTest extends IntegrationTest {

    private static final int MAX_PAGES_PER_PERSON = 70;
    private static final Pattern LINK = Pattern.compile("href=\"(/[^\"#]*)\"");
    private static final Pattern SCRIPT = Pattern.compile("(?is)<script\\b([^>]*)>(.*?)</script>");
    private static final Pattern HANDLER = Pattern.compile("(?is)<[a-z][^>]*\\son[a-z]+\\s*=");
    private static final Pattern FORM = Pattern.compile("(?is)<form\\b([^>]*)>(.*?)</form>");

    @Test
    void everyPageCarriesTheSecurityHeadersNoInlineScriptAndACsrfTokenInEveryForm() throws Exception {
        LifecycleDriver d = driver();
        String done = d.wholeLifecycle("城区公共停车场收费标准调整（安全响应头检查）");
        String early = d.create("乡镇卫生院布局调整（安全响应头检查）");
        Set<String> mine = Set.of(done, early);

        Map<String, List<String>> findings = new LinkedHashMap<>();
        int read = 0;
        for (String user : List.of(LifecycleDriver.LEAD, "bgs_chen", "sfj_liu", "admin")) {
            Client c = new Client();
            c.login(user);
            List<String> seeds = new ArrayList<>(List.of("/", "/decisions", "/decisions/new", "/catalogue", "/admin/calendar",
                    "/supervision", "/proposals", "/admin/mail", "/admin/experts", "/admin/assessors", "/experts",
                    "/decisions/" + done, "/decisions/" + early, "/decisions/GX-2099-9999", "/no-such-page"));
            read += crawl(user, c, seeds, mine, findings);
            // the API and the webapps, signed in
            check(user + " /api/decisions", c.get("/api/decisions"), findings, false);
            var tasklist = c.get("/camunda/app/tasklist/default/");
            assertThat(tasklist.headers().firstValue("X-Frame-Options")).as("webapps framed").isPresent();
            assertThat(tasklist.headers().allValues("Content-Security-Policy")).as("the webapps' own policy only")
                    .hasSize(1).noneMatch(v -> v.equals(SecurityConfig.CONTENT_SECURITY_POLICY));
        }
        Client visitor = new Client();
        read += crawl("公众", visitor, List.of("/public", "/public/consultations", "/public/decisions", "/public/proposals/new",
                "/public/decisions/" + done, "/public/no-such-page", "/login", "/swagger-ui/index.html"), mine, findings);
        check("公众 /public/api (unknown)", visitor.get("/public/api/no-such"), findings, false);
        check("anonymous /api/decisions", visitor.get("/api/decisions"), findings, false);

        assertThat(read).as("pages read").isGreaterThan(60);
        assertThat(findings).as("pages missing a header, with inline script or a form without its CSRF token").isEmpty();
    }

    @Test
    void hstsOnlyWhenTheRequestCameOverHttpsThroughATrustedProxy() throws Exception {
        Client c = new Client();
        assertThat(c.get("/login").headers().firstValue("Strict-Transport-Security")).isEmpty();
        var viaTls = c.send(HttpRequest.newBuilder(c.uri("/login")).header("X-Forwarded-Proto", "https").GET().build());
        assertThat(viaTls.headers().firstValue("Strict-Transport-Security")).hasValue(SecurityConfig.HSTS);
        var portal = c.send(HttpRequest.newBuilder(c.uri("/public")).header("X-Forwarded-Proto", "https").GET().build());
        assertThat(portal.headers().firstValue("Strict-Transport-Security")).hasValue(SecurityConfig.HSTS);
        var api = c.send(HttpRequest.newBuilder(c.uri("/api/decisions")).header("X-Forwarded-Proto", "https").GET().build());
        assertThat(api.headers().firstValue("Strict-Transport-Security")).hasValue(SecurityConfig.HSTS);
    }

    @Test
    void everyFormThatPostsInTheTemplatesGetsItsCsrfTokenFromThymeleaf() throws Exception {
        List<String> missing = new ArrayList<>();
        int forms = 0;
        for (var r : new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html")) {
            String html = new String(r.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("(?is)<form\\b[^>]*>").matcher(html);
            while (m.find()) {
                String tag = m.group();
                if (tag.toLowerCase().contains("method=\"post\"")) {
                    forms++;
                    // th:action makes Thymeleaf add the hidden _csrf field; a plain action would post without it
                    if (!tag.contains("th:action")) {
                        missing.add(r.getFilename() + ": " + tag);
                    }
                }
            }
        }
        assertThat(forms).isGreaterThan(20);
        assertThat(missing).isEmpty();
    }

    private int crawl(String who, Client c, List<String> seeds, Set<String> mine, Map<String, List<String>> findings) throws Exception {
        Deque<String> queue = new ArrayDeque<>(seeds);
        Set<String> seen = new LinkedHashSet<>(seeds);
        int read = 0;
        while (!queue.isEmpty() && read < MAX_PAGES_PER_PERSON) {
            String path = queue.poll();
            HttpResponse<String> r = c.get(path);
            read++;
            check(who + " " + path, r, findings, true);
            Matcher links = LINK.matcher(r.body());
            while (links.find()) {
                String link = HtmlUtils.htmlUnescape(links.group(1));
                if (follow(link, mine) && seen.add(link)) {
                    queue.add(link);
                }
            }
        }
        return read;
    }

    private static boolean follow(String link, Set<String> mine) {
        if (link.startsWith("/camunda") || link.startsWith("/swagger") || link.startsWith("/v3") || link.startsWith("/api")
                || link.startsWith("/public/api") || link.startsWith("/assets") || link.startsWith("/webjars") || link.startsWith("/login")
                || link.startsWith("/logout") || link.contains(".csv") || link.contains("/export") || link.contains("/materials/")
                || link.contains("/attachment") || link.contains(".pdf") || link.contains(".docx") || link.contains("/documents/")) {
            return false;
        }
        Matcher decision = Pattern.compile("^/(?:public/)?decisions/([A-Z]+-\\d{4}-\\d{4})").matcher(link);
        return !decision.find() || mine.contains(decision.group(1));
    }

    private static void check(String where, HttpResponse<String> r, Map<String, List<String>> findings, boolean page) {
        List<String> found = new ArrayList<>();
        var h = r.headers();
        if (r.statusCode() >= 500) {
            found.add("status " + r.statusCode());
        }
        if (!h.firstValue("Content-Security-Policy").equals(java.util.Optional.of(SecurityConfig.CONTENT_SECURITY_POLICY))) {
            found.add("Content-Security-Policy: " + h.allValues("Content-Security-Policy"));
        }
        if (h.firstValue("X-Frame-Options").isEmpty()) {
            found.add("no X-Frame-Options");
        }
        if (!h.firstValue("X-Content-Type-Options").equals(java.util.Optional.of("nosniff"))) {
            found.add("no X-Content-Type-Options");
        }
        if (h.firstValue("Referrer-Policy").isEmpty()) {
            found.add("no Referrer-Policy");
        }
        if (h.firstValue("Strict-Transport-Security").isPresent()) {
            found.add("HSTS over plain HTTP");
        }
        boolean html = h.firstValue("Content-Type").orElse("").startsWith("text/html");
        if (page && html) {
            String body = r.body();
            Matcher s = SCRIPT.matcher(body);
            while (s.find()) {
                String attrs = s.group(1);
                if (!attrs.contains("src=") && !attrs.contains("application/json")) {
                    found.add("inline script: " + s.group(2).strip().substring(0, Math.min(60, s.group(2).strip().length())));
                }
            }
            Matcher handler = HANDLER.matcher(body);
            if (handler.find()) {
                found.add("inline event handler: " + handler.group());
            }
            if (body.contains("href=\"javascript:")) {
                found.add("javascript: link");
            }
            Matcher f = FORM.matcher(body);
            while (f.find()) {
                if (f.group(1).toLowerCase().contains("method=\"post\"") && !f.group(2).contains("name=\"_csrf\"")) {
                    found.add("form without CSRF token: <form" + f.group(1) + ">");
                }
            }
        }
        if (!found.isEmpty()) {
            findings.put(where, found);
        }
    }

    /** Cookies, no redirects followed. */
    final class Client {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        void login(String user) throws Exception {
            Matcher m = CSRF.matcher(get("/login").body());
            assertThat(m.find()).isTrue();
            String token = m.group(1) != null ? m.group(1) : m.group(2);
            var r = send(HttpRequest.newBuilder(uri("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD + "&_csrf="
                            + URLEncoder.encode(token, StandardCharsets.UTF_8))).build());
            assertThat(r.headers().firstValue("Location").orElse("")).doesNotContain("?error");
        }

        HttpResponse<String> get(String path) throws Exception {
            return send(HttpRequest.newBuilder(uri(path)).GET().build());
        }

        HttpResponse<String> send(HttpRequest request) throws Exception {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }
}
