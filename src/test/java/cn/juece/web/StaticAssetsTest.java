package cn.juece.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.juece.IntegrationTest;

/**
 * Every asset a page links to is served by the application itself (UI.md: no CDN), with Spring's resource
 * chain switched off (config/application.yaml): the portal's stylesheet and script, the ECharts webjar of
 * the supervision view and the questionnaire, and springdoc's swagger-ui.
 */
class StaticAssetsTest extends IntegrationTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void thePortalsAssetsAreServedLocallyAndItsLinksAreLeftAsWritten() throws Exception {
        String home = get("/public").body();
        Set<String> assets = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?:href|src)=\"(/[^\"]+\\.(?:css|js))\"").matcher(home);
        while (m.find()) {
            assets.add(m.group(1));
        }
        assertThat(assets).as("the portal links its own stylesheet").anyMatch(a -> a.startsWith("/assets/"));
        assertThat(home).doesNotContain("src=\"http", "href=\"http://", "cdn.");
        for (String asset : assets) {
            assertThat(get(asset).statusCode()).as(asset).isEqualTo(200);
        }
    }

    @Test
    void theChartsLibraryAndTheApiExplorerAreServed() throws Exception {
        var echarts = get("/webjars/echarts/5.5.0/echarts.min.js");
        assertThat(echarts.statusCode()).isEqualTo(200);
        assertThat(echarts.body()).contains("echarts");
        var swagger = get("/swagger-ui/index.html");
        assertThat(swagger.statusCode()).isEqualTo(200);
        assertThat(swagger.body()).contains("swagger-ui");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
