package cn.juece.web;

import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The risk page (Art. 36-40) in a real Chinese browser, as the other unit named to assess: the records of the round,
 * what still stands before the step may close, a refusal shown on the page in Chinese with its code; on a phone too.
 * Screenshots go to target/screenshots for people to look at.
 */
class RiskPageInBrowserTest extends BrowserTest {

    static final Path SHOTS = Path.of("target", "screenshots");

    @Test
    void theAssessorReadsTheRoundAndIsRefusedOnThePage() throws Exception {
        var d = driver();
        String n = d.create("城区集中供热管网改造方案（浏览器风险评估）");
        d.study(n);
        d.launch(n);
        d.draft(n, false, false, true);
        d.assessor(n, Map.of("unit", "zrj", "mode", "SELF"));
        d.riskPlan(n, "zrj_wu");
        d.riskVisits(n, "zrj_wu");
        d.as("zrj_wu").put("/api/decisions/" + n + "/risk/analyses/PUBLIC_SAFETY", Map.of("relevant", true,
                "risks", "管网施工开挖可能损坏燃气管线", "likelihood", "MEDIUM", "impact", "HIGH", "level", "HIGH"));
        d.as("zrj_wu").put("/api/decisions/" + n + "/risk/analyses/ECOLOGY", Map.of("relevant", false,
                "reason", "施工不涉及水源地和生态保护红线"));

        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("zrj_wu");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.get(url("/decisions/" + n + "/risk"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("analysis")));
        String text = browser.findElement(By.tagName("main")).getText();
        assertThat(text).contains("风险评估单位：县自然资源局（负责风险评估工作的其他单位），自行评估", "第1轮评估进行中",
                "第1轮评估办结前尚缺", "尚未分析：社会稳定风险、财政金融风险、舆情风险、其他风险", "管网施工开挖可能损坏燃气管线",
                "低保户、特困人员家庭", "有特殊困难的群体");
        Files.createDirectories(SHOTS);
        shoot("risk-page-assessor.png");

        // a level below a kind's level is refused on the page, in Chinese, with the code; nothing is recorded
        for (String kind : new String[]{"SOCIAL_STABILITY", "FISCAL_FINANCIAL", "PUBLIC_OPINION", "OTHER"}) {
            d.as("zrj_wu").put("/api/decisions/" + n + "/risk/analyses/" + kind, Map.of("relevant", false,
                    "reason", "经分析论证，改造方案不涉及此类风险情形"));
        }
        browser.navigate().refresh();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[action$='/risk/level'] select[name=level]")));
        new Select(browser.findElement(By.cssSelector("form[action$='/risk/level'] select[name=level]"))).selectByValue("LOW");
        browser.findElement(By.cssSelector("form[action$='/risk/level'] input[name=controllable][value=true]")).click();
        browser.findElement(By.cssSelector("form[action$='/risk/level'] button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".alert.error")));
        assertThat(browser.findElement(By.cssSelector(".alert.error")).getText())
                .contains("公共安全风险为高风险，综合风险等级不能定为低风险", "RISK_LEVEL_INCONSISTENT");
        browser.executeScript("window.scrollTo(0, 0)");
        shoot("risk-page-refused.png");

        // on a phone the page reads without sideways scrolling
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/decisions/" + n + "/risk"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("analysis")));
        shoot("risk-page-phone.png");
        Object wider = browser.executeScript("return Array.from(document.querySelectorAll('main *'))"
                + ".filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                + ".map(e => e.tagName + '.' + e.className + '#' + e.id + ' ' + Math.round(e.getBoundingClientRect().right)).slice(0, 10).join('; ');");
        assertThat(browser.executeScript("return document.documentElement.scrollWidth <= window.innerWidth;")).as(String.valueOf(wider))
                .isEqualTo(Boolean.TRUE);

        // the lead unit's view of the same page: it names the assessor, it does not write the assessor's records
        browser.manage().window().setSize(new Dimension(1280, 1000));
        browser.get(url("/logout"));
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(LEAD);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        browser.get(url("/decisions/" + n + "/risk"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("assessor")));
        assertThat(browser.findElements(By.cssSelector("form[action$='/risk/plan']"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("form[action$='/risk/assessor']"))).hasSize(1);
        shoot("risk-page-lead.png");
    }

    /** A screenshot of the whole page (the window stretched to the document's height). */
    private void shoot(String name) throws Exception {
        var size = browser.manage().window().getSize();
        Object height = browser.executeScript("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        browser.manage().window().setSize(new Dimension(size.getWidth(), Math.min(12000, ((Number) height).intValue() + 140)));
        Files.write(SHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        browser.manage().window().setSize(size);
    }
}
