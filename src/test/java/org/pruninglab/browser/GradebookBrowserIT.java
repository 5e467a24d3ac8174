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
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.TestFiles;

/**
 * A course in the browser: two students submit; the TA sees the best so far in brackets (and in the
 * CSV, marked as such); the instructor moves the deadline into the past and releases grades; the
 * autograder makes the grades of record; a TA opens the gradebook and the analytics, reviews the
 * submission and overrides its score with a comment, which the student then sees. Another student
 * who types the submission's address is refused, and the refusal is logged. Before any deadline
 * moves, axe-core checks the main pages of students and staff; at the end the course grows to ten
 * exercises, which still fit the gradebook at 1280 px.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Needs({Need.CHROMIUM, Need.SANDBOX})
@LabServers.Shared(GradebookBrowserIT.Course.class)
class GradebookBrowserIT {

  private static final List<String> EXERCISES =
      List.of("kthvalue", "mask-fine-tune", "filter-pruning");
  // Not the browser's zone nor UTC: the pickers must work in the course's.
  private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private static final Path PACKS = LabServers.folder(Course.class).resolve("packs");

  private static LabServer server;
  private static Chromium chromium;

  /**
   * The course of this class alone: copies of the packs (so that it can grow to ten exercises
   * later), deadlines swept every 2 s, packs checked every second, the course in {@link #ZONE}.
   */
  static final class Course implements LabServers.Family {
    @Override
    public LabServer start(Path folder) throws IOException {
      Path packs = folder.resolve("packs");
      for (String id : EXERCISES) {
        TestFiles.copyPack(id, packs, id);
      }
      return LabServer.start(
          folder.resolve("data"),
          "--lab.deadlines.sweep-interval=2s",
          "--lab.grading.exercises-dir=" + packs.resolve("exercises"),
          "--lab.grading.grader-dir=" + packs.resolve("grader"),
          "--lab.grading.pack-check-interval=1s",
          "--lab.time-zone=" + ZONE.getId());
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
    // bob submits a known-wrong variant (graded first), then alice the reference solution.
    Page bob = chromium.newPage();
    Chromium.signInAndWait(bob, server, "bob", "demo-student");
    submit(bob, Path.of("grader/kthvalue/wrong/exactly-k/KthvaluePruning.java"));
    bob.waitForCondition(
        () -> bob.locator("#result h3").first().textContent().startsWith("Submission"));
    Page alice = chromium.newPage();
    Chromium.signInAndWait(alice, server, "alice", "demo-student");
    submit(alice, Path.of("grader/kthvalue/reference/KthvaluePruning.java"));
    alice.waitForCondition(
        () ->
            alice.locator("#result-headline").count() > 0
                && alice.locator("#result h3").textContent().startsWith("Submission"),
        new Page.WaitForConditionOptions().setTimeout(120_000));

    // Before the deadline the TA sees the best so far in brackets, not counted in the total but
    // beside it, and the CSV has it marked as the best so far.
    Page ta = chromium.newPage();
    Chromium.signInAndWait(ta, server, "ta", "demo-ta-pass");
    Locator cell = ta.locator("[data-cell='alice/kthvalue']");
    // The page shows a submission as soon as it is queued; its score comes with its grading.
    long graded = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    do {
      ta.navigate(server.url("/gradebook"));
      cell.waitFor();
      if (cell.textContent().equals("(26)")) {
        break;
      }
      ta.waitForTimeout(1000);
    } while (System.nanoTime() < graded);
    assertThat(cell.textContent()).isEqualTo("(26)");
    assertThat(ta.locator("[data-total='alice']").innerText()).isEqualTo("0\n(26)");
    assertThat(ta.locator("[data-total='chen']").innerText()).isEqualTo("0");
    String early = csv(ta);
    assertThat(early)
        .contains("\"kthvalue (26)\",\"kthvalue status\",\"kthvalue late\"")
        .contains("\"total (60)\",\"total with best so far (60)\"\r\n")
        .contains("\"alice\",\"Alice Student\",\"26\",\"best so far\",\"\",\"\",\"\",")
        .contains(",\"0\",\"26\"\r\n");

    // Before the deadline: submitted (not "graded"), public tests only, every cell read in full
    // and the status a Lumo badge with its meaning as a tooltip.
    alice.navigate(server.url("/exercises"));
    alice.locator("#exercises [data-status='SUBMITTED']").waitFor();
    assertThat(alice.locator("[data-best='kthvalue']").textContent()).isEqualTo("2 / 2");
    assertThat(alice.locator("#exercises [data-status='SUBMITTED']").getAttribute("title"))
        .contains("graded with the hidden tests once your submissions close");
    assertThat(
            alice
                .locator("#exercises [data-status='SUBMITTED']")
                .evaluate(
                    "e => getComputedStyle(e).display + ' ' + getComputedStyle(e).borderRadius"))
        .as("styled as a Lumo badge")
        .asString()
        .startsWith("inline-flex ")
        .doesNotEndWith(" 0px");
    Chromium.assertNoCutOffText(alice, "#exercises");
    assertThat(alice.locator("#status-legend").textContent())
        .contains("awaiting release", "not submitted", "late", "practice");
    Chromium.screenshot(alice, "exercises-before-deadline");

    // The instructor moves the deadline to the coming minute (after alice's submission); grades
    // are released only later. The pickers show the pack's deadline (23:59 in Berlin) in the
    // course's time zone, on a 24-hour clock, in the format the pages use.
    ZonedDateTime due = Instant.now().plusSeconds(70).truncatedTo(ChronoUnit.MINUTES).atZone(ZONE);
    Page instructor = chromium.newPage();
    Chromium.signInAndWait(instructor, server, "instructor", "demo-instructor");
    instructor.navigate(server.url("/deadlines"));

    // The extension form: a typed name and Enter choose the student.
    Locator students = instructor.locator("#extension-students input");
    students.fill("alice");
    students.press("Enter");
    instructor
        .locator("#extension-students vaadin-multi-select-combo-box-chip")
        .getByText("alice (Alice Student)")
        .waitFor();
    students.fill("nobody-by-that-name");
    students.press("Enter");
    instructor.waitForCondition(
        () ->
            instructor
                .locator("#extension-error")
                .textContent()
                .contains("No student matches 'nobody-by-that-name'"));

    instructor.keyboard().press("Escape");
    instructor.locator("[data-edit='kthvalue']").click();
    Locator date = instructor.locator("#schedule-due vaadin-date-picker input");
    Locator time = instructor.locator("#schedule-due vaadin-time-picker input");
    instructor.waitForCondition(() -> !date.inputValue().isEmpty());
    assertThat(date.inputValue()).isEqualTo("Mon 14 Dec 2026");
    assertThat(time.inputValue()).isEqualTo("23:59");
    instructor.locator("#schedule-due vaadin-time-picker [part='toggle-button']").click();
    Locator hours = instructor.locator("vaadin-time-picker-item");
    hours.first().waitFor();
    assertThat(hours.allTextContents())
        .allMatch(h -> h.strip().matches("\\d\\d:\\d\\d"), "on a 24-hour clock");
    Chromium.screenshot(instructor, "deadlines-picker");
    instructor.keyboard().press("Escape");
    date.fill(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(due));
    date.press("Enter");
    time.fill(DateTimeFormatter.ofPattern("HH:mm").format(due));
    time.press("Enter");
    assertThat(date.inputValue())
        .isEqualTo(DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH).format(due));
    // A negative penalty is refused with the reason, and nothing is saved; the message goes
    // once the value is fixed.
    instructor.locator("#schedule-percent input").fill("-5");
    instructor.locator("#schedule-save").click();
    instructor.waitForCondition(
        () -> instructor.locator("#schedule-error").textContent().contains("cannot be negative"));
    instructor.locator("#schedule-percent input").fill("0");
    instructor.locator("#schedule-percent input").press("Tab");
    instructor.waitForCondition(
        () -> instructor.locator("#schedule-error").textContent().isEmpty());
    instructor.locator("#schedule-leaderboard").click();
    instructor.locator("#schedule-save").click();
    // A deadline less than an hour away: asked first.
    instructor.getByText(Pattern.compile("is less than an hour away")).first().waitFor();
    instructor.locator("#confirm-move-deadline").click();
    instructor
        .locator("#schedules")
        .getByText(DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH).format(due))
        .waitFor();

    // Releasing before the deadline warns; a release can be withdrawn, and that undone.
    instructor.locator("[data-release='kthvalue']").click();
    instructor.getByText(Pattern.compile("has not passed yet")).first().waitFor();
    Chromium.screenshot(instructor, "deadlines-release-confirm");
    instructor.locator("#confirm-release").click();
    instructor.locator("#schedules").getByText(Pattern.compile("^released ")).first().waitFor();
    withdrawRelease(instructor);
    instructor.locator("#undo-withdraw").click();
    instructor.locator("#schedules").getByText(Pattern.compile("^released ")).first().waitFor();
    // Withdrawn again: the grades are released only after the autograder has made them.
    withdrawRelease(instructor);

    // The TA sees the grade of record (made by the autograder) in the gradebook and opens it.
    long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    do {
      ta.navigate(server.url("/gradebook"));
      cell.waitFor();
      if (ta.locator("#autograde-progress").textContent().contains("kthvalue 3/3 graded;")) {
        break;
      }
      ta.waitForTimeout(1000);
    } while (System.nanoTime() < end);
    assertThat(ta.locator("#autograde-progress").textContent()).contains("kthvalue 3/3 graded;");
    assertThat(cell.textContent()).startsWith("26");
    // Graded but not released: alice sees no score, best, headline or row that counts a hidden
    // test, and the status says what it means.
    alice.navigate(server.url("/exercises"));
    alice.locator("#exercises [data-status='AWAITING_RELEASE']").waitFor();
    assertThat(alice.locator("[data-grade='kthvalue']").textContent())
        .isEqualTo("not yet released");
    assertThat(alice.locator("[data-best='kthvalue']").textContent()).isEqualTo("2 / 2");
    assertThat(alice.locator("[data-latest='kthvalue']").textContent()).isEqualTo("2 / 2");
    Chromium.assertNoCutOffText(alice, "#exercises");
    Chromium.screenshot(alice, "exercises-unreleased");
    alice.navigate(server.url("/exercise/kthvalue"));
    alice.locator("#result-headline").waitFor();
    assertThat(alice.locator("#result-headline").textContent())
        .isEqualTo("All 2 public tests passed.");
    assertThat(alice.locator("#result-score").textContent()).startsWith("Score: 2 / 2");
    assertThat(alice.locator("#result-tests").textContent()).doesNotContain("(hidden test)");
    assertThat(alice.locator("#result-withheld").textContent())
        .isEqualTo("16 hidden tests are shown when grades are released.");
    assertThat(alice.locator("#exercise-grade").textContent())
        .contains("Grading complete, not yet released.");
    Chromium.screenshot(alice, "exercise-unreleased");

    instructor.navigate(server.url("/deadlines"));
    instructor.locator("[data-release='kthvalue']").click();
    instructor.locator("#confirm-release").click();
    instructor.locator("#schedules").getByText(Pattern.compile("^released ")).first().waitFor();
    Chromium.assertNoCutOffText(instructor, "#schedules");
    Chromium.screenshot(instructor, "deadlines");

    // bob's known-wrong variant fails two hidden tests.
    String bobsScore = ta.locator("[data-cell='bob/kthvalue']").textContent();
    assertThat(bobsScore).matches("\\d+").isNotIn("0", "26");
    assertThat(ta.locator("[data-total='bob']").innerText()).isEqualTo(bobsScore);
    // Short headers with the full title on hover; every column in view, nothing to scroll.
    assertThat(headers(ta))
        .containsExactly(
            "Student", "kthvalue (26)", "mask-fine-tune (15)", "filter-pruning (19)", "Total (60)");
    assertThat(ta.locator("#gradebook [data-header][title^='Magnitude pruning']").count()).isOne();
    assertThat(ta.locator("[data-total='alice']").innerText()).isEqualTo("26");
    assertNoSidewaysScrolling(ta);
    Chromium.screenshot(ta, "gradebook");

    // The CSV download has the grid's columns, alice's grade of record marked as such.
    String csv = csv(ta);
    assertThat(csv).startsWith("\uFEFF\"username\",\"name\",\"kthvalue (26)\"");
    assertThat(csv)
        .contains("\"alice\",\"Alice Student\",\"26\",\"grade of record\",\"\",\"\",\"\",")
        .contains("\"chen\",\"Chen Student\",\"0\",\"no submission\",");

    // Analytics: every chart its own title, axis names, whole-number ticks; plurals right.
    ta.navigate(server.url("/analytics"));
    Locator scores = ta.locator("[data-picture='score-distribution'] svg");
    scores.waitFor();
    assertThat(scores.locator("text.title").textContent())
        .isEqualTo("Scores in kthvalue: 3 students");
    assertThat(scores.locator("text.x-axis").textContent())
        .isEqualTo("score (points out of 26, fractions rounded down)");
    assertThat(scores.locator("text.y-axis").textContent()).isEqualTo("students");
    assertThat(scores.locator("text.x-tick").first().textContent()).isEqualTo("0");
    assertThat(scores.locator("text.x-tick").last().textContent()).isEqualTo("26");
    assertThat(scores.locator("text.y-tick").allTextContents()).containsExactly("0", "1");
    assertThat(scores.locator("text.count").allTextContents()).containsExactly("1", "1", "1");
    Locator perStudent = ta.locator("[data-picture='submissions-per-student'] svg");
    assertThat(perStudent.locator("text.title").textContent())
        .isEqualTo("Submissions per student in kthvalue: 3 students");
    assertThat(perStudent.locator("text.x-axis").textContent()).isEqualTo("submissions made");
    assertThat(perStudent.locator("text.y-axis").textContent()).isEqualTo("students");
    assertThat(perStudent.locator("text.x-tick").allTextContents()).containsExactly("0", "1");
    assertThat(perStudent.locator("text.y-tick").allTextContents()).containsExactly("0", "1", "2");
    Locator pareto = ta.locator("[data-picture='pareto'] svg");
    assertThat(pareto.locator("text.title").textContent())
        .isEqualTo("Best pruning result per student: sparsity vs test accuracy");
    assertThat(pareto.locator("text.x-axis").textContent())
        .isEqualTo("sparsity (% of weights that are zero)");
    assertThat(pareto.locator("text.y-axis").textContent()).isEqualTo("test accuracy (%)");
    String page = ta.locator("#analytics-page").innerText();
    assertThat(page).contains("3 students of 3 with a score").doesNotContain(" 1 students");
    assertThat(page).doesNotContainPattern("weights, \\d+ exactly zero|weight value");
    // The page scrolls inside the layout, so a tall window shows all of it in one picture.
    ta.setViewportSize(1280, 1900);
    Chromium.screenshot(ta, "analytics");
    ta.setViewportSize(1280, 800);

    ta.navigate(server.url("/gradebook"));

    cell.locator("a").click();
    ta.locator("#grade-of-record").waitFor();
    assertThat(ta.locator("#grade-of-record").textContent()).startsWith("26 / 26");
    assertThat(ta.locator("#review-phases").textContent()).contains("queued", "done");
    assertThat(ta.locator("#review-graded-on").textContent())
        .startsWith("Graded on: CPU on ")
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
        () -> alice.locator("[data-grade='kthvalue']").textContent().equals("20 / 26"));
    assertThat(alice.locator("#exercises [data-badge='adjusted']").count()).isEqualTo(1);
    assertThat(alice.locator("#exercises [data-status='GRADED']").count()).isEqualTo(1);
    assertThat(alice.locator("[data-best='kthvalue']").textContent()).isEqualTo("26 / 26");
    Chromium.assertNoCutOffText(alice, "#exercises");
    Chromium.screenshot(alice, "exercises-released");
    alice.navigate(server.url("/exercise/kthvalue"));
    alice.locator("#exercise-grade").waitFor();
    assertThat(alice.locator("#result-headline").textContent()).isEqualTo("All 18 tests passed.");
    assertThat(alice.locator("#exercise-grade").textContent())
        .contains("Grade: 20 / 26 (adjusted by staff)");
    assertThat(alice.locator("#grade-comment").textContent())
        .contains("Your pruning mask ignores biases; see the note on Moodle — Zoë (TA).");

    // alice opens the leaderboard: her line under her pseudonym, no one's name, no stack trace, and
    // the page fits the window.
    alice.navigate(server.url("/leaderboard"));
    alice.locator("#leaderboard").getByText(Pattern.compile("\\(you\\)$")).waitFor();
    String board = alice.locator("#leaderboard-page").textContent();
    assertThat(board).contains("1", "%").doesNotContain("alice", "Alice", "bob", "chen");
    assertThat(alice.content()).doesNotContain("Exception", "at org.");
    assertThat(
            (Boolean)
                alice.evaluate(
                    "() => document.scrollingElement.scrollWidth"
                        + " <= document.scrollingElement.clientWidth && document"
                        + ".getElementById('leaderboard-page').getBoundingClientRect().right"
                        + " <= window.innerWidth"))
        .as("no sideways scrolling at 1280 px")
        .isTrue();
    Chromium.screenshot(alice, "leaderboard-student");

    // bob types alice's submission's addresses: refused both ways, and logged.
    String id = reviewUrl.substring(reviewUrl.lastIndexOf('/') + 1);
    bob.navigate(server.url("/review/" + id));
    bob.locator("#access-denied").waitFor();
    bob.navigate(server.url("/exercise/kthvalue?open=" + id));
    bob.getByText("There is no submission #" + id + " of yours in this exercise.").waitFor();
    // bob's page shows none of alice's submission (his own result may show).
    assertThat(bob.locator("[data-submission='" + id + "']").count()).isZero();
    assertThat(server.log())
        .contains("Refused: bob")
        .contains("asked for /review/" + id)
        .contains("asked for submission " + id);
    ta.navigate(server.url("/gradebook"));
    ta.locator("#access-log").getByText("submission " + id).first().waitFor();
    assertThat(ta.locator("#access-log").textContent()).contains("bob");

    // A mistyped review address is "no such submission", never an error page.
    ta.navigate(server.url("/review/abc"));
    ta.getByText("No such submission").waitFor();
    assertThat(ta.content()).doesNotContain("Error id", "Exception");
  }

  @Test
  @Order(5)
  void ten_exercises_and_the_total_fit_the_gradebook_at_1280_px() throws IOException {
    // Seven more packs (copies of kthvalue without its known-wrong variants), each moved into
    // place whole so that the pack watcher never sees half a folder.
    Path staging = Files.createDirectories(PACKS.resolveSibling("staging"));
    for (int n = 4; n <= 10; n++) {
      String id = "extra-" + n;
      TestFiles.copy(Path.of("exercises/kthvalue"), staging.resolve("exercises").resolve(id));
      for (String part : List.of("tests", "reference")) {
        TestFiles.copy(
            Path.of("grader/kthvalue", part), staging.resolve("grader").resolve(id).resolve(part));
      }
      Path meta = staging.resolve("exercises").resolve(id).resolve("exercise.json");
      Files.writeString(
          meta,
          Files.readString(meta)
              .replace("\"kthvalue\"", "\"" + id + "\"")
              .replace(
                  "\"Magnitude pruning with a kthvalue threshold\"", "\"Extra exercise " + n + "\"")
              .replace("\"order\": 1", "\"order\": " + n));
      Files.move(staging.resolve("grader").resolve(id), PACKS.resolve("grader").resolve(id));
      Files.move(staging.resolve("exercises").resolve(id), PACKS.resolve("exercises").resolve(id));
    }
    Page ta = chromium.newPage();
    Chromium.signInAndWait(ta, server, "ta", "demo-ta-pass");
    long end = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    do {
      ta.navigate(server.url("/gradebook"));
      ta.locator("[data-cell='alice/kthvalue']").waitFor();
      // Ten exercise columns beside the student column(s) and the total.
      if (ta.locator("#gradebook vaadin-grid-column").count() >= 12) {
        break;
      }
      ta.waitForTimeout(1000);
    } while (System.nanoTime() < end);
    assertNoSidewaysScrolling(ta);
    assertThat(ta.locator("#gradebook vaadin-grid-column").count()).isEqualTo(12);
    List<String> headers = headers(ta);
    assertThat(headers).startsWith("Student", "kthvalue (26)").endsWith("Total (242)");
    assertThat(headers.get(10)).isEqualTo("extra-10 (26)");
    assertThat(
            ta.locator("#gradebook [data-header][title='Extra exercise 10 (26 points)']").count())
        .isOne();
    Chromium.screenshot(ta, "gradebook-ten-exercises");
    String csv = csv(ta);
    assertThat(csv.lines().findFirst().orElseThrow())
        .contains("\"extra-10 (26)\",\"extra-10 status\"")
        .endsWith("\"total (242)\",\"total with best so far (242)\"");
  }

  private static void submit(Page page, Path file) throws IOException {
    page.navigate(server.url("/exercise/kthvalue"));
    Locator editor = page.locator("lab-code-editor .cm-content");
    editor.waitFor();
    editor.click();
    page.keyboard().press("Control+A");
    page.keyboard().insertText(Files.readString(file));
    page.locator("#submit").click();
  }

  /** The instructor withdraws kthvalue's release, confirms, and the schedule says so. */
  private static void withdrawRelease(Page instructor) {
    instructor.locator("[data-withdraw='kthvalue']").click();
    instructor.locator("#confirm-withdraw").click();
    instructor
        .locator("#schedules")
        .getByText(Pattern.compile("^not released \\(withdrawn .* by instructor\\)"))
        .waitFor();
  }

  private static String csv(Page ta) throws IOException {
    Download download = ta.waitForDownload(() -> ta.locator("#gradebook-csv").click());
    return Files.readString(download.path(), StandardCharsets.UTF_8);
  }

  /** The gradebook's column headers as shown, left to right. */
  private static List<String> headers(Page ta) {
    @SuppressWarnings("unchecked")
    List<String> texts =
        (List<String>)
            ta.evaluate(
                "() => [...document.querySelectorAll('#gradebook [data-header]')]"
                    + ".sort((a, b) => a.getBoundingClientRect().left -"
                    + " b.getBoundingClientRect().left).map(h => h.textContent)");
    return texts;
  }

  /**
   * Neither the page nor the grid's own scroller is wider than what shows, and the last column's
   * right edge is inside the grid.
   */
  private static void assertNoSidewaysScrolling(Page ta) {
    Object widths =
        ta.evaluate(
            "() => { const d = document.scrollingElement; const g ="
                + " document.querySelector('#gradebook'); const t ="
                + " g.shadowRoot.querySelector('#table'); const total ="
                + " g.querySelector('[data-header^=\"Total\"]'); return {page:"
                + " d.scrollWidth - d.clientWidth, grid: t.scrollWidth - t.clientWidth, lastRight:"
                + " total ? Math.round(total.getBoundingClientRect().right) : 1e9, gridRight:"
                + " Math.round(g.getBoundingClientRect().right)}; }");
    @SuppressWarnings("unchecked")
    Map<String, Number> w = (Map<String, Number>) widths;
    assertThat(w.get("page").intValue()).as("the page scrolls sideways by").isLessThanOrEqualTo(0);
    assertThat(w.get("grid").intValue()).as("the grid scrolls sideways by").isLessThanOrEqualTo(0);
    assertThat(w.get("lastRight").intValue())
        .as("the total column's right edge")
        .isLessThanOrEqualTo(w.get("gridRight").intValue());
  }
}
