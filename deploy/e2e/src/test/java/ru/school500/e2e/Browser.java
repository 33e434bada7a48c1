package ru.school500.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's Chromium on the web UI: logs in through Keycloak's form, waits for page states, and at each
 * state saves screenshots at 1366 and 390 px ({@code target/screenshots/}) and runs axe-core, failing on any
 * serious or critical violation.
 */
final class Browser implements AutoCloseable {

    static final String GATEWAY = GatewayContractIT.GATEWAY;
    static final int[] WIDTHS = {1366, 390};
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Path AXE = Path.of("node_modules/axe-core/axe.min.js");

    final WebDriver driver;
    private final String who;
    private final WebDriverWait wait;

    private Browser(String who) throws Exception {
        this.who = who;
        this.driver = Chromium.start();
        // pages re-render parts of themselves as their data arrives: an element read in between is no failure
        this.wait = (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(30))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        driver.manage().window().setSize(new Dimension(WIDTHS[0], 900));
    }

    static Browser anonymous() throws Exception {
        return new Browser("anonymous");
    }

    /**
     * Opens {@code path}; a page that needs a session sends the browser to Keycloak's form, a public page does
     * not, so the browser then logs in through the header's «Войти» and opens the page again.
     */
    static Browser loggedIn(String username, String path) throws Exception {
        Browser browser = new Browser(username);
        browser.driver.get(GATEWAY + path);
        browser.wait.until(d -> !d.findElements(By.id("username")).isEmpty() || !d.findElements(By.cssSelector("#who a.button")).isEmpty());
        if (browser.driver.findElements(By.id("username")).isEmpty()) {
            browser.click(By.cssSelector("#who a.button"));
        }
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys("demo");
        browser.driver.findElement(By.id("kc-login")).click();
        browser.wait.until(d -> d.getCurrentUrl().startsWith(GATEWAY) && !d.findElements(By.cssSelector("#user")).isEmpty()
                && !d.findElement(By.id("user")).getText().isBlank() && !d.findElement(By.id("user")).getText().equals("…")
                && d.findElements(By.cssSelector("#who a.button")).isEmpty());
        if (!browser.driver.getCurrentUrl().equals(GATEWAY + path)) {
            browser.open(path);
        }
        return browser;
    }

    void open(String path) {
        driver.get(GATEWAY + path);
        awaitHeading();
    }

    WebElement awaitHeading() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#main h1")));
    }

    WebElement await(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    <T> T await(Function<WebDriver, T> condition) {
        return wait.until(condition::apply);
    }

    <T> T await(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout).pollingEvery(Duration.ofMillis(50))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition::apply);
    }

    /** Waits for {@code text} in {@code by}; on a timeout the failure says what the page showed instead. */
    void awaitText(By by, String text) {
        try {
            wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("«" + text + "» not shown in " + by + "; #main showed: " + mainText(), e);
        }
    }

    private String mainText() {
        try {
            return driver.findElement(By.id("main")).getText();
        } catch (RuntimeException e) {
            return "(no #main: " + e.getMessage() + ")";
        }
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    /** Clicks {@code by} once it is clickable, again if the page re-rendered it in between. */
    void click(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(100))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .until(current -> {
                    ExpectedConditions.elementToBeClickable(by).apply(current).click();
                    return true;
                });
    }

    String text(By by) {
        return driver.findElement(by).getText();
    }

    String header() {
        return text(By.cssSelector("header.top"));
    }

    /**
     * Screenshots (the whole page) and axe-core at both widths; the state is named for the files. The widths
     * are set as Chromium's device metrics, so 390 px is the layout viewport exactly, as on a phone.
     */
    void check(String state) {
        ChromiumDriver chromium = (ChromiumDriver) driver;
        try {
            Files.createDirectories(SCREENSHOTS);
            for (int width : WIDTHS) {
                chromium.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", 900,
                        "deviceScaleFactor", 1, "mobile", width < 600));
                assertThat(axeViolations()).as("serious or critical axe-core violations: %s at %d px", state, width).isEmpty();
                Number height = (Number) ((JavascriptExecutor) driver).executeScript(
                        "return Math.ceil(document.documentElement.scrollHeight)");
                Map<String, Object> shot = chromium.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                        "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", width,
                                "height", Math.min(Math.max(height.intValue(), 600), 8000), "scale", 1)));
                Files.write(SCREENSHOTS.resolve(who + "-" + state + "-" + width + ".png"),
                        Base64.getDecoder().decode((String) shot.get("data")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            chromium.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> axeViolations() throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(Files.readString(AXE, StandardCharsets.UTF_8));
        }
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then((r) => done(r.violations
                    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
                    .map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' — '
                        + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '))))
                  .catch((e) => done(['axe failed: ' + e]));""");
        return (List<String>) result;
    }

    void setFile(By input, Path file) {
        driver.findElement(input).sendKeys(file.toAbsolutePath().toString());
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
