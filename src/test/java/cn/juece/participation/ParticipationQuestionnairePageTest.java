package cn.juece.participation;

import static cn.juece.LifecycleDriver.LEAD;
import static cn.juece.support.PageSession.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;
import cn.juece.support.PageSession;

/**
 * A clerk publishes a questionnaire (Art. 27) from the participation page with the one-question-per-line form, is
 * refused a questionnaire without questions, a line the form does not understand and a choice with one option (the
 * questions as written kept in the form), then finds it listed with the portal's links and its tally.
 */
class ParticipationQuestionnairePageTest extends IntegrationTest {

    @Autowired
    QuestionnaireService questionnaires;

    @Test
    void aQuestionnaireWrittenOneQuestionPerLine() throws Exception {
        var d = driver();
        String n = d.create("县城公共自行车系统建设（问卷页面）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        var clerk = new ParticipationPageClerk(port, LEAD, PASSWORD, n);
        assertThat(clerk.html()).contains("问卷调查（第十七条、第二十七条）", "发布问卷", "每行以题型开头", "单选：您是否支持建设公共自行车系统？｜支持｜反对｜无所谓");
        String closes = LocalDate.now(AppClock.ZONE).plusDays(20).toString();

        // no questions
        clerk.submit("/questionnaires", "title=" + enc("公共自行车使用意愿调查") + "&closesOn=" + closes + "&questions=");
        assertThat(clerk.error()).contains("问卷应当有1至50个问题", "QUESTIONS_INVALID");
        assertThat(clerk.html()).contains("value=\"公共自行车使用意愿调查\"");

        // a line the form does not understand: refused with its line number, the text kept as written
        String questions = "单选：您是否支持建设公共自行车系统？｜支持｜反对｜无所谓\n您希望在哪些地点设站？\n";
        clerk.submit("/questionnaires", "title=" + enc("公共自行车使用意愿调查") + "&closesOn=" + closes + "&questions=" + enc(questions));
        assertThat(clerk.error()).contains("问题第2行“您希望在哪些地点设站？”的写法不对", "QUESTION_LINE_INVALID");
        assertThat(clerk.html()).contains(">单选：您是否支持建设公共自行车系统？｜支持｜反对｜无所谓\n您希望在哪些地点设站？\n</textarea>");

        // a choice with one option: the service's rule
        clerk.submit("/questionnaires", "title=" + enc("公共自行车使用意愿调查") + "&closesOn=" + closes
                + "&questions=" + enc("单选：您是否支持？｜支持"));
        assertThat(clerk.error()).contains("选择题“您是否支持？”至少须有两个选项", "QUESTIONS_INVALID");
        assertThat(clerk.html()).doesNotContain("id=\"questionnaire-");

        String page = clerk.submit("/questionnaires", "title=" + enc("公共自行车使用意愿调查") + "&intro=" + enc("请<i>如实</i>填写")
                + "&closesOn=" + closes + "&questions=" + enc("""
                单选：您是否支持建设公共自行车系统？｜支持｜反对｜无所谓

                多选 : 您希望在哪些地点设站？|学校|医院|商场|公交站
                填空（选答）：其他意见
                """));
        assertThat(clerk.error()).isNull();
        long id = questionnaireId(page);
        String card = clerk.card("questionnaire-" + id);
        assertThat(card).contains("公共自行车使用意愿调查", "已回收0份", "/public/questionnaires/" + id + "\"", "/public/questionnaires/" + id + "/results",
                "请&lt;i&gt;如实&lt;/i&gt;填写", "1. 您是否支持建设公共自行车系统？（单选）", "2. 您希望在哪些地点设站？（多选）", "3. 其他意见（填空，选答）",
                "公交站：0");
        // the form is empty again once published
        assertThat(clerk.html()).contains("name=\"questions\" rows=\"8\" aria-describedby=\"questionnaireSyntax\"></textarea>");

        // the public answers on the portal; the clerk sees the tally, and the portal's chart page has the same counts
        var q = questionnaires.get(id);
        assertThat(q.questions()).extracting(QuestionnaireService.Question::required).containsExactly(true, true, false);
        questionnaires.submit(id, List.of(new QuestionnaireService.Answer(q.questions().get(0).id(), List.of(0), null),
                new QuestionnaireService.Answer(q.questions().get(1).id(), List.of(0, 3), null),
                new QuestionnaireService.Answer(q.questions().get(2).id(), null, "希望24小时可借")));
        clerk.open();
        card = clerk.card("questionnaire-" + id);
        assertThat(card).contains("已回收1份", "支持：1", "反对：0", "学校：1", "公交站：1", "填写1份");
        String results = new PageSession(port).get("/public/questionnaires/" + id + "/results").body();
        assertThat(results).contains("已回收问卷 <strong id=\"responses\">1</strong> 份", "class=\"chart\"", "echarts.min.js");
    }

    private static long questionnaireId(String html) {
        Matcher m = Pattern.compile("id=\"questionnaire-(\\d+)\"").matcher(html);
        assertThat(m.find()).as("a questionnaire listed").isTrue();
        return Long.parseLong(m.group(1));
    }
}
