package cn.juece.web;

import static cn.juece.LifecycleDriver.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.juece.support.AppClock;

/**
 * The execution page and the portal's decision page in a real Chinese Chromium: a unit reports through the page's
 * form, the organ sees the periods (one moved past the National Day, one overdue), the decisions and the public's
 * opinions; a citizen on a phone-sized window reads the decision's execution and gives an opinion with a receipt.
 * Screenshots go to target/screenshots.
 */
class ExecutionInBrowserTest extends BrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    void theExecutionPageForStaffAndTheDecisionPageOnAPhone() throws Exception {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2025, 8, 4, 9, 0).atZone(AppClock.ZONE).toInstant()));
        var d = driver();
        String n = d.published("城区集中供热价格调整方案（执行页面）");
        d.assignExecution(n, "MONTHLY", LocalDate.of(2025, 9, 1), "fgj", "zjj");
        at(2025, 8, 29, 10);
        d.report("zjj_sun", n, "完成换热站改造招标", false);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.manage().window().setSize(new Dimension(1280, 1000));

        // the lead unit's clerk reports through the page's form
        signIn(LEAD, wait);
        browser.get(url("/decisions/" + n + "/execution"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("content-fgj")));
        browser.findElement(By.id("content-fgj")).sendKeys("已完成价格调整听证后的配套减免方案，低保户名单已核定");
        browser.findElement(By.cssSelector("#content-fgj ~ p button[type=submit]")).click();
        // the address is /execution before and after the post: wait for the report itself
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "低保户名单已核定"));
        assertThat(browser.getPageSource()).contains("低保户名单已核定", "按期报告");
        signOut();

        // a late report, an incident, a public opinion, an inspection, a published progress line
        at(2025, 9, 1, 15);
        d.report(LEAD, n, "供热管网检修完成", false);
        at(2025, 10, 10, 8);
        fireDueTimers(n, "execution-report");                 // the second periods were due 2025-10-09 (10-01 a holiday)
        d.incident(LEAD, n, "CIRCUMSTANCES_CHANGED", "天然气采购价格上涨两成，原定价格难以覆盖成本");
        d.as(ORGAN).post("/api/decisions/" + n + "/execution/feedback", Map.of("channel", "PHONE", "authorName", "张女士",
                "contact", "13900000002", "content", "希望低保户减免尽快落实", "receivedOn", "2025-10-09"));
        d.as(OFFICE).post("/api/decisions/" + n + "/execution/inspections", Map.of("kind", "INVESTIGATION", "title", "供热价格执行情况调查复核",
                "findings", "两家供热企业未按新标准公示价格，已责令整改", "heldOn", "2025-10-09"));
        long period = d.as(READER).get("/api/decisions/" + n + "/execution").getBody().get("reports").get(0).get("id").asLong();
        d.as(ORGAN).put("/api/decisions/" + n + "/execution/reports/" + period + "/publication", Map.of("summary", "低保户等困难群众减免方案已制定，名单已核定"));

        // the organ's view
        signIn(ORGAN, wait);
        browser.get(url("/decisions/" + n + "/execution"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reports")));
        String page = browser.getPageSource();
        assertThat(page).contains("决策执行和后评估", "县发展和改革局", "县住房和城乡建设局", "逾期未报告", "周期日10月1日，遇休息日顺延",
                "天然气采购价格上涨两成", "希望低保户减免尽快落实", "供热价格执行情况调查复核", "研究决定继续执行、停止执行或者修改决策",
                "提请研究是否开展后评估");
        // choices that record a judgement start empty
        assertThat(new Select(browser.findElement(By.cssSelector("select[name=kind]"))).getFirstSelectedOption().getText()).isEqualTo("请选择");
        assertThat(noSidewaysScroll()).isTrue();
        shoot("execution-page.png");
        signOut();

        // a citizen on a phone
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/public/decisions"));
        browser.findElement(By.linkText("城区集中供热价格调整方案（执行页面）")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("execution-units")));
        assertThat(browser.getPageSource()).contains("低保户等困难群众减免方案已制定，名单已核定", "对决策执行提出意见建议")
                .doesNotContain("天然气采购价格上涨两成", "13900000002");
        assertThat(noSidewaysScroll()).isTrue();
        shoot("portal-decision-phone.png");
        browser.findElement(By.id("content")).sendKeys("小区供暖温度不达标，请督促供热企业整改");
        browser.findElement(By.id("authorName")).sendKeys("赵先生");
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt")));
        String receipt = browser.findElement(By.id("receipt")).getText();
        assertThat(receipt).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        assertThat(noSidewaysScroll()).isTrue();
        browser.findElement(By.linkText("查询办理情况")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("feedback")));
        assertThat(browser.findElement(By.id("feedback")).getText()).contains(receipt, "小区供暖温度不达标", "已收到，待转交");
        shoot("portal-feedback-lookup-phone.png");
    }

    private static void at(int y, int m, int day, int h) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(y, m, day, h, 0).atZone(AppClock.ZONE).toInstant()));
    }

    private void signIn(String user, WebDriverWait wait) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void signOut() {
        browser.manage().deleteAllCookies();
    }

    /** The whole page: the window made as tall as the document, then shot. */
    private void shoot(String name) throws Exception {
        var size = browser.manage().window().getSize();
        Object height = browser.executeScript("return Math.ceil(document.documentElement.scrollHeight);");
        browser.manage().window().setSize(new Dimension(size.getWidth(), Math.min(12000, ((Number) height).intValue() + 140)));
        Files.createDirectories(SHOTS);
        Files.write(SHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(size);
    }

    private boolean noSidewaysScroll() {
        Object r = browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
        return Boolean.TRUE.equals(r);
    }
}
