package cn.juece.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.juece.LifecycleDriver;
import cn.juece.support.AppClock;

/**
 * The planner (issue 16) in a real Chromium: the timeline's bars are drawn, the deciding path among them, and the what-if
 * form (GET, no script) moves the date. A screenshot goes to target/screenshots/planner.png.
 */
class PlannerInBrowserTest extends BrowserTest {

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theLeadUnitSeesTheTimelineAndAddsAHearing() {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(2024, 9, 10, 9, 0).atZone(AppClock.ZONE).toInstant()));
        LifecycleDriver d = driver();
        String n = d.create("最早合法决策日期页面：城区停车收费标准");
        d.study(n);
        d.launch(n);

        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(LifecycleDriver.LEAD);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "我的待办"));
        Screenshots.desktop(browser, 1280, 800);

        browser.get(url("/decisions/" + n));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("plan-date")));
        assertThat(browser.findElement(By.id("plan-date")).getText()).isEqualTo("2024年10月21日");
        browser.findElement(By.partialLinkText("时间线和假设分析")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "最早合法决策日期"));
        var bars = browser.findElements(By.cssSelector("svg.plan-chart g.plan-bar rect"));
        assertThat(bars).hasSize(browser.findElements(By.cssSelector("#plan-segments tbody tr")).size());
        assertThat(bars).allSatisfy(b -> assertThat(b.getRect().getWidth()).isGreaterThan(0));
        // the comment window (30 days) is drawn longer than the expert research (7 working days)
        var window = browser.findElement(By.cssSelector("#plan-segments tr[data-step=COMMENT_WINDOW]"));
        assertThat(window.getText()).contains("是");
        assertThat(browser.findElements(By.cssSelector("svg.plan-chart g.plan-bar[data-critical=true]"))).hasSize(4);

        // what-if: no comment window, a hearing, from 2024-09-20
        browser.get(url("/decisions/" + n + "/plan?start=2024-09-20"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-date"), "2024年10月31日"));
        new Select(browser.findElement(By.id("comment"))).selectByValue("false");
        new Select(browser.findElement(By.id("hearing"))).selectByValue("true");
        browser.findElement(By.id("plan-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("plan-date"), "2024年10月16日"));
        assertThat(browser.getCurrentUrl()).contains("hearing=true", "comment=false", "start=2024-09-20");
        assertThat(browser.findElement(By.id("plan-recorded")).getText()).isEqualTo("2024年10月21日");
        Screenshots.fullPage(browser, "planner", 1280);
    }
}
