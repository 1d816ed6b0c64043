package cn.juece.access;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.participation.PublicCommentService;
import cn.juece.support.AppClock;
import cn.juece.support.StaffBrowser;

/**
 * Who may see a decision (DECISIONS.md 23; issue 10): every demo role against every /api endpoint of the OpenAPI
 * description that names a decision or one of its resources, the dossier pages, and the engine REST's task,
 * process-instance and history queries. A unit with no role in the decision is answered exactly as for a number
 * or id that does not exist (status and body, but for the number itself) and changes nothing; the lead unit, a
 * consulted unit and the organ-wide roles see it.
 */
class VisibilityMatrixTest extends IntegrationTest {

    /** Units with no role in the decision. */
    static final List<String> DENIED = List.of("zjj_sun", "jtj_zhou", "zrj_head", "cgj_he");
    /**
     * The lead unit (clerk, legal office, head), a consulted unit, the justice bureau (clerk, head), the office and
     * decision organ (clerk, head), the executive head, a member, the administrator and the operator.
     */
    static final List<String> ALLOWED = List.of(LEAD, "fgj_legal", "fgj_head", "qqjd_lin", "sfj_liu", "sfj_head", "bgs_chen",
            "bgs_head", "xz_zhang", "fxz_li", "admin", "yw_zhao");

    @Autowired
    PublicCommentService comments;

