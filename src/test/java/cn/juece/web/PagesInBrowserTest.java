package cn.juece.web;

import cn.juece.support.FreePorts;
import static cn.juece.LifecycleDriver.LEAD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.juece.notification.MailWorker;
import cn.juece.support.AppClock;

/**
 * The pages of issue 11 in a real Chinese browser: the error pages of the staff and the portal (404, 403, 405, 500)
 * in Chinese with a way back; a clerk's dossier listing what they can do and the participation page in sections.
 * Each page is saved under target/screenshots for a person to look at.
 */
class PagesInBrowserTest extends BrowserTest {

    @Test
    void errorPagesAreChineseWithAWayBackForStaffAndPublic() {
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        signIn(wait, LEAD);
        Screenshots.desktop(browser, 1280, 800);

        String page = open(wait, "/no/such/page");
        assertThat(page).contains("未找到", "您要访问的页面不存在", "返回我的待办", "错误代码：NOT_FOUND");
        Screenshots.save(browser, "staff-404");
        page = open(wait, "/supervision");
        assertThat(page).contains("无权访问", "监督统计供司法行政部门、政府办公室、决策机关和系统管理员使用");
        assertThat(browser.findElement(By.cssSelector("nav")).getText()).doesNotContain("监督统计", "流程监控", "公众建议", "邮件发件箱")
                .contains("我的待办", "任务列表（Tasklist）");
        Screenshots.save(browser, "staff-403");
        assertThat(open(wait, "/decisions/GX-2099-0001/study")).contains("请求方式不正确", "通过页面上的按钮操作");
        Screenshots.save(browser, "staff-405");
        assertThat(open(wait, "/test-fixture/failure")).contains("系统内部错误", "未保存任何内容").doesNotContain(FailingPages.SECRET);
        Screenshots.save(browser, "staff-500");
        browser.findElement(By.linkText("返回我的待办")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "我的待办"));

        Screenshots.phone(browser);
        page = open(wait, "/public/no/such/page");
        assertThat(page).contains("冠县人民政府", "政务公开", "未找到", "返回首页").doesNotContain("我的待办");
        Screenshots.save(browser, "public-404-phone");
        assertThat(open(wait, "/public/consultations/987654321")).contains("征求意见不存在", "错误代码：CONSULTATION_NOT_FOUND");
        assertThat(open(wait, "/public/proposals")).contains("请求方式不正确");
        assertThat(open(wait, "/public/test-fixture/failure")).contains("系统内部错误").doesNotContain(FailingPages.SECRET);
        Screenshots.save(browser, "public-500-phone");
        browser.findElement(By.linkText("返回首页")).click();
        wait.until(ExpectedConditions.urlMatches(".*/public$"));
    }

    @Test
    void aClerksDossierAndParticipationPageShowWhatCanBeDoneNow() {
        var d = driver();
        String n = d.create("城区集中供热价格调整（浏览器查看）");
        d.study(n);
        d.launch(n);
        d.draft(n, true, true, false);
        d.as(LEAD).post("/api/decisions/" + n + "/consultations", Map.of("noticeText", "请提出意见", "channels", List.of("冠县发布"),
                "closesOn", LocalDate.now(AppClock.ZONE).plusDays(35).toString()));
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        signIn(wait, LEAD);

        open(wait, "/decisions/" + n);
        String actions = browser.findElement(By.id("my-actions")).getText();
        assertThat(actions).contains("您现在可以办理", "办理环节：组织公众参与", "公众参与：征求意见、座谈会、听证会、问卷、企业意见", "上传本单位提供的材料")
                .doesNotContain("批准缩短", "变更决策承办单位");
        Screenshots.fullPage(browser, "dossier-lead-clerk", 1280);

        open(wait, "/decisions/" + n + "/participation");
        long height = Screenshots.fullPage(browser, "participation-lead-clerk", 1280);
        assertThat(height).as("the participation page's height with one section open").isLessThan(2600);
        assertThat(browser.findElement(By.id("comment")).getAttribute("open")).isNotNull();
        assertThat(browser.findElement(By.id("hearing")).getAttribute("open")).isNull();
        browser.findElement(By.cssSelector("#hearing > summary")).click();
        assertThat(browser.findElement(By.id("hearing")).getText()).contains("是否应当召开听证会", "发布听证公告");

        signIn(wait, "fgj_head");
        open(wait, "/decisions/" + n);
        assertThat(browser.findElement(By.id("my-actions")).getText()).contains("批准缩短“一般”期限（本单位负责人）");
        Screenshots.fullPage(browser, "dossier-unit-head", 1280);
    }

    @Autowired
    private MailWorker mail;

    @Test
    void anAdministratorReadsTheOutboxAndTheCalendarInPlainChinese() {
        var d = driver();
        String n = d.create("县城区道路命名方案（发件箱）");
        d.study(n);
        d.launch(n);
        d.draft(n, false, true, false);
        // a shortened "一般" minimum notifies the justice bureau (DECISIONS.md 12): a mail in the outbox
        String task = d.task(n, "expert-conduct").get("id").asText();
        d.as("fgj_head").post("/api/tasks/" + task + "/deviation",
                Map.of("reason", "县政府常务会议要求本月内提请审议，情况紧急，经局务会研究同意缩短专家论证研究时间"));
        mail.useServer("127.0.0.1", FreePorts.free()); // a server nobody listens on (another class may have set one)
        mail.runOnce();                           // the attempt fails
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        signIn(wait, "admin");
        Screenshots.desktop(browser, 1280, 900);
        String page = open(wait, "/admin/mail");
        assertThat(page).contains("邮件发件箱", "无法连接邮件服务器").doesNotContain("MailConnectException", "Connection refused");
        Screenshots.save(browser, "admin-mail");
        browser.findElement(By.cssSelector("details.technical > summary")).click();
        assertThat(browser.findElement(By.cssSelector("details.technical pre")).getText()).isNotBlank();
        page = open(wait, "/admin/calendar/2026");
        assertThat(page).contains("2026年节假日安排", "录入一个节日的放假日期", "录入一个调休上班日");
        Screenshots.fullPage(browser, "admin-calendar-2026", 1280);
        open(wait, "/admin/calendar");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("系统，").doesNotContain("system，");
        Screenshots.fullPage(browser, "admin-calendar", 1280);
    }

    private void signIn(WebDriverWait wait, String user) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "我的待办"));
    }

    private String open(WebDriverWait wait, String path) {
        browser.get(url(path));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        String text = browser.findElement(By.tagName("body")).getText();
        assertThat(text).doesNotContain("Whitelabel", "Exception", "There was an unexpected error");
        return text;
    }
}
