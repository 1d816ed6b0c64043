package cn.juece.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A member of the public on a phone-sized Chinese browser: writes a proposal on the portal (no login, no
 * JavaScript needed), gets the receipt number and looks the proposal up; nothing scrolls sideways.
 */
class PortalInBrowserTest extends BrowserTest {

    @Test
    void aCitizenSubmitsAProposalOnAPhoneAndLooksItUp() {
        browser.manage().window().setSize(new Dimension(390, 844));
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(url("/public"));
        assertThat(browser.getTitle()).contains("冠县人民政府");
        browser.findElement(By.linkText("提出决策事项建议")).click();
        wait.until(ExpectedConditions.urlContains("/public/proposals/new"));
        assertThat(noSidewaysScroll()).isTrue();
        browser.findElement(By.id("name")).sendKeys("王五");
        browser.findElement(By.id("contact")).sendKeys("13900000000");
        browser.findElement(By.id("title")).sendKeys("建议增设社区养老服务站");
        browser.findElement(By.id("content")).sendKeys("老旧小区老年人多，建议研究增设社区养老服务站。<script>alert(1)</script>");
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt")));
        String receipt = browser.findElement(By.id("receipt")).getText();
        assertThat(receipt).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        assertThat(noSidewaysScroll()).isTrue();

        browser.findElement(By.linkText("查询办理情况")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("proposal")));
        String shown = browser.findElement(By.id("proposal")).getText();
        assertThat(shown).contains(receipt).contains("已收到，待登记办理").contains("<script>alert(1)</script>")
                .doesNotContain("13900000000");
        assertThat(noSidewaysScroll()).isTrue();
    }

    private boolean noSidewaysScroll() {
        Object r = browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
        return Boolean.TRUE.equals(r);
    }

}
