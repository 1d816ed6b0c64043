package cn.juece.participation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.juece.support.RuleViolation;

/**
 * The participation page's plain-text form of a questionnaire's questions, so that a clerk can write one without
 * JavaScript: one question per line,
 * <pre>
 * 单选：您是否支持建设公共自行车系统？｜支持｜反对｜无所谓
 * 多选：您希望在哪些地点设站？｜学校｜医院｜商场
 * 填空（选答）：其他意见
 * </pre>
 * The kind (单选, 多选, 填空) comes first, then a colon (：or :), then the question; a choice question's options follow,
 * each after a bar (｜ or |). "（选答）" after the kind makes the question optional. Blank lines are skipped. Only the
 * syntax is checked here; what a questionnaire must contain is {@link QuestionnaireService#create}'s to decide.
 */
final class QuestionLines {

    private static final Pattern LINE = Pattern.compile("^(单选|多选|填空)\\s*([（(]选答[）)])?\\s*[：:]\\s*(.*)$");

    private QuestionLines() {
    }

    static List<QuestionnaireService.NewQuestion> parse(String text) {
        List<QuestionnaireService.NewQuestion> questions = new ArrayList<>();
        if (text == null) {
            return questions;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw RuleViolation.badRequest("QUESTION_LINE_INVALID", "问题第" + (i + 1) + "行“" + abbreviate(line)
                        + "”的写法不对：每行以“单选：”“多选：”或“填空：”开头，选择题的选项用竖线“｜”分隔。");
            }
            QuestionnaireService.Kind kind = switch (m.group(1)) {
                case "单选" -> QuestionnaireService.Kind.SINGLE;
                case "多选" -> QuestionnaireService.Kind.MULTIPLE;
                default -> QuestionnaireService.Kind.TEXT;
            };
            boolean required = m.group(2) == null;
            String rest = m.group(3);
            if (kind == QuestionnaireService.Kind.TEXT) {
                questions.add(new QuestionnaireService.NewQuestion(kind, rest, List.of(), required));
            } else {
                List<String> parts = Arrays.stream(rest.split("[｜|]", -1)).map(String::strip).toList();
                questions.add(new QuestionnaireService.NewQuestion(kind, parts.get(0),
                        parts.subList(1, parts.size()).stream().filter(o -> !o.isEmpty()).toList(), required));
            }
        }
        return questions;
    }

    private static String abbreviate(String line) {
        return line.length() > 30 ? line.substring(0, 30) + "……" : line;
    }
}
