package cn.juece.participation;

import static cn.juece.LifecycleDriver.LEAD;
import static cn.juece.support.PageSession.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;
import cn.juece.support.PageSession;
import cn.juece.support.StaffBrowser;

/**
 * The participation page shows what can be done now (issue 11): one collapsible section per method with a line on
 * where it stands, the section being worked in open (after a form, and with a refusal shown inside it), no second
 * notice while one is open, answers that start empty, and no forms for those who only read.
 */
class ParticipationSectionsTest extends IntegrationTest {

    private static final Pattern SECTION = Pattern.compile("<details class=\"section\" id=\"([a-z]+)\"( open=\"open\")?");

    @Test
    void theClerkWorksInOneSectionAtATime() throws Exception {
        var d = driver();
        String n = d.create("城区公共停车收费标准调整（分栏）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        String path = "/decisions/" + n + "/participation";
        var page = new PageSession(port).signIn(LEAD, PASSWORD);

        // nothing started: every section closed, each saying where it stands
        String html = page.get(path).body();
        assertThat(sections(html)).isEqualTo("comment enterprise hearing symposium questionnaire ");
        assertThat(html).contains("尚未发布征求意见公告", "尚未认定是否与企业生产经营活动密切相关", "尚未确定是否应当召开", "未安排座谈会",
                "未发布问卷", "发布征求意见公告（期限一般不少于30日");

        // a notice published from its form: back with the comment section open; no second notice while it is open
        var published = page.post(path + "/consultations", "_open=comment&noticeText=" + enc("请于截止日前提出意见") + "&channels="
                + enc("冠县发布") + "&closesOn=" + LocalDate.now(AppClock.ZONE).plusDays(35) + "&_csrf=" + PageSession.csrf(html), null);
        assertThat(published.headers().firstValue("Location").orElseThrow()).endsWith(path + "?open=comment#comment");
        html = page.get(path + "?open=comment").body();
        assertThat(sections(html)).isEqualTo("comment(open) enterprise hearing symposium questionnaire ");
        assertThat(html).contains("征求意见中；收到意见0条，待答复0条", "征求意见期间不能发布新的公告")
                .doesNotContain("发布征求意见公告（期限一般不少于30日");

        // a letter entered: its answer starts empty
        long consultation = Long.parseLong(html.replaceAll("(?s).*/participation/consultations/(\\d+)/opinions.*", "$1"));
        page.post(path + "/consultations/" + consultation + "/opinions", "_open=comment&channel=LETTER&authorName=" + enc("赵六")
                + "&content=" + enc("建议夜间免费") + "&_csrf=" + PageSession.csrf(html), null);
        html = page.get(path + "?open=comment").body();
        String answer = html.substring(html.indexOf("name=\"adoption\""), html.indexOf("</select>", html.indexOf("name=\"adoption\"")));
        assertThat(answer).contains("required", "<option value=\"\">请选择</option>", "采纳").doesNotContain("selected");

        // without a section named, the sections with work pending are open
        assertThat(sections(page.get(path).body())).isEqualTo("comment(open) enterprise hearing symposium questionnaire ");

        // a refusal in the hearing section comes back there: the section open, the message inside it
        var refused = page.post(path + "/hearing-requirement", "_open=hearing&note=&_csrf=" + PageSession.csrf(html),
                page.uri(path).toString());
        String location = refused.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith(path + "?open=hearing#hearing");
        html = page.get(location.substring(location.indexOf(path))).body();
        assertThat(sections(html)).contains("hearing(open)");
        String hearing = html.substring(html.indexOf("<details class=\"section\" id=\"hearing\""), html.indexOf("id=\"symposium\""));
        assertThat(hearing).contains("请选择是否召开听证会。（REQUIRED_FLAG_MISSING）");
        assertThat(html.substring(0, html.indexOf("<details"))).doesNotContain("alert error");

        // the justice bureau reads the page: every record, no form but signing out
        String reader = new StaffBrowser(port, "sfj_liu", PASSWORD).get(path);
        assertThat(reader).contains("公众参与由决策承办单位办理", "建议夜间免费");
        assertThat(reader.replaceAll("(?s)<form[^>]*action=\"[^\"]*/logout[^\"]*\".*?</form>", "")).doesNotContain("<form");
    }

    private static String sections(String html) {
        StringBuilder s = new StringBuilder();
        Matcher m = SECTION.matcher(html);
        while (m.find()) {
            s.append(m.group(1)).append(m.group(2) != null ? "(open)" : "").append(' ');
        }
        return s.toString();
    }
}
