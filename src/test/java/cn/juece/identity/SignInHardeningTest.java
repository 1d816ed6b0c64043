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
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.juece.IntegrationTest;
import cn.juece.support.ApiClient;

/**
 * Hardening of sign-in (issue 15): passwords stored hashed, lockout per account after repeated wrong passwords (the
 * next correct sign-in of someone else, from the same address, is not affected), "退出所有设备", the session timeout.
 */
class SignInHardeningTest extends IntegrationTest {

    static final String VICTIM = "zrj_wu";
    static final String COLLEAGUE = "cgj_he";
    static final String TRAVELLER = "jtj_zhou";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment env;

    @AfterEach
    void forgetLocks() {
        jdbc.sql("DELETE FROM juece.account_guard WHERE user_id IN (?, ?, ?)").params(VICTIM, COLLEAGUE, TRAVELLER).update();
    }

    @Test
    void passwordsAreStoredAsSaltedHashesNeverAsTyped() {
        var rows = jdbc.sql("SELECT PWD_, SALT_ FROM ACT_ID_USER WHERE ID_ IN ('admin', ?)").param(VICTIM)
                .query((rs, i) -> new String[]{rs.getString(1), rs.getString(2)}).list();
        assertThat(rows).hasSize(2);
        for (String[] r : rows) {
            assertThat(r[0]).startsWith("{SHA-512}").doesNotContain(PASSWORD);
            assertThat(r[1]).isNotBlank();
        }
        // the same password, two salts: two different hashes
        assertThat(rows.get(0)[0]).isNotEqualTo(rows.get(1)[0]);
    }

