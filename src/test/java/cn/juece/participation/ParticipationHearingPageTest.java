package cn.juece.participation;

import static cn.juece.LifecycleDriver.LEAD;
import static cn.juece.participation.ParticipationPageClerk.at;
import static cn.juece.support.PageSession.enc;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.juece.IntegrationTest;

/**
 * A hearing (Art. 22-26) run on the participation page alone, from the notice to the report: after each step the
 * clerk sees the hearing's state and what still stands before its next step, and each refused step shows its rule in
 * Chinese. Too few stakeholders are accepted only with the unit head's reason.
 */
class ParticipationHearingPageTest extends IntegrationTest {

    @Test
    void aHearingFromNoticeToReportOnThePage() throws Exception {
        at(2025, 5, 6);
        var d = driver();
        String n = d.create("城区居民用水价格调整（听证页面）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        var clerk = new ParticipationPageClerk(port, LEAD, PASSWORD, n);
        assertThat(clerk.html()).contains("发布听证公告（应当于召开听证会15日前公告，第二十三条");
        clerk.submit("/hearing-requirement", "required=true&grounds=LAW&grounds=MAJOR_IMPACT");
        assertThat(clerk.html()).contains("是否应当召开听证会：<strong>应当召开</strong>");

        // Art. 23: the notice at least 15 days before (a hearing on 05-20 needed its notice by 05-05)
        clerk.submit("/hearings", notice("2025-05-20", "2025-05-10"));
        assertThat(clerk.error()).contains("应当在召开听证会15日前公告（第二十三条）", "公告最迟应于2025年5月5日发布", "HEARING_NOTICE_LATE");
        assertThat(clerk.html()).doesNotContain("id=\"hearing-");
        String page = clerk.submit("/hearings", notice("2025-05-21", "2025-05-10"));
        assertThat(clerk.error()).isNull();
        long id = hearingId(page);
        assertThat(clerk.card("hearing-" + id)).contains("城区居民用水价格调整听证会", "已公告", "2025年5月21日，县政府第一会议室",
                "2025年5月6日发布；参加人名额3名；报名截止2025年5月10日24时", "/public/hearings/" + id,
                "下一步：", "报名截止（2025年5月10日24时）后才能确定听证参加人。");

        // Art. 24: applications entered by staff; more applicants than seats
        String[][] people = {{"居民甲", "居民用户", "true"}, {"居民乙", "居民用户", "true"}, {"学者丙", "专家学者", "false"},
                {"人大代表丁", "人大代表", "false"}};
        for (String[] p : people) {
            clerk.submit("/hearings/" + id + "/applicants", "name=" + enc(p[0]) + "&contact=" + enc("0635-1234567") + "&side=" + enc(p[1])
                    + (p[2].equals("true") ? "&stakeholder=true" : "") + "&statement=" + enc("<b>反对</b>一次调整到位"));
            assertThat(clerk.error()).isNull();
        }
        String card = clerk.card("hearing-" + id);
        assertThat(card).contains("4人申请，0人确定为参加人", "居民乙", "居民用户（利害关系人）", "专家学者", "0635-1234567", "待遴选",
                "&lt;b&gt;反对&lt;/b&gt;一次调整到位", "申请人数（4人）多于参加人数（3人），应当先公布听证参加人遴选办法")
                .doesNotContain("<b>反对</b>");

        clerk.submit("/hearings/" + id + "/selection", "");
        assertThat(clerk.error()).contains("报名截止（2025年5月10日24时）后才能确定听证参加人", "HEARING_APPLICATION_OPEN");
        at(2025, 5, 11);
        clerk.submit("/hearings/" + id + "/selection", "");
        assertThat(clerk.error()).contains("应当先公布听证参加人遴选办法，再公平公开组织遴选（第二十四条）", "HEARING_SELECTION_METHOD_NOT_PUBLISHED");
        clerk.submit("/hearings/" + id + "/selection-method", "method=" + enc("各利益方至少一名，其余按回执号哈希排序抽取"));
        assertThat(clerk.card("hearing-" + id)).contains("各利益方至少一名，其余按回执号哈希排序抽取", "2025年5月11日 09:00公布）",
                "条件已具备，可以办理下一步");
        clerk.submit("/hearings/" + id + "/selection", "");
        assertThat(clerk.error()).isNull();
        card = clerk.card("hearing-" + id);
        // every side seated fills the three seats: one stakeholder of three
        assertThat(card).contains("已确定参加人", "4人申请，3人确定为参加人（其中利害关系人代表1人）", "遴选种子 ", "未入选",
                "听证参加人的基本情况应当提前向社会公布（第二十四条）。", "本次为1/3", "请确定听证主持人和听证记录人（第二十五条）。",
                "尚未记录送达日期");

        clerk.submit("/hearings/" + id + "/confirm", "");
        assertThat(clerk.error()).contains("听证参加人的基本情况应当提前向社会公布（第二十四条）", "HEARING_PARTICIPANTS_NOT_PUBLISHED");
        clerk.submit("/hearings/" + id + "/participants-published", "");
        assertThat(clerk.card("hearing-" + id)).contains("2025年5月11日 09:00已向社会公布").doesNotContain("向社会公布听证参加人基本情况（第二十四条）</button>");

        // stakeholders below half: refused without a reason, and only the unit's head may give one
        clerk.submit("/hearings/" + id + "/confirm", "");
        assertThat(clerk.error()).contains("利害关系人代表一般不少于听证参加总人数的二分之一（第二十四条），本次为1/3", "HEARING_STAKEHOLDERS_BELOW_HALF");
        assertThat(clerk.card("hearing-" + id)).contains("已确定参加人");
        clerk.submit("/hearings/" + id + "/preparation", "presider=" + enc("韩卫东") + "&recorder=" + enc("王海涛") + "&materialsDeliveredOn="
                + "&belowHalfReason=" + enc("居民用户仅两人申请，各方均已有代表"));
        assertThat(clerk.error()).contains("须由本单位负责人填写（第二十四条", "HEAD_APPROVAL_REQUIRED");
        var head = new ParticipationPageClerk(port, "fgj_head", PASSWORD, n);
        head.submit("/hearings/" + id + "/preparation", "presider=" + enc("韩卫东") + "&recorder=" + enc("王海涛") + "&materialsDeliveredOn="
                + "&belowHalfReason=" + enc("居民用户仅两人申请，各方均已有代表"));
        assertThat(head.error()).isNull();
        assertThat(head.card("hearing-" + id)).contains("韩卫东；王海涛", "居民用户仅两人申请，各方均已有代表").doesNotContain("本次为1/3");

        // Art. 24: materials at least 7 days before (by 05-14)
        clerk.open();
        clerk.submit("/hearings/" + id + "/confirm", "");
        assertThat(clerk.error()).contains("听证会材料应当于召开听证会7日前送达听证参加人（第二十四条），本次最迟应于2025年5月14日送达，尚未记录送达日期",
                "HEARING_MATERIALS_LATE");
        at(2025, 5, 13);
        head.open();
        head.submit("/hearings/" + id + "/preparation", "presider=" + enc("韩卫东") + "&recorder=" + enc("王海涛")
                + "&materialsDeliveredOn=2025-05-13&belowHalfReason=" + enc("居民用户仅两人申请，各方均已有代表"));
        clerk.open();
        assertThat(clerk.card("hearing-" + id)).contains("2025年5月13日送达（召开7日前，最迟2025年5月14日）", "条件已具备，可以办理下一步");
        clerk.submit("/hearings/" + id + "/confirm", "");
        assertThat(clerk.error()).isNull();
        assertThat(clerk.card("hearing-" + id)).contains("已确认召开", "听证会定于2025年5月21日召开，尚未召开。",
                "请上传经听证参加人签字的《听证会记录》（第二十五条）。");

        // Art. 25: attendance checked by the recorder, the record signed by everyone present
        at(2025, 5, 21);
        List<String> participants = participants(clerk.card("hearing-" + id));
        assertThat(participants).hasSize(3);
        String attended = participants.stream().map(p -> "attended=" + p).reduce((a, b) -> a + "&" + b).orElseThrow();
        clerk.submit("/hearings/" + id + "/held", attended + "&signed=" + participants.get(0));
        assertThat(clerk.error()).contains("到场的听证参加人应当确认听证会记录并签字（第二十五条）", "HEARING_RECORD_UNSIGNED");
        String signed = attended.replace("attended=", "signed=");
        clerk.submit("/hearings/" + id + "/held", attended + "&" + signed);
        assertThat(clerk.error()).contains("请上传经听证参加人签字的《听证会记录》（第二十五条）", "MATERIAL_MISSING_HEARING_RECORD");
        assertThat(clerk.card("hearing-" + id)).contains("已确认召开");
        clerk.upload("HEARING_RECORD", "hearing", "听证会记录.pdf", "经签字的听证会记录");
        assertThat(clerk.html()).contains("已上传 听证会记录.pdf（第1版）");
        clerk.submit("/hearings/" + id + "/held", attended + "&" + signed);
        assertThat(clerk.error()).isNull();
        assertThat(clerk.card("hearing-" + id)).contains("已召开", "参加人，到场，已签字",
                "请上传《听证报告》：召开听证会的基本情况、听证参加人的意见、意见采纳情况和理由（第二十六条）。");

        // Art. 26: the report
        clerk.submit("/hearings/" + id + "/report", "");
        assertThat(clerk.error()).contains("请上传《听证报告》", "MATERIAL_MISSING_HEARING_REPORT");
        clerk.upload("HEARING_REPORT", "hearing", "听证报告.pdf", "听证报告");
        clerk.submit("/hearings/" + id + "/report", "");
        assertThat(clerk.error()).isNull();
        assertThat(clerk.card("hearing-" + id)).contains("已形成听证报告", "听证程序已完成").doesNotContain("<form");

        // another hearing announced, then cancelled: only with a reason
        page = clerk.submit("/hearings", "title=" + enc("第二次听证会") + "&heldOn=2025-06-10&place=" + enc("县政府第二会议室")
                + "&seats=5&applyUntil=2025-06-01");
        long second = hearingId(page.substring(page.indexOf("id=\"hearing-" + id + "\"") + 20));
        clerk.submit("/hearings/" + second + "/cancel", "reason=");
        assertThat(clerk.error()).contains("请写明取消听证会的理由", "CANCEL_REASON_REQUIRED");
        clerk.submit("/hearings/" + second + "/cancel", "reason=" + enc("已就同一事项召开听证会"));
        assertThat(clerk.card("hearing-" + second)).contains("第二次听证会", "已取消").doesNotContain("/public/hearings/" + second);

        d.upload(LEAD, n, "PARTICIPATION_REPORT");
        d.complete(LEAD, n, "participation-conduct", "fgj", "COMPLETED", null);
        assertThat(d.auditDetails(n)).anyMatch(s -> s.contains("取消“第二次听证会”，理由：已就同一事项召开听证会"));
    }

    private static String notice(String heldOn, String applyUntil) {
        return "title=" + enc("城区居民用水价格调整听证会") + "&heldOn=" + heldOn + "&place=" + enc("县政府第一会议室") + "&seats=3&applyUntil=" + applyUntil;
    }

    private static long hearingId(String html) {
        Matcher m = Pattern.compile("id=\"hearing-(\\d+)\"").matcher(html);
        assertThat(m.find()).as("a hearing listed").isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The participants' ids, from the attendance form of the hearing's card. */
    private static List<String> participants(String card) {
        List<String> ids = new ArrayList<>();
        Matcher m = Pattern.compile("name=\"attended\" value=\"(\\d+)\"").matcher(card);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }
}
