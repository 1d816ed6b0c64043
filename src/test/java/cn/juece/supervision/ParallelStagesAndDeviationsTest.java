package cn.juece.supervision;

import static cn.juece.LifecycleDriver.JUSTICE;
import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;
import cn.juece.support.StaffBrowser;

/**
 * Supervision counts a decision in every stage it is in (stages 4-6 run in parallel, DECISIONS.md 3), and shows
 * every deviation from a "一般" rule with its reason, approver and article (DECISIONS.md 12; issue 11): a comment
 * window shortened for urgency (Art. 20), a hearing with stakeholders below half (Art. 24).
 */
class ParallelStagesAndDeviationsTest extends IntegrationTest {

    @Test
    void aDecisionInParallelStagesCountsInEach() {
        var d = driver();
        Map<String, Long> before = byStage(d.as(JUSTICE).get("/api/supervision").getBody());
        String n = d.create("城区供热管网并网改造（并行阶段）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, true, true);
        Map<String, Long> after = byStage(d.as(JUSTICE).get("/api/supervision").getBody());
        for (String stage : List.of("4. 公众参与", "5. 专家论证", "6. 风险评估")) {
            assertThat(after.get(stage)).as(stage).isEqualTo(before.get(stage) + 1);
        }
        List<String> stages = new ArrayList<>();
        d.decision(n).get("stages").forEach(s -> stages.add(s.get("label").asText()));
        assertThat(stages).containsExactly("公众参与", "专家论证", "风险评估");
        assertThat(new StaffBrowser(port, LEAD, PASSWORD).get("/decisions")).contains("<span>4. 公众参与；</span><span>5. 专家论证；</span><span>6. 风险评估</span>");
    }

    @Test
    void aShortenedCommentWindowAndAHearingBelowHalfShowWithTheirApprover() {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2025, 4, 1, 9, 0).atZone(AppClock.ZONE).toInstant()));
        var d = driver();
        String n = d.create("城区防汛应急排涝设施建设（偏离一般规定）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        // Art. 20: a 15-day window for urgency, set by the unit's head
        var notice = new HashMap<String, Object>(Map.of("noticeText", "汛期临近，请于截止日前提出意见。", "channels", List.of("冠县发布"),
                "closesOn", "2025-04-16", "shortenedReason", "主汛期将至，排涝设施须在5月前开工，情况紧急"));
        var published = d.as("fgj_head").post("/api/decisions/" + n + "/consultations", notice);
        assertThat(published.getStatusCode().value()).as(String.valueOf(published.getBody())).isEqualTo(201);
        // Art. 24: the head gives the reason why stakeholders are below half; a clerk may then edit the rest
        long hearing = d.as(LEAD).post("/api/decisions/" + n + "/hearings", Map.of("title", "排涝设施选址听证会", "heldOn", "2025-04-30",
                "place", "县水利局会议室", "seats", 5, "applyUntil", "2025-04-20")).getBody().get("id").asLong();
        var byClerk = d.as(LEAD).put("/api/hearings/" + hearing + "/preparation", Map.of("presider", "韩卫东", "recorder", "王海涛",
                "belowHalfReason", "沿河居民报名人数不足"));
        assertThat(byClerk.getBody().get("code").asText()).isEqualTo("HEAD_APPROVAL_REQUIRED");
        var byHead = d.as("fgj_head").put("/api/hearings/" + hearing + "/preparation", Map.of("presider", "韩卫东", "recorder", "王海涛",
                "belowHalfReason", "沿河居民报名人数不足，已两次延长报名期"));
        assertThat(byHead.getStatusCode().value()).as(String.valueOf(byHead.getBody())).isEqualTo(200);
        var clerkKeepsIt = d.as(LEAD).put("/api/hearings/" + hearing + "/preparation", Map.of("presider", "韩卫东", "recorder", "马丽",
                "belowHalfReason", "沿河居民报名人数不足，已两次延长报名期"));
        assertThat(clerkKeepsIt.getStatusCode().value()).as(String.valueOf(clerkKeepsIt.getBody())).isEqualTo(200);

        JsonNode o = d.as(JUSTICE).get("/api/supervision").getBody();
        List<JsonNode> mine = new ArrayList<>();
        o.get("deviations").forEach(x -> {
            if (x.get("decisionNumber").asText().equals(n)) {
                mine.add(x);
            }
        });
        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).get("what").asText()).startsWith("公开征求意见期限少于30日");
        assertThat(mine.get(0).get("article").asText()).isEqualTo("第二十条");
        assertThat(mine.get(0).get("reason").asText()).isEqualTo("主汛期将至，排涝设施须在5月前开工，情况紧急");
        assertThat(mine.get(0).get("approver").asText()).isEqualTo("韩卫东");
        assertThat(mine.get(1).get("what").asText()).startsWith("听证会利害关系人代表少于参加人总数二分之一");
        assertThat(mine.get(1).get("article").asText()).isEqualTo("第二十四条");
        assertThat(mine.get(1).get("approver").asText()).isEqualTo("韩卫东");
        assertThat(new StaffBrowser(port, JUSTICE, PASSWORD).get("/supervision"))
                .contains("偏离“一般”规定的情形", "主汛期将至，排涝设施须在5月前开工，情况紧急", "沿河居民报名人数不足，已两次延长报名期");
    }

    private static Map<String, Long> byStage(JsonNode overview) {
        Map<String, Long> m = new HashMap<>();
        overview.get("byStage").fields().forEachRemaining(e -> m.put(e.getKey(), e.getValue().asLong()));
        return m;
    }

    @SuppressWarnings("unused")
    private static LocalDate date(String s) {
        return LocalDate.parse(s);
    }
}
