package cn.juece.participation;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;

/** Near-identical submissions are grouped to be answered together; each still counts (campaign detection). */
class CampaignDetectionTest extends IntegrationTest {

    @Autowired
    PublicCommentService comments;

    @Test
    void nearIdenticalCommentsAreGroupedAndStillCounted() {
        var d = driver();
        String n = d.create("县城区渣土车通行管理规定（集中提交）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        long id = d.as(LEAD).post("/api/decisions/" + n + "/consultations", Map.of("noticeText", "请提出意见", "channels", List.of("冠县发布"),
                "closesOn", LocalDate.now(AppClock.ZONE).plusDays(40).toString())).getBody().get("id").asLong();
        for (String text : List.of("坚决反对渣土车夜间通行，严重影响居民休息！", "坚决反对渣土车夜间通行，严重影响居民休息。请重视",
                "我们坚决反对渣土车夜间通行，严重影响居民休息", "建议在学校周边设置限速标志")) {
            comments.submit(id, new PublicCommentService.Submission(null, null, false, text, null, null), false);
        }
        JsonNode clusters = d.as(LEAD).post("/api/consultations/" + id + "/similar-clusters", Map.of()).getBody();
        assertThat(clusters).hasSize(1);
        assertThat(clusters.get(0).get("title").asText()).startsWith("相似意见（3条）：坚决反对渣土车夜间通行");
        JsonNode opinions = d.as(LEAD).get("/api/consultations/" + id + "/opinions").getBody();
        assertThat(opinions).hasSize(4);
        long grouped = 0;
        for (JsonNode o : opinions) {
            grouped += o.get("clusterId").isNull() ? 0 : 1;
        }
        assertThat(grouped).isEqualTo(3);
        assertThat(d.as(LEAD).post("/api/consultations/" + id + "/similar-clusters", Map.of("threshold", 2)).getBody().get("code").asText())
                .isEqualTo("SIMILARITY_INVALID");
    }
}
