package cn.juece.participation;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.support.RuleViolation;

/** A questionnaire (Art. 27): answered without an account, each answer checked, tallied with every option. */
class QuestionnaireTest extends IntegrationTest {

    @Autowired
    QuestionnaireService questionnaires;

    @Test
    void answersAreCheckedAndTallied() {
        var d = driver();
        String n = d.create("县城公共自行车系统建设（问卷）");
        var bad = d.as(LEAD).post("/api/decisions/" + n + "/questionnaires", Map.of("title", "问卷", "closesOn", LocalDate.now().plusDays(20).toString(),
                "questions", List.of(Map.of("kind", "SINGLE", "text", "您是否支持？", "options", List.of("支持")))));
        assertThat(bad.getBody().get("code").asText()).isEqualTo("QUESTIONS_INVALID");
        JsonNode q = d.as(LEAD).post("/api/decisions/" + n + "/questionnaires", Map.of("title", "公共自行车使用意愿调查",
                "closesOn", LocalDate.now().plusDays(20).toString(), "questions", List.of(
                        Map.of("kind", "SINGLE", "text", "您是否支持建设公共自行车系统？", "options", List.of("支持", "反对", "无所谓")),
                        Map.of("kind", "MULTIPLE", "text", "您希望在哪些地点设站？", "options", List.of("学校", "医院", "商场", "公交站")),
                        Map.of("kind", "TEXT", "text", "其他意见", "required", false)))).getBody();
        long id = q.get("id").asLong();
        long q1 = q.get("questions").get(0).get("id").asLong(), q2 = q.get("questions").get(1).get("id").asLong(),
                q3 = q.get("questions").get(2).get("id").asLong();

        String receipt = questionnaires.submit(id, List.of(new QuestionnaireService.Answer(q1, List.of(0), null),
                new QuestionnaireService.Answer(q2, List.of(0, 3), null), new QuestionnaireService.Answer(q3, null, "希望24小时可借")));
        assertThat(receipt).matches("[2-9A-HJ-NP-Z]{12}");
        questionnaires.submit(id, List.of(new QuestionnaireService.Answer(q1, List.of(1), null),
                new QuestionnaireService.Answer(q2, List.of(1), null)));
        assertThatThrownBy(() -> questionnaires.submit(id, List.of(new QuestionnaireService.Answer(q1, List.of(0, 1), null),
                new QuestionnaireService.Answer(q2, List.of(1), null))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("ANSWER_INVALID");
        assertThatThrownBy(() -> questionnaires.submit(id, List.of(new QuestionnaireService.Answer(q1, List.of(0), null))))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("ANSWER_REQUIRED").hasMessageContaining("第2题");

        JsonNode tally = d.as(LEAD).get("/api/questionnaires/" + id + "/tally").getBody();
        assertThat(tally.get("responses").asLong()).isEqualTo(2);
        assertThat(tally.get("questions").get(0).get("counts").toString()).isEqualTo("{\"支持\":1,\"反对\":1,\"无所谓\":0}");
        assertThat(tally.get("questions").get(1).get("counts").toString()).isEqualTo("{\"学校\":1,\"医院\":1,\"商场\":0,\"公交站\":1}");
        assertThat(tally.get("questions").get(2).get("textAnswers").asLong()).isEqualTo(1);
    }
}
