package cn.juece.web;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;

import cn.juece.LifecycleDriver;

/**
 * An invited expert on a phone in a Chinese browser, without an account (Art. 33, 34): opens the link from the
 * invitation mail, accepts, promises confidentiality, finds the materials delivered, gives an opinion on the four
 * aspects of Art. 33, and reads it back; the lead unit's clerk sees the panel and the opinion on the expert page.
 * Screenshots of both pages are left in target/screenshots.
 */
class ExpertInBrowserTest extends BrowserTest {

    @Test
    void anExpertAnswersReadsAndGivesAnOpinionThroughTheSignedLinkOnAPhone() throws Exception {
        var d = driver();
        String n = d.create("县城区集中供热价格调整方案（专家浏览器）");
        d.study(n);
        d.launch(n);
        d.draft(n, false, true, false);
        d.seedExperts(n, 4, 2);
        d.arrangeExperts(n, List.of(LifecycleDriver.EXPERT_FIELD), false);
        d.as(LEAD).post("/api/decisions/" + n + "/experts/draws", Map.of());
        d.as(LEAD).post("/api/decisions/" + n + "/experts/invitations", Map.of());
        JsonNode member = d.experts(n).get("members").get(0);
        String link = d.expertLink(n, member.get("expert").get("id").asLong()).path();
        String name = member.get("expert").get("name").asText();

        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(390, 844));
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(url(link));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accept")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("专家论证邀请", n, "县发展和改革局", "书面咨询", name,
                "已邀请，待答复");
        browser.findElement(By.id("accept")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("agree")));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已接受邀请");
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("论证材料尚未提供");
        browser.findElement(By.id("agree")).click();
        browser.findElement(By.id("confirm-confidentiality")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("confidentiality-accepted")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("论证材料尚未提供");

        // the lead unit records the delivery; the expert's page lists the versions delivered
        d.deliverMaterials(n);
        browser.get(url(link));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("necessity")));
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("《决策草案》第1版", "《起草说明》第1版", "研究论证时间一般不少于7个工作日");
        String href = browser.findElement(By.partialLinkText("《决策草案》第1版")).getAttribute("href");
        assertThat(href).contains(link + "/materials/");
        Object scroll = browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;");
        assertThat(scroll).as("no horizontal scrolling on a phone").isEqualTo(Boolean.TRUE);
        browser.findElement(By.id("necessity")).sendKeys("供热企业成本倒挂，调整价格有必要。");
        browser.findElement(By.id("soundness")).sendKeys("测算方法符合《政府制定价格成本监审办法》。");
        browser.findElement(By.id("timing")).sendKeys("宜在供暖季结束后实施。");
        browser.findElement(By.id("negativeImpact")).sendKeys("对低收入家庭有影响，建议配套补贴，风险可控。");
        screenshot("expert-link-form");
        browser.findElement(By.id("submit-opinion")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("my-opinion")));
        assertThat(browser.findElement(By.id("my-opinion")).getText()).contains("供热企业成本倒挂", "风险可控");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("决策承办单位研究后，将在本页和邮件中反馈");
        screenshot("expert-link-submitted");

        // the clerk's expert page, signed in, at desktop size
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(LEAD);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.get(url("/decisions/" + n + "/experts"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("panel")));
        String staff = browser.findElement(By.tagName("main")).getText();
        assertThat(staff).contains("论证专家（第三十一条）", name, "已接受邀请", "供热企业成本倒挂", "抽取记录", "种子");
        screenshot("expert-staff-page");
        browser.executeScript("document.getElementById('panel').scrollIntoView();");
        screenshot("expert-staff-panel");
        browser.executeScript("document.getElementById('opinions').scrollIntoView();");
        screenshot("expert-staff-opinions");
    }

    private static void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
    }
}
