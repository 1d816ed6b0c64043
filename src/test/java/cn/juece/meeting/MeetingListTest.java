package cn.juece.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.support.StaffBrowser;

/**
 * The meeting list (issue 17): one page of the person's organs' meetings, the latest day first, with each meeting's
 * agenda size and whether the public sat in; the openness line counts the person's organs' meetings of the year only
 * (Art. 64), not another organ's.
 */
class MeetingListTest extends IntegrationTest {

    static final int YEAR = 2073;

    @Test
    void theListIsPagedLatestFirstAndEachOrganSeesItsOwn() {
        long first = meeting("bgs_chen", "县政府常务会议（列表甲）", YEAR + "-05-06", "PUBLIC");
        long second = meeting("bgs_chen", "县政府常务会议（列表乙）", YEAR + "-05-13", null);
        long third = meeting("bgs_chen", "县政府常务会议（列表丙）", YEAR + "-05-20", "EXPERT");
        long township = meeting("qq_dzb", "清泉街道办事处主任办公会议（列表）", YEAR + "-05-27", "MEDIA");

        // the county's office: its organ's meetings, the latest first, two to a page, the total in the header
        var page0 = as("bgs_chen").get("/api/meetings?size=2");
        assertThat(page0.getStatusCode().value()).isEqualTo(200);
        assertThat(page0.getBody()).hasSize(2);
        long total = Long.parseLong(page0.getHeaders().getFirst("X-Total-Count"));
        assertThat(total).isGreaterThanOrEqualTo(3);
        List<Long> seen = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        for (int p = 0; p * 2L < total; p++) {
            JsonNode rows = as("bgs_chen").get("/api/meetings?size=2&page=" + p).getBody();
            assertThat(rows.size()).isBetween(1, 2);
            rows.forEach(r -> {
                seen.add(r.get("meeting").get("id").asLong());
                days.add(LocalDate.parse(r.get("meeting").get("date").asText()));
            });
        }
        assertThat(seen).hasSize((int) total).doesNotHaveDuplicates().contains(third, second, first).doesNotContain(township);
        assertThat(seen.indexOf(third)).isLessThan(seen.indexOf(second));
        assertThat(seen.indexOf(second)).isLessThan(seen.indexOf(first));
        assertThat(days).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(as("bgs_chen").get("/api/meetings?size=2&page=" + (total / 2 + 1)).getBody()).isEmpty();

        // a bad page is a 400 with its message, not a 500
        var bad = as("bgs_chen").get("/api/meetings?size=0");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("code").asText()).isEqualTo("PAGE_INVALID");

        // the township's office sees its own meeting only
        List<Long> theirs = new ArrayList<>();
        as("qq_dzb").get("/api/meetings?size=200").getBody().forEach(r -> theirs.add(r.get("meeting").get("id").asLong()));
        assertThat(theirs).contains(township).doesNotContain(first, second, third);

        // the page: the pager, and the openness line for the year the clock is in counts the organ's own meetings
        String page = new StaffBrowser(port, "bgs_chen", PASSWORD).get("/meetings?size=2");
        assertThat(page).contains("下一页", "第1页", "安排会议（政府办公室）", "id=\"openness\"");

        // another unit's clerk sees no organ's meetings: the page says where to look, with no empty figure and no form
        String clerk = new StaffBrowser(port, "zjj_sun", PASSWORD).get("/meetings");
        assertThat(clerk).contains("会议列表供决策机关、政府办公室和司法行政部门等查看")
                .doesNotContain("id=\"openness\"", "安排会议", "尚未安排会议");
        assertThat(as("zjj_sun").get("/api/meetings").getBody()).isEmpty();
    }

    @Test
    void theOpennessLineCountsTheOrgansOwnMeetingsOfTheYear() {
        int year = YEAR + 1;
        meeting("bgs_chen", "县政府常务会议（公开甲）", year + "-03-03", "PUBLIC");
        meeting("bgs_chen", "县政府常务会议（公开乙）", year + "-03-10", "UNIT");
        meeting("qq_dzb", "清泉街道办事处主任办公会议（公开）", year + "-03-17", "MEDIA");
        meeting("qq_dzb", "清泉街道办事处主任办公会议（公开二）", year + "-03-24", "STAKEHOLDER");
        meeting("qq_dzb", "清泉街道办事处主任办公会议（上年）", (year - 1) + "-12-30", "PUBLIC");
        clockAt(year + "-06-01T09:00:00");
        assertThat(new StaffBrowser(port, "bgs_chen", PASSWORD).get("/meetings"))
                .contains(year + "年邀请利益相关方、公众、专家或媒体列席的会议：1次");
        assertThat(new StaffBrowser(port, "qq_dzb", PASSWORD).get("/meetings"))
                .contains(year + "年邀请利益相关方、公众、专家或媒体列席的会议：2次");
    }

    private long meeting(String clerk, String name, String date, String invited) {
        var scheduled = as(clerk).post("/api/meetings", Map.of("kind", "EXECUTIVE", "name", name, "date", date, "place", "会议室"));
        assertThat(scheduled.getStatusCode().value()).as(String.valueOf(scheduled.getBody())).isBetween(200, 201);
        long id = scheduled.getBody().get("id").asLong();
        if (invited != null) {
            var guest = as(clerk).post("/api/meetings/" + id + "/attendees", Map.of("category", invited, "name", "列席代表", "affiliation", "市民"));
            assertThat(guest.getStatusCode().value()).as(String.valueOf(guest.getBody())).isBetween(200, 201);
        }
        return id;
    }
}
