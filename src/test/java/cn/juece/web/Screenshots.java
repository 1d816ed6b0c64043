package cn.juece.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

/** Saves what the browser shows to target/screenshots/&lt;name&gt;.png, for a person to look at after the run. */
final class Screenshots {

    static final Path DIR = Path.of("target", "screenshots");

    private Screenshots() {
    }

    static void save(ChromeDriver browser, String name) {
        try {
            Files.createDirectories(DIR);
            Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), DIR.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("screenshot " + name + " not saved", e);
        }
    }

    /** The whole page at this width (up to 5,000 pixels tall), then the screen as it was. */
    static long fullPage(ChromeDriver browser, String name, int width) {
        desktop(browser, width, 900);
        long height = ((Number) browser.executeScript("return document.documentElement.scrollHeight;")).longValue();
        desktop(browser, width, (int) Math.min(height, 5000));
        save(browser, name);
        desktop(browser, width, 900);
        return height;
    }

    /** A phone's screen: 390×844 CSS pixels, as a mobile browser lays the page out. */
    static void phone(ChromeDriver browser) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 390, "height", 844, "deviceScaleFactor", 2, "mobile", true));
    }

    /** A desktop screen of the given size. */
    static void desktop(ChromeDriver browser, int width, int height) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    }

    /** Whether the element's box lies within the visible part of the page (to the pixel). */
    static boolean inViewport(ChromeDriver browser, String id) {
        Object r = browser.executeScript("var r = document.getElementById(arguments[0]).getBoundingClientRect();"
                + "return r.top >= -1 && r.bottom <= window.innerHeight + 1 && r.height > 0;", id);
        return Boolean.TRUE.equals(r);
    }
}
