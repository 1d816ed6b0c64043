package cn.juece.supervision;

import static cn.juece.LifecycleDriver.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.workflow.TaskEdits;
import cn.juece.support.AppClock;

/**
 * The justice bureau sees every decision's overdue and soon-due steps, the procedures not performed with
 * their reasons, and the steps closed late (Art. 60-63); a department's clerk may not.
 */
class SupervisionTest extends IntegrationTest {

    @Autowired
    TaskService taskService;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    SupervisionQueries queries;

    @Autowired
    SupervisionService service;

    @Autowired
    cn.juece.identity.Directory directory;

    @Test
    void theJusticeBureauSeesOverdueSoonDueLateAndNotPerformed() {
        var d = driver();
        String late = d.create("县城区道路命名方案（监督统计）");
        String overdue = d.create("县级公立医院服务价格调整（监督统计）");
        String soon = d.create("县城区垃圾分类实施方案（监督统计）");
        ZonedDateTime now = ZonedDateTime.now(AppClock.ZONE);
        // a step closed after its due date
        // (the test moves due dates by hand, as only the period mechanism may: TaskEdits)
        TaskEdits.ours(() -> taskService.setDueDate(d.task(late, "proposal-study").get("id").asText(), Date.from(now.minusDays(3).toInstant())));
        d.study(late);
        TaskEdits.ours(() -> {
            taskService.setDueDate(d.task(overdue, "proposal-study").get("id").asText(), Date.from(now.minusDays(1).toInstant()));
            taskService.setDueDate(d.task(soon, "proposal-study").get("id").asText(), Date.from(now.plusHours(2).toInstant()));
        });
        d.launch(late);
        d.draft(late, true, false, true);   // expert review not performed, with its reason

        var forbidden = d.as(LEAD).get("/api/supervision");
        assertThat(forbidden.getStatusCode().value()).isEqualTo(403);
        assertThat(forbidden.getBody().get("code").asText()).isEqualTo("SUPERVISION_FORBIDDEN");

        JsonNode o = d.as(JUSTICE).get("/api/supervision?unit=fgj").getBody();
        assertThat(state(d, overdue)).isEqualTo("OVERDUE");
        assertThat(state(d, soon)).isEqualTo("SOON");
        assertThat(o.get("lateSteps").toString()).contains(late, "研究论证决策事项建议");
        // only that step of it: its other steps were completed without a due date or before it (from the step rows)
        List<String> lateOfIt = new java.util.ArrayList<>();
        o.get("lateSteps").forEach(x -> {
            if (x.get("decisionNumber").asText().equals(late)) {
                lateOfIt.add(x.get("step").asText());
            }
        });
        assertThat(lateOfIt).containsExactly("研究论证决策事项建议");
        assertThat(o.get("notPerformed").toString()).contains(late, "专家论证", "第三十条", "不涉及，理由详见起草说明第三部分");
        assertThat(o.get("overdue").asLong()).isPositive();
        // the unit filter
        JsonNode other = d.as(JUSTICE).get("/api/supervision?unit=zjj").getBody();
        assertThat(other.get("openSteps").toString()).doesNotContain(overdue);
        assertThat(d.as(JUSTICE).get("/api/supervision?unit=zjj&decision=" + overdue).getBody().get("openSteps").get("total").asLong()).isZero();

        String csv = new String(d.as(JUSTICE).raw().get().uri("/api/supervision/export.csv?unit=fgj").retrieve().body(byte[].class),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"决策编号\",\"决策事项\",\"承办单位\",\"待办环节\"");
        assertThat(csv).contains(overdue, "逾期", "即将到期");
    }

