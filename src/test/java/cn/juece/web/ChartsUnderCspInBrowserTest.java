package cn.juece.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Under the Content-Security-Policy (scripts of this site only, issue 15) the pages' scripts still run in a real
 * browser: the supervision charts draw from their JSON block, the large-text switch works.
 */
class ChartsUnderCspInBrowserTest extends BrowserTest {

    @Test
    void supervisionChartsAndTheLargeTextSwitchWorkWithoutInlineScript() {
        driver().create("城区公共自行车系统建设（图表检查）");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys("bgs_chen");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "我的待办"));

        browser.get(url("/supervision"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-stage canvas")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-unit canvas")));
        Screenshots.desktop(browser, 1280, 800);
        Screenshots.save(browser, "supervision-charts-under-csp");

        browser.findElement(By.id("toggle-large-text")).click();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("class")).contains("large-text");
        browser.findElement(By.id("toggle-large-text")).click();
        assertThat(browser.findElement(By.tagName("html")).getAttribute("class")).doesNotContain("large-text");
    }
}
