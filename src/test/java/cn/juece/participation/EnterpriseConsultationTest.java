package cn.juece.participation;

import static cn.juece.LifecycleDriver.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.juece.IntegrationTest;

/**
 * Art. 19: an enterprise-related matter reaches the meeting only after representative enterprises (a private,
 * small-medium or labour-intensive one among them) and an association or chamber were heard and answered.
 */
class EnterpriseConsultationTest extends IntegrationTest {

    @Test
    void enterprisesAndAssociationsAreHeardBeforeTheMeeting() {
        var d = driver();
        String n = d.create("县城区商业网点布局规划（涉企）");
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, false);
        d.submitForLegality(n);
        d.review(n, "PASSED", null);
        d.upload(LEAD, n, "MEETING_REQUEST");
        String task = d.task(n, "meeting-submit").get("id").asText();

        assertThat(d.as(LEAD).complete(task, "SUBMITTED", null).getBody().get("code").asText()).isEqualTo("ENTERPRISE_QUESTION_UNANSWERED");
        d.as(LEAD).put("/api/decisions/" + n + "/enterprise-question", Map.of("related", true));
        var missing = d.as(LEAD).complete(task, "SUBMITTED", null);
        assertThat(missing.getBody().get("code").asText()).isEqualTo("ENTERPRISE_OPINIONS_MISSING");
        assertThat(missing.getBody().get("message").asText()).contains("民营企业、劳动密集型企业、中小企业", "第十九条");

        long chamber = d.as(LEAD).post("/api/decisions/" + n + "/enterprise-opinions", Map.of("organisation", "冠县总商会",
                "kind", "CHAMBER", "opinion", "建议保留老城区早市")).getBody().get("id").asLong();
        assertThat(d.as(LEAD).complete(task, "SUBMITTED", null).getBody().get("code").asText()).isEqualTo("ENTERPRISE_OPINIONS_MISSING");
        long shop = d.as(LEAD).post("/api/decisions/" + n + "/enterprise-opinions", Map.of("organisation", "某连锁便利店有限公司",
                "kind", "ENTERPRISE", "privateOwned", true, "smallMedium", true, "opinion", "新规划网点租金应有过渡期")).getBody().get("id").asLong();
        assertThat(d.as(LEAD).complete(task, "SUBMITTED", null).getBody().get("code").asText()).isEqualTo("ENTERPRISE_OPINIONS_UNANSWERED");

        var noReason = d.as(LEAD).put("/api/enterprise-opinions/" + chamber + "/adoption", Map.of("adoption", "NOT_ADOPTED"));
        assertThat(noReason.getBody().get("code").asText()).isEqualTo("ADOPTION_REASON_REQUIRED");
        d.as(LEAD).put("/api/enterprise-opinions/" + chamber + "/adoption", Map.of("adoption", "PARTLY_ADOPTED", "reason", "早市保留至2027年"));
        d.as(LEAD).put("/api/enterprise-opinions/" + shop + "/adoption", Map.of("adoption", "ADOPTED"));
        d.complete(LEAD, n, "meeting-submit", "fgj", "SUBMITTED", null);
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("听取企业“某连锁便利店有限公司”的意见（民营）（中小企业）（第十九条）"));
    }
}
