package cn.juece.organ;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.support.EngineRestRefusal;
import cn.juece.support.PageSession;

/**
 * Art. 64: a sub-district decides its own major matters by reference to the whole procedure. 清泉街道办事处's matter is
 * driven from registration to the archive by its own people over /api, every optional procedure held, each step
 * offered to the township's own groups (the driver asserts the candidate group of every step).
 */
class TownshipLifecycleTest extends IntegrationTest {

    @Test
    void aTownshipMatterGoesFromRegistrationToTheArchiveThroughItsOwnPeople() {
        var d = new LifecycleDriver(port, PASSWORD, LifecycleDriver.TOWNSHIP);
        // the whole lifecycle, with the publication notice generated as well
        String n = d.wholeLifecycle("清泉街道老旧街巷路灯改造方案", number -> assertThat(d.as(d.cast().office())
                .post("/api/decisions/" + number + "/publication/notice", Map.of()).getStatusCode().value()).isEqualTo(201));
        assertThat(n).startsWith("QQ-");
        assertThat(d.status(n)).isEqualTo("ARCHIVED");
        // what the township's dossier carries names its own units and party committee, never the county's (the one
        // exception: sfj_liu, of the county's 司法局, reviews for the township and the audit names his own unit)
        var county = Pattern.compile("县司法局|县政府办公室|县委|县政府公报|冠县人民政府|县政府常务会议|县长|我局|向县人民政府|提交县人民政府|县人民政府常务会议|县人民政府讨论");
        List<String> slips = new ArrayList<>();
        Map<String, String> texts = archivedTexts(d.as(d.cast().office()).raw().get().uri("/api/decisions/" + n + "/archive-package")
                .retrieve().body(byte[].class));
        texts.forEach((name, whole) -> {
            String text = name.endsWith("chain.jsonl") ? whole.replace("\"actorUnit\":\"县司法局\"", "")
                    .replace("\"actorRoles\":\"县司法局合法性审查科科员\"", "") : whole;
            var m = county.matcher(text);
            while (m.find()) {
                slips.add(name + ": …" + text.substring(Math.max(0, m.start() - 20), Math.min(text.length(), m.end() + 20)) + "…");
            }
        });
        assertThat(slips).isEmpty();
        assertThat(texts.entrySet().stream().filter(e -> e.getKey().contains("会议纪要")).map(Map.Entry::getValue).findFirst().orElseThrow())
                .contains("清泉街道司法所作合法性审查情况说明");
        assertThat(String.join("\n", texts.values())).contains("向街道党工委请示报告", "清泉街道党政办公室",
                "我所对决策草案进行了合法性审查", "可以提交清泉街道办事处集体讨论", "应当向清泉街道办事处书面说明理由", "关于公布《清泉街道老旧街巷路灯改造方案》的公告");
    }

