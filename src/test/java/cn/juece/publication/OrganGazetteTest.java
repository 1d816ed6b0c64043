package cn.juece.publication;

import static cn.juece.LifecycleDriver.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.IntegrationTest;
import cn.juece.LifecycleDriver;
import cn.juece.support.EngineRestRefusal;
import cn.juece.support.PageSession;

/**
 * Art. 52 by reference (Art. 64): the county government publishes in its gazette (冠县人民政府公报) and gives the issue;
 * a township or sub-district has no gazette of its own and publishes on the government website, new media and its
 * notice boards. Which organ has one is set per organ (config/organisation.yaml {@code gazette}, V265): the demo's
 * 清泉街道办事处 has none.
 */
class OrganGazetteTest extends IntegrationTest {

    @Test
    void theTownshipIsSeededWithoutAGazetteAndTheCountyWithOne() {
        try (Owner owner = owner()) {
            assertThat(owner.jdbc().sql("SELECT gazette FROM juece.organ WHERE code = 'QQ'").query(Boolean.class).single()).isFalse();
            assertThat(owner.jdbc().sql("SELECT gazette FROM juece.organ WHERE code = 'GX'").query(Boolean.class).single()).isTrue();
        }
    }

    @Test
    void anOrganWithoutAGazettePublishesWithoutAnIssueNumberAnOrganWithOneDoesNot() throws Exception {
        var d = driver();
        String n = d.create("乡镇公布途径测试事项");
        d.approveWithoutOptionalProcedures(n);
        d.issue(n, "冠政发〔2026〕" + (Integer.parseInt(n.substring(n.lastIndexOf('-') + 1)) % 900 + 1) + "号", LifecycleDriver.today());
        var channels = d.as(OFFICE).put("/api/decisions/" + n + "/publication/channels", Map.of(
                "websiteUrl", "http://www.guanxian.gov.cn/zwgk/" + n + ".html", "newMedia", "冠县发布", "basis", "《城市市容和环境卫生管理条例》"));
        assertThat(channels.getStatusCode().value()).as(String.valueOf(channels.getBody())).isEqualTo(200);
        String publish = d.task(n, "publication-publish").get("id").asText();

        // the county government has a gazette: without its issue the step is refused, on /api and on the engine REST API
        var refused = d.as(OFFICE).complete(publish, "PUBLISHED", "县政府网站");
        assertThat(refused.getStatusCode().value()).isEqualTo(422);
        assertThat(refused.getBody().get("code").asText()).isEqualTo("PUBLICATION_CHANNELS_MISSING");
        assertThat(refused.getBody().get("message").asText()).contains("县政府公报", "尚缺：县政府公报期号。").doesNotContain("政府网站链接");
        EngineRestRefusal.assertRefused(d.as(OFFICE).raw().post().uri("/engine-rest/task/" + publish + "/complete")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("variables", Map.of("outcome", Map.of("value", "PUBLISHED", "type", "String"))))
                .retrieve().toEntity(JsonNode.class), "PUBLICATION_CHANNELS_MISSING", "县政府公报期号");
        var office = new PageSession(port).signIn(OFFICE, PASSWORD);
        assertThat(office.get("/decisions/" + n + "/publication").body()).contains("县政府公报期号");

        // the same organ set up as one without a gazette (as the township is): the website and the basis suffice
        try (Owner owner = owner()) {
            owner.jdbc().sql("UPDATE juece.organ SET gazette = FALSE WHERE code = 'GX'").update();
        }
        try {
            assertThat(office.get("/decisions/" + n + "/publication").body()).doesNotContain("县政府公报期号").contains("政府网站链接");
            var published = d.as(OFFICE).complete(publish, "PUBLISHED", "县政府网站、冠县发布");
            assertThat(published.getStatusCode().value()).as(String.valueOf(published.getBody())).isEqualTo(200);
        } finally {
            try (Owner owner = owner()) {
                owner.jdbc().sql("UPDATE juece.organ SET gazette = TRUE WHERE code = 'GX'").update();
            }
        }
        assertThat(d.task(n, "publication-feedback")).isNotNull();
    }
}
