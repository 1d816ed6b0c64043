package cn.juece.participation;

import static cn.juece.LifecycleDriver.LEAD;
import static cn.juece.participation.ParticipationPageClerk.at;
import static cn.juece.support.PageSession.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.juece.IntegrationTest;

/**
 * A clerk of the lead unit runs symposiums (Art. 21) on the participation page alone: records one with its invitees,
 * records the materials' delivery, is refused confirmation when they arrived less than 3 days before, cancels it with a
 * reason, and holds a rescheduled one with its minutes uploaded on the same page.
 */
class ParticipationSymposiumPageTest extends IntegrationTest {

    @Test
    void aSymposiumFromInvitationToMinutesOnThePage() throws Exception {
        at(2025, 3, 3);
        var d = driver();
        String n = d.create("城区公共停车场收费标准调整（座谈会页面）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        var clerk = new ParticipationPageClerk(port, LEAD, PASSWORD, n);
        assertThat(clerk.html()).contains("座谈会（第二十一条）", "拟召开座谈会（第二十一条）", "每行一位：姓名及单位或身份");

        // no invitees: refused with the article, nothing recorded
        clerk.submit("/symposiums", "title=" + enc("停车收费座谈会") + "&heldOn=2025-03-10&place=" + enc("县发改局三楼会议室") + "&invitees=");
        assertThat(clerk.error()).contains("应当邀请有利害关系的公民、法人或者其他组织代表参加（第二十一条）", "SYMPOSIUM_INVITEES_REQUIRED");
        assertThat(clerk.html()).doesNotContain("停车收费座谈会</td>");

        String page = clerk.submit("/symposiums", "title=" + enc("停车收费座谈会") + "&heldOn=2025-03-10&place=" + enc("县发改局三楼会议室")
                + "&invitees=" + enc("张某（城区居民代表）\n县出租汽车协会代表\n\n某商场物业代表\n"));
        assertThat(clerk.error()).isNull();
        long first = id(page, "停车收费座谈会");
        String row = clerk.row("symposium-" + first);
        assertThat(row).contains("停车收费座谈会", "2025年3月10日，县发改局三楼会议室", "张某（城区居民代表）；县出租汽车协会代表；某商场物业代表",
                "未记录", "最迟2025年3月7日", "拟召开", "尚未记录送达日期");

        // delivered on 03-08, two days before the 03-10 meeting: confirmation is refused on the page
        at(2025, 3, 8);
        clerk.submit("/symposiums/" + first + "/delivery", "deliveredOn=2025-03-08");
        assertThat(clerk.row("symposium-" + first)).contains("2025年3月8日", "拟召开", "实际于2025年3月8日送达");
        clerk.submit("/symposiums/" + first + "/confirm", "");
        assertThat(clerk.error()).contains("座谈会应当将决策草案等材料于召开3日前送达与会人员（第二十一条）", "材料最迟应于2025年3月7日送达",
                "实际于2025年3月8日送达", "SYMPOSIUM_MATERIALS_LATE");
        assertThat(clerk.row("symposium-" + first)).contains("拟召开").doesNotContain("已确认召开");

        // cancelled: a reason is required
        clerk.submit("/symposiums/" + first + "/cancel", "reason=");
        assertThat(clerk.error()).contains("请写明取消（或改期）的理由", "CANCEL_REASON_REQUIRED");
        clerk.submit("/symposiums/" + first + "/cancel", "reason=" + enc("材料送达不足3日，改期至3月11日召开"));
        assertThat(clerk.error()).isNull();
        assertThat(clerk.row("symposium-" + first)).contains("已取消").doesNotContain("确认召开</button>");

        // rescheduled to 03-11 with the materials delivered on 03-08: confirmed, then held once the minutes are uploaded
        page = clerk.submit("/symposiums", "title=" + enc("停车收费座谈会（改期）") + "&heldOn=2025-03-11&place=" + enc("县发改局三楼会议室")
                + "&invitees=" + enc("张某（城区居民代表）"));
        long second = id(page, "停车收费座谈会（改期）");
        clerk.submit("/symposiums/" + second + "/delivery", "deliveredOn=2025-03-08");
        clerk.submit("/symposiums/" + second + "/confirm", "");
        assertThat(clerk.error()).isNull();
        assertThat(clerk.row("symposium-" + second)).contains("已确认召开", "座谈会定于2025年3月11日召开，尚未召开。",
                "请先上传《座谈会记录及意见》", "登记已召开");

        at(2025, 3, 11);
        clerk.submit("/symposiums/" + second + "/held", "");
        assertThat(clerk.error()).contains("请先上传《座谈会记录及意见》（第二十一条、第二十八条），再登记座谈会已召开。");
        assertThat(clerk.html()).contains("《座谈会记录及意见》（第二十一条）</strong>：", "尚未上传");
        clerk.upload("SYMPOSIUM_MINUTES", "symposium", "座谈会记录.pdf", "座谈会记录及意见");
        assertThat(clerk.error()).isNull();
        assertThat(clerk.html()).contains("已上传 座谈会记录.pdf（第1版）");
        clerk.submit("/symposiums/" + second + "/held", "");
        assertThat(clerk.error()).isNull();
        assertThat(clerk.row("symposium-" + second)).contains("已召开").doesNotContain("已确认召开").doesNotContain("<form");

        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("取消“停车收费座谈会”，理由：材料送达不足3日，改期至3月11日召开"))
                .anyMatch(s -> s.contains("“停车收费座谈会（改期）”已召开"));
    }

    /** The id of the symposium with that title, from its row's id on the page. */
    private static long id(String html, String title) {
        Matcher m = Pattern.compile("id=\"symposium-(\\d+)\">\\s*<td>" + Pattern.quote(title) + "</td>").matcher(html);
        assertThat(m.find()).as("symposium " + title + " listed").isTrue();
        return Long.parseLong(m.group(1));
    }
}
