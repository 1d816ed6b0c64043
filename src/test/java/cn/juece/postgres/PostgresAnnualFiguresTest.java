package cn.juece.postgres;

import static cn.juece.LifecycleDriver.JUSTICE;
import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.LifecycleDriver;
import cn.juece.support.AppClock;

/** The annual figures' queries on PostgreSQL 15 (issue 16): a decision decided, one out of scope, in a year of their own. */
class PostgresAnnualFiguresTest extends PostgresTest {

    @Test
    void theAnnualFiguresCountOnPostgres() throws Exception {
        int year = 2055;
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, 3, 1, 9, 0).atZone(AppClock.ZONE).toInstant()));
        var d = new LifecycleDriver(port, "Juece2026");
        String approved = d.create("年度统计：城区停车收费调整方案（PostgreSQL）");
        d.study(approved);
        d.launch(approved);
        d.draft(approved, false, false, true);
        d.assessRisk(approved);
        d.submitForLegality(approved);
        d.review(approved, "PASSED", null);
        d.meeting(approved, "APPROVED");
        String outOfScope = d.create("年度统计：机关内部考勤管理办法（PostgreSQL）");
        d.complete(LEAD, outOfScope, "proposal-study", "fgj", "OUT_OF_SCOPE", "属于政府内部事务管理，依第三条不适用本规定");
        d.complete(JUSTICE, outOfScope, "proposal-scope-confirm", "sfj", "CONFIRMED", "同意，属于内部事务管理");

        var response = d.as(LifecycleDriver.OFFICE).get("/api/reports/annual?year=" + year);
        assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(200);
        Map<String, JsonNode> f = new HashMap<>();
        response.getBody().get("sections").forEach(s -> s.get("figures").forEach(x -> f.put(x.get("key").asText(), x)));
        assertThat(f.get("REGISTERED").get("value").asLong()).isEqualTo(2);
        assertThat(f.get("DECIDED_APPROVED").get("decisions").get(0).asText()).isEqualTo(approved);
        assertThat(f.get("OUT_OF_SCOPE").get("decisions").get(0).asText()).isEqualTo(outOfScope);
        assertThat(f.get("RISK_LOW").get("value").asLong()).isEqualTo(1);
        assertThat(f.get("LEGALITY_PASSED").get("value").asLong()).isEqualTo(1);
        assertThat(f.get("MEETINGS_WITH_PUBLIC").get("value").asLong()).isEqualTo(1);
        assertThat(f.get("STAGE_ENDED").get("decisions").get(0).asText()).isEqualTo(outOfScope);
        assertThat(f.get("OPINIONS_RECEIVED").get("value").asLong()).isZero();
        assertThat(f.get("OVERDUE_STEPS").get("value").asLong()).isZero();
        byte[] xlsx = d.as(LifecycleDriver.OFFICE).raw().get().uri("/api/reports/annual/export.xlsx?year=" + year).retrieve().body(byte[].class);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(wb.getSheet("年度统计").getRow(2).getCell(4).getNumericCellValue()).isEqualTo(2);
        }
    }
}
