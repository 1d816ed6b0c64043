package cn.juece.decision;

import static cn.juece.LifecycleDriver.JUSTICE;
import static cn.juece.LifecycleDriver.LEAD;
import static cn.juece.LifecycleDriver.ORGAN;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;
import cn.juece.support.StaffBrowser;

/**
 * The decision list and supervision's open steps are paged by indexed queries (issue 17): newest first or by due
 * day, filtered by stage and decision number, exact page boundaries, only what the dossier lets the person see
 * (DECISIONS.md 23), bad paging refused with the work list's codes; the pages link 上一页/下一页.
 */
class DecisionListPagingTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDecisionListIsPagedSortedFilteredAndVisibleAsTheDossierSays() {
        var d = driver();
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2026, 4, 6 + i, 9, 0).atZone(AppClock.ZONE).toInstant()));
            var r = d.as("zrj_wu").post("/api/decisions", Map.of("title", "自然资源决策列表分页" + i, "summary", "测试",
                    "source", "LEADER", "proposer", "赵文静", "leadUnit", "zrj"));
            assertThat(r.getStatusCode().value()).isEqualTo(201);
            numbers.add(r.getBody().get("number").asText());
        }
        ClockUtil.reset();
        String launched = numbers.get(0);
        d.as("zrj_wu").put("/api/decisions/" + launched + "/category", Map.of("category", "ART3_4"));
        d.as("zrj_wu").put("/api/decisions/" + launched + "/study", Map.of("problem", "问题", "reasonsBasis", "依据",
                "preliminaryPlan", "方案", "necessity", "必要", "feasibility", "可行"));
        d.complete("zrj_wu", launched, "proposal-study", "zrj", "IN_SCOPE", "属于第三条第四项");
        d.complete(ORGAN, launched, "launch-decide", "gx-organ", "LAUNCH", "县政府常务会议决定启动");

        // newest first by default, exact page boundaries
        var first = d.as("zrj_wu").get("/api/decisions?size=2");
        long total = Long.parseLong(first.getHeaders().getFirst("X-Total-Count"));
        assertThat(total).isGreaterThanOrEqualTo(3).isLessThanOrEqualTo(200);
        assertThat(first.getBody()).hasSize(2);
        JsonNode all = d.as("zrj_wu").get("/api/decisions?size=200").getBody();
        assertThat(all).hasSize((int) total);
        assertThat(all.get(0).get("number").asText()).isEqualTo(numbers.get(2));
        assertThat(all.get(1).get("number").asText()).isEqualTo(numbers.get(1));
        assertThat(all.get(2).get("number").asText()).isEqualTo(numbers.get(0));
        assertThat(d.as("zrj_wu").get("/api/decisions?size=2&page=1").getBody().get(0).get("number").asText())
                .isEqualTo(all.get(2).get("number").asText());
        assertThat(d.as("zrj_wu").get("/api/decisions?size=2&page=" + total).getBody()).isEmpty();

        // only what the dossier lets the person see: the lead unit of another unit does not see zrj's matters
        assertThat(d.as(LEAD).get("/api/decisions?decision=" + launched).getBody()).isEmpty();
        assertThat(d.as(LEAD).get("/api/decisions?size=200").getBody().toString()).doesNotContain(numbers.get(1));
        assertThat(d.as(JUSTICE).get("/api/decisions?decision=" + launched).getBody()).hasSize(1);
        // the number filter is a prefix: the year's matters of the organ
        String year = launched.substring(0, launched.lastIndexOf('-'));
        assertThat(d.as("zrj_wu").get("/api/decisions?size=200&decision=" + year).getBody().toString()).contains(numbers.get(0), numbers.get(2));

        // by stage: the launched one is drafting, the others still at the proposal
        String drafting = d.as("zrj_wu").get("/api/decisions?size=200&stage=DRAFTING").getBody().toString();
        assertThat(drafting).contains(launched).doesNotContain(numbers.get(1));
        String proposal = d.as("zrj_wu").get("/api/decisions?size=200&stage=PROPOSAL").getBody().toString();
        assertThat(proposal).contains(numbers.get(1), numbers.get(2)).doesNotContain(launched);

        // by due: the soonest day of an open period first, decisions without one last
        JsonNode byDue = d.as(JUSTICE).get("/api/decisions?sort=due&size=200").getBody();
        LocalDate previous = LocalDate.MIN;
        boolean undatedSeen = false;
        for (JsonNode x : byDue) {
            LocalDate day = jdbc.sql("SELECT " + DecisionRepository.DUE + " FROM juece.decision d WHERE d.decision_number = ?")
                    .param(x.get("number").asText()).query(LocalDate.class).optional().orElse(null);
            if (day == null) {
                undatedSeen = true;
            } else {
                assertThat(undatedSeen).as("a dated decision after an undated one").isFalse();
                assertThat(day).isAfterOrEqualTo(previous);
                previous = day;
            }
        }

        // bad paging is refused with the work list's codes
        assertThat(d.as("zrj_wu").get("/api/decisions?size=201").getBody().get("code").asText()).isEqualTo("PAGE_INVALID");
        assertThat(d.as("zrj_wu").get("/api/decisions?page=-1").getBody().get("code").asText()).isEqualTo("PAGE_INVALID");
        assertThat(d.as("zrj_wu").get("/api/decisions?sort=title").getBody().get("code").asText()).isEqualTo("SORT_INVALID");
        assertThat(d.as("zrj_wu").get("/api/decisions?stage=NOPE").getBody().get("code").asText()).isEqualTo("STAGE_INVALID");
        assertThat(d.as("zrj_wu").get("/api/decisions?size=200").getStatusCode().value()).isEqualTo(200);

        // the page: one decision a page, 上一页/下一页 carrying the filters
        var browser = new StaffBrowser(port, "zrj_wu", PASSWORD);
        String page1 = browser.get("/decisions?size=1&stage=PROPOSAL");
        assertThat(page1).contains("第1页，共", "下一页", numbers.get(2)).doesNotContain("上一页", numbers.get(1));
        assertThat(page1).contains("page=1").contains("stage=PROPOSAL");
        String page2 = browser.get("/decisions?size=1&stage=PROPOSAL&page=1");
        assertThat(page2).contains("第2页", "上一页", numbers.get(1));
    }

    @Test
    void supervisionListsOpenStepsOnePageAtATime() {
        var d = driver();
        String a = d.create("县城区停车收费调整（监督分页）");
        String b = d.create("县城区夜市管理办法（监督分页）");
        d.study(b);
        d.launch(b);

        JsonNode first = d.as(JUSTICE).get("/api/supervision?size=1&sort=created").getBody().get("openSteps");
        long total = first.get("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(2);
        assertThat(first.get("items")).hasSize(1);
        assertThat(first.get("size").asInt()).isEqualTo(1);
        // counted no further than 200 rows past the page (a shared test database may hold more): "at least" then
        boolean atLeast = first.get("totalAtLeast").asBoolean();
        if (!atLeast) {
            assertThat(d.as(JUSTICE).get("/api/supervision?size=1&page=" + total).getBody().get("openSteps").get("items")).isEmpty();
        }

        // by creation: oldest first, the whole list within bounds
        JsonNode created = d.as(JUSTICE).get("/api/supervision?size=200&sort=created").getBody().get("openSteps").get("items");
        OffsetDateTime before = OffsetDateTime.MIN;
        for (JsonNode s : created) {
            OffsetDateTime t = OffsetDateTime.parse(s.get("created").asText());
            assertThat(t).isAfterOrEqualTo(before);
            before = t;
        }
        // by due: soonest first, steps without a due date last
        JsonNode due = d.as(JUSTICE).get("/api/supervision?size=200").getBody().get("openSteps").get("items");
        OffsetDateTime previous = OffsetDateTime.MIN;
        boolean undated = false;
        for (JsonNode s : due) {
            if (s.get("due").isNull()) {
                undated = true;
            } else {
                assertThat(undated).as("a dated step after an undated one").isFalse();
                OffsetDateTime t = OffsetDateTime.parse(s.get("due").asText());
                assertThat(t).isAfterOrEqualTo(previous);
                previous = t;
            }
        }

        // filters: one decision, and a stage
        assertThat(d.as(JUSTICE).get("/api/supervision?decision=" + a).getBody().get("openSteps").get("items").get(0)
                .get("decisionNumber").asText()).isEqualTo(a);
        assertThat(d.as(JUSTICE).get("/api/supervision?decision=" + b + "&stage=DRAFTING").getBody().get("openSteps").get("total").asLong()).isEqualTo(1);
        assertThat(d.as(JUSTICE).get("/api/supervision?decision=" + b + "&stage=PROPOSAL").getBody().get("openSteps").get("total").asLong()).isZero();
        assertThat(d.as(JUSTICE).get("/api/supervision?decision=" + a + "&stage=PROPOSAL").getBody().get("openSteps").get("total").asLong()).isEqualTo(1);

        // refusals
        assertThat(d.as(JUSTICE).get("/api/supervision?size=0").getBody().get("code").asText()).isEqualTo("PAGE_INVALID");
        assertThat(d.as(JUSTICE).get("/api/supervision?sort=overdue").getBody().get("code").asText()).isEqualTo("SORT_INVALID");
        assertThat(d.as(JUSTICE).get("/api/supervision?stage=X").getBody().get("code").asText()).isEqualTo("STAGE_INVALID");

        // the page
        var browser = new StaffBrowser(port, JUSTICE, PASSWORD);
        assertThat(browser.get("/supervision?size=1")).contains(atLeast ? "第1页（共" + total + "项以上）" : "第1页，共" + total + "页", "下一页")
                .doesNotContain("上一页");
        assertThat(browser.get("/supervision?size=1&page=1")).contains(atLeast ? "第2页（共" : "第2页，共" + total + "页", "上一页");
    }

    /**
     * A long decision list is counted only a little past the page (issue 17): X-Total-Count-At-Least and X-Has-Next
     * while more follow, the exact total and no next page on the last page, 第N页（共K项以上） on the page; and the due
     * day each decision keeps (V250) is the soonest day of its open periods.
     */
    @Test
    void aLongDecisionListIsCountedOnlyPastThePage() {
        var d = driver();
        for (int i = 0; i < 3; i++) {
            var r = d.as("zrj_wu").post("/api/decisions", Map.of("title", "自然资源计数分页" + i, "summary", "测试",
                    "source", "LEADER", "proposer", "赵文静", "leadUnit", "zrj"));
            assertThat(r.getStatusCode().value()).isEqualTo(201);
        }
        String launched = d.create("发改局计数分页（有期限）");
        d.study(launched);
        d.launch(launched);
        var all = d.as("zrj_wu").get("/api/decisions?size=200");
        long total = Long.parseLong(all.getHeaders().getFirst("X-Total-Count"));
        assertThat(total).isGreaterThanOrEqualTo(3);
        int saved = DecisionService.countAhead;
        DecisionService.countAhead = 1;
        try {
            var first = d.as("zrj_wu").get("/api/decisions?size=1");
            assertThat(first.getHeaders().getFirst("X-Total-Count")).isNull();
            assertThat(first.getHeaders().getFirst("X-Total-Count-At-Least")).isEqualTo("2");
            assertThat(first.getHeaders().getFirst("X-Has-Next")).isEqualTo("true");
            assertThat(first.getBody().get(0).get("number").asText()).isEqualTo(all.getBody().get(0).get("number").asText());
            var middle = d.as("zrj_wu").get("/api/decisions?size=1&page=1");
            assertThat(middle.getHeaders().getFirst("X-Has-Next")).isEqualTo(String.valueOf(total > 2));
            assertThat(middle.getBody().get(0).get("number").asText()).isEqualTo(all.getBody().get(1).get("number").asText());
            var last = d.as("zrj_wu").get("/api/decisions?size=1&page=" + (total - 1));
            assertThat(last.getHeaders().getFirst("X-Total-Count")).isEqualTo(String.valueOf(total));
            assertThat(last.getHeaders().getFirst("X-Has-Next")).isEqualTo("false");
            assertThat(last.getBody()).hasSize(1);
            assertThat(last.getBody().get(0).get("number").asText()).isEqualTo(all.getBody().get((int) total - 1).get("number").asText());
            var beyond = d.as("zrj_wu").get("/api/decisions?size=1&page=" + total);
            assertThat(beyond.getBody()).isEmpty();
            assertThat(beyond.getHeaders().getFirst("X-Has-Next")).isEqualTo("false");
            var browser = new StaffBrowser(port, "zrj_wu", PASSWORD);
            assertThat(browser.get("/decisions?size=1")).contains("第1页（共2项以上）", "下一页");
            // sort=due pages read in the same order as the whole list
            var dueAll = d.as(JUSTICE).get("/api/decisions?sort=due&size=3").getBody();
            var due2 = d.as(JUSTICE).get("/api/decisions?sort=due&size=1&page=2").getBody();
            assertThat(due2.get(0).get("number").asText()).isEqualTo(dueAll.get(2).get("number").asText());
        } finally {
            DecisionService.countAhead = saved;
        }
        // the kept due day is the soonest day of the open periods (9999-12-31 without one), for every decision
        assertThat(jdbc.sql("SELECT COUNT(*) FROM juece.decision d WHERE d.due_day <> COALESCE(" + DecisionRepository.DUE
                + ", DATE '9999-12-31')").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM juece.decision WHERE due_day < DATE '9999-01-01'").query(Long.class).single())
                .isEqualTo(jdbc.sql("SELECT COUNT(DISTINCT decision_id) FROM juece.step_period WHERE state = 'OPEN'"
                        + " AND COALESCE(end_on, earliest_close) IS NOT NULL").query(Long.class).single());
    }
}
