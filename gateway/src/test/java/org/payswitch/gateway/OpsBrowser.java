package org.payswitch.gateway;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.LongPredicate;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The operations page as a person sees it: Debian's headless Chromium driven through its
 * chromedriver (paths from {@code -Dops.chromium} and {@code -Dops.chromedriver}, Debian's by
 * default; {@code .ci/run} installs them). Reads the figures the page shows from the
 * {@code data-value} its elements carry, and waits for the page to show what a test expects.
 */
final class OpsBrowser implements AutoCloseable
{
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final String CHROMIUM = System.getProperty("ops.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("ops.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;

    private OpsBrowser(final ChromeDriver driver)
    {
        this.driver = driver;
    }

    /** A headless Chromium of {@code width} x {@code height} pixels; fails saying what to install when there is none. */
    static OpsBrowser start(final int width, final int height)
    {
        for (final String program : List.of(CHROMIUM, CHROMEDRIVER))
        {
            if (!Files.isExecutable(Path.of(program)))
            {
                throw new IllegalStateException(program + " is not there: the operations page is tested in headless " +
                    "Chromium; install Debian's chromium and chromium-driver (.ci/run does), or name them with " +
                    "-Dops.chromium and -Dops.chromedriver");
            }
        }
        final ChromeOptions options = new ChromeOptions()
            .setBinary(CHROMIUM)
            .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--no-first-run", "--window-size=" + width + "," + height);
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, Level.ALL.getName()));
        final ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER))
            .usingAnyFreePort()
            .build();
        return new OpsBrowser(new ChromeDriver(service, options));
    }

    void open(final String url)
    {
        driver.get(url);
    }

    String url()
    {
        return driver.getCurrentUrl();
    }

    String pageSource()
    {
        return driver.getPageSource();
    }

    String visibleText()
    {
        return driver.findElement(By.tagName("body")).getText();
    }

    boolean shown(final String id)
    {
        final List<WebElement> found = driver.findElements(By.id(id));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    /** Types {@code token} into the sign-in form and submits it. */
    void signIn(final String token)
    {
        final WebElement field = driver.findElement(By.id("token"));
        field.clear();
        field.sendKeys(token);
        driver.findElement(By.cssSelector("#signin-form button[type=submit], #signin-form input[type=submit]")).click();
    }

    void signOut()
    {
        driver.findElement(By.id("signout")).click();
    }

    /** What the page keeps in the tab's session storage under {@code key}. */
    Object sessionStorage(final String key)
    {
        return ((JavascriptExecutor)driver).executeScript("return window.sessionStorage.getItem(arguments[0]);", key);
    }

    void reload()
    {
        driver.navigate().refresh();
    }

    /** Waits until the element with {@code id} is shown. */
    void awaitShown(final String id)
    {
        await("#" + id + " shown", () -> shown(id));
    }

    /** Waits until the element with {@code id} says something containing {@code text}. */
    void awaitText(final String id, final String text)
    {
        await("#" + id + " to say " + text, () -> shown(id) && driver.findElement(By.id(id)).getText().contains(text));
    }

    /** Waits until the figure of the element {@code css} selects passes {@code test}; returns it. */
    long awaitFigure(final String css, final String what, final LongPredicate test)
    {
        final long[] seen = {Long.MIN_VALUE};
        await(css + " " + what, () ->
        {
            final String value = value(css);
            if (value == null || value.isEmpty())
            {
                return false;
            }
            seen[0] = Long.parseLong(value);
            return test.test(seen[0]);
        });
        return seen[0];
    }

    /** The raw figure ({@code data-value}) of the element {@code css} selects, or null when there is none. */
    String value(final String css)
    {
        final List<WebElement> found = driver.findElements(By.cssSelector(css));
        return found.isEmpty() ? null : found.get(0).getAttribute("data-value");
    }

    /** The text the element {@code css} selects shows. */
    String text(final String css)
    {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    /** Waits until {@code campaignId}'s card shows {@code status} (its raw value, e.g. PAUSED). */
    void awaitCampaignStatus(final String campaignId, final String status)
    {
        final String css = campaign(campaignId, ".campaign-status");
        await(campaignId + " " + status, () -> status.equals(value(css)));
    }

    /** The selector of {@code part} within {@code campaignId}'s card. */
    static String campaign(final String campaignId, final String part)
    {
        return "[data-campaign=\"" + campaignId + "\"] " + part;
    }

    /** The browser console's errors since the last call (a script error, a refused resource, a CSP violation). */
    List<String> consoleErrors()
    {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
            .map(LogEntry::getMessage)
            .toList();
    }

    /** Saves what the window shows as a PNG at {@code file}. */
    void screenshot(final Path file)
    {
        try
        {
            Files.createDirectories(file.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException(e);
        }
    }

    private void await(final String what, final BooleanSupplier condition)
    {
        new WebDriverWait(driver, PATIENCE).withMessage(() -> "the page never showed " + what)
            .until(ignored -> condition.getAsBoolean());
    }

    @Override
    public void close()
    {
        driver.quit();
    }
}
