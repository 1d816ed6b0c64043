package cn.juece.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.juece.catalogue.CatalogueService;
import cn.juece.decision.Decision;
import cn.juece.decision.DecisionService;
import cn.juece.decision.DecisionStatus;
import cn.juece.participation.ConsultationStatus;
import cn.juece.participation.PublicCommentService;
import cn.juece.support.AppClock;
import cn.juece.workflow.TaskActions;

/**
 * The demo profile (SPRING_PROFILES_ACTIVE=demo) seeds a living county on first start, through the same
 * services and rules as real work. This is the one deliberate exception to the single test context
 * (cn.juece.IntegrationTest): the seeders run only on an empty dossier, in their own database, so that a
 * broken seeder (one running before the data it needs, one a new rule now refuses) fails here, not in
 * front of a newcomer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:juece-demo;DB_CLOSE_DELAY=-1",
        // its own engine name: Camunda keeps one static registry of engines by name, and the engine REST API and
        // webapps of the main test context look theirs up as "default" there
        "camunda.bpm.process-engine-name=demo",
        "camunda.bpm.job-execution.enabled=false",
        "juece.mail.worker.enabled=false",
        "logging.level.root=WARN"
})
@ActiveProfiles("demo")
class DemoProfileTest {

    @LocalServerPort
    int port;
    @Autowired
    DecisionService decisions;
    @Autowired
    TaskActions tasks;
    @Autowired
    PublicCommentService comments;
    @Autowired
    CatalogueService catalogues;
    @Autowired
    AppClock clock;
    @Autowired
    ManagementService jobs;

    @Test
    void aNewcomerFindsDecisionsAtEveryStageTheCataloguePublishedAndAnOpenConsultation() throws Exception {
        Map<String, Decision> byTitle = decisions.list().stream().collect(Collectors.toMap(Decision::title, Function.identity()));
        assertThat(byTitle).containsKeys("清泉街道农贸市场迁建方案", "城区集中供热价格调整方案", "老旧小区改造提升三年行动方案（2026—2028年）",
                "义务教育阶段学校布局调整规划", "县级财政专项资金预算调整", "县城公共停车场收费标准调整");

        // each living decision waits on someone's step; the Art. 3 proposal has ended out of scope
        assertThat(keys(byTitle.get("清泉街道农贸市场迁建方案"))).contains("proposal-study");
        assertThat(keys(byTitle.get("城区集中供热价格调整方案"))).contains("participation-conduct");
        assertThat(keys(byTitle.get("老旧小区改造提升三年行动方案（2026—2028年）"))).contains("legality-review");
        assertThat(keys(byTitle.get("义务教育阶段学校布局调整规划"))).isNotEmpty().doesNotContain("meeting-submit");
        assertThat(byTitle.get("县级财政专项资金预算调整").status()).isEqualTo(DecisionStatus.OUT_OF_SCOPE);
        // Art. 64: the township's own matter, numbered by its own organ and launched by its decision organ
        Decision lanes = byTitle.get("清泉街道老旧街巷微改造实施方案");
        assertThat(lanes.organCode()).isEqualTo("QQ");
        assertThat(lanes.number()).isEqualTo("QQ-" + clock.today().getYear() + "-0001");
        assertThat(keys(lanes)).isNotEmpty().doesNotContain("proposal-study", "launch-decide");

        // the heating decision's comment notice is open on the portal with its moderated comments, its timer set
        Decision heating = byTitle.get("城区集中供热价格调整方案");
        var consultation = comments.ofDecision(heating.id()).get(0);
        assertThat(comments.effectiveStatus(consultation)).isEqualTo(ConsultationStatus.OPEN);
        String page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/public/consultations/" + consultation.id())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("城区集中供热价格调整方案", "建议对低保户、特困人员继续执行原价格", "供热质量不稳定", "同意按成本监审结果调整");
        assertThat(jobs.createJobQuery().activityId("comment-window-ends").timers().count()).isEqualTo(1);

        // this year's catalogue is published, with the demo decisions launched before it as change requests
        var catalogue = catalogues.find(clock.today().getYear()).orElseThrow();
        assertThat(catalogue.publishedAt()).isNotNull();
        assertThat(catalogues.items(catalogue)).hasSizeGreaterThanOrEqualTo(3);
        assertThat(catalogues.requests(catalogue)).isNotEmpty();
    }

    /** Issue 14: a citizen finds a published decision on the portal's 决策公布 page, with its execution section. */
    @Test
    void aCitizenFindsAPublishedDecisionInExecutionWithItsUnitsAndPublishedProgress() throws Exception {
        Decision waste = decisions.list().stream().filter(d -> d.title().equals("城区生活垃圾分类实施方案")).findFirst().orElseThrow();
        assertThat(keys(waste)).contains("execution-report");
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/public/decisions")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(list).contains("城区生活垃圾分类实施方案", "集体讨论决定：同意").doesNotContain("尚无已公布的重大行政决策");
        String page = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/public/decisions/" + waste.number())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(page).contains("决策执行单位和任务（第五十三条）", "县住房和城乡建设局", "清泉街道办事处", "城区42个居民小区已配置分类收集容器",
                "决策公布公告").doesNotContain("尚未公开执行进展", "决策机关尚未明确执行单位");
    }

    private java.util.List<String> keys(Decision d) {
        return tasks.openTasks(d).stream().map(cn.juece.workflow.TaskView::taskKey).toList();
    }
}
