package cn.juece.archive;

import static cn.juece.LifecycleDriver.*;
import static cn.juece.support.EngineRestRefusal.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.support.StaffBrowser;

/**
 * Art. 59: the government office records the archive number (档案号) before it files the dossier; filing
 * without one is refused on /api and on the engine REST API alike, and nothing changes; anyone else who tries
 * to record it is refused in Chinese.
 */
class ArchiveNumberTest extends IntegrationTest {

    /** The shortest way to the archive: 不同意 at the meeting ends the matter there (Art. 50, DECISIONS.md 5). */
    private String atTheArchive(String title) {
        var d = driver();
        String n = d.create(title);
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, false);
        d.submitForLegality(n);
        d.review(n, "PASSED", null);
        d.meeting(n, "REJECTED");
        assertThat(d.openTaskKeys(n)).containsExactly("archive-file");
        return n;
    }

    @Test
    void filingWithoutAnArchiveNumberIsRefusedOnApiAndEngineRestThenPassesOnceItIsRecorded() {
        var d = driver();
        String n = atTheArchive("县城区农贸市场布局规划（归档）");
        String task = d.task(n, "archive-file").get("id").asText();
        int auditBefore = d.auditActions(n).size();

        var api = d.as(OFFICE).complete(task, "ARCHIVED", "案卷已整理");
        assertThat(api.getStatusCode().value()).isEqualTo(422);
        assertThat(api.getBody().get("code").asText()).isEqualTo("ARCHIVE_NUMBER_MISSING");
        assertThat(api.getBody().get("message").asText()).contains("尚未记录档案号", "第五十九条", "县政府办公室");
        Map<String, Object> body = Map.of("variables", Map.of("outcome", Map.of("value", "ARCHIVED", "type", "String"),
                "reason", Map.of("value", "案卷已整理", "type", "String")));
        assertRefused(engineRest(OFFICE, "/engine-rest/task/" + task + "/complete", body), "ARCHIVE_NUMBER_MISSING", "尚未记录档案号（第五十九条）");
        assertRefused(engineRest(OFFICE, "/engine-rest/task/" + task + "/submit-form", body), "ARCHIVE_NUMBER_MISSING", "尚未记录档案号（第五十九条）");
        // nothing happened; the dossier's checklist says what is missing
        assertThat(d.openTaskKeys(n)).containsExactly("archive-file");
        assertThat(d.auditActions(n)).hasSize(auditBefore);
        assertThat(d.as(OFFICE).get("/api/decisions/" + n + "/checklist").getBody().toString())
                .contains("ARCHIVE_NUMBER_MISSING", "已记录档案号");
        assertThat(d.as(OFFICE).get("/api/decisions/" + n + "/archive").getStatusCode().value()).isEqualTo(404);

        d.recordArchiveNumber(n);
        assertThat(d.auditActions(n)).contains("ARCHIVE_NUMBER_RECORDED");
        var recorded = d.as(OFFICE).get("/api/decisions/" + n + "/archive").getBody();
        assertThat(recorded.get("archiveNumber").asText()).isEqualTo(LifecycleDriver.archiveNumber(n));
        assertThat(recorded.get("note").asText()).isEqualTo("文书档案，永久保管");
        assertThat(recorded.get("recordedBy").asText()).isEqualTo(OFFICE);
        assertThat(recorded.get("filing").isNull()).isTrue();

        // the engine REST API (what Tasklist calls) now files it
        assertThat(engineRest(OFFICE, "/engine-rest/task/" + task + "/complete", body).getStatusCode().value()).isEqualTo(204);
        assertThat(d.status(n)).isEqualTo("ARCHIVED");
        var filed = d.as(OFFICE).get("/api/decisions/" + n + "/archive").getBody().get("filing");
        assertThat(filed.get("taskId").asText()).isEqualTo(task);
        assertThat(filed.get("round").asInt()).isEqualTo(1);
        assertThat(filed.get("actedBy").asText()).isEqualTo(OFFICE);
        assertThat(filed.get("reason").asText()).isEqualTo("案卷已整理");
        // once filed, the number stands
        var late = d.as(OFFICE).put("/api/decisions/" + n + "/archive", Map.of("archiveNumber", "WS-另一个"));
        assertThat(late.getBody().get("code").asText()).isEqualTo("DECISION_CLOSED");
    }

    @Test
    void onlyTheGovernmentOfficeRecordsTheArchiveNumberAtTheArchiveStage() {
        var d = driver();
        String early = d.create("县城区夜市管理办法（归档·未到归档阶段）");
        var notYet = d.as(OFFICE).put("/api/decisions/" + early + "/archive", Map.of("archiveNumber", "WS-提前"));
        assertThat(notYet.getStatusCode().value()).isEqualTo(422);
        assertThat(notYet.getBody().get("code").asText()).isEqualTo("ARCHIVE_NUMBER_NOT_IN_ARCHIVE");
        assertThat(notYet.getBody().get("message").asText()).contains("归档", "第五十九条", "决策事项建议研究论证");

        String n = atTheArchive("县城区公共厕所布局规划（归档）");
        for (String other : new String[] {LEAD, JUSTICE, "fgj_head"}) {
            var refused = d.as(other).put("/api/decisions/" + n + "/archive", Map.of("archiveNumber", "WS-越权", "note", "试图记录"));
            assertThat(refused.getStatusCode().value()).as(other).isEqualTo(403);
            assertThat(refused.getBody().get("code").asText()).isEqualTo("NOT_GOV_OFFICE");
            assertThat(refused.getBody().get("message").asText()).contains("县政府办公室", "第五十九条", "无权记录");
        }
        var blank = d.as(OFFICE).put("/api/decisions/" + n + "/archive", Map.of("archiveNumber", "  "));
        assertThat(blank.getStatusCode().value()).isEqualTo(400);
        assertThat(blank.getBody().get("code").asText()).isEqualTo("ARCHIVE_NUMBER_REQUIRED");
        assertThat(d.as(OFFICE).get("/api/decisions/" + n + "/archive").getStatusCode().value()).isEqualTo(404);

        // the office head records it on the dossier page, where others see no form
        String leadPage = new StaffBrowser(port, LEAD, PASSWORD).get("/decisions/" + n);
        assertThat(leadPage).contains("尚未记录档案号").doesNotContain("name=\"archiveNumber\"");
        var office = new StaffBrowser(port, "bgs_head", PASSWORD);
        assertThat(office.get("/decisions/" + n)).contains("name=\"archiveNumber\"");
        String number = "WS-" + n + "-页面";
        office.post("/decisions/" + n, "/decisions/" + n + "/archive", Map.of("archiveNumber", number, "note", "长期保管"));
        assertThat(office.get("/decisions/" + n)).contains(number, "长期保管", "周立群", "待办理归档");

        // an archive number is used once in the organ's archive
        String second = atTheArchive("县城区公共厕所布局规划（归档·另一件）");
        var taken = d.as(OFFICE).put("/api/decisions/" + second + "/archive", Map.of("archiveNumber", number));
        assertThat(taken.getStatusCode().value()).isEqualTo(422);
        assertThat(taken.getBody().get("code").asText()).isEqualTo("ARCHIVE_NUMBER_TAKEN");
        assertThat(taken.getBody().get("message").asText()).contains(number, n);
        // a correction before filing is recorded too
        var corrected = d.as(OFFICE).put("/api/decisions/" + n + "/archive", Map.of("archiveNumber", number + "-更正"));
        assertThat(corrected.getStatusCode().value()).isEqualTo(200);
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("修改档案号：" + number + " → " + number + "-更正"));
    }

    private ResponseEntity<JsonNode> engineRest(String user, String path, Object body) {
        return as(user).post(path, body);
    }
}
