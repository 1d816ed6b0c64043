package cn.juece.participation;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * The public intake reads a consultation once and reuses it for a second (issue 17); what it reuses never lets a late
 * comment in nor keeps a longer window shut (Art. 20): the clock is checked on every comment, and a window extended
 * here is seen by the very next comment.
 */
class IntakeTargetTest extends IntegrationTest {

    @Autowired
    PublicCommentService comments;
    @Autowired
    ConsultationRepository repository;

    @Test
    void theRememberedWindowIsCheckedAgainstTheClockAndForgottenWhenExtended() {
        at(2024, 9, 18, 9, 0);
        var d = driver();
        String n = d.create("县城区公交票价调整方案（征求意见）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        at(2024, 9, 20, 10, 0);
        var published = d.as(LEAD).post("/api/decisions/" + n + "/consultations", Map.of("noticeText", "请于截止日前提出意见。",
                "channels", List.of("冠县发布微信公众号"), "closesOn", "2024-10-21"));
        assertThat(published.getStatusCode().value()).as(published.getBody().toString()).isEqualTo(201);
        long id = published.getBody().get("id").asLong();

        // read and remembered by the first comment of the last minute
        at(2024, 10, 21, 23, 59);
        assertThat(comments.submit(id, comment("最后一分钟的意见"), false).receipt()).hasSize(12);
        // a second later by the clock the window has ended: refused, though the consultation was read just now
        at(2024, 10, 22, 0, 0);
        assertThatThrownBy(() -> comments.submit(id, comment("晚到一秒的意见"), false))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("COMMENT_WINDOW_CLOSED");
        // extended here (a holiday notice moved its minimum): the next comment sees the new end at once
        repository.extend(id, LocalDate.of(2024, 10, 23), null);
        assertThat(comments.submit(id, comment("延期后的意见"), false).receipt()).hasSize(12);
        assertThat(comments.countOpinions(id)).isEqualTo(2);

        // an unknown consultation is refused as before, and not remembered
        assertThatThrownBy(() -> comments.submit(id + 1000, comment("不存在的征求意见"), false))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("CONSULTATION_NOT_FOUND");
    }

    private static PublicCommentService.Submission comment(String text) {
        return new PublicCommentService.Submission(null, null, false, text, null, null);
    }

    private static void at(int y, int m, int day, int h, int min) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(y, m, day, h, min).atZone(AppClock.ZONE).toInstant()));
    }
}
