package cn.juece.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.juece.LifecycleDriver;

/**
 * Issue 13 in a real browser: the government office's meetings pages with the record of a discussion (each
 * member's view by name, the tally, the head's decision, the minutes), the justice bureau's legality page, and the
 * portal's page of the published decision. Screenshots go to target/screenshots/.
 */
class StagesInBrowserTest extends BrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    void theMeetingsPagesAndThePortalsDecisionPageShowTheRecords() throws Exception {
        LifecycleDriver d = driver();
        String n = d.create("城区集中供热价格调整方案");
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, false);
        d.submitForLegality(n);
        d.review(n, "PASSED", null);
        d.submitForMeeting(n);
        long meeting = d.scheduleMeeting("县政府第16次常务会议");
        long item = d.as(LifecycleDriver.OFFICE).post("/api/meetings/" + meeting + "/agenda", Map.of("decision", n)).getBody().get("id").asLong();
        String base = "/api/meetings/" + meeting + "/items/" + item;
        d.as(LifecycleDriver.OFFICE).put(base + "/explanations", Map.of("leadExplanation", "县发展和改革局说明：供热成本监审结果和分两年调整到位的方案",
                "legalityExplanation", "县司法局说明：经审查，决策草案合法"));
        d.as(LifecycleDriver.OFFICE).put(base + "/views/fxz_li", Map.of("view", "AGREE", "remarks", "同意，注意做好低保户补贴"));
        d.as(LifecycleDriver.OFFICE).put(base + "/views/fxz_zhao", Map.of("view", "AGREE", "remarks", "同意"));
        d.as(LifecycleDriver.OFFICE).put(base + "/views/fxz_qian", Map.of("view", "DISAGREE", "remarks", "建议推迟一个采暖季"));
        d.as(LifecycleDriver.OFFICE).put(base + "/decision", Map.of("decision", "APPROVED", "remarks", "同意，分两年调整到位"));
        d.minutes(meeting, item);
        d.complete(LifecycleDriver.HEAD, n, "meeting-decide", "gx-head", "APPROVED", "县政府第16次常务会议");
        d.issue(n, "冠政发〔2026〕16号", LifecycleDriver.today());
        d.recordChannels(n);
        d.as(LifecycleDriver.OFFICE).post("/api/decisions/" + n + "/publication/interpretations", Map.of("kind", "QA",
                "title", "一图读懂城区供热价格调整", "url", "http://www.guanxian.gov.cn/zcjd/heating.html"));
        d.as(LifecycleDriver.OFFICE).post("/api/decisions/" + n + "/publication/notice", Map.of());
        d.complete(LifecycleDriver.OFFICE, n, "publication-publish", "bgs", "PUBLISHED", "县政府网站、县政府公报");

        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.manage().window().setSize(new Dimension(1280, 1800));
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(LifecycleDriver.OFFICE);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));

        // the list is paged, the latest day first: other tests of the run schedule meetings in later years
        browser.get(url("/meetings?size=200"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "县政府第16次常务会议"));
        assertThat(browser.findElement(By.id("openness")).getText()).contains("邀请利益相关方、公众、专家或媒体列席的会议");
        shot("meetings.png");
        browser.get(url("/meetings/" + meeting));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "会议纪要"));
        String record = browser.findElement(By.id("item-" + item)).getText();
        assertThat(record).contains("一、决策承办单位作决策草案说明", "钱志强", "不同意", "建议推迟一个采暖季", "同意2人，不同意1人，弃权0人",
                "多数意见：同意", "四、行政首长的决定：同意");
        shot("meeting.png");
        browser.get(url("/decisions/" + n + "/legality"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "合法性审查意见书"));
        shot("legality.png");

        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(new Dimension(1280, 1200));
        browser.get(url("/public/decisions/" + n));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("decision-facts")));
        assertThat(browser.findElement(By.id("decision-facts")).getText()).contains("冠政发〔2026〕16号", "同意（县政府第16次常务会议）",
                "《中华人民共和国价格法》第二十三条", "县政府公报");
        assertThat(browser.findElement(By.id("interpretations")).getText()).contains("一图读懂城区供热价格调整");
        shot("portal-decision.png");
    }

    private void shot(String name) throws Exception {
        Files.createDirectories(SHOTS);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