    @Test
    void everyRoleAgainstEveryEndpointPageAndEngineQuery() {
        var d = driver();
        String n = d.create("城区农贸市场布局调整（可见范围）");
        d.study(n);
        d.launch(n);
        // Art. 16: the township is consulted on the draft and so has a role in the decision
        d.upload(LEAD, n, "DRAFT");
        d.upload(LEAD, n, "DRAFTING_EXPLANATION");
        d.drafter(n);
        d.answerReviewQuestions(n, false, false);
        assertThat(d.as(LEAD).put("/api/decisions/" + n + "/drafting/consultation", Map.of("units", List.of("qqjd")))
                .getStatusCode().value()).isEqualTo(200);
        d.complete(LEAD, n, "drafting-draft", "fgj", "CONSULT", null);
        d.complete("qqjd_lin", n, "drafting-consult", "qqjd", "AGREE", null);
        d.complete(LEAD, n, "drafting-consult-summary", "fgj", "AGREED", null);
        d.hearLegalVoices(n);
        d.upload(LifecycleDriver.LEAD_LEGAL, n, "INITIAL_REVIEW_OPINION");
        d.complete(LifecycleDriver.LEAD_LEGAL, n, "drafting-initial-review", "fgj-legal", "PASSED", "已听取法律顾问和公职律师意见");
        d.arrange(n, "PARTICIPATION", true);
        d.arrange(n, "EXPERT", false);
        d.arrange(n, "RISK", false);
        d.complete(LEAD, n, "drafting-arrangements", "fgj", "CONFIRMED", null);
        long consultation = d.as(LEAD).post("/api/decisions/" + n + "/consultations", Map.of("noticeText", "请提出意见",
                "channels", List.of("冠县发布"), "closesOn", LocalDate.now(AppClock.ZONE).plusDays(40).toString())).getBody().get("id").asLong();
        for (String text : List.of("建议保留早市", "建议保留早市！", "建议保留早市。")) {
            comments.submit(consultation, new PublicCommentService.Submission("市民", "13900000000", false, text, null, null), false);
        }
        long cluster = d.as(LEAD).post("/api/consultations/" + consultation + "/similar-clusters", Map.of()).getBody().get(0).get("id").asLong();
        long opinion = d.as(LEAD).get("/api/consultations/" + consultation + "/opinions").getBody().get(0).get("id").asLong();
        long symposium = d.as(LEAD).post("/api/decisions/" + n + "/symposiums", Map.of("title", "农贸市场座谈会",
                "heldOn", LocalDate.now(AppClock.ZONE).plusDays(10).toString(), "place", "县发改局会议室",
                "invitees", List.of("商户代表"))).getBody().get("id").asLong();
        String task = d.task(n, "participation-conduct").get("id").asText();
        long version = d.as(LEAD).get("/api/decisions/" + n + "/materials").getBody().get(0).get("versions").get(0).get("id").asLong();
        int auditBefore = d.auditActions(n).size();

        Map<String, String> real = Map.of("number", n, "consultations", String.valueOf(consultation), "opinions", String.valueOf(opinion),
                "clusters", String.valueOf(cluster), "symposiums", String.valueOf(symposium), "taskId", task, "versionId", String.valueOf(version));
        Map<String, String> unknown = Map.of("number", "GX-2099-9999", "consultations", "999999999", "opinions", "999999999",
                "clusters", "999999999", "symposiums", "999999999", "taskId", "no-such-task", "versionId", "999999999");

        List<String[]> endpoints = endpoints();
        assertThat(endpoints).hasSizeGreaterThan(40);
        List<String> leaks = new ArrayList<>();
        for (String user : DENIED) {
            for (String[] e : endpoints) {
                HttpMethod method = HttpMethod.valueOf(e[0]);
                var seen = as(user).send(method, fill(e[1], real), method == HttpMethod.GET ? null : Map.of());
                var none = as(user).send(method, fill(e[1], unknown), method == HttpMethod.GET ? null : Map.of());
                if (seen.getStatusCode().value() != none.getStatusCode().value()
                        || !normalise(seen.getBody(), real).equals(normalise(none.getBody(), unknown))) {
                    leaks.add(user + " " + e[0] + " " + e[1] + " → " + seen.getStatusCode().value() + " " + normalise(seen.getBody(), real)
                            + "  (unknown: " + none.getStatusCode().value() + " " + normalise(none.getBody(), unknown) + ")");
                }
            }
        }
        assertThat(leaks).as("answers that differ from an unknown number's").isEmpty();
        assertThat(d.auditActions(n)).as("the refused writes changed nothing").hasSize(auditBefore);

        for (String user : ALLOWED) {
            for (String[] e : endpoints) {
                if (!e[0].equals("GET")) {
                    continue;
                }
                var seen = as(user).send(HttpMethod.GET, fill(e[1], real), null);
                var none = as(user).send(HttpMethod.GET, fill(e[1], unknown), null);
                assertThat(normalise(seen.getBody(), real)).as(user + " GET " + e[1] + " must see the decision")
                        .isNotEqualTo(normalise(none.getBody(), unknown));
            }
        }

        // lists: the decision is listed for those who see it only
        for (String user : DENIED) {
            assertThat(as(user).get("/api/decisions").getBody().toString()).doesNotContain(n);
        }
        for (String user : ALLOWED) {
            assertThat(as(user).get("/api/decisions").getBody().toString()).as(user).contains(n);
        }
        // citizens' contact details reach only the decision organ (Art. 11; personal information)
        for (String user : List.of(LEAD, "zjj_sun", "sfj_liu")) {
            var r = as(user).get("/api/public-proposals");
            assertThat(r.getStatusCode().value()).isEqualTo(403);
            assertThat(r.getBody().get("code").asText()).isEqualTo("PUBLIC_PROPOSAL_NOT_AUTHORISED");
        }
        assertThat(as("bgs_chen").get("/api/public-proposals").getStatusCode().value()).isEqualTo(200);

        // pages: the dossier and the participation page
        for (String page : List.of("/decisions/" + n, "/decisions/" + n + "/participation")) {
            for (String user : DENIED) {
                String seen = new StaffBrowser(port, user, PASSWORD).get(page);
                String none = new StaffBrowser(port, user, PASSWORD).get(page.replace(n, "GX-2099-9999"));
                String csrf = "name=\"_csrf\" value=\"[^\"]*\"";
                assertThat(seen.replace(n, "X").replaceAll(csrf, ""))
                        .isEqualTo(none.replace("GX-2099-9999", "X").replaceAll(csrf, "")).contains("未找到", "DECISION_NOT_FOUND");
                assertThat(seen).doesNotContain("城区农贸市场布局调整");
            }
            for (String user : ALLOWED) {
                assertThat(new StaffBrowser(port, user, PASSWORD).get(page)).as(user + " " + page).contains("城区农贸市场布局调整");
            }
        }

        // the engine REST: process instances and their history for the units with a role and organ-wide roles, the step
        // for its party only (Tasklist)
        String instances = "/engine-rest/process-instance?businessKey=" + n;
        String history = "/engine-rest/history/process-instance?processInstanceBusinessKey=" + n;
        String tasks = "/engine-rest/task?processInstanceBusinessKey=" + n;
        for (String user : DENIED) {
            assertThat(as(user).send(HttpMethod.GET, instances, null).getBody()).as(user).isEqualTo("[]");
            assertThat(as(user).send(HttpMethod.GET, history, null).getBody()).as(user).isEqualTo("[]");
            assertThat(as(user).send(HttpMethod.GET, tasks, null).getBody()).as(user).isEqualTo("[]");
        }
        for (String user : ALLOWED) {
            assertThat(as(user).send(HttpMethod.GET, instances, null).getBody()).as(user).contains(n);
            assertThat(as(user).send(HttpMethod.GET, history, null).getBody()).as(user).contains(n);
        }
        assertThat(as(LEAD).send(HttpMethod.GET, tasks, null).getBody()).contains(task);
        // a task id of a decision the person may not see is answered as an unknown one, never 403 (which would tell)
        Map<String, Object> completion = Map.of("variables", Map.of("outcome", Map.of("value", "COMPLETED")));
        for (String user : DENIED) {
            for (String[] call : List.of(new String[] {"GET", ""}, new String[] {"POST", "/complete"}, new String[] {"POST", "/claim"})) {
                HttpMethod method = HttpMethod.valueOf(call[0]);
                Object body = method == HttpMethod.GET ? null : call[1].equals("/claim") ? Map.of("userId", user) : completion;
                var seen = as(user).send(method, "/engine-rest/task/" + task + call[1], body);
                var none = as(user).send(method, "/engine-rest/task/no-such-task" + call[1], body);
                assertThat(seen.getStatusCode().value()).as(user + " " + call[0] + call[1]).isEqualTo(none.getStatusCode().value());
                assertThat(normalise(seen.getBody(), Map.of("t", task))).isEqualTo(normalise(none.getBody(), Map.of("t", "no-such-task")));
            }
        }
        assertThat(as("qqjd_lin").send(HttpMethod.GET, tasks, null).getBody()).isEqualTo("[]");
    }

