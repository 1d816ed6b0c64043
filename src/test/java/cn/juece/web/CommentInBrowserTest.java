package cn.juece.web;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.juece.support.AppClock;

/**
 * A member of the public in a Chinese browser on a phone: finds the open consultation on the portal, reads
 * its deadline, comments without an account, gets the receipt, and finds the comment by it; once moderated
 * the comment — which contains {@code <script>} — is shown as text (Art. 18, 20, 28).
 */
class CommentInBrowserTest extends BrowserTest {

    @Test
    void aCitizenCommentsOnAPhoneAndFindsTheCommentByReceipt() {
        var d = driver();
        String n = d.create("县城区电动自行车停放管理规定（浏览器征求意见）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        LocalDate closes = commentWindowEnd(31);
        long id = d.as(LEAD).post("/api/decisions/" + n + "/consultations", Map.of("noticeText", "请于截止日前通过本页提出意见。",
                "channels", List.of("冠县发布微信公众号"), "closesOn", closes.toString())).getBody().get("id").asLong();

        browser.manage().window().setSize(new Dimension(390, 844));
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(url("/public"));
        browser.findElement(By.linkText("征求意见")).click();
        wait.until(ExpectedConditions.urlContains("/public/consultations"));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains("县城区电动自行车停放管理规定", "征求意见中", "截止时间：");
        browser.findElement(By.partialLinkText("县城区电动自行车停放管理规定")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("content")));
        browser.findElement(By.id("content")).sendKeys("建议在小区设置集中充电点<script>alert('x')</script>");
        browser.findElement(By.id("authorName")).sendKeys("孙八");
        browser.findElement(By.name("quotable")).click();
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt")));
        String receipt = browser.findElement(By.id("receipt")).getText();
        assertThat(receipt).matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}");
        assertThat(browser.findElements(By.id("repeated"))).isEmpty();

        // the receipt page reloaded (the browser sends the form again): the same receipt, and nothing stored twice
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("repeated")));
        assertThat(browser.findElement(By.id("receipt")).getText()).isEqualTo(receipt);
        assertThat(browser.findElement(By.id("repeated")).getText()).contains("本次没有重复登记");
        Screenshots.save(browser, "portal-opinion-resent-phone");
        assertThat(d.as(LEAD).get("/api/consultations/" + id + "/opinions").getBody().size()).isEqualTo(1);

        // the lead unit publishes it after moderation (先审后发)
        long opinionId = d.as(LEAD).get("/api/consultations/" + id + "/opinions").getBody().get(0).get("id").asLong();
        d.as(LEAD).put("/api/opinions/" + opinionId + "/moderation", Map.of("publish", true));

        browser.findElement(By.linkText("查询该意见")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("answer")));
        assertThat(browser.findElement(By.tagName("body")).getText()).contains(receipt, "已公开显示", "尚未公布采纳情况");
        browser.get(url("/public/consultations/" + id));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("建议在小区设置集中充电点<script>alert('x')</script>", "孙八");
        Object scroll = browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
        assertThat(scroll).isEqualTo(Boolean.TRUE);
    }

}
