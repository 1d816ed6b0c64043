package cn.juece.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.juece.LifecycleDriver;
import cn.juece.support.AppClock;

/** The annual figures page (issue 16) in a real Chromium: the bars are drawn, a figure opens the decisions behind it. */
class AnnualFiguresInBrowserTest extends BrowserTest {

    @Test
    void theOfficeReadsTheYearsFiguresWithTheirBarsAndOpensTheDecisionsBehindOne() {
        int year = 2056;
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(year, 5, 6, 9, 0).atZone(AppClock.ZONE).toInstant()));
        LifecycleDriver d = driver();
        String first = d.create("年度统计页面：城区公园免费开放方案");
        String second = d.create("年度统计页面：农村供水保障方案");
        d.study(second);
        d.launch(second);

        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(LifecycleDriver.OFFICE);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "我的待办"));
        Screenshots.desktop(browser, 1280, 800);

        browser.findElement(By.linkText("年度统计")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "年度重大行政决策统计"));
        browser.get(url("/reports/annual?year=" + year));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "冠县人民政府" + year + "年度重大行政决策统计"));
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).contains("决策事项办理情况", "登记的决策事项", "2件", "年度要求不少于3次，未达到").doesNotContain("Exception", "null");
        // the bars: one per figure, the registered ones longest, as wide as drawn on the server
        var section = browser.findElement(By.id("section-MATTERS"));
        var bars = section.findElements(By.cssSelector("svg rect"));
        assertThat(bars).hasSize(section.findElements(By.cssSelector("tbody tr")).size());
        assertThat(bars.get(0).getRect().getWidth()).as("the bar of 登记的决策事项 is drawn").isGreaterThan(100);
        assertThat(bars.get(1).getRect().getWidth()).as("launched: half of registered").isBetween(bars.get(0).getRect().getWidth() / 2 - 2,
                bars.get(0).getRect().getWidth() / 2 + 2);
        Screenshots.fullPage(browser, "annual-figures", 1280);

        browser.findElement(By.cssSelector("#figure-LAUNCHED a.figure-value")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "决定启动"));
        String figure = browser.findElement(By.id("figure-decisions")).getText();
        assertThat(figure).contains(second, "年度统计页面：农村供水保障方案").doesNotContain(first);
        browser.findElement(By.linkText(second)).click();
        wait.until(ExpectedConditions.urlContains("/decisions/" + second));
    }
}