    /** Every method and path of the OpenAPI description that names a decision or a resource of one. */
    private List<String[]> endpoints() {
        JsonNode paths = as("admin").get("/v3/api-docs").getBody().get("paths");
        List<String[]> result = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            var p = it.next();
            String path = p.getKey();
            if (!path.startsWith("/api/") || !(path.contains("{number}") || path.contains("{taskId}") || segmentOf(path) != null)
                    || path.contains("{key}")) {
                continue; // the annual catalogue's ({key}) is public once published: not a decision's
            }
            for (Iterator<String> m = p.getValue().fieldNames(); m.hasNext(); ) {
                result.add(new String[] {m.next().toUpperCase(Locale.ROOT), path});
            }
        }
        return result;
    }

    private static final List<String> SEGMENTS = List.of("consultations", "opinions", "clusters", "symposiums");

    private static String segmentOf(String path) {
        return SEGMENTS.stream().filter(s -> path.contains("/" + s + "/{id}")).findFirst().orElse(null);
    }

    private static String fill(String path, Map<String, String> values) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("{number}", values.get("number"));
        vars.put("{taskId}", values.get("taskId"));
        vars.put("{versionId}", values.get("versionId"));
        vars.put("{procedure}", "EXPERT");
        vars.put("{voice}", "LEGAL_ADVISER");
        vars.put("{unit}", "qqjd");
        vars.put("{kind}", "SOCIAL_STABILITY");
        vars.put("{point}", "AUTHORITY");
        vars.put("{suggestionId}", "999999999");
        String segment = segmentOf(path);
        if (segment != null) {
            vars.put("{id}", values.get(segment));
        }
        String filled = path;
        for (var v : vars.entrySet()) {
            filled = filled.replace(v.getKey(), v.getValue());
        }
        // ids of resources of other kinds (hearings, questionnaires, enterprise opinions) do not exist here
        return filled.replace("{id}", values.get("consultations"));
    }

    /** The body with the requested number and ids blanked, so "not found: A" and "not found: B" compare equal. */
    private static String normalise(String body, Map<String, String> values) {
        if (body == null) {
            return "";
        }
        String s = body.replaceAll("\"timestamp\":\"[^\"]*\"", "");
        for (String v : values.values().stream().sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList()) {
            s = s.replaceAll("(?<![0-9A-Za-z-])" + java.util.regex.Pattern.quote(v) + "(?![0-9A-Za-z-])", "?");
        }
        return s;
    }
}
