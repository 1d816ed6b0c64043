package cn.juece.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.chrome.ChromeDriver;

import cn.juece.IntegrationTest;

/**
 * One real headless Chromium per test class (STACK-NOTES), on the suite's one Spring context. Tagged "browser": the
 * PostgreSQL run leaves them out (what they check is the pages, which the H2 run covers).
 */
@Tag("browser")
abstract class BrowserTest extends IntegrationTest {

    protected static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
