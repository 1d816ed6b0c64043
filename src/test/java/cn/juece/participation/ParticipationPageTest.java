package cn.juece.participation;

import static cn.juece.LifecycleDriver.LEAD;
import static cn.juece.support.PageSession.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import cn.juece.IntegrationTest;
import cn.juece.support.AppClock;
import cn.juece.support.PageSession;

/** The lead unit runs participation on its page: publishes a notice, enters a letter, moderates and answers. */
class ParticipationPageTest extends IntegrationTest {

    @Test
    void theLeadUnitWorksOnTheParticipationPage() throws Exception {
        var d = driver();
        String n = d.create("县城区夜市管理办法（参与页面）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        var page = new PageSession(port).signIn(LEAD, PASSWORD);
        String path = "/decisions/" + n + "/participation";
        String html = page.get(path).body();
        assertThat(html).contains("公开征求意见（第十八条、第二十条）", "企业和行业协会商会意见（第十九条）", "听证会（第二十二条至第二十六条）");

        LocalDate closes = LocalDate.now(AppClock.ZONE).plusDays(40);
        var tooShort = page.post(path + "/consultations", "noticeText=" + enc("请提出意见") + "&channels=" + enc("冠县发布")
                + "&closesOn=" + LocalDate.now(AppClock.ZONE).plusDays(5) + "&_csrf=" + PageSession.csrf(html), page.uri(path).toString());
        assertThat(tooShort.statusCode()).isEqualTo(302);
        assertThat(page.get(path).body()).contains("公开征求意见期限一般不少于30日（第二十条）", "COMMENT_WINDOW_TOO_SHORT");

        html = page.get(path).body();
        page.post(path + "/consultations", "noticeText=" + enc("请于截止日前提出意见") + "&channels=" + enc("冠县发布、冠县融媒体")
                + "&closesOn=" + closes + "&_csrf=" + PageSession.csrf(html), page.uri(path).toString());
        html = page.get(path).body();
        assertThat(html).contains("征求意见中", "冠县发布、冠县融媒体", "先审后发");
        long consultation = Long.parseLong(html.replaceAll("(?s).*/participation/consultations/(\\d+)/opinions.*", "$1"));
        page.post(path + "/consultations/" + consultation + "/opinions", "channel=LETTER&authorName=" + enc("赵六")
                + "&content=" + enc("建议夜市延长到23点") + "&_csrf=" + PageSession.csrf(html), page.uri(path).toString());
        html = page.get(path).body();
        assertThat(html).contains("建议夜市延长到23点", "信函", "待审核");
    }
}
