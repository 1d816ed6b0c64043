package cn.juece.evaluation;

import static cn.juece.LifecycleDriver.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;

/**
 * Art. 56: a third party that did the main risk assessment of the matter (commissioned by the lead unit, Art. 36, the
 * risk stage's record of its assessor) may not do the post-evaluation; another organisation may.
 */
class EvaluationRiskAssessorConflictTest extends IntegrationTest {

    static final String ASSESSOR = "聊城明衡社会风险评估中心（冲突测试）";

    @Test
    void theOrganisationCommissionedForTheRiskAssessmentIsRefusedAsEvaluatorAnotherIsAccepted() {
        var d = driver();
        var added = as("admin").post("/api/assessors", Map.of("name", ASSESSOR, "creditCode", creditCode(), "kind", "PROFESSIONAL",
                "contactPerson", "钱工", "contactPhone", "0635-5000002", "declaredTies", "无"));
        assertThat(added.getStatusCode().value()).as(String.valueOf(added.getBody())).isEqualTo(201);
        long org = added.getBody().get("id").asLong();

        String n = d.create("城区停车收费管理办法（风险评估机构回避）");
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, true);
        d.assessor(n, Map.of("mode", "COMMISSIONED", "organisationId", org, "commissionKind", "CONTRACT",
                "commissionNumber", "冠发改委〔2026〕21号", "commissionDate", today(), "commissionScope", "停车收费社会稳定风险评估"));
        d.riskRecords(n, LEAD, "LOW");
        d.upload(LEAD, n, "RISK_REPORT");
        d.complete(LEAD, n, "risk-assess", "fgj", "LOW", null);
        d.complete(ORGAN, n, "risk-finding", "gx-organ", "CONTROLLABLE", null);
        d.submitForLegality(n);
        d.review(n, "PASSED", null);
        d.meeting(n, "APPROVED");
        d.publish(n);
        d.assignExecution(n, "QUARTERLY", LifecycleDriver.localToday().plusMonths(1), "fgj");
        assertThat(d.as(ORGAN).post("/api/decisions/" + n + "/evaluation/requests", Map.of()).getStatusCode().value()).isEqualTo(200);

        // the risk assessor, as registered or written a little differently, is refused with that reason
        for (String name : new String[] {ASSESSOR, "聊城明衡社会风险评估中心"}) {
            var conflict = d.nameEvaluator(n, "fgj", name);
            assertThat(conflict.getStatusCode().value()).as(String.valueOf(conflict.getBody())).isEqualTo(422);
            assertThat(conflict.getBody().get("code").asText()).isEqualTo("EVALUATOR_CONFLICT");
            assertThat(conflict.getBody().get("message").asText()).contains("受委托承担风险评估（第三十六条）", "第五十六条");
        }
        // another organisation passes
        var other = d.nameEvaluator(n, "fgj", "山东公共政策评估研究院");
        assertThat(other.getStatusCode().value()).as(String.valueOf(other.getBody())).isEqualTo(200);
        assertThat(other.getBody().toString()).contains("山东公共政策评估研究院");
    }

    static String creditCode() {
        String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder s = new StringBuilder("91371525MA3");
        for (int i = 0; i < 6; i++) {
            s.append(charset.charAt(ThreadLocalRandom.current().nextInt(charset.length())));
        }
        return s + String.valueOf(check(s.toString()));
    }

    /** GB 32100-2015 check character. */
    static char check(String first17) {
        String charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        int[] weights = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += charset.indexOf(first17.charAt(i)) * weights[i];
        }
        return charset.charAt((31 - sum % 31) % 31);
    }
}
