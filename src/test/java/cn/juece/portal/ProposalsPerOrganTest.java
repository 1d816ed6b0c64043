package cn.juece.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import org.junit.jupiter.api.Test;

import cn.juece.IntegrationTest;

/**
 * Art. 11, 64: a written proposal on the portal is addressed to one deciding organ, and that organ's decision organ
 * handles it: another organ's clerk neither lists nor registers it; the unit that studies it is one of that organ's.
 */
class ProposalsPerOrganTest extends IntegrationTest {

    @Test
    void aProposalToTheTownshipIsTheTownshipsToHandle() {
        Visitor v = new Visitor(port, "203.0.113.231");
        assertThat(v.get("/public/proposals/new").body()).contains("向哪个决策机关提出", "清泉街道办事处");
        HttpResponse<String> r = v.submit("/public/proposals/new", "/public/proposals", Map.of("organ", "QQ", "name", "李四",
                "contact", "13900000000", "title", "建议增设社区食堂", "content", "清泉街道老年人多，建议在社区增设老年食堂。"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Matcher m = PublicPortalTest.RECEIPT.matcher(r.body());
        assertThat(m.find()).isTrue();

        long id = idOf("qq_dzb", "建议增设社区食堂");
        assertThat(titles("bgs_chen")).doesNotContain("建议增设社区食堂");
        // the county's decision organ may not handle it
        var refused = as("bgs_chen").post("/api/public-proposals/" + id + "/register", Map.of("studyUnit", "fgj"));
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("ORGAN_NOT_YOURS");
        // the township's: a unit of another organ is refused, then its own office studies it
        var other = as("qq_dzb").post("/api/public-proposals/" + id + "/register", Map.of("studyUnit", "fgj"));
        assertThat(other.getStatusCode().value()).as(String.valueOf(other.getBody())).isEqualTo(400);
        assertThat(other.getBody().get("code").asText()).isIn("UNIT_NOT_IN_ORGAN", "ORGAN_NOT_YOURS");
        var registered = as("qq_dzb").post("/api/public-proposals/" + id + "/register", Map.of("studyUnit", "qqshb"));
        assertThat(registered.getStatusCode().value()).as(String.valueOf(registered.getBody())).isBetween(200, 201);
        assertThat(registered.getBody().toString()).contains("QQ-");
    }

    List<String> titles(String user) {
        List<String> t = new ArrayList<>();
        as(user).get("/api/public-proposals").getBody().forEach(p -> t.add(p.get("title").asText()));
        return t;
    }

    long idOf(String user, String title) {
        for (var p : as(user).get("/api/public-proposals").getBody()) {
            if (p.get("title").asText().equals(title)) {
                return p.get("id").asLong();
            }
        }
        throw new AssertionError(title + " not listed for " + user);
    }
}
