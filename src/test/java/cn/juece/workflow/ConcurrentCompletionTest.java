package cn.juece.workflow;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.support.AtOnce;

/**
 * One step completed several times at the same moment (issue 17: no 500 under concurrency) — a double click on 办理,
 * or two clerks of the lead unit at the same step: the first completion counts, every other answer is a refusal in
 * Chinese with nothing saved (404 the step is already done, or 409 a concurrent change), through /api and through the
 * engine REST API (Tasklist's path), and the decision moves on once.
 */
class ConcurrentCompletionTest extends IntegrationTest {

    @Test
    void aStepCompletedFourTimesAtOnceOverApiCountsOnceAndTheOthersAreRefused() throws Exception {
        var d = driver();
        String n = studied(d, "并发办结同一环节（接口）");
        String taskId = d.task(n, "proposal-study").get("id").asText();
        List<ResponseEntity<JsonNode>> answers = AtOnce.send(4, () -> d.as(LEAD).complete(taskId, "IN_SCOPE", "属于第三条第一项所列事项"));
        assertOnceAndRefused(answers, 200);
        assertMovedOnOnce(d, n);
    }

    @Test
    void aStepCompletedFourTimesAtOnceOverTheEngineRestApiCountsOnceAndTheOthersAreRefused() throws Exception {
        var d = driver();
        String n = studied(d, "并发办结同一环节（引擎接口）");
        String taskId = d.task(n, "proposal-study").get("id").asText();
        List<ResponseEntity<JsonNode>> answers = AtOnce.send(4, () -> as(LEAD).raw().post().uri("/engine-rest/task/" + taskId + "/complete")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("variables", Map.of("outcome", Map.of("value", "IN_SCOPE", "type", "String"),
                        "reason", Map.of("value", "属于第三条第一项所列事项", "type", "String"))))
                .retrieve().toEntity(JsonNode.class));
        assertOnceAndRefused(answers, 204);
        assertMovedOnOnce(d, n);
    }

    private static String studied(LifecycleDriver d, String title) {
        String n = d.create(title);
        d.as(LEAD).put("/api/decisions/" + n + "/category", Map.of("category", "ART3_1"));
        d.recordStudy(n);
        d.upload(LEAD, n, "STUDY_REPORT");
        return n;
    }

    private static void assertOnceAndRefused(List<ResponseEntity<JsonNode>> answers, int success) {
        assertThat(answers.stream().filter(r -> r.getStatusCode().value() == success)).as(answers.toString()).hasSize(1);
        for (var r : answers) {
            if (r.getStatusCode().value() != success) {
                assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isIn(404, 409);
                // met inside the engine (NOT_FOUND, CONCURRENT_CHANGE), or arriving after the first had committed: the task
                // is gone (TASK_NOT_FOUND, 任务不存在或已办结)
                assertThat(r.getBody().get("code").asText()).isIn("NOT_FOUND", "CONCURRENT_CHANGE", "TASK_NOT_FOUND");
                assertThat(r.getBody().get("message").asText()).containsAnyOf("已经办结", "已办结", "同时办理");
            }
        }
    }

    private void assertMovedOnOnce(LifecycleDriver d, String n) {
        assertThat(d.openTaskKeys(n)).doesNotContain("proposal-study").isNotEmpty();
        // the study's completion is in the audit once, and the chain is intact
        List<String> details = d.auditDetails(n);
        assertThat(details.stream().filter(s -> s.contains("属于第三条第一项所列事项"))).hasSize(1);
        assertThat(d.as("admin").get("/api/decisions/" + n + "/audit/verify").getBody().get("intact").asBoolean()).isTrue();
    }
}
