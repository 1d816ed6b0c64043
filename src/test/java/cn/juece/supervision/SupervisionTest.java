package cn.juece.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.support.StaffBrowser;
import cn.juece.support.AppClock;

/** The supervision view (Art. 60–63): an overdue step and an unperformed procedure, for the justice bureau only. */
class SupervisionTest extends IntegrationTest {

    static void at(String t) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(t).atZone(AppClock.ZONE).toInstant()));
    }

    @Test
    void theJusticeBureauSeesAnOverdueStepAndAProcedureNotCarriedOutAndExportsThem() {
        LifecycleDriver d = driver();
        at("2024-09-02T10:00:00");
        String n = d.create("城区停车收费标准调整（监督视图）");
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, false);
        d.submitForLegality(n);
        d.review(n, "PASSED", null);
        d.meeting(n, "APPROVED");
        d.upload(LifecycleDriver.OFFICE, n, "DECISION_DOCUMENT");
        d.complete(LifecycleDriver.OFFICE, n, "publication-party-report", "bgs", "ISSUED", null);
        at("2024-09-27T10:00:00");
        d.complete(LifecycleDriver.OFFICE, n, "publication-publish", "bgs", "PUBLISHED", "县政府网站");

        at("2024-10-15T10:00:00");            // the last day is 10-16: soon due
        assertThat(report("fgj", 2024).get("soonDue").toString()).contains(n);
        at("2024-10-18T10:00:00");            // past 10-16: overdue
        JsonNode r = report("fgj", 2024);
        assertThat(r.get("overdue").toString()).contains(n, "意见收集采纳情况公开期限", "已逾期2日");
        assertThat(r.get("skipped").toString()).contains(n, "不涉及，理由见起草说明");
        assertThat(report("fgj", 2023).get("overdue").toString()).doesNotContain(n);

        var refused = as(LifecycleDriver.LEAD).get("/api/supervision");
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("SUPERVISION_ONLY");

        StaffBrowser justice = StaffBrowser.signIn(port, LifecycleDriver.JUSTICE, PASSWORD);
        assertThat(justice.get("/supervision?unit=fgj&year=2024")).contains("决策监督", "已逾期未办结的环节", n, "各阶段决策事项");
        assertThat(justice.get("/supervision.csv?unit=fgj&year=2024")).contains("已逾期", n, "未开展的程序");
    }

    private JsonNode report(String unit, int year) {
        var r = as(LifecycleDriver.JUSTICE).get("/api/supervision?unit=" + unit + "&year=" + year);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        return r.getBody();
    }
}
