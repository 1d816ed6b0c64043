package cn.juece.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;

/**
 * Issue 15 (Art. 64): supervision's openness figure “meetings with the public invited, by year” counts the meetings of
 * the organs the page covers — one organ with {@code ?organ=}, the person's organs without — not every organ's.
 */
class SupervisionOrganMeetingsTest extends IntegrationTest {

    static final String YEAR = "2071";

    @Test
    void theMeetingsWithThePublicInvitedAreCountedForTheSelectedOrganOnly() {
        meetingWithPublic("qq_dzb", "清泉街道办事处主任办公会议（公众列席）", YEAR + "-06-15");
        meetingWithPublic("bgs_chen", "县政府常务会议（公众列席）", YEAR + "-06-16");
        meetingWithPublic("bgs_chen", "县政府常务会议（媒体列席）", YEAR + "-06-17");

        assertThat(invited("sfj_liu", "?organ=QQ")).isEqualTo(1);
        assertThat(invited("sfj_liu", "?organ=GX")).isEqualTo(2);
        assertThat(invited("sfj_liu", "")).as("both organs the reviewer supervises").isEqualTo(3);
        assertThat(invited("qq_sfs", "")).as("the township's own justice office: its organ only").isEqualTo(1);
    }

    private void meetingWithPublic(String clerk, String name, String date) {
        var scheduled = as(clerk).post("/api/meetings", Map.of("kind", "EXECUTIVE", "name", name, "date", date, "place", "会议室"));
        assertThat(scheduled.getStatusCode().value()).as(String.valueOf(scheduled.getBody())).isBetween(200, 201);
        long id = scheduled.getBody().get("id").asLong();
        var citizen = as(clerk).post("/api/meetings/" + id + "/attendees", Map.of("category", "PUBLIC", "name", "刘某", "affiliation", "市民代表"));
        assertThat(citizen.getStatusCode().value()).as(String.valueOf(citizen.getBody())).isBetween(200, 201);
    }

    private long invited(String user, String query) {
        var r = as(user).get("/api/supervision" + query);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(200);
        JsonNode byYear = r.getBody().get("meetingsWithInvitedByYear");
        assertThat(byYear).as(String.valueOf(r.getBody()).substring(0, 200)).isNotNull();
        return byYear.has(YEAR) ? byYear.get(YEAR).asLong() : 0;
    }
}