    @Test
    void aStepHeldByAMinimumIsNeverOverdue() {
        var d = driver();
        String n = d.create("县城区供水管网改造（监督统计·最短期限）");
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, false);
        d.submitForLegality(n);     // legality review: generally at least 7 working days (Art. 44)
        assertThat(state(d, n)).isEqualTo("MINIMUM_RUNNING");
    }

    /** The state of the decision's open step as supervision lists it (the page filtered to that decision). */
    /**
     * The overdue step is counted under the decision's lead unit, and moves with it when the unit's functions move (Art.
     * 12): through the unit filter and in the per-unit rows, read from the step's own organ and lead unit (V261), and
     * with a year filter, read through the decision.
     */
    @Test
    void anOverdueStepIsCountedUnderTheLeadUnitItMovesTo() {
        var d = driver();
        String n = d.create("县城区停车管理办法（承办单位变更后的监督统计）");
        d.study(n);
        d.launch(n);
        ZonedDateTime now = ZonedDateTime.now(AppClock.ZONE);
        TaskEdits.ours(() -> taskService.setDueDate(d.task(n, "drafting-draft").get("id").asText(), Date.from(now.minusDays(1).toInstant())));
        long[] before = {overdue(d, "fgj", null), overdue(d, "zjj", null), unitRow(d, "fgj"), unitRow(d, "zjj"),
                overdue(d, "fgj", now.getYear()), overdue(d, "zjj", now.getYear())};
        assertThat(state(d, n)).isEqualTo("OVERDUE");

        var changed = d.as("admin").post("/api/decisions/" + n + "/unit-change", java.util.Map.of("fromUnit", "fgj", "toUnit", "zjj",
                "ground", "冠编发〔2026〕5号：停车管理职能划入县住房和城乡建设局"));
        assertThat(changed.getStatusCode().value()).as(String.valueOf(changed.getBody())).isEqualTo(200);

        assertThat(new long[] {overdue(d, "fgj", null), overdue(d, "zjj", null), unitRow(d, "fgj"), unitRow(d, "zjj"),
                overdue(d, "fgj", now.getYear()), overdue(d, "zjj", now.getYear())})
                .containsExactly(before[0] - 1, before[1] + 1, before[2] - 1, before[3] + 1, before[4] - 1, before[5] + 1);
    }

    /** The overdue steps the justice bureau sees under a unit (and a registration year), by the unit filter. */
    private static long overdue(cn.juece.LifecycleDriver d, String unit, Integer year) {
        return d.as(JUSTICE).get("/api/supervision?unit=" + unit + (year == null ? "" : "&year=" + year)).getBody().get("overdue").asLong();
    }

    /** The overdue steps in a unit's row of the unfiltered overview (0 when the unit has no row). */
    private static long unitRow(cn.juece.LifecycleDriver d, String unit) {
        for (JsonNode r : d.as(JUSTICE).get("/api/supervision").getBody().get("byUnit")) {
            if (r.get("unitCode").asText().equals(unit)) {
                return r.get("overdue").asLong();
            }
        }
        return 0;
    }

    private static String state(cn.juece.LifecycleDriver d, String number) {
        JsonNode overview = d.as(JUSTICE).get("/api/supervision?unit=fgj&decision=" + number).getBody();
        for (JsonNode s : overview.get("openSteps").get("items")) {
            if (s.get("decisionNumber").asText().equals(number)) {
                return s.get("state").asText();
            }
        }
        return null;
    }

    /**
     * Supervision's open steps are counted only a little past the page (issue 17): "at least" and a next page while
     * more follow; the due date each open step keeps for the sort (V251) is its task's (else its period's).
     */
    @Test
    void openStepsAreCountedOnlyPastThePage() {
        var d = driver();
        d.create("县城区公交线路调整（监督计数）");
        d.create("县城区停车场建设（监督计数）");
        int saved = SupervisionService.countAhead;
        SupervisionService.countAhead = 1;
        try {
            // one stage's open steps: counted up to one row past the page
            JsonNode first = d.as(JUSTICE).get("/api/supervision?size=1&stage=PROPOSAL").getBody().get("openSteps");
            assertThat(first.get("totalAtLeast").asBoolean()).isTrue();
            assertThat(first.get("total").asLong()).isEqualTo(2);
            assertThat(first.get("items")).hasSize(1);
            JsonNode second = d.as(JUSTICE).get("/api/supervision?size=1&page=1&stage=PROPOSAL").getBody().get("openSteps");
            assertThat(second.get("items")).hasSize(1);
            assertThat(second.get("items").get(0).toString()).isNotEqualTo(first.get("items").get(0).toString());
            var browser = new cn.juece.support.StaffBrowser(port, JUSTICE, PASSWORD);
            assertThat(browser.get("/supervision?size=1&stage=PROPOSAL")).contains("第1页（共2项以上）", "下一页");
            // every stage: the exact total, from the decisions' kept open steps, as the steps say
            JsonNode all = d.as(JUSTICE).get("/api/supervision?size=1").getBody().get("openSteps");
            assertThat(all.get("totalAtLeast").asBoolean()).isFalse();
            var organs = service.supervisedOrgans(directory.actor(JUSTICE));
            assertThat(all.get("total").asLong()).isEqualTo(queries.countOpenSteps(
                    new SupervisionQueries.Selection(organs, null, null, null, null), Long.MAX_VALUE));
            assertThat(browser.get("/supervision?size=1")).contains("第1页，共" + all.get("total").asLong() + "页", "下一页");
        } finally {
            SupervisionService.countAhead = saved;
        }
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM juece.step s WHERE s.state = 'OPEN' AND s.due_sort <> COALESCE(s.due_at,
                  (SELECT p.due_at FROM juece.step_period p WHERE p.task_id = s.task_id AND p.state = 'OPEN' FETCH FIRST 1 ROWS ONLY),
                  TIMESTAMP WITH TIME ZONE '9999-12-31 00:00:00+00')""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM juece.step s WHERE s.state = 'OPEN' AND s.overdue_at <> CASE WHEN EXISTS (SELECT 1
                  FROM juece.step_period p WHERE p.task_id = s.task_id AND p.state = 'OPEN' AND p.earliest_close IS NOT NULL)
                  THEN TIMESTAMP WITH TIME ZONE '9999-12-31 00:00:00+00' ELSE s.due_sort END""").query(Long.class).single()).isZero();
        // each decision keeps the soonest day of its open periods (V250) as its periods say
        assertThat(jdbc.sql("SELECT COUNT(*) FROM juece.decision d WHERE d.due_day <> COALESCE(" + cn.juece.decision.DecisionRepository.DUE
                + ", DATE '9999-12-31')").query(Long.class).single()).isZero();
        // each decision keeps its open steps and their stages (V252) as its steps say
        assertThat(jdbc.sql("SELECT COUNT(*) FROM juece.decision d WHERE d.open_steps <> (SELECT COUNT(*) FROM juece.step s"
                + " WHERE s.decision_id = d.id AND s.state = 'OPEN') OR d.open_stages <> COALESCE((SELECT SUM(DISTINCT "
                + cn.juece.workflow.WorkDays.STAGE_BIT + ") FROM juece.step s WHERE s.decision_id = d.id AND s.state = 'OPEN'), 0)")
                .query(Long.class).single()).isZero();
        // each step carries its decision's organ and lead unit (V261) as the decision says
        assertThat(jdbc.sql("SELECT COUNT(*) FROM juece.step s JOIN juece.decision d ON d.id = s.decision_id"
                + " WHERE s.organ_code <> d.organ_code OR s.lead_unit <> d.lead_unit OR s.organ_code IS NULL OR s.lead_unit IS NULL")
                .query(Long.class).single()).isZero();
        // and the counts kept as a read model (V262) and from one scan of the decisions are those of the queries over
        // every open step
        int year = java.time.LocalDate.now(AppClock.ZONE).getYear();
        for (var sel : java.util.List.of(new SupervisionQueries.Selection(java.util.List.of("GX"), null, null, null, null),
                new SupervisionQueries.Selection(java.util.List.of("GX", "QQ"), "fgj", null, null, null),
                new SupervisionQueries.Selection(java.util.List.of("GX", "QQ"), null, year, null, null),
                new SupervisionQueries.Selection(java.util.List.of("GX"), "fgj", year - 1, null, null))) {
            var tally = queries.tally(sel);
            assertThat(tally).as("read model").isEqualTo(queries.tallyByScan(sel));
            assertThat(jdbc.sql("SELECT COUNT(*) FROM juece.decision d WHERE " + cn.juece.decision.DecisionTally.DIFFERS)
                    .query(Long.class).single()).as("decisions not counted as they are").isZero();
            assertThat(tally.openByStage()).isEqualTo(queries.openByStage(sel));
            assertThat(tally.byStatus()).isEqualTo(queries.byStatus(sel));
            assertThat(tally.openDecisionsByUnit()).isEqualTo(queries.openDecisionsByUnit(sel));
            var now = java.time.OffsetDateTime.now(AppClock.ZONE);
            var soon = now.plusDays(5);
            var live = queries.stepsByUnit(sel, now, soon);
            var due = queries.dueByUnit(sel, now, soon);
            live.forEach((unit, c) -> {
                assertThat(tally.openStepsByUnit().get(unit)).as(unit).isEqualTo(c[0]);
                long[] d2 = due.getOrDefault(unit, new long[3]);
                assertThat(new long[] {d2[1], d2[2]}).as(unit).containsExactly(c[1], c[2]);
            });
            tally.openStepsByUnit().forEach((unit, n) -> assertThat(n == 0 || live.containsKey(unit)).as(unit).isTrue());
        }
    }
}
