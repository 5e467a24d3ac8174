package org.pruninglab.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The instructor imports a roster CSV in the browser: all or nothing, and idempotent. */
class RosterImportBrowserIT {

  @TempDir static Path dataDir;
  @TempDir static Path files;

  private static LabServer server;
  private static Chromium chromium;

  @BeforeAll
  static void startAppAndBrowser() {
    server = LabServer.start(dataDir);
    chromium = new Chromium();
  }

  @AfterAll
  static void stopAppAndBrowser() {
    if (chromium != null) {
      chromium.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void a_bad_file_shows_every_problem_by_line_and_imports_nothing() throws IOException {
    Path csv =
        write(
            "bad.csv",
            """
            username,display name,email,role
            dana,Dana Good,dana@example.org,student
            eve,Eve Bad,not-an-email,student
            frank,Frank Bad,frank@example.org,professor
            dana,Dana Again,dana2@example.org,student
            gus,Gus Short,gus@example.org
            """);
    Page page = rosterAsInstructor();

    upload(page, csv);

    page.locator("#roster-problems").waitFor();
    assertThat(page.locator("#import-problems-heading").textContent())
        .contains("4 problems", "Nothing was imported");
    String problems = page.locator("#roster-problems").textContent();
    assertThat(problems)
        .contains("'not-an-email' is not an email address")
        .contains("role 'professor' is not one of STUDENT, TA, INSTRUCTOR")
        .contains("username 'dana' appears twice (first on line 2)")
        .contains("expected 4 fields");
    assertThat(page.locator("#apply-import").count()).isZero();
    Chromium.screenshot(page, "roster-import-problems");

    page.reload();
    page.locator("#roster-grid").waitFor();
    assertThat(page.locator("#roster-grid").textContent()).doesNotContain("dana", "Dana Good");
  }

  @Test
  void a_good_file_is_previewed_imported_and_a_second_import_changes_nothing() throws IOException {
    Path csv =
        write(
            "good.csv",
            """
            username,display name,email,role
            hana,"Hana Ōkubo",hana@example.org,STUDENT
            ivan,"Ivan, the TA",ivan@example.org,ta
            """);
    Page page = rosterAsInstructor();

    upload(page, csv);
    assertThat(summary(page)).startsWith("2 new, 0 changed, 0 unchanged");
    page.locator("#apply-import").click();
    page.locator("#import-result").waitFor();
    assertThat(page.locator("#import-result").textContent()).startsWith("Imported: 2 created");
    assertThat(page.locator("#roster-grid").textContent()).contains("Hana Ōkubo", "Ivan, the TA");

    Page again = rosterAsInstructor();
    upload(again, csv);
    assertThat(summary(again)).startsWith("0 new, 0 changed, 2 unchanged");
  }

  @Test
  void a_file_over_the_size_limit_is_refused_with_a_message() throws IOException {
    Path big = write("huge.csv", "x".repeat(1_048_577));
    Page page = rosterAsInstructor();

    upload(page, big);

    var notice =
        page.locator("vaadin-notification-card")
            .filter(
                new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText("The file was refused"));
    notice.waitFor();
    assertThat(notice.textContent()).contains("at most 1048576 bytes");
    assertThat(page.locator("#import-summary").count()).isZero();
  }

  private Page rosterAsInstructor() {
    Page page = chromium.newPage();
    Chromium.signInAndWait(page, server, "instructor", "demo-instructor");
    page.navigate(server.url("/roster"));
    page.locator("#roster-upload").waitFor();
    return page;
  }

  private static void upload(Page page, Path csv) {
    page.locator("#roster-upload input[type=file]").setInputFiles(csv);
  }

  private static String summary(Page page) {
    page.locator("#import-summary").waitFor();
    return page.locator("#import-summary").textContent();
  }

  private static Path write(String name, String content) throws IOException {
    return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
  }
}
