package org.pruninglab.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ScreenshotAnimations;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.pruninglab.Environment;
import org.pruninglab.TestFiles;

/**
 * Playwright driving Debian's Chromium (no browser download), headless; one for the whole test run
 * ({@link LabServers}), each page in a context of its own.
 */
final class Chromium implements AutoCloseable {

  private final Playwright playwright;
  private final Browser browser;
  private final List<BrowserContext> contexts = new ArrayList<>();

  Chromium() {
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(Environment.CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run")));
  }

  /** A fresh page in a fresh context: no cookies shared with other pages. */
  Page newPage() {
    BrowserContext context =
        browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800));
    context.setDefaultTimeout(30_000);
    contexts.add(context);
    return context.newPage();
  }

  /** Closes every page opened so far (at the end of each test class). */
  void closePages() {
    contexts.forEach(BrowserContext::close);
    contexts.clear();
  }

  /** Fills in the sign-in form and submits it; does not check the outcome. */
  static void signIn(Page page, LabServer server, String username, String password) {
    page.navigate(server.url("/login"));
    page.getByLabel("Username").fill(username);
    page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
  }

  /** Signs in and waits for the shell (the navigation) to appear. */
  static void signInAndWait(Page page, LabServer server, String username, String password) {
    signIn(page, server, username, password);
    page.locator("#main-nav").waitFor();
  }

  /** Saves what the page shows to {@code target/screenshots/NAME.png}, for people to look at. */
  static void screenshot(Page page, String name) {
    Path dir = TestFiles.projectDir().resolve("target/screenshots");
    // Animations finished first: a dialog that is still fading in would show half transparent.
    page.screenshot(
        new Page.ScreenshotOptions()
            .setPath(dir.resolve(name + ".png"))
            .setAnimations(ScreenshotAnimations.DISABLED));
  }

  /** No cell of the grid shows less than its text: no ellipsis, nothing hidden sideways. */
  static void assertNoCutOffText(Page page, String grid) {
    Object cut =
        page.locator(grid)
            .evaluate(
                "g => [...g.querySelectorAll('vaadin-grid-cell-content')]"
                    + ".filter(c => c.offsetParent && c.scrollWidth > c.clientWidth + 1)"
                    + ".map(c => c.textContent)");
    Assertions.assertThat((List<?>) cut)
        .as("cells of " + grid + " whose text is cut off")
        .isEmpty();
    Object sideways =
        page.locator(grid)
            .evaluate(
                "g => { const t = g.shadowRoot.querySelector('#table');"
                    + " return t.scrollWidth > t.clientWidth + 1; }");
    Assertions.assertThat(sideways).as(grid + " scrolls sideways").isEqualTo(false);
    Assertions.assertThat(
            page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
        .as("the page scrolls sideways")
        .isEqualTo(true);
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
