package org.pruninglab.browser;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.util.Locale;
import java.util.regex.Pattern;

/** The roster page as the browser tests work it. */
final class Roster {

  private Roster() {}

  /** Signs in as the demo instructor on a fresh page and opens the roster. */
  static Page openAsInstructor(Chromium chromium, LabServer server) {
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "instructor", "demo-instructor");
    page.navigate(server.url("/roster"));
    page.locator("#roster-upload").waitFor();
    return page;
  }

  /** Adds one account with the form and waits until the list shows it. */
  static void addAccount(Page page, String username, String displayName) {
    page.locator("#add-account").click();
    page.locator("#new-username input").fill(username);
    page.locator("#new-display-name input").fill(displayName);
    page.locator("#new-email input").fill(username + "@example.org");
    page.locator("#save-account").click();
    filter(page, username);
    cell(page, displayName).waitFor();
  }

  /**
   * The cell of the list in view that shows exactly {@code text}: after a filter the grid keeps the
   * cells of the rows it hides, so a plain text search may find a hidden twin.
   */
  static Locator cell(Page page, String text) {
    // Escaped by hand: Playwright hands the pattern to JavaScript, which knows no \Q…\E.
    String escaped = text.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0");
    return page.locator("#roster-grid vaadin-grid-cell-content:visible")
        .filter(new Locator.FilterOptions().setHasText(Pattern.compile("^" + escaped + "$")));
  }

  /**
   * Shows only the accounts that match, and waits until every row shown does: the grid renders only
   * the rows in view, the tests that share a server add many accounts, and a click on a row of the
   * list before the filter would land on the wrong account.
   */
  static void filter(Page page, String text) {
    var input = page.locator("#roster-filter input");
    input.fill(text);
    input.press("Enter");
    if (!text.isEmpty()) {
      page.waitForCondition(
          () ->
              (Boolean)
                  page.locator("#roster-grid")
                      .evaluate(
                          "(g, q) => { const rows = [...g.shadowRoot.querySelectorAll('#items tr')]"
                              + ".filter(r => !r.hidden).map(r => [...r.querySelectorAll('slot')]"
                              + ".map(s => s.assignedElements().map(e => e.textContent).join(' '))"
                              + ".join(' ').toLowerCase());"
                              + " return rows.length > 0 && rows.every(t => t.includes(q)); }",
                          text.toLowerCase(Locale.ROOT)));
    }
  }
}
