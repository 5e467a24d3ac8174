package org.pruninglab.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A course in the browser: a student submits; the instructor moves the deadline into the past and
 * releases grades; the autograder makes the grade of record; a TA opens the gradebook, reviews the
 * submission and overrides its score with a comment, which the student then sees. Another student
 * who types the submission's address is refused, and the refusal is logged. First, before any
 * deadline moves, axe-core checks the main pages of students and staff.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GradebookBrowserIT {

  @TempDir static Path dataDir;

  private static LabServer server;
  private static Chromium chromium;

  @BeforeAll
  static void start() {
    server = LabServer.start(dataDir, "--lab.deadlines.sweep-interval=2s");
    chromium = new Chromium();
  }

  @AfterAll
  static void stop() {
    if (chromium != null) {
      chromium.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** alice's practice run of the starter code (both public tests fail), made by the first test. */
  private static String failedRun;

  @Test
  @Order(1)
  void the_main_pages_have_no_serious_or_critical_accessibility_violations() {
    List<Axe.Violation> found = new ArrayList<>();
    Page visitor = chromium.newPage();
    visitor.navigate(server.url("/login"));
    visitor.getByLabel("Username").waitFor();
    found.addAll(scan(visitor, "login", null));

    Page alice = chromium.newPage();
    Chromium.signInAndWait(alice, server, "alice", "demo-student");
    alice.navigate(server.url("/exercise/kthvalue"));
    alice.locator("lab-code-editor .cm-content").waitFor();
    alice.locator("#run-public").click();
    alice.waitForCondition(
        () ->
            alice.locator("#result-headline").count() > 0
                && alice.locator("#result h3").textContent().startsWith("Practice run"),
        new Page.WaitForConditionOptions().setTimeout(120_000));
    failedRun = alice.locator("#result").getAttribute("data-submission");
    alice.locator("lab-markdown[data-rendered]").waitFor();
    alice.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("History")).click();
    found.addAll(
        scan(
            alice,
            "exercise",
            "#history-grid vaadin-checkbox:has(input[aria-label='Select Row'])"));
    found.addAll(scan(alice, "/exercises", "#exercises a[data-exercise]"));
    found.addAll(scan(alice, "/submissions", "#submissions-grid"));
    found.addAll(scan(alice, "/leaderboard", "#leaderboard-page"));

    Page staff = chromium.newPage();
    Chromium.signInAndWait(staff, server, "instructor", "demo-instructor");
    found.addAll(scan(staff, "/gradebook", "#gradebook-page [data-cell]"));
    found.addAll(scan(staff, "/review/" + failedRun, "#review-page lab-code-editor .cm-content"));
    found.addAll(scan(staff, "/analytics", "#analytics-page"));
    found.addAll(scan(staff, "/deadlines", "#schedules"));
    found.addAll(scan(staff, "/roster", "#roster-grid"));
    found.addAll(scan(staff, "/backend", "#backend-page"));
    found.addAll(scan(staff, "/packs", "#packs-grid"));

    found.forEach(v -> System.out.println("axe: " + v));
    assertThat(found.stream().filter(Axe.Violation::seriousOrWorse).map(String::valueOf))
        .as("serious or critical WCAG 2.1 AA violations")
        .isEmpty();
  }

  @Test
  @Order(2)
  @SuppressWarnings("unchecked")
  void the_editor_says_how_to_leave_it_and_esc_then_tab_does() {
    Page alice = chromium.newPage();
    Chromium.signInAndWait(alice, server, "alice", "demo-student");
    alice.navigate(server.url("/exercise/kthvalue"));
    alice.locator("#code-editor .cm-content").waitFor();
    // The hint is linked to the editor's text box, in the same (shadow) tree as it.
    Map<String, Object> hint =
        (Map<String, Object>)
            alice.evaluate(
                "() => { const root = document.querySelector('#code-editor').shadowRoot;"
                    + " const id = root.querySelector('.cm-content').getAttribute('aria-describedby');"
                    + " const el = id && root.getElementById(id);"
                    + " return {text: el ? el.textContent : null,"
                    + " shown: !!el && el.getBoundingClientRect().height > 0}; }");
    assertThat(hint)
        .containsEntry("text", "Tab indents; Esc then Tab leaves the editor")
        .containsEntry("shown", true);
    String inEditor = "() => document.activeElement === document.querySelector('#code-editor')";
    alice.locator("#code-editor .cm-content").click();
    alice.keyboard().press("Tab");
    assertThat(alice.evaluate(inEditor)).as("Tab indents").isEqualTo(true);
    alice.keyboard().press("Escape");
    alice.keyboard().press("Tab");
    assertThat(alice.evaluate(inEditor)).as("Esc then Tab leaves").isEqualTo(false);
  }

  /**
   * Opens {@code path} (unless it is a name without "/"), waits for {@code ready} and the server,
   * and runs axe.
   */
  private static List<Axe.Violation> scan(Page page, String path, String ready) {
    if (path.startsWith("/")) {
      page.navigate(server.url(path));
    }
    if (ready != null) {
      page.locator(ready).first().waitFor();
    }
    page.waitForCondition(
        () ->
            (Boolean)
                page.evaluate(
                    "() => !!(window.Vaadin && Vaadin.Flow && Vaadin.Flow.clients) &&"
                        + " Object.values(Vaadin.Flow.clients).every(c => !c.isActive ||"
                        + " !c.isActive())"));
    return Axe.scan(page, path);
  }

  @Test
  @Order(3)
  void staff_see_a_results_tests_as_its_student_does_failures_marked_and_monospace() {
    Page ta = chromium.newPage();
    Chromium.signInAndWait(ta, server, "ta", "demo-ta-pass");
    ta.navigate(server.url("/review/" + failedRun));
    Locator failed = ta.locator("#result .test-row[data-passed='false']").first();
    failed.waitFor();
    Map<String, Object> staff = testRowStyle(failed);
    assertThat(staff.get("display")).isEqualTo("grid");
    assertThat(staff.get("background")).isNotEqualTo("rgba(0, 0, 0, 0)");
    assertThat((String) staff.get("messageFont")).contains("monospace");
    assertThat((Boolean) staff.get("pointsApart")).as("points in a column of their own").isTrue();
    failed.scrollIntoViewIfNeeded();
    Chromium.screenshot(ta, "review-tests");

    Page alice = chromium.newPage();
    Chromium.signInAndWait(alice, server, "alice", "demo-student");
    alice.navigate(server.url("/exercise/kthvalue"));
    Locator own = alice.locator("#result .test-row[data-passed='false']").first();
    own.waitFor();
    assertThat(testRowStyle(own)).isEqualTo(staff);
  }

  /** How a test's row is laid out: what tells a failure apart, and name and points apart. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> testRowStyle(Locator row) {
    return (Map<String, Object>)
        row.evaluate(
            "row => { const s = getComputedStyle(row);"
                + " const name = row.querySelector('.test-name').getBoundingClientRect();"
                + " const points = row.querySelector('.test-points').getBoundingClientRect();"
                + " const message = row.querySelector('.test-message');"
                + " return {display: s.display, background: s.backgroundColor,"
                + " messageFont: message ? getComputedStyle(message).fontFamily : '',"
                + " pointsApart: points.left >= name.right + 4}; }");
  }

  @Test
  @Order(4)
  void a_ta_overrides_a_score_and_the_student_sees_it() throws IOException {
    // alice submits the reference solution.
    Page alice = chromium.newPage();
    Chromium.signInAndWait(alice, server, "alice", "demo-student");
    alice.navigate(server.url("/exercise/kthvalue"));
    Locator editor = alice.locator("lab-code-editor .cm-content");
    editor.waitFor();
    editor.click();
    alice.keyboard().press("Control+A");
    alice
        .keyboard()
        .insertText(Files.readString(Path.of("grader/kthvalue/reference/KthvaluePruning.java")));
    alice.locator("#submit").click();
    alice.waitForCondition(
        () ->
            alice.locator("#result-headline").count() > 0
                && alice.locator("#result h3").textContent().startsWith("Submission"),
        new Page.WaitForConditionOptions().setTimeout(120_000));

    // The instructor moves the deadline to the coming minute (after alice's submission) and
    // releases the grades.
    java.time.ZonedDateTime due =
        java.time.Instant.now()
            .plusSeconds(70)
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
            .atZone(java.time.ZoneOffset.UTC);
    Page instructor = chromium.newPage();
    Chromium.signInAndWait(instructor, server, "instructor", "demo-instructor");
    instructor.navigate(server.url("/deadlines"));
    instructor.locator("[data-edit='kthvalue']").click();
    Locator date = instructor.locator("#schedule-due vaadin-date-picker input");
    date.fill(java.time.format.DateTimeFormatter.ofPattern("M/d/yyyy").format(due));
    date.press("Enter");
    Locator time = instructor.locator("#schedule-due vaadin-time-picker input");
    time.fill(java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(due));
    time.press("Enter");
    // A negative penalty is refused with the reason, and nothing is saved.
    instructor.locator("#schedule-percent input").fill("-5");
    instructor.locator("#schedule-save").click();
    instructor.waitForCondition(
        () -> instructor.locator("#schedule-error").textContent().contains("cannot be negative"));
    instructor.locator("#schedule-percent input").fill("0");
    instructor.locator("#schedule-save").click();
    instructor
        .locator("#schedules")
        .getByText(
            java.time.format.DateTimeFormatter.ofPattern(
                        "EEE d MMM yyyy, HH:mm", java.util.Locale.ENGLISH)
                    .format(due)
                + " (UTC)")
        .waitFor();
    instructor.locator("[data-release='kthvalue']").click();
    instructor.locator("#schedules").getByText(Pattern.compile("^released ")).first().waitFor();
    Chromium.screenshot(instructor, "deadlines");

    // The TA sees the grade of record (made by the autograder) in the gradebook and opens it.
    Page ta = chromium.newPage();
    Chromium.signInAndWait(ta, server, "ta", "demo-ta-pass");
    Locator cell = ta.locator("[data-cell='alice/kthvalue']");
    long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    do {
      ta.navigate(server.url("/gradebook"));
      cell.waitFor();
      if (cell.textContent().startsWith("26")) {
        break;
      }
      ta.waitForTimeout(1000);
    } while (System.nanoTime() < end);
    assertThat(cell.textContent()).startsWith("26");
    assertThat(ta.locator("#autograde-progress").textContent()).contains("kthvalue");
    Chromium.screenshot(ta, "gradebook");

    // The CSV download has alice's row with the same score.
    Download download = ta.waitForDownload(() -> ta.locator("#gradebook-csv").click());
    String csv = Files.readString(download.path(), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF\"username\",\"name\"");
    assertThat(csv).contains("\"alice\",\"Alice Student\",\"26\"");

    cell.locator("a").click();
    ta.locator("#grade-of-record").waitFor();
    assertThat(ta.locator("#grade-of-record").textContent()).startsWith("26 / 26");
    assertThat(ta.locator("#review-phases").textContent()).contains("queued", "done");
    assertThat(ta.locator("#review-graded-on").textContent())
        .startsWith("Graded on: cpu() on ")
        .endsWith("-web");
    ta.locator("lab-code-editor .cm-content").waitFor();
    String reviewUrl = ta.url();
    // Out of range: refused with a clear message.
    ta.locator("#override-score input").fill("30");
    ta.locator("#override-comment textarea").fill("Too much");
    ta.locator("#override-save").click();
    ta.waitForCondition(
        () -> ta.locator("#override-error").textContent().contains("between 0 and 26"));
    ta.locator("#override-score input").fill("20");
    ta.locator("#override-comment textarea")
        .fill("Your pruning mask ignores biases; see the note on Moodle — Zoë (TA).");
    ta.locator("#override-save").click();
    ta.waitForCondition(() -> ta.locator("#grade-of-record").textContent().startsWith("20 / 26"));
    assertThat(ta.locator("#audit").textContent()).contains("override", "ta");
    Chromium.screenshot(ta, "review");

    // alice sees the new score and the comment.
    alice.navigate(server.url("/exercises"));
    alice.waitForCondition(
        () -> alice.locator("[data-grade='kthvalue']").textContent().equals("20 / 26 (adjusted)"));
    alice.navigate(server.url("/exercise/kthvalue"));
    alice.locator("#exercise-grade").waitFor();
    assertThat(alice.locator("#exercise-grade").textContent())
        .contains("Grade: 20 / 26 (adjusted by staff)");
    assertThat(alice.locator("#grade-comment").textContent())
        .contains("Your pruning mask ignores biases; see the note on Moodle — Zoë (TA).");

    // bob types alice's submission's addresses: refused both ways, and logged.
    String id = reviewUrl.substring(reviewUrl.lastIndexOf('/') + 1);
    Page bob = chromium.newPage();
    Chromium.signInAndWait(bob, server, "bob", "demo-student");
    bob.navigate(server.url("/review/" + id));
    bob.locator("#access-denied").waitFor();
    bob.navigate(server.url("/exercise/kthvalue?open=" + id));
    bob.getByText("There is no submission #" + id + " of yours in this exercise.").waitFor();
    assertThat(bob.locator("#result-headline").count()).isZero();
    assertThat(server.log())
        .contains("Refused: bob")
        .contains("asked for /review/" + id)
        .contains("asked for submission " + id);
    ta.navigate(server.url("/gradebook"));
    ta.locator("#access-log").getByText("submission " + id).first().waitFor();
    assertThat(ta.locator("#access-log").textContent()).contains("bob");
  }
}