    @Test
    void repeatedWrongPasswordsLockThatAccountOnlyAndSomeoneElseSignsInFromTheSameAddress() throws Exception {
        // four wrong passwords: still only "wrong password", and the right one would still work
        for (int i = 0; i < 4; i++) {
            assertThat(new Browser().login(VICTIM, "guess-" + i)).endsWith("/login?error");
        }
        // a colleague on the same machine (same address) signs in, mistypes once, signs in again
        assertThat(new Browser().login(COLLEAGUE, PASSWORD)).endsWith("/");
        assertThat(new Browser().login(COLLEAGUE, "typo")).endsWith("/login?error");

        // the fifth wrong password locks the account (the webapps' login form counts like ours)
        var webapp = new Browser();
        assertThat(webapp.webappLogin(VICTIM, "guess-4").statusCode()).isIn(401, 403);

        // now even the right password is refused, on every way in, and the person is told why
        Browser victim = new Browser();
        assertThat(victim.login(VICTIM, PASSWORD)).endsWith("/login?locked");
        assertThat(victim.get("/login?locked").body()).contains("该账号因连续多次输入错误密码已被暂时锁定");
        var basic = new ApiClient(port, VICTIM, PASSWORD).get("/api/decisions");
        assertThat(basic.getStatusCode().value()).isEqualTo(401);
        assertThat(basic.getBody().get("code").asText()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(basic.getBody().get("message").asText()).contains("后再试", "其他人员的登录不受影响");
        var webappLocked = new Browser().webappLogin(VICTIM, PASSWORD);
        assertThat(webappLocked.statusCode()).isEqualTo(403);
        assertThat(webappLocked.body()).contains("ACCOUNT_LOCKED");

        // the colleague is not punished: the next correct sign-in works, by form and by HTTP Basic
        Browser colleague = new Browser();
        assertThat(colleague.login(COLLEAGUE, PASSWORD)).endsWith("/");
        assertThat(colleague.get("/").statusCode()).isEqualTo(200);
        assertThat(as(COLLEAGUE).get("/api/decisions").getStatusCode().value()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT failures FROM juece.account_guard WHERE user_id = ?").param(COLLEAGUE)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT detail FROM juece.audit_entry WHERE action = 'SIGN_IN_LOCKED' ORDER BY id DESC")
                .query(String.class).list().get(0)).contains("吴刚（zrj_wu）连续5次输入错误密码");

        // fifteen minutes later the lock has passed and the right password signs in
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofMinutes(16).toMillis()));
        assertThat(new Browser().login(VICTIM, PASSWORD)).endsWith("/");
        assertThat(new ApiClient(port, VICTIM, PASSWORD).get("/api/decisions").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void anAdministratorLiftsALockAtOnceAndNobodyElseMay() throws Exception {
        for (int i = 0; i < 5; i++) {
            assertThat(new ApiClient(port, VICTIM, "guess-" + i).get("/api/decisions").getStatusCode().value()).isEqualTo(401);
        }
        assertThat(new Browser().login(VICTIM, PASSWORD)).endsWith("/login?locked");
        var state = as("admin").get("/api/accounts/" + VICTIM + "/lock").getBody();
        assertThat(state.get("locked").asBoolean()).isTrue();
        assertThat(state.get("lockedUntil").asText()).isNotBlank();

        var refused = as(COLLEAGUE).send(org.springframework.http.HttpMethod.DELETE, "/api/accounts/" + VICTIM + "/lock", null);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody()).contains("ACCOUNT_ADMIN_ONLY");
        assertThat(as("admin").send(org.springframework.http.HttpMethod.DELETE, "/api/accounts/no_such_person/lock", null)
                .getStatusCode().value()).isEqualTo(404);

        var lifted = as("admin").send(org.springframework.http.HttpMethod.DELETE, "/api/accounts/" + VICTIM + "/lock", null);
        assertThat(lifted.getStatusCode().value()).as(lifted.getBody()).isEqualTo(200);
        assertThat(lifted.getBody()).contains("\"locked\":false");
        assertThat(new Browser().login(VICTIM, PASSWORD)).endsWith("/");
        assertThat(jdbc.sql("SELECT detail FROM juece.audit_entry WHERE action = 'SIGN_IN_UNLOCKED' ORDER BY id DESC")
                .query(String.class).list().get(0)).contains("系统管理员解除了吴刚（zrj_wu）的登录锁定");
    }

    @Test
    void guessedNamesAreNotCounted() throws Exception {
        for (int i = 0; i < 6; i++) {
            assertThat(new Browser().login("no_such_person", "x" + i)).endsWith("/login?error");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM juece.account_guard WHERE user_id = 'no_such_person'").query(Long.class).single()).isZero();
    }

    @Test
    void logoutEverywhereEndsThePersonsOtherSessionsButNotOthers() throws Exception {
        Browser office = new Browser();
        Browser home = new Browser();
        Browser colleague = new Browser();
        assertThat(office.login(TRAVELLER, PASSWORD)).endsWith("/");
        assertThat(home.login(TRAVELLER, PASSWORD)).endsWith("/");
        assertThat(colleague.login(COLLEAGUE, PASSWORD)).endsWith("/");
        assertThat(office.get("/").statusCode()).isEqualTo(200);
        String page = home.get("/").body();
        assertThat(page).contains("退出所有设备");
        assertThat(colleague.get("/").statusCode()).isEqualTo(200);
        assertThat(home.get("/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
        assertThat(home.get("/camunda/api/admin/auth/user/default").statusCode()).isEqualTo(200);

        assertThat(home.post("/logout/everywhere", Map.of(), page).headers().firstValue("Location").orElse(""))
                .endsWith("/login?everywhere");
        // the other browser's session is over at its next request: pages, /api and the webapps
        var next = office.get("/decisions");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location").orElse("")).endsWith("/login?revoked");
        assertThat(office.get("/login?revoked").body()).contains("本次登录已结束");
        assertThat(office.get("/api/decisions").statusCode()).isEqualTo(401);
        assertThat(office.get("/camunda/api/admin/auth/user/default").statusCode()).isNotEqualTo(200);
        assertThat(home.get("/").statusCode()).isEqualTo(302);
        // someone else's session goes on; the person signs in again as usual
        assertThat(colleague.get("/").statusCode()).isEqualTo(200);
        Browser again = new Browser();
        assertThat(again.login(TRAVELLER, PASSWORD)).endsWith("/");
        assertThat(again.get("/").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM juece.audit_entry WHERE action = 'SESSIONS_REVOKED' AND actor_id = ?")
                .param(TRAVELLER).query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aSessionEndsAfterThirtyIdleMinutesAndItsCookieIsNotReadableByScripts() throws Exception {
        assertThat(env.getProperty("server.servlet.session.timeout")).isEqualTo("30m");
        Browser b = new Browser();
        b.login(TRAVELLER, PASSWORD);
        HttpCookie session = b.cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .findFirst().orElseThrow();
        assertThat(session.isHttpOnly()).isTrue();
    }

    /** A browser: cookies, no redirects followed, the page's CSRF token. */
    final class Browser {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");
        final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

        /** Signs in with the login form; where it sends the person. */
        String login(String user, String password) throws Exception {
            var r = post("/login", Map.of("username", user, "password", password), get("/login").body());
            return r.headers().firstValue("Location").orElse("(status " + r.statusCode() + ")");
        }

        HttpResponse<String> webappLogin(String user, String password) throws Exception {
            get("/camunda/api/admin/auth/user/default");
            String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().orElse("");
            return http.send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
                    .header("Origin", "http://127.0.0.1:" + port)
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(password))).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, Map<String, String> fields, String page) throws Exception {
            Matcher m = CSRF.matcher(page);
            assertThat(m.find()).as("CSRF token on the page").isTrue();
            StringBuilder body = new StringBuilder("_csrf=" + enc(m.group(1) != null ? m.group(1) : m.group(2)));
            fields.forEach((k, v) -> body.append('&').append(enc(k)).append('=').append(enc(v)));
            return http.send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

}
