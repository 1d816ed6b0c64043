package cn.juece.workflow;

import static cn.juece.LifecycleDriver.LEAD;
import static cn.juece.LifecycleDriver.ORGAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;
import cn.juece.support.StaffBrowser;

/**
 * A clerk's work list is paged and served from our own steps by an indexed query (issue 17): sorted by the
 * period's day or by creation, filtered by stage and decision, page boundaries exact, bad paging refused.
 */
class WorkListTest extends IntegrationTest {

    @Test
    void theWorkListIsPagedSortedAndFiltered() {
        var d = driver();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 3, 2 + i, 9, 0).atZone(AppClock.ZONE).toInstant()));
            var r = d.as("zrj_wu").post("/api/decisions", Map.of("title", "自然资源分页测试事项" + i, "summary", "测试",
                    "source", "LEADER", "proposer", "赵文静", "leadUnit", "zrj"));
            assertThat(r.getStatusCode().value()).isEqualTo(201);
            numbers.add(r.getBody().get("number").asText());
        }
        // the oldest is launched: its step is in drafting now
        var studied = numbers.get(0);
        assertThat(d.as("zrj_wu").put("/api/decisions/" + studied + "/category", Map.of("category", "ART3_4")).getStatusCode().value()).isEqualTo(200);
        assertThat(d.as("zrj_wu").put("/api/decisions/" + studied + "/study", Map.of("problem", "问题", "reasonsBasis", "依据",
                "preliminaryPlan", "方案", "necessity", "必要", "feasibility", "可行")).getStatusCode().value()).isEqualTo(200);
        d.complete("zrj_wu", studied, "proposal-study", "zrj", "IN_SCOPE", "属于第三条第四项");
        d.complete(ORGAN, studied, "launch-decide", "gx-organ", "LAUNCH", "县政府常务会议决定启动");

        // page boundaries, oldest first
        var first = d.as("zrj_wu").get("/api/tasks?sort=created&size=2");
        long total = Long.parseLong(first.getHeaders().getFirst("X-Total-Count"));
        assertThat(total).isGreaterThanOrEqualTo(3);
        assertThat(first.getBody()).hasSize(2);
        assertThat(first.getHeaders().getFirst("X-Has-Next")).isEqualTo("true");
        // the last page has no next (the list is read one row past the page to know)
        long lastPage = (total - 1) / 2;
        var last = d.as("zrj_wu").get("/api/tasks?sort=created&size=2&page=" + lastPage);
        assertThat(last.getBody()).hasSize((int) (total - lastPage * 2));
        assertThat(last.getHeaders().getFirst("X-Has-Next")).isEqualTo("false");
        if (total % 2 == 0) {
            assertThat(d.as("zrj_wu").get("/api/tasks?sort=created&size=2&page=" + (lastPage - 1)).getHeaders().getFirst("X-Has-Next")).isEqualTo("true");
        }
        var all = d.as("zrj_wu").get("/api/tasks?sort=created&size=200").getBody();
        assertThat(all).hasSize((int) total);
        var second = d.as("zrj_wu").get("/api/tasks?sort=created&size=2&page=1").getBody();
        assertThat(second.get(0).get("id").asText()).isEqualTo(all.get(2).get("id").asText());
        List<String> mine = new ArrayList<>();
        all.forEach(t -> {
            if (numbers.contains(t.get("decisionNumber").asText())) {
                mine.add(t.get("decisionNumber").asText());
            }
        });
        assertThat(mine).containsExactly(numbers.get(1), numbers.get(2), numbers.get(0))
                .as("by creation: the launched one's drafting step is the newest");
        assertThat(d.as("zrj_wu").get("/api/tasks?size=2&page=" + total).getBody()).isEmpty();

        // filters: by stage and by decision
        JsonNode drafting = d.as("zrj_wu").get("/api/tasks?stage=DRAFTING").getBody();
        assertThat(drafting).allMatch(t -> t.get("processKey").asText().equals("stage-drafting"));
        assertThat(drafting.toString()).contains(studied);
        JsonNode one = d.as("zrj_wu").get("/api/tasks?decision=" + numbers.get(2)).getBody();
        assertThat(one).hasSize(1);
        assertThat(one.get(0).get("decisionTitle").asText()).isEqualTo("自然资源分页测试事项2");
        assertThat(one.get(0).get("candidateGroups").get(0).asText()).isEqualTo("zrj");
        assertThat(one.get(0).get("outcomes").has("IN_SCOPE")).isTrue();

        // by due: the steps with a day (a period's deadline or earliest close, or else the due date their task carries,
        // shown as the step's 办理期限) first, soonest first, the undated ones last
        JsonNode byDue = d.as(LEAD).get("/api/tasks?sort=due&size=200").getBody();
        LocalDate previous = LocalDate.MIN;
        int dated = 0;
        boolean undatedSeen = false;
        for (JsonNode t : byDue) {
            boolean hasDay = false;
            for (JsonNode x : t.get("dates")) {
                if (!x.get("kind").asText().equals("WINDOW_END")) {
                    LocalDate day = LocalDate.parse(x.get("date").asText());
                    assertThat(day).as("days ascending: " + t.get("decisionNumber") + " " + t.get("dates")).isAfterOrEqualTo(previous);
                    assertThat(undatedSeen).as("a dated step after an undated one: " + t.get("decisionNumber")).isFalse();
                    previous = day;
                    hasDay = true;
                    dated++;
                }
            }
            undatedSeen |= !hasDay;
        }
        if (dated > 0) {
            assertThat(byDue.get(0).get("dates").isEmpty()).as("the first step by due has a day").isFalse();
        }

        // bad paging is refused, never a page of every row
        assertThat(d.as("zrj_wu").get("/api/tasks?size=1000").getBody().get("code").asText()).isEqualTo("PAGE_INVALID");
        assertThat(d.as("zrj_wu").get("/api/tasks?page=-1").getBody().get("code").asText()).isEqualTo("PAGE_INVALID");
        assertThat(d.as("zrj_wu").get("/api/tasks?sort=title").getBody().get("code").asText()).isEqualTo("SORT_INVALID");
        assertThat(d.as("zrj_wu").get("/api/tasks?stage=NOPE").getBody().get("code").asText()).isEqualTo("STAGE_INVALID");

        // 我的待办 pages too
        String home = new StaffBrowser(port, "zrj_wu", PASSWORD).get("/?size=2&sort=created");
        assertThat(home).contains("第1页，共" + ((total + 1) / 2) + "页", "下一页", "按开始时间");
    }

    @Autowired
    TaskService taskService;

    /** A step with no statutory period whose task carries a due date shows that day as its 办理期限 and sorts by it. */
    @Test
    void aStepDatedOnlyByItsTasksDueDateShowsThatDay() {
        var d = driver();
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 3, 9, 9, 0).atZone(AppClock.ZONE).toInstant()));
        var r = d.as("zrj_wu").post("/api/decisions", Map.of("title", "自然资源期限显示测试事项", "summary", "测试",
                "source", "LEADER", "proposer", "赵文静", "leadUnit", "zrj"));
        String number = r.getBody().get("number").asText();
        JsonNode before = d.as("zrj_wu").get("/api/tasks?decision=" + number).getBody();
        assertThat(before).hasSize(1);
        assertThat(before.get(0).get("dates")).as("研究论证 has no statutory period").isEmpty();
        assertThat(before.get(0).get("due").isNull()).isTrue();

        String taskId = before.get(0).get("id").asText();
        LocalDate day = LocalDate.of(2026, 3, 20);
        TaskEdits.ours(() -> taskService.setDueDate(taskId, Date.from(day.atTime(23, 59, 59).atZone(AppClock.ZONE).toInstant())));

        JsonNode after = d.as("zrj_wu").get("/api/tasks?decision=" + number).getBody().get(0);
        assertThat(after.get("dates")).hasSize(1);
        assertThat(after.get("dates").get(0).get("kind").asText()).isEqualTo("DEADLINE");
        assertThat(after.get("dates").get(0).get("label").asText()).isEqualTo("办理期限");
        assertThat(after.get("dates").get(0).get("date").asText()).isEqualTo("2026-03-20");
        assertThat(after.get("due").asText()).startsWith("2026-03-20");
        // by due it comes before every undated step of the unit
        JsonNode byDue = d.as("zrj_wu").get("/api/tasks?sort=due&size=200").getBody();
        int at = -1;
        int firstUndated = Integer.MAX_VALUE;
        for (int i = 0; i < byDue.size(); i++) {
            if (byDue.get(i).get("id").asText().equals(taskId)) {
                at = i;
            }
            if (byDue.get(i).get("dates").isEmpty()) {
                firstUndated = Math.min(firstUndated, i);
            }
        }
        assertThat(at).isNotNegative().isLessThan(firstUndated);
        // 我的待办 shows the day
        String home = new StaffBrowser(port, "zrj_wu", PASSWORD).get("/?decision=" + number);
        assertThat(home).contains("办理期限").contains("2026年3月20日").doesNotContain("未设法定期限");
    }

    /** A long list is counted only a little past the page: the page says "at least", and the next page is still offered. */
    @Test
    void aLongListIsCountedOnlyPastThePage() {
        var d = driver();
        for (int i = 0; i < 3; i++) {
            d.as("zrj_wu").post("/api/decisions", Map.of("title", "自然资源计数测试事项" + i, "summary", "测试",
                    "source", "LEADER", "proposer", "赵文静", "leadUnit", "zrj"));
        }
        int saved = TaskActions.countAhead;
        TaskActions.countAhead = 1;
        try {
            // page 1 of size 1 is counted to 1 + 1 + 1 rows per group: zrj has more
            var page = d.as("zrj_wu").get("/api/tasks?sort=created&size=1&page=1");
            assertThat(page.getHeaders().getFirst("X-Total-Count")).isNull();
            assertThat(Long.parseLong(page.getHeaders().getFirst("X-Total-Count-At-Least"))).isGreaterThanOrEqualTo(3);
            assertThat(page.getHeaders().getFirst("X-Has-Next")).isEqualTo("true");
            assertThat(page.getBody()).hasSize(1);
            String home = new StaffBrowser(port, "zrj_wu", PASSWORD).get("/?size=1&sort=created&page=1");
            assertThat(home).contains("第2页（共", "项以上）", "上一页", "下一页");
        } finally {
            TaskActions.countAhead = saved;
        }
        var exact = d.as("zrj_wu").get("/api/tasks?sort=created&size=1");
        assertThat(Long.parseLong(exact.getHeaders().getFirst("X-Total-Count"))).isGreaterThanOrEqualTo(3);
    }
}
