package cn.juece.planner;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.juece.IntegrationTest;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;

/**
 * Supervision's plan slips read the facts of many decisions at once (issue 17): the plans read together are the plans
 * read one by one, for matters at different points (not launched, launched, drafted with participation and risk
 * assessment and a comment notice out, past participation with the hearing question answered).
 */
class PlannerBatchTest extends IntegrationTest {

    @Autowired
    PlannerService planner;
    @Autowired
    DecisionService decisions;

    @Test
    void plansReadTogetherAreThePlansReadOneByOne() {
        clockAt("2024-09-10T09:00");
        var d = driver();
        String proposed = d.create("城区公共自行车站点布局（批量计划：未启动）");
        String launched = d.create("城区公共自行车站点布局（批量计划：已启动）");
        d.study(launched);
        d.launch(launched);
        String commented = d.create("城区公共自行车站点布局（批量计划：征求意见中）");
        d.study(commented);
        d.launch(commented);
        d.draft(commented, true, false, true);
        var notice = d.as(LEAD).post("/api/decisions/" + commented + "/consultations", Map.of("noticeText", "公开征求意见",
                "channels", List.of("冠县发布"), "closesOn", LocalDate.of(2024, 10, 15).toString()));
        assertThat(notice.getStatusCode().value()).as(String.valueOf(notice.getBody())).isEqualTo(201);
        String participated = d.create("城区公共自行车站点布局（批量计划：公众参与已完成）");
        d.study(participated);
        d.launch(participated);
        d.draft(participated, true, true, false);
        d.noHearingNeeded(participated);

        List<Decision> ds = List.of(decisions.get(proposed), decisions.get(launched), decisions.get(commented), decisions.get(participated));
        Map<Long, Plan> together = planner.plans(ds);
        assertThat(together).hasSize(4);
        for (Decision one : ds) {
            assertThat(together.get(one.id())).as(one.number()).isEqualTo(planner.plan(one));
        }
        // the facts differ between them, so the comparison above compared something
        assertThat(together.values().stream().map(Plan::meetingOn).distinct().count()).isGreaterThan(1);
        assertThat(together.get(decisions.get(launched).id()).slip()).as("a launched matter has its launch-time plan").isNotNull();
    }
}
