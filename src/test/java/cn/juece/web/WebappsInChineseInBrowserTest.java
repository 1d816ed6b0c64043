package cn.juece.web;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import cn.juece.decision.DecisionService;

/**
 * A clerk's day in the Camunda webapps, in a Chinese browser at desktop size (issue 11): every Tasklist card says
 * which decision its step is about (number, title) and when it is due; relative times are Chinese; no Camunda 8
 * migration banner anywhere; nothing offered that the person may not do; Cockpit shows titles beside decision
 * numbers and no literal null; Admin names group types in Chinese. Screenshots go to target/screenshots/.
 */
class WebappsInChineseInBrowserTest extends BrowserTest {

    /** English relative times of moment.js ("a minute ago", "in 10 days", "a few seconds ago"). */
    private static final Pattern ENGLISH_RELATIVE_TIME = Pattern.compile(
            "\\bago\\b|\\bin (a|an|\\d+) (second|minute|hour|day|month|year)s?\\b|a few seconds");

    @Autowired
    private RepositoryService repository;
    @Autowired
    private RuntimeService runtime;

    private WebDriverWait wait;

    @BeforeEach
    void desktop() {
        // the page itself 1366x900 (a window of that size leaves the headless page less)
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1366, "height", 900, "deviceScaleFactor", 1, "mobile", false));
        wait = new WebDriverWait(browser, Duration.ofSeconds(40));
    }

    @Test
    void aClerkACheckerAndAnAdministratorSeeTheWebappsInChinese() throws IOException {
        var d = driver();
        // a step with a statutory minimum (expert review, Art. 34: no deadline, its earliest close is the follow-up
        // date) and a step without a period (the study)
        String withDue = d.create("城区道路停车泊位收费调整方案（界面验收）");
        d.study(withDue);
        d.launch(withDue);
        d.draft(withDue, false, true, false);
        String studied = d.create("乡镇卫生院布局优化方案<b>（草）</b>（界面验收）");
        d.as(LEAD).put("/api/decisions/" + studied + "/category", Map.of("category", "ART3_1"));
        d.recordStudy(studied);
        String studyTask = d.task(studied, "proposal-study").get("id").asText();

        // --- Tasklist, as an ordinary clerk of the lead unit ---------------------------------------------------
        signIn(LEAD);
        // Tasklist's search as a clerk uses it (the suite's other tests leave many steps of this unit, some created
        // at moved clocks): 流程变量 决策事项 like 界面验收, kept in the address like any search
        browser.get(url("/camunda/app/tasklist/default/#/?searchQuery=" + search(
                "processVariables", "like", "界面验收", "decisionTitle")));
        WebElement dueCard = card(withDue, "组织专家论证");
        String dueText = dueCard.getText();
        assertThat(dueText).contains("组织专家论证", "决策编号", withDue, "决策事项", "城区道路停车泊位收费调整方案（界面验收）", "跟进")
                .as("a minimum is no deadline (issue 11)").doesNotContain("到期");
        String studyText = card(studied, "研究论证决策事项建议").getText();
        assertThat(browser.findElements(By.cssSelector(".tasks-list li.task"))).hasSize(2);
        assertThat(studyText).contains("研究论证决策事项建议", studied, "乡镇卫生院布局优化方案<b>（草）</b>（界面验收）");
        // nothing meaningless on a card: no bare priority
        assertThat(dueCard.findElements(By.cssSelector(".priority")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
        // nothing offered that is refused: the clerk may neither create tasks nor start processes
        wait.until(b -> bodyHasClass("juece-permissions-checked"));
        assertThat(visibleText()).doesNotContain("创建任务", "启动流程");
        assertNoBanner();
        assertChineseRelativeTimes();
        screenshot("tasklist-clerk");

        // the clerk's form: the outcome starts at 请选择, nothing blank above it
        browser.get(url("/camunda/app/tasklist/default/#/?task=" + studyTask));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[normalize-space(text())='认领']"))).click();
        var outcome = new Select(wait.until(ExpectedConditions.elementToBeClickable(By.id("juece-outcome"))));
        List<String> options = outcome.getOptions().stream().map(WebElement::getText).toList();
        assertThat(options.get(0)).isEqualTo("请选择");
        assertThat(options.subList(1, options.size())).noneMatch(String::isBlank);
        assertThat(outcome.getFirstSelectedOption().getText()).isEqualTo("请选择");
        // a step without a statutory period offers no "设置到期日"; its group is shown, not editable
        assertThat(visibleText()).doesNotContain("设置到期日", "设置跟进日期", "添加用户组");
        assertChineseRelativeTimes();
        screenshot("tasklist-clerk-form");

        browser.get(url("/camunda/app/welcome/default/"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "任务列表"));
        assertNoBanner();
        screenshot("welcome-clerk");

        // --- Cockpit, as the justice bureau (supervision) ------------------------------------------------------
        signIn("sfj_liu");
        String lifecycle = repository.createProcessDefinitionQuery().processDefinitionKey(DecisionService.LIFECYCLE_PROCESS)
                .latestVersion().singleResult().getId();
        // the instance table searched by business key, as Cockpit's search keeps it in the address
        browser.get(url("/camunda/app/cockpit/default/#/process-definition/" + lifecycle + "/runtime?searchQuery="
                + search("businessKey", "eq", studied, "")));
        WebElement row = wait.until(b -> b.findElements(By.cssSelector("table.process-instances tbody tr")).stream()
                .filter(r -> r.getText().contains(studied) && r.getText().contains("乡镇卫生院布局优化方案<b>（草）</b>（界面验收）"))
                .findFirst().orElse(null));
        assertThat(row.findElement(By.cssSelector("td.business-key .juece-decision-title")).getText())
                .isEqualTo("乡镇卫生院布局优化方案<b>（草）</b>（界面验收）");
        assertThat(browser.findElements(By.cssSelector("table.process-instances tbody tr"))).hasSize(1);
        // 人工任务 (every task by group) is not offered to a supervisor who may not read every unit's tasks
        wait.until(b -> bodyHasClass("juece-permissions-checked"));
        assertThat(browser.findElement(By.cssSelector("[cam-widget-header]")).getText()).contains("流程").doesNotContain("人工任务");
        assertNoBanner();
        screenshot("cockpit-instances");

        String instance = runtime.createProcessInstanceQuery().processDefinitionKey(DecisionService.LIFECYCLE_PROCESS)
                .processInstanceBusinessKey(withDue).singleResult().getId();
        browser.get(url("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("dd.business-key"),
                "城区道路停车泊位收费调整方案（界面验收）"));
        String information = browser.findElement(By.cssSelector("dl.process-information")).getText();
        assertThat(information).contains(withDue).doesNotContain("null");
        assertThat(browser.findElement(By.cssSelector("dd.super-process-instance-id")).getText()).isEqualTo("无");
        // the variables table's heading, written in English by its template
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.cam-table > thead"), "操作"));
        assertThat(visibleText()).doesNotContain("Actions");
        assertNoBanner();
        screenshot("cockpit-instance");

        // --- Admin and Tasklist, as the administrator ------------------------------------------------------------
        signIn("admin");
        browser.get(url("/camunda/app/admin/default/#/groups"));
        wait.until(b -> b.findElements(By.cssSelector("td.group-type")).stream().anyMatch(c -> c.getText().equals("单位负责人")));
        List<String> types = browser.findElements(By.cssSelector("td.group-type")).stream().map(WebElement::getText).toList();
        assertThat(types).contains("单位", "法制工作机构", "系统管理")
                .doesNotContain("UNIT", "UNIT_HEAD", "LEGAL_OFFICE", "DECISION_ORGAN", "EXECUTIVE_HEAD", "MEMBERS", "STAFF", "SYSTEM");
        assertNoBanner();
        screenshot("admin-groups");

        // administrators keep 创建任务; 启动流程 is offered to nobody: no process is startable in Tasklist, a decision
        // starts only by registration (its number and dossier)
        browser.get(url("/camunda/app/tasklist/default/"));
        wait.until(b -> bodyHasClass("juece-permissions-checked"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("li.create-task-action")));
        assertThat(visibleText()).contains("创建任务").doesNotContain("启动流程");
        assertNoBanner();
    }

    private void signIn(String user) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username"))).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(b -> !b.getCurrentUrl().contains("/login"));
    }

    /** One search criterion as the webapps keep it in the address (searchQuery). */
    private static String search(String type, String operator, String value, String name) {
        String json = "[{\"type\":\"" + type + "\",\"operator\":\"" + operator + "\",\"value\":\"" + value
                + "\",\"name\":\"" + name + "\"}]";
        return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The Tasklist card of the decision's open step. */
    private WebElement card(String number, String step) {
        return wait.until(b -> b.findElements(By.cssSelector(".tasks-list li.task")).stream()
                .filter(c -> c.getText().contains(number) && c.getText().contains(step)).findFirst().orElse(null));
    }

    private boolean bodyHasClass(String name) {
        return Boolean.TRUE.equals(browser.executeScript("return document.body.classList.contains(arguments[0]);", name));
    }

    /** What a person sees: the rendered text, without hidden elements. */
    private String visibleText() {
        return browser.findElement(By.tagName("body")).getText();
    }

    private void assertNoBanner() {
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
        assertThat(visibleText()).doesNotContain("Camunda 8", "迁移到");
        // the 20px the banner took are given back: the header is the navigation bar alone, the page right below it
        Object header = browser.executeScript("return Math.round(document.querySelector('[cam-widget-header]').getBoundingClientRect().height);");
        assertThat(((Number) header).intValue()).isLessThan(60);
        Object padding = browser.executeScript("return getComputedStyle(document.body).paddingTop;");
        assertThat(padding).isEqualTo("45px");
    }

    private void assertChineseRelativeTimes() {
        wait.until(b -> !b.findElements(By.cssSelector("[am-time-ago]")).isEmpty());
        String text = visibleText();
        assertThat(ENGLISH_RELATIVE_TIME.matcher(text).find()).as(text).isFalse();
        assertThat(browser.findElements(By.cssSelector("[am-time-ago]")).stream().map(WebElement::getText)
                .filter(t -> !t.isBlank())).isNotEmpty().allMatch(t -> t.matches(".*(前|后)$"));
    }

    private void screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
