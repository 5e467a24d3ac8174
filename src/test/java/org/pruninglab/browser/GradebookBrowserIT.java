package org.pruninglab.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A course in the browser: a student submits; the instructor moves the deadline into the past and
 * releases grades; the autograder makes the grade of record; a TA opens the gradebook, reviews the
 * submission and overrides its score with a comment, which the student then sees. Another student
 * who types the submission's address is refused, and the refusal is logged.
 */
class GradebookBrowserIT {

  // Not the browser's zone nor UTC: the pickers must work in the course's.
  private static final java.time.ZoneId ZONE = java.time.ZoneId.of("Europe/Berlin");

  @TempDir static Path dataDir;

  private static LabServer server;
  private static Chromium chromium;

  @BeforeAll
  static void start() {
    server =
        LabServer.start(
            dataDir, "--lab.deadlines.sweep-interval=2s", "--lab.time-zone=" + ZONE.getId());
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

  @Test
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
    // releases the grades. The pickers show the pack's deadline (23:59 in Berlin) in the
    // course's time zone, on a 24-hour clock, in the format the pages use.
    java.time.ZonedDateTime due =
        java.time.Instant.now()
            .plusSeconds(70)
            .truncatedTo(java.time.temporal.ChronoUnit.MINUTES)
            .atZone(ZONE);
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
    date.fill(
        java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).format(due));
    date.press("Enter");
    time.fill(java.time.format.DateTimeFormatter.ofPattern("HH:mm").format(due));
    time.press("Enter");
    assertThat(date.inputValue())
        .isEqualTo(
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH)
                .format(due));
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
    instructor.locator("#schedule-save").click();
    // A deadline less than an hour away: asked first.
    instructor.getByText(Pattern.compile("is less than an hour away")).first().waitFor();
    instructor.locator("#confirm-move-deadline").click();
    instructor
        .locator("#schedules")
        .getByText(
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH)
                .format(due))
        .waitFor();

    // Releasing before the deadline warns; a release can be withdrawn, and that undone.
    instructor.locator("[data-release='kthvalue']").click();
    instructor.getByText(Pattern.compile("has not passed yet")).first().waitFor();
    Chromium.screenshot(instructor, "deadlines-release-confirm");
    instructor.locator("#confirm-release").click();
    instructor.locator("#schedules").getByText(Pattern.compile("^released ")).first().waitFor();
    instructor.locator("[data-withdraw='kthvalue']").click();
    instructor.locator("#confirm-withdraw").click();
    instructor
        .locator("#schedules")
        .getByText(Pattern.compile("^not released \\(withdrawn .* by instructor\\)"))
        .waitFor();
    instructor.locator("#undo-withdraw").click();
    instructor.locator("#schedules").getByText(Pattern.compile("^released ")).first().waitFor();
    Chromium.assertNoCutOffText(instructor, "#schedules");
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
