package cn.juece.participation;

import static cn.juece.LifecycleDriver.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;

/** A symposium cannot be confirmed unless its materials reached the participants 3 days before (Art. 21). */
class SymposiumTest extends IntegrationTest {

    @Test
    void materialsThreeDaysBeforeOrNoMeeting() {
        at(2025, 3, 3);
        var d = driver();
        String n = d.create("城区公共停车场收费标准调整（座谈会）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);

        var noInvitees = d.as(LEAD).post("/api/decisions/" + n + "/symposiums",
                Map.of("title", "停车收费座谈会", "heldOn", "2025-03-10", "place", "县发改局三楼会议室", "invitees", List.of()));
        assertThat(noInvitees.getBody().get("code").asText()).isEqualTo("SYMPOSIUM_INVITEES_REQUIRED");
        var planned = d.as(LEAD).post("/api/decisions/" + n + "/symposiums", Map.of("title", "停车收费座谈会",
                "heldOn", "2025-03-10", "place", "县发改局三楼会议室",
                "invitees", List.of("张某（城区居民代表）", "县出租汽车协会代表", "某商场物业代表")));
        assertThat(planned.getStatusCode().value()).isEqualTo(201);
        long id = planned.getBody().get("id").asLong();

        // delivered on 03-08, two days before the 03-10 meeting: too late (latest is 03-07)
        at(2025, 3, 8);
        d.as(LEAD).post("/api/symposiums/" + id + "/delivery", Map.of("deliveredOn", "2025-03-08"));
        var late = d.as(LEAD).post("/api/symposiums/" + id + "/confirm", Map.of());
        assertThat(late.getStatusCode().value()).isEqualTo(422);
        assertThat(late.getBody().get("code").asText()).isEqualTo("SYMPOSIUM_MATERIALS_LATE");
        assertThat(late.getBody().get("message").asText()).contains("召开3日前送达", "最迟应于2025年3月7日送达", "实际于2025年3月8日送达");

        // the stage cannot end while the symposium is pending
        d.upload(LEAD, n, "PARTICIPATION_REPORT");
        var early = d.as(LEAD).complete(d.task(n, "participation-conduct").get("id").asText(), "COMPLETED", null);
        assertThat(early.getBody().get("code").asText()).isEqualTo("SYMPOSIUM_NOT_HELD");

        // a meeting moved to 03-11 with materials delivered on 03-08 (3 days before): confirmed, held, minutes kept
        var moved = d.as(LEAD).post("/api/decisions/" + n + "/symposiums", Map.of("title", "停车收费座谈会（改期）",
                "heldOn", "2025-03-11", "place", "县发改局三楼会议室", "invitees", List.of("张某（城区居民代表）")));
        long id2 = moved.getBody().get("id").asLong();
        d.as(LEAD).post("/api/symposiums/" + id2 + "/delivery", Map.of("deliveredOn", "2025-03-08"));
        assertThat(d.as(LEAD).post("/api/symposiums/" + id2 + "/confirm", Map.of()).getBody().get("status").asText()).isEqualTo("CONFIRMED");
        at(2025, 3, 11);
        var noMinutes = d.as(LEAD).post("/api/symposiums/" + id2 + "/held", Map.of());
        assertThat(noMinutes.getBody().get("code").asText()).isEqualTo("MATERIAL_MISSING_SYMPOSIUM_MINUTES");
        d.upload(LEAD, n, "SYMPOSIUM_MINUTES");
        assertThat(d.as(LEAD).post("/api/symposiums/" + id2 + "/held", Map.of()).getBody().get("status").asText()).isEqualTo("HELD");
        // the first one, never confirmed, still blocks until it is cancelled with its reason
        var stillPending = d.as(LEAD).complete(d.task(n, "participation-conduct").get("id").asText(), "COMPLETED", null);
        assertThat(stillPending.getBody().get("code").asText()).isEqualTo("SYMPOSIUM_NOT_HELD");
        assertThat(d.as(LEAD).post("/api/symposiums/" + id + "/cancel", Map.of()).getBody().get("code").asText())
                .isEqualTo("CANCEL_REASON_REQUIRED");
        d.as(LEAD).post("/api/symposiums/" + id + "/cancel", Map.of("reason", "材料送达不足3日，改期至3月11日召开"));
        d.noHearingNeeded(n);
        d.complete(LEAD, n, "participation-conduct", "fgj", "COMPLETED", null);
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("取消“停车收费座谈会”，理由：材料送达不足3日，改期至3月11日召开"));
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("材料最迟应于2025年3月8日送达"));
    }

    private static void at(int y, int m, int day) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(y, m, day, 9, 0).atZone(AppClock.ZONE).toInstant()));
    }
}
