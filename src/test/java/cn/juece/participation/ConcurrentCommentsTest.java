package cn.juece.participation;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.juece.IntegrationTest;

/**
 * Many people comment at the same moment (the comments are committed in groups): each gets its own receipt
 * only once the comment is stored, none is lost, identical texts are marked as the same as the first stored
 * one, and each receipt finds its comment (Art. 28: every opinion kept and counted); their audit entries,
 * written a batch at a time, form an intact chain.
 */
class ConcurrentCommentsTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fortyPeopleCommentAtOnceAndEveryCommentIsKept() throws Exception {
        var d = driver();
        String n = d.create("县城区公交线路优化调整方案（同时提交）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        long id = d.as(LEAD).post("/api/decisions/" + n + "/consultations", Map.of("noticeText", "欢迎提出意见",
                "channels", List.of("冠县发布"), "closesOn", LocalDate.now().plusDays(40).toString())).getBody().get("id").asLong();

        int people = 40;
        ExecutorService pool = Executors.newFixedThreadPool(people);
        var start = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            // half send the same campaign text, half their own
            String text = i % 2 == 0 ? "请保留12路公交车，方便老人就医。" : "建议在第" + i + "中学门口增设站点。";
            String address = "10.77.0." + (i + 1);
            answers.add(CompletableFuture.supplyAsync(() -> post(id, text, address, start), pool));
        }
        start.countDown();
        Set<String> receipts = new HashSet<>();
        for (var a : answers) {
            HttpResponse<String> r = a.get(60, TimeUnit.SECONDS);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            receipts.add(JSON.readTree(r.body()).get("receipt").asText());
        }
        pool.shutdown();
        assertThat(receipts).hasSize(people);

        JsonNode stored = d.as(LEAD).get("/api/consultations/" + id + "/opinions?size=200").getBody();
        assertThat(stored.size()).isEqualTo(people);
        List<JsonNode> campaign = new ArrayList<>();
        stored.forEach(o -> {
            if (o.get("content").asText().startsWith("请保留12路")) {
                campaign.add(o);
            }
        });
        assertThat(campaign).hasSize(people / 2);
        long firstId = campaign.stream().mapToLong(o -> o.get("id").asLong()).min().orElseThrow();
        assertThat(campaign).filteredOn(o -> o.get("id").asLong() != firstId)
                .allMatch(o -> o.get("sameAs").asLong() == firstId, "marked as the same as the first stored");
        assertThat(campaign).filteredOn(o -> o.get("id").asLong() == firstId).allMatch(o -> o.get("sameAs").isNull());

        var anon = HttpClient.newHttpClient();
        for (String receipt : receipts) {
            var found = anon.send(HttpRequest.newBuilder(URI.create(base() + "/public/api/opinions/" + receipt)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(found.statusCode()).as(receipt).isEqualTo(200);
        }
        var audit = d.as(LEAD).get("/api/decisions/" + n + "/audit").getBody();
        long received = 0;
        for (JsonNode e : audit) {
            if (e.get("action").asText().equals("OPINION_RECEIVED")) {
                received++;
            }
        }
        assertThat(received).as("one audit entry per comment").isEqualTo(people);

        // the comments' entries, written in batches by the group commit, chain on (DECISIONS.md 26)
        JsonNode chain = d.as(LEAD).get("/api/decisions/" + n + "/audit/verify").getBody();
        assertThat(chain.get("intact").asBoolean()).as(chain.toString()).isTrue();
        assertThat(chain.get("entries").asInt()).isEqualTo(audit.size());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    /** One person (their own address, behind the county's proxy): opens the consultation (CSRF cookie and token), then comments when everyone does. */
    private HttpResponse<String> post(long id, String text, String address, CountDownLatch start) {
        try {
            var http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
            JsonNode c = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base() + "/public/api/consultations/" + id)).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String body = JSON.writeValueAsString(Map.of("content", text));
            var request = HttpRequest.newBuilder(URI.create(base() + "/public/api/consultations/" + id + "/opinions"))
                    .header("Content-Type", "application/json")
                    .header("X-Forwarded-For", address)
                    .header(c.get("csrf").get("header").asText(), c.get("csrf").get("token").asText())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            start.await();
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
