package cn.juece.ldap;

import cn.juece.support.FreePorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;

import cn.juece.identity.Actor;
import cn.juece.identity.Directory;
import cn.juece.identity.Person;
import cn.juece.identity.Role;
import cn.juece.support.ApiClient;

/**
 * People of an LDAP directory (issue 15), with the ldap profile's own configuration (config/application-ldap.yaml, its
 * group mapping) against an in-memory directory server on a loopback port, seeded from ldap/gx-directory.ldif.
 *
 * <p>The second deliberate exception to the single test context (cn.juece.IntegrationTest; the demo profile's is the
 * first): the directory changes how every password is checked. Its own database and engine name (Camunda's static
 * engine registry would otherwise hand one context's engine REST and webapps the other's engine); closed after this
 * class, which is its only user, so that its engine does not outlive it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:juece-ldap;DB_CLOSE_DELAY=-1",
        "spring.datasource.hikari.maximum-pool-size=6",
        "camunda.bpm.process-engine-name=ldap",
        "camunda.bpm.job-execution.enabled=false",
        "juece.mail.worker.enabled=false",
        "juece.directory.ldap.bind-password=service-secret",
        "juece.directory.ldap.retry-after=0s",
        "juece.directory.ldap.sync.initial-delay=P1D",
        "logging.level.root=WARN",
        "logging.level.org.camunda.bpm.engine.context=OFF"
})
@ActiveProfiles("ldap")
// No @DirtiesContext: closing a second Camunda Spring Boot context tears down the shared static process-engine
// registry the webapps of the main test context look their engine up in, and every later webapp sign-in there
// answered 500 (STACK-NOTES: several engines in one JVM). The context stays cached, like DemoProfileTest's.
class LdapDirectoryTest {

    static final String PASSWORD = "Ldap-2026";
    static final String BUILT_IN_PASSWORD = "Juece2026";
    static final String ENGINE = "ldap";
    static final String PEOPLE = "ou=people,dc=gx,dc=gov,dc=cn";
    static final String UNITS = "ou=units,ou=groups,dc=gx,dc=gov,dc=cn";

    static final InMemoryDirectoryServer LDAP = startDirectory();

    @DynamicPropertySource
    static void directory(DynamicPropertyRegistry registry) {
        registry.add("juece.directory.ldap.url", () -> "ldap://127.0.0.1:" + LDAP.getListenPort());
    }

    @AfterAll
    static void stopDirectory() {
        LDAP.shutDown(true);
    }

    @LocalServerPort
    int port;
    @Autowired
    Directory directory;
    @Autowired
    IdentityService identity;
    @Autowired
    LdapSync sync;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aDirectoryPersonSignsInToOurPagesAndInTheSameSessionToTasklist() throws Exception {
        Browser browser = new Browser();
        var login = browser.login("li_qiang", PASSWORD);
        assertThat(login.headers().firstValue("Location").orElse("")).doesNotContain("?");
        assertThat(browser.get("/").body()).contains("我的待办", "李强");

        assertThat(browser.get("/camunda/app/tasklist/" + ENGINE + "/").statusCode()).isEqualTo(200);
        var webappUser = browser.get("/camunda/api/admin/auth/user/" + ENGINE);
        assertThat(webappUser.statusCode()).isEqualTo(200);
        assertThat(webappUser.body()).contains("\"userId\":\"li_qiang\"", "tasklist");

        // written as a person of 发改局 from the directory: Camunda user, groups, our person row
        assertThat(identity.createUserQuery().userId("li_qiang").singleResult().getFirstName()).isEqualTo("李强");
        assertThat(identity.createUserQuery().userId("li_qiang").singleResult().getEmail()).isEqualTo("li_qiang@gx.example.gov.cn");
        assertThat(directory.groupsOf("li_qiang")).containsExactlyInAnyOrder("staff", "fgj");
        Actor actor = directory.actor("li_qiang");
        assertThat(actor.unitCode()).isEqualTo("fgj");
        assertThat(actor.unitName()).isEqualTo("县发展和改革局");
        assertThat(actor.roles()).isEqualTo("县发展和改革局价格股科员");
        assertThat(auditDetails()).anyMatch(d -> d.contains("新增人员 李强（li_qiang），县发展和改革局"));
    }

    @Test
    void directoryGroupsBecomeUnitsAndRolesSoTheUnitActsOnItsStepsAndAnotherUnitSeesNothing() {
        ApiClient li = new ApiClient(port, "li_qiang", PASSWORD);
        var created = li.post("/api/decisions", Map.of("title", "城区停车泊位收费标准调整", "summary", "目录账号登记的决策事项",
                "source", "LEADER", "proposer", "李明华（常务副县长）", "leadUnit", "fgj"));
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        String number = created.getBody().get("number").asText();

        // 住建局's directory person: the very answer an unknown number gets, on /api and the engine REST
        ApiClient wu = new ApiClient(port, "wu_lei", PASSWORD);
        var hidden = wu.send(HttpMethod.GET, "/api/decisions/" + number, null);
        var unknown = wu.send(HttpMethod.GET, "/api/decisions/GX-2099-9999", null);
        assertThat(hidden.getStatusCode().value()).isEqualTo(404);
        assertThat(hidden.getBody().replace(number, "N")).isEqualTo(unknown.getBody().replace("GX-2099-9999", "N"));
        assertThat(wu.get("/engine-rest/engine/" + ENGINE + "/task?processInstanceBusinessKey=" + number).getBody()).isEmpty();
        assertThat(li.get("/engine-rest/engine/" + ENGINE + "/task?processInstanceBusinessKey=" + number).getBody()).isNotEmpty();

        // 发改局's directory person studies the proposal and completes 发改局's step
        assertThat(li.put("/api/decisions/" + number + "/category", Map.of("category", "ART3_1")).getStatusCode().value()).isEqualTo(200);
        var study = li.put("/api/decisions/" + number + "/study", Map.of("problem", "泊位紧张，收费标准多年未调整",
                "reasonsBasis", "《价格法》第二十三条", "preliminaryPlan", "分区域、分时段差别化收费",
                "necessity", "提高泊位周转率", "feasibility", "群众负担增幅可控"));
        assertThat(study.getStatusCode().value()).as(String.valueOf(study.getBody())).isEqualTo(200);
        JsonNode step = task(li, number, "proposal-study");
        assertThat(step.get("candidateGroups").get(0).asText()).isEqualTo("fgj");
        var done = li.complete(step.get("id").asText(), "IN_SCOPE", "属于第三条第一项所列事项");
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(200);

        // the other unit still cannot act on or see it; the decision organ (a directory group) launches it
        assertThat(wu.send(HttpMethod.GET, "/api/decisions/" + number + "/tasks", null).getStatusCode().value()).isEqualTo(404);
        ApiClient chen = new ApiClient(port, "chen_jing", PASSWORD);
        JsonNode launch = task(chen, number, "launch-decide");
        assertThat(directory.groupsOf("chen_jing")).containsExactlyInAnyOrder("staff", "bgs", "gx-organ");
        assertThat(launch.get("candidateGroups").get(0).asText()).isEqualTo("gx-organ");
        var launched = chen.complete(launch.get("id").asText(), "LAUNCH", "县政府第12次常务会议决定启动");
        assertThat(launched.getStatusCode().value()).as(String.valueOf(launched.getBody())).isEqualTo(200);

        // the audit trail names them as the directory has them
        List<JsonNode> trail = new ArrayList<>();
        chen.get("/api/decisions/" + number + "/audit").getBody().forEach(trail::add);
        assertThat(trail).anyMatch(e -> e.toString().contains("李强") && e.toString().contains("县发展和改革局"));
        assertThat(trail).anyMatch(e -> e.toString().contains("陈静") && e.toString().contains("县政府办公室"));
    }

    @Test
    void theLegalOfficeGroupGivesTheLegalRoleAndLeavingItTakesTheRoleAtTheNextSignIn() throws LDAPException {
        ApiClient zhou = new ApiClient(port, "zhou_min", PASSWORD);
        assertThat(zhou.get("/api/decisions").getStatusCode().value()).isEqualTo(200);
        assertThat(directory.groupsOf("zhou_min")).containsExactlyInAnyOrder("staff", "fgj", "fgj-legal");
        assertThat(directory.person("zhou_min").roles()).containsExactly(Role.LEGAL);
        // an administrator adds her to a group in Camunda Admin: not the directory's to take back
        identity.createMembership("zhou_min", "fgj-head");

        LDAP.modify("cn=发改局法规股," + UNITS, new Modification(ModificationType.DELETE, "member", "uid=zhou_min," + PEOPLE));
        assertThat(zhou.get("/api/decisions").getStatusCode().value()).isEqualTo(200);
        assertThat(directory.groupsOf("zhou_min")).containsExactlyInAnyOrder("staff", "fgj", "fgj-head");
        assertThat(directory.person("zhou_min").roles()).isEmpty();
        assertThat(auditDetails()).anyMatch(d -> d.startsWith("统一身份目录：周敏（zhou_min）") && d.contains("退出：县发展和改革局法制工作机构"));
    }

    @Test
    void theScheduledSyncWritesNewPeopleAndTakesBackWhatTheDirectoryNoLongerGives() throws LDAPException {
        assertThat(new ApiClient(port, "he_fang", PASSWORD).get("/api/decisions").getStatusCode().value()).isEqualTo(200);
        assertThat(new ApiClient(port, "gao_yuan", PASSWORD).get("/api/decisions").getStatusCode().value()).isEqualTo(200);
        assertThat(directory.groupsOf("he_fang")).containsExactlyInAnyOrder("staff", "fgj", "fgj-head");
        assertThat(directory.groupsOf("gao_yuan")).containsExactlyInAnyOrder("staff", "jtj");

        LDAP.modify("cn=发改局负责人," + UNITS, new Modification(ModificationType.DELETE, "member", "uid=he_fang," + PEOPLE));
        LDAP.modify("cn=教体局," + UNITS, new Modification(ModificationType.DELETE, "member", "uid=gao_yuan," + PEOPLE));
        LDAP.delete("uid=gao_yuan," + PEOPLE);
        LdapSync.Report report = sync.syncAll();

        assertThat(report.completed()).isTrue();
        assertThat(directory.groupsOf("he_fang")).containsExactlyInAnyOrder("staff", "fgj");
        assertThat(directory.groupsOf("gao_yuan")).isEmpty();
        assertThat(auditDetails()).anyMatch(d -> d.contains("高远（gao_yuan）已不在统一身份目录中"));
        // someone who never signed in can already be handed a step of their unit
        Person xu = directory.person("xu_lan");
        assertThat(xu.unitCode()).isEqualTo("fgj");
        assertThat(directory.groupsOf("xu_lan")).containsExactlyInAnyOrder("staff", "fgj", "fgj-legal");
        // the directory's "admin" (a member of the decision organ's group there) is not the built-in administrator
        assertThat(directory.groupsOf("admin")).containsExactlyInAnyOrder("staff", "bgs", "camunda-admin");
    }

    @Test
    void aWrongOrEmptyPasswordOrAnotherSpellingOfTheNameSignsNobodyIn() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.login("li_qiang", "wrong").headers().firstValue("Location").orElse("")).endsWith("/login?error");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        assertThat(new ApiClient(port, "li_qiang", "wrong").get("/api/decisions").getStatusCode().value()).isEqualTo(401);
        assertThat(new ApiClient(port, "li_qiang", "").get("/api/decisions").getStatusCode().value()).isEqualTo(401);
        assertThat(new ApiClient(port, "LI_QIANG", PASSWORD).get("/api/decisions").getStatusCode().value()).isEqualTo(401);
        assertThat(new ApiClient(port, "nobody_here", PASSWORD).get("/api/decisions").getStatusCode().value()).isEqualTo(401);
        assertThat(identity.createUserQuery().userId("LI_QIANG").count()).isZero();
    }

    @Test
    void aDirectoryPersonOfNoUnitIsToldWhyAndNotWritten() throws Exception {
        Browser browser = new Browser();
        assertThat(browser.login("song_yu", PASSWORD).headers().firstValue("Location").orElse("")).endsWith("/login?unassigned");
        assertThat(browser.get("/login?unassigned").body()).contains("您的目录账号未归属本系统的任何单位");
        var basic = new ApiClient(port, "song_yu", PASSWORD).get("/api/decisions");
        assertThat(basic.getStatusCode().value()).isEqualTo(401);
        assertThat(basic.getBody().get("code").asText()).isEqualTo("DIRECTORY_NO_UNIT");
        assertThat(identity.createUserQuery().userId("song_yu").count()).isZero();
    }

    @Test
    void builtInPeopleSignInAsBeforeAndTheDirectorysNamesakeDoesNot() throws Exception {
        assertThat(new Browser().login("admin", BUILT_IN_PASSWORD).headers().firstValue("Location").orElse("")).doesNotContain("?");
        assertThat(new ApiClient(port, "fgj_wang", BUILT_IN_PASSWORD).get("/api/decisions").getStatusCode().value()).isEqualTo(200);
        assertThat(new ApiClient(port, "admin", "ldap-admin").get("/api/decisions").getStatusCode().value()).isEqualTo(401);
        assertThat(directory.groupsOf("admin")).doesNotContain("gx-organ");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM juece.directory_account WHERE user_id = 'admin'").query(Long.class).single()).isZero();
    }

    @Test
    void whenTheDirectoryIsDownItsPeopleAreToldSoAndTheAdministratorStillSignsIn() throws Exception {
        ApiClient li = new ApiClient(port, "li_qiang", PASSWORD);
        assertThat(li.get("/api/decisions").getStatusCode().value()).isEqualTo(200);
        LDAP.shutDown(true);
        try {
            var refused = li.get("/api/decisions");
            assertThat(refused.getStatusCode().value()).isEqualTo(503);
            assertThat(refused.getBody().get("code").asText()).isEqualTo("DIRECTORY_UNAVAILABLE");
            Browser browser = new Browser();
            assertThat(browser.login("li_qiang", PASSWORD).headers().firstValue("Location").orElse("")).endsWith("/login?unavailable");
            assertThat(browser.get("/login?unavailable").body()).contains("统一身份认证目录暂时无法连接");

            Browser admin = new Browser();
            assertThat(admin.login("admin", BUILT_IN_PASSWORD).headers().firstValue("Location").orElse("")).doesNotContain("?");
            assertThat(admin.get("/").body()).contains("系统管理员");
            assertThat(new ApiClient(port, "admin", BUILT_IN_PASSWORD).get("/api/decisions").getStatusCode().value()).isEqualTo(200);
            assertThat(sync.syncAll().completed()).isFalse();
            assertThat(directory.groupsOf("li_qiang")).contains("fgj");
        } finally {
            LDAP.startListening();
        }
        assertThat(li.get("/api/decisions").getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void theWebappsOwnLoginFormTakesADirectoryPersonAndSignsThemInToOurPages() throws Exception {
        Browser browser = new Browser();
        browser.get("/camunda/api/admin/auth/user/" + ENGINE);
        var login = browser.post("/camunda/api/admin/auth/user/" + ENGINE + "/login/tasklist",
                "username=chen_jing&password=" + PASSWORD, true);
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        var home = browser.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("陈静");
        assertThat(browser.post("/camunda/api/admin/auth/user/" + ENGINE + "/login/tasklist",
                "username=chen_jing&password=wrong", true).statusCode()).isEqualTo(403);
    }

    private JsonNode task(ApiClient client, String number, String key) {
        for (JsonNode t : client.get("/api/decisions/" + number + "/tasks").getBody()) {
            if (t.get("taskKey").asText().equals(key)) {
                return t;
            }
        }
        throw new AssertionError("no open task " + key + " of " + number);
    }

    private List<String> auditDetails() {
        return jdbc.sql("SELECT detail FROM juece.audit_entry WHERE action = 'DIRECTORY_SYNCED' ORDER BY id").query(String.class).list();
    }

    private static InMemoryDirectoryServer startDirectory() {
        try {
            var config = new InMemoryDirectoryServerConfig("dc=gx,dc=gov,dc=cn");
            // no schema checks: a test may empty a groupOfNames, which the standard schema forbids
            config.setSchema(null);
            config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), FreePorts.free(), null));
            var server = new InMemoryDirectoryServer(config);
            try (var ldif = LdapDirectoryTest.class.getResourceAsStream("/ldap/gx-directory.ldif")) {
                server.importFromLDIF(true, new com.unboundid.ldif.LDIFReader(ldif));
            }
            server.startListening();
            return server;
        } catch (LDAPException | IOException e) {
            throw new IllegalStateException(e);
        }
    }


    /** A browser: cookies, no redirects followed, each side's CSRF token. */
    private final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> login(String user, String password) throws Exception {
            String page = get("/login").body();
            Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
            assertThat(m.find()).as("CSRF token in the login page").isTrue();
            return post("/login", "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8), false);
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form, boolean webappXsrf) throws Exception {
            var b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
            if (webappXsrf) {
                String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                        .map(HttpCookie::getValue).findFirst().orElse("");
                b.header("X-XSRF-TOKEN", token).header("Origin", "http://127.0.0.1:" + port);
            }
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }

        private URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }
    }
}
