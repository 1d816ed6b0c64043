package cn.juece.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.juece.participation.QuestionnaireService.Kind;
import cn.juece.participation.QuestionnaireService.NewQuestion;
import cn.juece.support.RuleViolation;

/** The participation page's one-question-per-line syntax; what a questionnaire must contain is the service's rule. */
class QuestionLinesTest {

    @Test
    void oneQuestionPerLine() {
        assertThat(QuestionLines.parse("""
                单选：您是否支持？｜支持｜反对
                
                多选 (选答): 设站地点？| 学校 |医院||
                填空：其他意见｜不是选项
                """)).containsExactly(
                new NewQuestion(Kind.SINGLE, "您是否支持？", List.of("支持", "反对"), true),
                new NewQuestion(Kind.MULTIPLE, "设站地点？", List.of("学校", "医院"), false),
                new NewQuestion(Kind.TEXT, "其他意见｜不是选项", List.of(), true));
    }

    @Test
    void nothingWrittenIsNoQuestionsAndTheServiceDecides() {
        assertThat(QuestionLines.parse(null)).isEmpty();
        assertThat(QuestionLines.parse(" \r\n \n")).isEmpty();
        // one option is passed on as written: QuestionnaireService refuses it (QUESTIONS_INVALID)
        assertThat(QuestionLines.parse("单选：您是否支持？｜支持").get(0).options()).containsExactly("支持");
    }

    @Test
    void aLineWithoutItsKindIsRefusedWithItsNumber() {
        assertThatThrownBy(() -> QuestionLines.parse("单选：甲？｜是｜否\r\n判断：乙？"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("QUESTION_LINE_INVALID").hasMessageContaining("问题第2行“判断：乙？”");
    }
}