    /**
     * Art. 51 by reference: a sub-district has no people's congress, and what needs approval goes to the county
     * government (config/organisation.yaml congress, superior-government; V268). Its issuing step offers only those
     * routes, refuses a congress route, and holds the step until the county government's approval is recorded.
     */
    @Test
    void aSubDistrictsRoutesAreItsOwnNoCongressAndTheCountyGovernmentsApproval() throws Exception {
        var d = new LifecycleDriver(port, PASSWORD, LifecycleDriver.TOWNSHIP);
        String n = d.create("清泉街道农贸市场搬迁方案");
        d.approveWithoutOptionalProcedures(n);
        String office = d.cast().office();
        String path = "/api/decisions/" + n + "/publication/issuance";
        d.upload(office, n, "DECISION_DOCUMENT");
        assertThat(d.as(office).put(path, Map.of("partyReportOn", LifecycleDriver.today(), "partyReportRef", "清工委请〔2026〕2号",
                "docNumber", "清街发〔2026〕5号", "issuedOn", LifecycleDriver.today())).getStatusCode().value()).isEqualTo(200);

        // the page offers the township's two routes only, in its own words
        var page = new PageSession(port).signIn(office, PASSWORD).get("/decisions/" + n + "/publication").body();
        assertThat(page).contains("无需报县人民政府批准", "报县人民政府批准", "向街道党工委请示报告").doesNotContain("人民代表大会", "市人民政府", "县人大");

        // a congress route is refused, naming the routes there are
        var npc = d.as(office).put(path, Map.of("route", "NPC_DECIDE"));
        assertThat(npc.getStatusCode().value()).isEqualTo(400);
        assertThat(npc.getBody().get("code").asText()).isEqualTo("ART51_ROUTE_INVALID");
        assertThat(npc.getBody().get("message").asText()).contains("NONE（无需报县人民政府批准）", "CITY_APPROVAL（报县人民政府批准）")
                .doesNotContain("人民代表大会");

        String issue = null;
        for (JsonNode t : d.as(office).get("/api/decisions/" + n + "/tasks").getBody()) {
            if (t.get("taskKey").asText().equals("publication-party-report")) {
                issue = t.get("id").asText();
            }
        }
        assertThat(issue).isNotNull();
        // no route recorded: the refusal asks about the township's route only
        var unanswered = d.as(office).complete(issue, "ISSUED", null);
        assertThat(unanswered.getBody().get("code").asText()).isEqualTo("ART51_ROUTE_UNANSWERED");
        assertThat(unanswered.getBody().get("message").asText()).contains("报县人民政府批准").doesNotContain("人民代表大会", "市人民政府");

        // the county government's approval pending: refused on /api and on the engine REST API
        assertThat(d.as(office).put(path, Map.of("route", "CITY_APPROVAL", "routeRef", "已报县人民政府")).getStatusCode().value()).isEqualTo(200);
        var pending = d.as(office).complete(issue, "ISSUED", null);
        assertThat(pending.getStatusCode().value()).isEqualTo(422);
        assertThat(pending.getBody().get("code").asText()).isEqualTo("ART51_ROUTE_PENDING");
        assertThat(pending.getBody().get("message").asText()).contains("（报县人民政府批准）");
        EngineRestRefusal.assertRefused(d.as(office).raw().post().uri("/engine-rest/task/" + issue + "/complete")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", Map.of("outcome", Map.of("value", "ISSUED", "type", "String"))))
                .retrieve().toEntity(JsonNode.class), "ART51_ROUTE_PENDING", "报县人民政府批准");

        // approved: the step passes, and the audit records the route in the township's words
        assertThat(d.as(office).put(path, Map.of("routeDoneOn", LifecycleDriver.today())).getStatusCode().value()).isEqualTo(200);
        var issued = d.as(office).complete(issue, "ISSUED", null);
        assertThat(issued.getStatusCode().value()).as(String.valueOf(issued.getBody())).isEqualTo(200);
        List<String> details = new ArrayList<>();
        d.as(office).get("/api/decisions/" + n + "/audit").getBody().forEach(a -> details.add(a.get("detail").asText()));
        assertThat(details).anyMatch(t -> t.contains("报县人民政府批准") && t.contains("向街道党工委请示报告"));
    }

    /** Every text of the archive package: plain files as they are, a Word file's XML without its tags; PDFs left out. */
    static Map<String, String> archivedTexts(byte[] zip) {
        Map<String, String> texts = new LinkedHashMap<>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] b = in.readAllBytes();
                if (e.getName().endsWith(".docx")) {
                    StringBuilder t = new StringBuilder();
                    try (var docx = new ZipInputStream(new ByteArrayInputStream(b))) {
                        for (var f = docx.getNextEntry(); f != null; f = docx.getNextEntry()) {
                            if (f.getName().endsWith(".xml")) {
                                t.append(new String(docx.readAllBytes(), StandardCharsets.UTF_8).replaceAll("<[^>]+>", ""));
                            }
                        }
                    }
                    texts.put(e.getName(), t.toString());
                } else if (!e.getName().endsWith(".pdf")) {
                    texts.put(e.getName(), new String(b, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return texts;
    }
}
