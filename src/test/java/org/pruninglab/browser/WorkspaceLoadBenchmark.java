package org.pruninglab.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Load on the student pages, not part of the build ({@code mvn -B verify
 * -Dit.test=WorkspaceLoadBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false}): the app
 * on loopback with {@code bench.students} (100) demo students who sign in one after another, open
 * the exercise page in headless Chromium and save their draft {@code bench.rounds} (3) times, with
 * up to {@code bench.open} (25) pages open at once; every tenth student submits instead, so grading
 * runs throughout. Server time per request comes from Tomcat's access log; the table goes to {@code
 * target/workspace-load.md}.
 */
class WorkspaceLoadBenchmark {

  @TempDir Path dataDir;

  @Test
  void students_open_pages_and_save_drafts_while_grading_runs() throws IOException {
    int students = Integer.getInteger("bench.students", 100);
    int rounds = Integer.getInteger("bench.rounds", 3);
    int open = Integer.getInteger("bench.open", 25);
    Path accessLog = dataDir.resolve("access");
    String reference = Files.readString(Path.of("grader/kthvalue/reference/KthvaluePruning.java"));
    long started;
    long opened;
    long finished;
    int submitted = 0;
    try (LabServer server =
            LabServer.start(
                dataDir,
                "--server.address=127.0.0.1",
                "--lab.demo.extra-students=" + students,
                "--server.tomcat.accesslog.enabled=true",
                "--server.tomcat.accesslog.directory=" + accessLog,
                "--server.tomcat.accesslog.pattern=%m %U %s %{ms}T",
                "--server.tomcat.accesslog.buffered=false");
        Chromium chromium = new Chromium()) {
      // The demo accounts are created (and their passwords hashed) after the server starts.
      assertThat(server.awaitLog(Pattern.compile("Demo course created"), Duration.ofMinutes(3)))
          .isTrue();
      started = System.nanoTime();
      // Students arrive one after another and stay a while: at most `open` pages are open at
      // once (plus the submitters', kept open to watch their results arrive by push).
      ArrayDeque<Page> browsing = new ArrayDeque<>();
      List<Page> submitters = new ArrayList<>();
      for (int i = 1; i <= students; i++) {
        Page page = chromium.newPage();
        Chromium.signInAndWait(
            page, server, String.format(Locale.ROOT, "student%03d", i), "demo-student");
        page.navigate(server.url("/exercise/kthvalue"));
        page.locator("lab-code-editor .cm-content").waitFor();
        if (i % 10 == 0) {
          // Every tenth student submits, so that grading runs throughout.
          replaceCode(page, reference);
          page.locator("#submit").click();
          submitted++;
          submitters.add(page);
          continue;
        }
        for (int round = 1; round <= rounds; round++) {
          replaceCode(page, "// student " + i + ", round " + round + "\n" + reference);
          page.keyboard().press("Control+S");
          String expected = "// student " + i + ", round " + round;
          page.waitForCondition(
              () ->
                  page.locator("#save-state").textContent().startsWith("Saved")
                      && code(page).startsWith(expected));
        }
        assertThat(page.locator("vaadin-notification-card[theme~='error']").count()).isZero();
        browsing.add(page);
        if (browsing.size() > open) {
          browsing.poll().context().close();
        }
      }
      opened = System.nanoTime();
      for (Page page : submitters) {
        page.waitForCondition(
            () -> page.locator("#result-headline").count() > 0,
            new Page.WaitForConditionOptions().setTimeout(300_000));
        assertThat(page.locator("#result-headline").textContent())
            .isEqualTo("All 2 public tests passed.");
      }
      finished = System.nanoTime();
    }

    List<String[]> lines = new ArrayList<>();
    try (Stream<Path> files = Files.list(accessLog)) {
      for (Path f : files.toList()) {
        for (String line : Files.readAllLines(f)) {
          String[] parts = line.trim().split(" ");
          if (parts.length == 4) {
            lines.add(parts);
          }
        }
      }
    }
    // The push channel is a long-lived connection whose "time" is its lifetime, not a response.
    List<String[]> requests = lines.stream().filter(p -> !p[1].startsWith("/VAADIN/push")).toList();
    long errors = requests.stream().filter(p -> Integer.parseInt(p[2]) >= 500).count();
    String report =
        String.format(
                Locale.ROOT,
                "| students | pages open at once | draft saves each | submissions graded | requests |"
                    + " server errors | p50 ms | p95 ms | p99 ms | max ms | all students through |"
                    + " whole run |%n"
                    + "|---|---|---|---|---|---|---|---|---|---|---|---|%n"
                    + "| %d | %d | %d | %d | %d | %d | %d | %d | %d | %d | %.0f s | %.0f s |%n",
                students,
                open,
                rounds,
                submitted,
                requests.size(),
                errors,
                percentile(requests, 0.50),
                percentile(requests, 0.95),
                percentile(requests, 0.99),
                percentile(requests, 1.0),
                (opened - started) / 1e9,
                (finished - started) / 1e9)
            + "\nUIDL requests (the page's round trips) only: "
            + summary(requests.stream().filter(p -> p[1].equals("/")).toList())
            + "\n";
    Files.writeString(Path.of("target", "workspace-load.md"), report);
    System.out.println(report);
    assertThat(errors).isZero();
  }

  private static String summary(List<String[]> requests) {
    return String.format(
        Locale.ROOT,
        "%d requests, p50 %d ms, p95 %d ms, p99 %d ms",
        requests.size(),
        percentile(requests, 0.50),
        percentile(requests, 0.95),
        percentile(requests, 0.99));
  }

  private static long percentile(List<String[]> requests, double q) {
    long[] ms = requests.stream().mapToLong(p -> Long.parseLong(p[3])).sorted().toArray();
    if (ms.length == 0) {
      return 0;
    }
    return ms[Math.min(ms.length - 1, (int) Math.ceil(q * ms.length) - 1)];
  }

  private static String code(Page page) {
    return (String) page.evaluate("() => document.querySelector('lab-code-editor').value");
  }

  private static void replaceCode(Page page, String text) {
    page.locator("lab-code-editor .cm-content").click();
    page.keyboard().press("Control+A");
    page.keyboard().insertText(text);
  }
}
