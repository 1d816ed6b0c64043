package cn.juece.workflow;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;
import cn.juece.support.StaffBrowser;

/**
 * Deadlines that mean what they say (issue 11): a step shows its deadline (办理期限) apart from a minimum's earliest
 * close (最早可办结, Art. 34: expert research generally at least 7 working days) and the public window it waits on
 * (公开征求意见截止, Art. 20), in /api and on 我的待办.
 */
class StepDatesTest extends IntegrationTest {

    @Test
    void aMinimumIsNoDeadlineAndTheCommentWindowsEndIsShown() {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2024, 9, 20, 10, 0).atZone(AppClock.ZONE).toInstant()));
        var d = driver();
        String n = d.create("城区公共自行车系统建设（期限显示）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, true, false);
        var published = d.as(LEAD).post("/api/decisions/" + n + "/consultations", Map.of("noticeText", "请于截止日前提出意见。",
                "channels", List.of("冠县发布"), "closesOn", "2024-10-21"));
        assertThat(published.getStatusCode().value()).as(String.valueOf(published.getBody())).isEqualTo(201);

        JsonNode expert = d.task(n, "expert-conduct");
        assertThat(expert.get("due").isNull()).as("a minimum is no deadline").isTrue();
        assertThat(expert.get("dates").get(0).get("label").asText()).isEqualTo("最早可办结");
        JsonNode participation = d.task(n, "participation-conduct");
        assertThat(participation.get("dates").toString()).contains("WINDOW_END", "公开征求意见截止", "2024-10-21");

        String home = new StaffBrowser(port, LEAD, PASSWORD).get("/?decision=" + n); // the lead's list is long: this decision's steps
        assertThat(home).contains("公开征求意见截止：", "2024年10月21日", "最早可办结：");
        String row = home.substring(home.indexOf("组织专家论证"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("最早可办结：").doesNotContain("办理期限");
    }
}
