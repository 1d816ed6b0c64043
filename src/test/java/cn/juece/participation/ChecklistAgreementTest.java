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
import cn.juece.portal.ReceiptNumbers;
import cn.juece.support.AppClock;
import cn.juece.support.StaffBrowser;

/**
 * The checklist's lines agree (issue 11): while it is not yet decided whether a hearing is required (Art. 22), the
 * requirement "应当听证的，已召开听证会…" is 待确定, never 已具备 beside "已确定是否应当召开听证会：缺少"; once answered it
 * is 不适用 or, when required, 缺少 until the report. A receipt reads the same in every audit entry.
 */
class ChecklistAgreementTest extends IntegrationTest {

    @Autowired
    private PublicCommentService comments;

    @Test
    void aConditionalRequirementIsUndeterminedUntilItsConditionIsKnown() {
        var d = driver();
        String n = d.create("城区燃气价格调整（清单一致）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);

        assertThat(state(n, "HEARING_QUESTION_UNANSWERED")).isEqualTo("缺少");
        assertThat(state(n, "HEARING_NOT_REPORTED")).isEqualTo("待确定");
        assertThat(state(n, "CONSULTATION_FEEDBACK_MISSING")).isEqualTo("不适用");
        String dossier = new StaffBrowser(port, LEAD, PASSWORD).get("/decisions/" + n);
        assertThat(row(dossier, "应当听证的，已召开听证会并形成听证报告")).contains("待确定").doesNotContain("已具备");

        d.as(LEAD).put("/api/decisions/" + n + "/hearing-requirement", Map.of("required", false, "note", "不存在第二十二条所列情形"));
        assertThat(state(n, "HEARING_QUESTION_UNANSWERED")).isEqualTo("已具备");
        assertThat(state(n, "HEARING_NOT_REPORTED")).isEqualTo("不适用");

        d.as(LEAD).put("/api/decisions/" + n + "/hearing-requirement", Map.of("required", true, "grounds", List.of("MAJOR_IMPACT")));
        assertThat(state(n, "HEARING_NOT_REPORTED")).isEqualTo("缺少");

        // a consultation opened: its feedback is now required
        long c = d.as(LEAD).post("/api/decisions/" + n + "/consultations", Map.of("noticeText", "请提出意见", "channels", List.of("冠县发布"),
                "closesOn", LocalDate.now(AppClock.ZONE).plusDays(40).toString())).getBody().get("id").asLong();
        assertThat(state(n, "CONSULTATION_FEEDBACK_MISSING")).isEqualTo("缺少");

        // the receipt as the commenter got it, in the entries of receiving, moderating and answering
        Opinion o = comments.submit(c, new PublicCommentService.Submission("市民", null, false, "建议分档计价", null, null), false);
        d.as(LEAD).put("/api/opinions/" + o.id() + "/moderation", Map.of("publish", true));
        String shown = ReceiptNumbers.display(o.receipt());
        assertThat(d.auditDetails(n).stream().filter(s -> s.contains(o.receipt().substring(0, 4))).toList())
                .hasSize(2).allMatch(s -> s.contains(shown)).noneMatch(s -> s.contains(o.receipt()));
    }

    private String state(String n, String code) {
        for (JsonNode item : as(LEAD).get("/api/decisions/" + n + "/checklist").getBody()) {
            if (item.get("code").asText().equals(code)) {
                return item.get("stateLabel").asText();
            }
        }
        throw new AssertionError("no checklist line " + code);
    }

    private static String row(String html, String requirement) {
        int i = html.indexOf(requirement);
        assertThat(i).as(requirement).isNotNegative();
        return html.substring(i, html.indexOf("</tr>", i));
    }
}
