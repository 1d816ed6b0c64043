package cn.juece.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.juece.IntegrationTest;

/**
 * One sign-in for the webapps (Tasklist, Cockpit, Admin) and our pages, in both directions, and one
 * sign-out ending both — as a browser does it, with cookies and each side's CSRF token.
 */
class SingleSignOnTest extends IntegrationTest {

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void signingInOnOurLoginPageSignsInToTheWebappsAndTheirLogoutEndsBoth() throws Exception {
        String loginPage = get("/login").body();
        assertThat(loginPage).contains("工作人员登录");
        var login = post("/login", "username=fgj_wang&password=" + PASSWORD + "&_csrf=" + csrfFrom(loginPage), null);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("error");

        assertThat(get("/").body()).contains("我的待办", "王海涛");
        assertThat(get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        var webappUser = get("/camunda/api/admin/auth/user/default");
        assertThat(webappUser.statusCode()).isEqualTo(200);
        assertThat(webappUser.body()).contains("\"userId\":\"fgj_wang\"", "tasklist");

        var logout = post("/camunda/api/admin/auth/user/default/logout", "", xsrf());
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(get("/").statusCode()).isEqualTo(302);
        assertThat(get("/camunda/api/admin/auth/user/default").statusCode()).isNotEqualTo(200);
    }

    @Test
    void signingInOnTasklistSignsInToOurPagesAndOurLogoutEndsBoth() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(302);
        // an anonymous visitor of Tasklist is sent to the login page
        var tasklist = get("/camunda/app/tasklist/default/");
        assertThat(tasklist.statusCode()).isEqualTo(302);
        assertThat(tasklist.headers().firstValue("Location").orElse("")).endsWith("/login");
        // the webapps' own login form (shown again after their logout): its XSRF cookie first
        get("/camunda/api/admin/auth/user/default");
        var login = post("/camunda/api/admin/auth/user/default/login/tasklist",
                "username=bgs_chen&password=" + PASSWORD, xsrf());
        assertThat(login.statusCode()).as(login.body() + " cookies " + cookies.getCookieStore().getCookies()).isEqualTo(200);

        var home = get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("我的待办", "陈晓燕");
        assertThat(get("/decisions").statusCode()).isEqualTo(200);

        String page = get("/").body();
        var logout = post("/logout", "_csrf=" + csrfFrom(page), null);
        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location").orElse("")).endsWith("/login?logout");
        assertThat(get("/camunda/api/admin/auth/user/default").statusCode()).isNotEqualTo(200);
        assertThat(get("/").statusCode()).isEqualTo(302);
    }

    @Test
    void aWrongPasswordSignsNobodyIn() throws Exception {
        String loginPage = get("/login").body();
        var login = post("/login", "username=cgj_he&password=wrong&_csrf=" + csrfFrom(loginPage), null);
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/login?error");
        assertThat(get("/").statusCode()).isEqualTo(302);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return browser.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, String xsrf) throws Exception {
        var b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (xsrf != null) {
            b.header("X-XSRF-TOKEN", xsrf).header("Origin", "http://127.0.0.1:" + port);
        }
        return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private String xsrf() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse("");
    }

    private static String csrfFrom(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("CSRF token in page").isTrue();
        return URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
    }
}
