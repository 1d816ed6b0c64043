package cn.juece.legality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.juece.IntegrationTest;
import cn.juece.support.PageSession;

/**
 * Art. 41, 64: a township's matter is reviewed for legality by its own 司法所, not the county's 司法局, and what the
 * legality page tells its clerk names that reviewer (the refusals of the review step use the same name; the county's
 * are asserted in LegalityReviewTest).
 */
class LegalityReviewerOfTheOrganTest extends IntegrationTest {

    private String create(String user, String title, String leadUnit) {
        Map<String, Object> m = new HashMap<>(Map.of("title", title, "summary", "测试用决策事项", "source", "LEADER", "proposer", "领导",
                "leadUnit", leadUnit));
        var r = as(user).post("/api/decisions", m);
        assertThat(r.getStatusCode().value()).as(String.valueOf(r.getBody())).isEqualTo(201);
        return r.getBody().get("number").asText();
    }

    @Test
    void eachOrgansLegalityPageNamesItsOwnReviewer() {
        String township = create("qq_cj", "清泉街道口袋公园建设方案（审查机构测试）", "qqcjb");
        String county = create("fgj_wang", "县城口袋公园建设方案（审查机构测试）", "fgj");
        assertThat(as("qq_cj").get("/api/decisions/" + township + "/legality").getBody().get("note").asText())
                .contains("征求清泉街道司法所意见等方式不能代替合法性审查（第四十一条）").doesNotContain("县司法局");
        assertThat(as("fgj_wang").get("/api/decisions/" + county + "/legality").getBody().get("note").asText())
                .contains("征求县司法局意见等方式不能代替合法性审查（第四十一条）");
    }

    @Test
    void theLegalityPageSuggestsTheLeadUnitsOwnOfficeMeeting() throws Exception {
        String township = create("qq_cj", "清泉街道口袋公园建设方案（办公会议提示测试）", "qqcjb");
        String page = new PageSession(port).signIn("qq_cj", PASSWORD).get("/decisions/" + township + "/legality").body();
        assertThat(page).contains("placeholder=\"清泉街道城市建设管理办公室2026年第5次办公会议\"").doesNotContain("县发展和改革局");
    }
}
