package cn.juece.dossier;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.juece.IntegrationTest;
import cn.juece.support.StaffBrowser;

/**
 * The dossier offers each person only the acts they can take now (issue 11), from who acts for which party of the
 * decision: the Art. 3 category to the study unit, the justice bureau and the decision organ in stages 1-2; the units
 * (Art. 12) to the decision organ; a step's completion to its party, not while a colleague holds it; a shortening to
 * the acting unit's head; choices that record a judgement start empty.
 */
class DossierFormsTest extends IntegrationTest {

    @Test
    void eachPersonIsOfferedWhatTheyMayDoNow() {
        var d = driver();

        // stage 1: the lead unit studies; the organ-wide roles may categorise; nobody is offered the units yet
        String n = d.create("城区路灯节能改造（案卷表单）");
        String clerk = page(LEAD, n);
        assertThat(clerk).contains(form(n, "/study"), form(n, "/category"), form(n, "/special-procedure"), completeForm(clerk),
                "您现在可以办理", "记录研究论证情况（第十一条）")
                .doesNotContain(form(n, "/unit-change"), form(n, "/units\""), "/deviation\"");
        String organ = page("bgs_chen", n);
        assertThat(organ).contains(form(n, "/category")).doesNotContain(form(n, "/study"), form(n, "/unit-change"));
        assertThat(completeForms(organ)).isZero();
        assertThat(page("sfj_liu", n)).contains(form(n, "/category")).doesNotContain(form(n, "/study"));
        // a judgement starts empty: the category and the outcome are chosen, never preset
        assertThat(selectAfter(clerk, "id=\"category\"")).contains("<option value=\"\">请选择</option>").doesNotContain("selected");
        assertThat(selectAfter(clerk, "name=\"outcome\"")).contains("<option value=\"\">请选择</option>").doesNotContain("selected");

        // stage 2: the decision organ names and changes the units; the lead unit's clerk is offered neither
        d.study(n);
        organ = page("bgs_chen", n);
        assertThat(organ).contains(form(n, "/units\""), form(n, "/unit-change"), "明确决策承办单位（第十二条）");
        assertThat(completeForms(organ)).isEqualTo(1);
        clerk = page(LEAD, n);
        assertThat(clerk).doesNotContain(form(n, "/units\""), form(n, "/unit-change"), form(n, "/study"));
        assertThat(completeForms(clerk)).isZero();
        assertThat(page("admin", n)).contains(form(n, "/unit-change"));

        // stage 5: expert research, a "一般" minimum (Art. 34): only the unit's head may shorten it; nobody pauses it
        // (Art. 42, 44 take time out of the legality review's period only)
        d.launch(n);
        d.draft(n, false, true, false);
        clerk = page(LEAD, n);
        assertThat(clerk).doesNotContain("/pauses\"", "/deviation\"", "批准缩短“一般”期限", form(n, "/category"));
        String head = page("fgj_head", n);
        assertThat(head).contains("/deviation\"", "批准缩短“一般”期限（本单位负责人）");
        assertThat(page("bgs_chen", n)).doesNotContain("/deviation\"", "/pauses\"");

        // a step held by the clerk: the head is not offered its completion (TASK_HELD_BY_OTHER), but may hand it over
        String task = d.task(n, "expert-conduct").get("id").asText();
        assertThat(d.as(LEAD).post("/api/tasks/" + task + "/claim", Map.of()).getStatusCode().value()).isEqualTo(200);
        head = page("fgj_head", n);
        assertThat(head).doesNotContain("/tasks/" + task + "/complete").contains("/tasks/" + task + "/handover");
        assertThat(page(LEAD, n)).contains("/tasks/" + task + "/complete");

        // the upload form lists what the person provides: the justice bureau's opinion letter is not the clerk's
        assertThat(selectAfter(page(LEAD, n), "id=\"type\"")).contains("EXPERT_OPINION").doesNotContain("LEGALITY_OPINION", "MEETING_MINUTES");
        assertThat(selectAfter(page("sfj_liu", n), "id=\"type\"")).contains("LEGALITY_OPINION").doesNotContain("EXPERT_OPINION");
    }

    private String page(String user, String number) {
        return new StaffBrowser(port, user, PASSWORD).get("/decisions/" + number);
    }

    private static String form(String number, String action) {
        return "action=\"/decisions/" + number + action;
    }

    private static String completeForm(String html) {
        assertThat(completeForms(html)).as("a completion form").isPositive();
        return "/complete\"";
    }

    private static int completeForms(String html) {
        return html.split("/complete\" method=\"post\"", -1).length - 1;
    }

    private static String selectAfter(String html, String marker) {
        int i = html.indexOf(marker);
        assertThat(i).as(marker).isNotNegative();
        return html.substring(i, html.indexOf("</select>", i));
    }
}
