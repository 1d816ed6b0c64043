package cn.juece.participation;

import static cn.juece.LifecycleDriver.*;
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

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;
import cn.juece.support.RuleViolation;

/**
 * Public comment end to end on the dates of RULES.md's example: a window published on 2024-09-20 runs at
 * least 30 days, to Mon 2024-10-21 24:00 (10-20 is a Sunday); every opinion is kept, answered and the
 * feedback published before participation may end (Art. 18, 20, 28, 29).
 */
class PublicCommentTest extends IntegrationTest {

    @Autowired
    PublicCommentService comments;
    @Autowired
    cn.juece.notification.Outbox outbox;
    @Autowired
    cn.juece.decision.DecisionService decisions;

    @Test
    void aCommentWindowFromPublicationToFeedback() {
        at(2024, 9, 18, 9, 0);
        var d = driver();
        String n = d.create("县城区集中供热价格调整方案（征求意见）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        at(2024, 9, 20, 10, 0);

        // Art. 20: generally at least 30 days; 10-20 is a Sunday, so the earliest last day is 10-21
        var tooShort = d.as(LEAD).post("/api/decisions/" + n + "/consultations", notice("2024-10-20", null));
        assertThat(tooShort.getStatusCode().value()).isEqualTo(422);
        assertThat(tooShort.getBody().get("code").asText()).isEqualTo("COMMENT_WINDOW_TOO_SHORT");
        assertThat(tooShort.getBody().get("message").asText()).contains("一般不少于30日（第二十条）", "2024年10月21日", "经本单位负责人批准");
        // a shorter window needs the urgent reason AND the unit head
        var notHead = d.as(LEAD).post("/api/decisions/" + n + "/consultations", notice("2024-10-08", "供暖季临近，情况紧急"));
        assertThat(notHead.getBody().get("code").asText()).isEqualTo("COMMENT_WINDOW_TOO_SHORT");
        var published = d.as(LEAD).post("/api/decisions/" + n + "/consultations", notice("2024-10-21", null));
        assertThat(published.getStatusCode().value()).as(published.getBody().toString()).isEqualTo(201);
        long id = published.getBody().get("id").asLong();

        // the public comments through the last day's 23:59:59; identical submissions are grouped, all counted
        at(2024, 10, 21, 23, 59);
        Opinion first = comments.submit(id, new PublicCommentService.Submission("张三", "13800000000", true,
                "建议分档调整，保障低收入家庭", null, null), false);
        Opinion same = comments.submit(id, new PublicCommentService.Submission(null, null, false,
                "建议分档调整，  保障低收入家庭", null, null), false);
        Opinion against = comments.submit(id, new PublicCommentService.Submission("李四", null, false,
                "反对涨价", null, null), false);
        assertThat(first.receipt()).matches("[2-9A-HJ-NP-Z]{12}");
        assertThat(same.sameAs()).isEqualTo(first.id());
        assertThat(first.moderation()).isEqualTo(Opinion.Moderation.PENDING);   // 先审后发 (DECISIONS.md 17)
        // the window's timer on the participation map waits for 24:00 of the last day (Art. 20)
        assertThat(timers(n, "comment-window-ends")).extracting(org.camunda.bpm.engine.runtime.Job::getDuedate)
                .containsExactly(Date.from(LocalDateTime.of(2024, 10, 22, 0, 0).atZone(AppClock.ZONE).toInstant()));
        assertThat(fireDueTimers(n, "comment-window-ends")).as("nothing due before the window ends").isZero();
        at(2024, 10, 22, 0, 0);
        // it fires: the window is closed in the dossier and the lead unit is told to answer every opinion (Art. 28, 29)
        assertThat(fireDueTimers(n, "comment-window-ends")).isEqualTo(1);
        assertThat(comments.consultation(id).status()).isEqualTo(ConsultationStatus.CLOSED);
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("期限已于2024年10月21日24时届满，截止接收意见，共收到3条意见"));
        assertThat(outbox.forDecision(decisions.get(n).id())).anyMatch(m -> m.kind().equals("COMMENT_WINDOW_CLOSED")
                && m.subject().contains("公开征求意见已截止") && m.body().contains("逐条或归类答复采纳情况"));
        assertThat(timers(n, "comment-window-ends")).as("the window's timer is done").isEmpty();
        assertThatThrownBy(() -> comments.submit(id, new PublicCommentService.Submission(null, null, false, "晚到的意见", null, null), false))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("COMMENT_WINDOW_CLOSED").hasMessageContaining("2024年10月21日24时截止");
        // a letter posted on the last day is entered by staff afterwards (DECISIONS.md 17)
        var letter = d.as(LEAD).post("/api/consultations/" + id + "/opinions",
                Map.of("authorName", "王五", "content", "信函意见：建议延长缴费期", "channel", "LETTER", "postmarkDate", "2024-10-21"));
        assertThat(letter.getStatusCode().value()).isEqualTo(201);
        var lateLetter = d.as(LEAD).post("/api/consultations/" + id + "/opinions",
                Map.of("content", "邮戳晚于截止日", "channel", "LETTER", "postmarkDate", "2024-10-23"));
        assertThat(lateLetter.getBody().get("code").asText()).isEqualTo("COMMENT_WINDOW_CLOSED");

        // moderation keeps abusive text from display, with a reason; it stays and counts
        var noReason = d.as(LEAD).put("/api/opinions/" + against.id() + "/moderation", Map.of("publish", false));
        assertThat(noReason.getBody().get("code").asText()).isEqualTo("MODERATION_REASON_REQUIRED");
        d.as(LEAD).put("/api/opinions/" + against.id() + "/moderation", Map.of("publish", false, "reason", "含有不文明用语"));
        assertThat(comments.lookup(against.receipt()).get("display")).isEqualTo("不予公开显示（意见已记录并计入统计）");

        // participation cannot end before the feedback is published
        d.upload(LEAD, n, "PARTICIPATION_REPORT");
        var early = d.as(LEAD).complete(d.task(n, "participation-conduct").get("id").asText(), "COMPLETED", null);
        assertThat(early.getBody().get("code").asText()).isEqualTo("CONSULTATION_FEEDBACK_MISSING");

        // every opinion answered, per opinion or per cluster; reasons where not adopted
        var incomplete = d.as(LEAD).post("/api/consultations/" + id + "/feedback", Map.of("summary", "共收到4条意见"));
        assertThat(incomplete.getBody().get("code").asText()).isEqualTo("FEEDBACK_INCOMPLETE");
        assertThat(incomplete.getBody().get("message").asText()).contains("尚有4条意见未答复");
        JsonNode cluster = d.as(LEAD).post("/api/consultations/" + id + "/clusters",
                Map.of("title", "关于分档调整", "opinionIds", List.of(first.id(), same.id()))).getBody();
        d.as(LEAD).put("/api/clusters/" + cluster.get("id").asLong() + "/adoption", Map.of("adoption", "ADOPTED"));
        var bare = d.as(LEAD).put("/api/opinions/" + against.id() + "/adoption", Map.of("adoption", "NOT_ADOPTED"));
        assertThat(bare.getBody().get("code").asText()).isEqualTo("ADOPTION_REASON_REQUIRED");
        d.as(LEAD).put("/api/opinions/" + against.id() + "/adoption", Map.of("adoption", "NOT_ADOPTED", "reason", "现行价格低于供热成本"));
        d.as(LEAD).put("/api/opinions/" + letter.getBody().get("id").asLong() + "/adoption",
                Map.of("adoption", "PARTLY_ADOPTED", "reason", "缴费期延长至12月31日"));
        var feedback = d.as(LEAD).post("/api/consultations/" + id + "/feedback", Map.of("summary", "共收到4条意见，采纳2条，部分采纳1条，不采纳1条"));
        assertThat(feedback.getStatusCode().value()).as(feedback.getBody().toString()).isEqualTo(200);

        // the person with a receipt sees the answer, never anyone's contact details
        Map<String, Object> seen = comments.lookup(cn.juece.portal.ReceiptNumbers.display(first.receipt()).toLowerCase());
        assertThat(seen.get("answer")).isEqualTo("采纳");
        assertThat(seen.get("status")).isEqualTo("已公布采纳情况");
        assertThat(seen.toString()).doesNotContain("13800000000");
        assertThat(comments.lookup(against.receipt()).get("answer")).isEqualTo("不采纳：现行价格低于供热成本");

        // every opinion with its answer, for the office that prints it
        String csv = new String(d.as(LEAD).raw().get().uri("/api/consultations/" + id + "/export.csv").retrieve().body(byte[].class),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"回执号\",\"途径\"").contains("反对涨价", "不采纳：现行价格低于供热成本", "关于分档调整", "信函", "13800000000");

        d.noHearingNeeded(n);
        d.complete(LEAD, n, "participation-conduct", "fgj", "COMPLETED", null);
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("征求意见期限自2024年9月20日至2024年10月21日24时"));
    }

    private static Map<String, Object> notice(String closesOn, String shortenedReason) {
        var m = new java.util.HashMap<String, Object>(Map.of("noticeText", "请于截止日前通过县政府网站或信函提出意见。",
                "channels", List.of("冠县发布微信公众号", "冠县融媒体中心"), "closesOn", closesOn));
        if (shortenedReason != null) {
            m.put("shortenedReason", shortenedReason);
        }
        return m;
    }

    private static void at(int y, int m, int day, int h, int min) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(y, m, day, h, min).atZone(AppClock.ZONE).toInstant()));
    }

    @SuppressWarnings("unused")
    private static LocalDate date(String s) {
        return LocalDate.parse(s);
    }
}
