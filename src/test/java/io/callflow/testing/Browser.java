package io.callflow.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser stories' one driver: a headless Chromium of Debian's, through Debian's chromedriver,
 * both named by path ({@code browser.chromium}, {@code browser.chromedriver}) so that Selenium
 * never looks for or downloads another. Elements are found by id; waits poll with a deadline.
 */
public final class Browser implements AutoCloseable {

  /** Long enough for a dispatch and a push on a busy two-core machine. */
  public static final Duration PATIENCE = Duration.ofSeconds(30);

  private final ChromeDriver driver;
  private final String baseUrl;
  private final Path screenshots;

  private Browser(ChromeDriver driver, String baseUrl, Path screenshots) {
    this.driver = driver;
    this.baseUrl = baseUrl;
    this.screenshots = screenshots;
  }

  /** A fresh browser (its own profile, no cookies) on the test server, laptop-sized. */
  public static Browser open() {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(property("browser.chromium"));
    options.addArguments(
        "--headless=new",
        "--no-sandbox", // CI runs as root, where Chromium's sandbox refuses to start
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1000",
        "--lang=en-US");
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(property("browser.chromedriver")))
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(PATIENCE);
    return new Browser(
        driver,
        TestServer.stack().baseUrl(),
        Path.of(System.getProperty("browser.screenshots", "target/screenshots")));
  }

  /** Loads a page of the test server, {@code path} starting with a slash. */
  public Browser visit(String path) {
    driver.get(baseUrl + path);
    return this;
  }

  /**
   * Loads a page of the test server as {@code user}: the credentials ride in the address, and the
   * browser then answers the server's Basic challenges of the same realm with them.
   */
  public Browser visitAs(String user, String password, String path) {
    URI base = URI.create(baseUrl);
    driver.get(base.getScheme() + "://" + user + ":" + password + "@" + base.getAuthority() + path);
    return this;
  }

  public Browser type(String id, String text) {
    WebElement field = visible(id);
    field.clear();
    field.sendKeys(text);
    return this;
  }

  public Browser click(String id) {
    new WebDriverWait(driver, PATIENCE)
        .until(ExpectedConditions.elementToBeClickable(By.id(id)))
        .click();
    return this;
  }

  /** Clicks the first enabled element the selector finds, once there is one. */
  public Browser clickWhenFound(String cssSelector) {
    await(
        cssSelector + " can be clicked",
        () -> {
          List<WebElement> found = driver.findElements(By.cssSelector(cssSelector));
          if (found.isEmpty() || !found.get(0).isEnabled()) {
            return false;
          }
          found.get(0).click();
          return true;
        });
    return this;
  }

  public String text(String id) {
    return driver.findElement(By.id(id)).getText().strip();
  }

  /** Waits until the element's text is {@code expected}, and answers it. */
  public String awaitText(String id, String expected) {
    await(id + " says " + expected, () -> expected.equals(text(id)));
    return text(id);
  }

  /** Waits until the element shows text other than a dash or nothing, and answers it. */
  public String awaitAnyText(String id) {
    await(id + " shows a value", () -> !text(id).isEmpty() && !text(id).equals("—"));
    return text(id);
  }

  public boolean displayed(String id) {
    return driver.findElement(By.id(id)).isDisplayed();
  }

  /** The texts of the elements a CSS selector finds, in document order. */
  public List<String> texts(String cssSelector) {
    return driver.findElements(By.cssSelector(cssSelector)).stream()
        .map(e -> e.getText().strip())
        .toList();
  }

  /** Saves what the browser shows as {@code target/screenshots/{name}.png}. */
  public Path screenshot(String name) {
    File taken = driver.getScreenshotAs(OutputType.FILE);
    try {
      Files.createDirectories(screenshots);
      return Files.copy(
          taken.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public WebDriver driver() {
    return driver;
  }

  private WebElement visible(String id) {
    return new WebDriverWait(driver, PATIENCE)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
  }

  /**
   * Waits until {@code condition} holds; a screenshot of the page is kept when it never does. The
   * console redraws its tables as their data changes: an element found a moment ago may be replaced
   * before it is read or clicked, and the condition is then tried again.
   */
  public void await(String what, java.util.function.BooleanSupplier condition) {
    try {
      new WebDriverWait(driver, PATIENCE)
          .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
          .until(d -> condition.getAsBoolean());
    } catch (org.openqa.selenium.TimeoutException e) {
      screenshot("failed-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
      throw new AssertionError(
          "Timed out after " + PATIENCE + " waiting until " + what + "; page: " + pageText(), e);
    }
  }

  private String pageText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null) {
      throw new IllegalStateException(name + " is not set: run the browser stories with -Pbrowser");
    }
    return value;
  }

  @Override
  public void close() {
    driver.quit();
  }
}
