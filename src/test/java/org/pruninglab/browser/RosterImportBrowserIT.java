package org.pruninglab.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;

/** The instructor imports a roster CSV in the browser: all or nothing, and idempotent. */
@Needs(Need.CHROMIUM)
@LabServers.Shared(LabServers.DemoCourse.class)
class RosterImportBrowserIT {

  @TempDir static Path files;

  private static LabServer server;
  private static Chromium chromium;

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
            x, ,bad,dean
            """);
    Page page = Roster.openAsInstructor(chromium, server);

    upload(page, csv);

    page.locator("#roster-problems").waitFor();
    // Every problem of every line, the last line's four at once.
    assertThat(page.locator("#import-problems-heading").textContent())
        .contains("8 problems on 5 lines", "Nothing was imported");
    String problems = page.locator("#roster-problems").textContent();
    assertThat(problems)
        .contains("'not-an-email' is not an email address")
        .contains("role 'professor' is not one of STUDENT, TA, INSTRUCTOR")
        .contains("username 'dana' appears twice (first on line 2)")
        .contains("expected 4 fields")
        .contains("username 'x' must be 2 to 64 characters")
        .contains("display name is empty")
        .contains("'bad' is not an email address")
        .contains("role 'dean' is not one of STUDENT, TA, INSTRUCTOR");
    Chromium.assertNoCutOffText(page, "#roster-problems");
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
    Page page = Roster.openAsInstructor(chromium, server);

    upload(page, csv);
    assertThat(summary(page)).startsWith("2 new, 0 changed, 0 unchanged");
    page.locator("#apply-import").click();
    page.locator("#import-result").waitFor();
    assertThat(page.locator("#import-result").textContent()).startsWith("Imported: 2 created");
    Roster.filter(page, "hana");
    Roster.cell(page, "Hana Ōkubo").waitFor();
    Roster.filter(page, "ivan");
    Roster.cell(page, "Ivan, the TA").waitFor();

    Page again = Roster.openAsInstructor(chromium, server);
    upload(again, csv);
    assertThat(summary(again)).startsWith("0 new, 0 changed, 2 unchanged");
  }

  @Test
  void a_course_of_200_gets_one_time_passwords_at_once_downloadable_only_then() throws IOException {
    StringBuilder course = new StringBuilder("username,display name,email,role\n");
    for (int i = 0; i < 200; i++) {
      course.append(
          String.format("course%03d,Student %d,course%03d@example.org,student%n", i, i, i));
    }
    Page page = Roster.openAsInstructor(chromium, server);
    upload(page, write("course.csv", course.toString()));
    assertThat(summary(page)).startsWith("200 new");
    page.locator("#apply-import").click();
    page.locator("#import-result").waitFor();

    // A selection: three accounts ticked in the list.
    Roster.filter(page, "course00");
    Roster.cell(page, "course009").waitFor();
    Chromium.assertNoCutOffText(page, "#roster-grid");
    Locator ticks =
        page.locator("#roster-grid vaadin-checkbox:visible:not(.vaadin-grid-select-all-checkbox)");
    for (int i = 0; i < 3; i++) {
      ticks.nth(i).click();
    }
    page.waitForCondition(() -> page.locator("#issue-selected").textContent().contains("(3)"));
    page.locator("#issue-selected").click();
    page.locator("#confirm-issue-passwords").click();
    page.locator("#issued-passwords-grid")
        .getByText(Pattern.compile("^course00"))
        .first()
        .waitFor();
    assertThat(page.locator("#passwords-once").textContent())
        .contains("Shown only now", "not stored in clear", "gone once you close");
    Chromium.assertNoCutOffText(page, "#issued-passwords-grid");
    Chromium.screenshot(page, "roster-bulk-passwords");
    List<String> selected = csvLines(page);
    assertThat(selected).hasSize(4);
    assertThat(selected.get(0))
        .isEqualTo("\uFEFF\"username\",\"display name\",\"one-time password\"");
    assertThat(selected.subList(1, 4))
        .allMatch(l -> l.matches("\"course00(\\d)\",\"Student \\1\",\"[A-Za-z2-9]{16}\""));
    List<String> chosen = selected.subList(1, 4).stream().map(l -> l.split(",")[0]).toList();
    page.locator("#passwords-done").click();
    page.locator("#issued-passwords")
        .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED));

    // All new accounts: the other 197 (and any other account without a password yet).
    Roster.filter(page, "");
    page.waitForCondition(() -> !page.locator("#issue-new").textContent().contains("(0)"));
    String count = page.locator("#issue-new").textContent().replaceAll("\\D", "");
    assertThat(Integer.parseInt(count)).isGreaterThanOrEqualTo(197);
    page.locator("#issue-new").click();
    page.locator("#confirm-issue-passwords").click();
    page.locator("#issued-passwords-grid").waitFor();
    List<String> all = csvLines(page);
    assertThat(all).hasSize(Integer.parseInt(count) + 1);
    assertThat(String.join("\n", all)).contains("\"course199\"").doesNotContain(chosen);
    Page sheet = page.context().waitForPage(() -> page.locator("#passwords-sheet").click());
    sheet.waitForLoadState();
    assertThat(sheet.locator("body").textContent())
        .contains("One-time passwords", "course199", "Student 199", "choose your own password");
    String line199 =
        all.stream().filter(l -> l.startsWith("\"course199\"")).findFirst().orElseThrow();
    String password199 = line199.substring(line199.lastIndexOf(",\"") + 2, line199.length() - 1);
    page.locator("#passwords-done").click();

    // The passwords work (and must be replaced at once).
    Page student = chromium.newPage();
    Chromium.signIn(student, server, "course199", password199);
    student.locator("#must-change-notice").waitFor();
  }

  @Test
  void a_file_over_the_size_limit_is_refused_with_a_message() throws IOException {
    Path big = write("huge.csv", "x".repeat(1_048_577));
    Page page = Roster.openAsInstructor(chromium, server);

    upload(page, big);

    var notice =
        page.locator("vaadin-notification-card")
            .filter(new Locator.FilterOptions().setHasText("The file was refused"));
    notice.waitFor();
    assertThat(notice.textContent()).contains("at most 1048576 bytes");
    assertThat(page.locator("#import-summary").count()).isZero();
  }

  private static void upload(Page page, Path csv) {
    page.locator("#roster-upload input[type=file]").setInputFiles(csv);
  }

  private static String summary(Page page) {
    page.locator("#import-summary").waitFor();
    return page.locator("#import-summary").textContent();
  }

  private static List<String> csvLines(Page page) throws IOException {
    Download csv = page.waitForDownload(() -> page.locator("#passwords-csv").click());
    return Files.readString(csv.path(), StandardCharsets.UTF_8).lines().toList();
  }

  private static Path write(String name, String content) throws IOException {
    return Files.writeString(files.resolve(name), content, StandardCharsets.UTF_8);
  }
}
