package cn.juece.web;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.juece.support.AppClock;

/**
 * A citizen on a phone (390×844, a Chinese browser) with no dead end (issue 11): a refused comment comes back with the
 * message in view and the typed text kept; the comment found again from the portal's menu by its receipt, showing the
 * citizen's own text and when it was received, never the contact details.
 */
class PortalOnAPhoneTest extends BrowserTest {

    @Test
    void aRefusedCommentLandsOnItsMessageAndTheLookupShowsTheCommentersOwnText() throws Exception {
        var d = driver();
        String n = d.create("城区背街小巷改造方案（手机）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, false, false);
        long id = d.as(LEAD).post("/api/decisions/" + n + "/consultations", Map.of("noticeText",
                "请于截止日前通过本页提出意见。\n一、改造范围：城区32条背街小巷。\n二、改造内容：路面、排水、照明、绿化。\n三、资金来源：县级财政和上级补助。"
                        + "\n四、实施时间：分两年实施。\n五、联系方式：县住建局城建股。",
                "channels", List.of("冠县发布微信公众号", "冠县融媒体中心"), "closesOn", commentWindowEnd(31).toString()))
                .getBody().get("id").asLong();
        Screenshots.phone(browser);
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        // a file that is not what its name says is refused (ATTACHMENT_TYPE_NOT_ALLOWED): the message in view, the text kept
        browser.get(url("/public/consultations/" + id));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("content")));
        String text = "建议在每条小巷设置夜间照明，并保留老槐树。";
        browser.findElement(By.id("content")).sendKeys(text);
        browser.findElement(By.id("contact")).sendKeys("13800000000");
        Path disguised = Files.createTempFile("调查表", ".pdf");
        Files.writeString(disguised, "这不是PDF文件", StandardCharsets.UTF_8);
        browser.findElement(By.id("attachment")).sendKeys(disguised.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-error")));
        assertThat(browser.findElement(By.id("form-error")).getText()).contains("附件仅限PDF、JPG或PNG格式的文件", "您填写的内容已保留，附件需要重新选择。");
        assertThat(Screenshots.inViewport(browser, "form-error")).as("the refusal is in view on a phone").isTrue();
        assertThat(browser.findElement(By.id("content")).getAttribute("value")).isEqualTo(text);
        assertThat(browser.findElement(By.id("contact")).getAttribute("value")).isEqualTo("13800000000");
        Screenshots.save(browser, "phone-comment-refused");

        // without the file it is taken; the receipt leads back to it through the menu
        browser.findElement(By.cssSelector("form.stack button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("receipt")));
        String receipt = browser.findElement(By.id("receipt")).getText();
        browser.findElement(By.linkText("意见查询")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.name("receipt")));
        browser.findElement(By.name("receipt")).sendKeys(receipt);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submitted-at")));
        String lookup = browser.findElement(By.tagName("main")).getText();
        assertThat(lookup).contains(receipt, text, "待审核", "尚未公布采纳情况").doesNotContain("13800000000");
        assertThat(browser.findElement(By.id("submitted-at")).getText()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
        Screenshots.save(browser, "phone-opinion-lookup");
        Object fits = browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
        assertThat(fits).as("no sideways scrolling on a phone").isEqualTo(Boolean.TRUE);
    }
}
