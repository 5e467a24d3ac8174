package org.pruninglab.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pruninglab.exercise.Visibility;
import org.pruninglab.grading.GradingResult;
import org.pruninglab.grading.TestResult;

/**
 * Applies test visibility to a stored result. Public tests are always shown; a hidden test is shown
 * to a student when it is {@code visible}, or {@code after_due_date} once their own deadline has
 * passed, and never when {@code hidden}. Scores count shown tests only, so nothing about a withheld
 * test leaks through the numbers. What a test printed is shown with it, so only where it is shown;
 * what was printed outside any test (a hidden class's set-up among it) only to staff, who see
 * everything.
 */
public final class ResultPresentation {

  private ResultPresentation() {}

  /** What a student sees of their own result. */
  public static ShownResult forStudent(
      GradingResult r, boolean practiceRun, int hiddenTestsInExercise, boolean deadlinePassed) {
    List<ShownTest> shown = new ArrayList<>();
    int withheld = 0;
    for (TestResult t : r.tests()) {
      boolean show =
          !t.hidden()
              || t.visibility() == Visibility.VISIBLE
              || (t.visibility() == Visibility.AFTER_DUE_DATE && deadlinePassed);
      if (show) {
        shown.add(toShown(t));
      } else {
        withheld++;
      }
    }
    String note;
    if (practiceRun) {
      note =
          hiddenTestsInExercise == 0
              ? "Practice run: it does not count toward your grade."
              : String.format(
                  Locale.ROOT,
                  "Practice run of the public tests only: it does not count toward your grade."
                      + " %s run on your final submission after the deadline.",
                  count(hiddenTestsInExercise, "more hidden test"));
    } else if (withheld == 0) {
      note = null;
    } else if (!deadlinePassed) {
      note =
          withheld == 1
              ? "1 hidden test will run after the deadline."
              : withheld + " hidden tests will run after the deadline.";
    } else {
      note =
          withheld == 1
              ? "1 hidden test counts toward your grade but is not shown to students."
              : withheld + " hidden tests count toward your grade but are not shown to students.";
    }
    boolean everythingShown = !practiceRun && withheld == 0 && r.hidden();
    return build(r, shown, withheld, note, everythingShown, "");
  }

  /** What staff see: every test. */
  public static ShownResult forStaff(GradingResult r) {
    List<ShownTest> shown = r.tests().stream().map(ResultPresentation::toShown).toList();
    return build(
        r,
        shown,
        0,
        r.hidden() ? null : "Practice run: public tests only; it does not count.",
        r.hidden(),
        r.output());
  }

  private static ShownResult build(
      GradingResult r,
      List<ShownTest> shown,
      int withheld,
      String note,
      boolean everythingShown,
      String outsideTests) {
    double score = shown.stream().mapToDouble(ShownTest::points).sum();
    double max = shown.stream().mapToDouble(ShownTest::maxPoints).sum();
    return new ShownResult(
        r.verdict(),
        headline(r, shown, everythingShown),
        note,
        score,
        max,
        shown,
        withheld,
        r.diagnostics(),
        r.violations(),
        r.metrics(),
        r.pictures(),
        outsideTests);
  }

  static String headline(GradingResult r, List<ShownTest> shown, boolean everythingShown) {
    long passed = shown.stream().filter(ShownTest::passed).count();
    boolean onlyPublic = shown.stream().noneMatch(ShownTest::hidden);
    String which = everythingShown ? "" : onlyPublic ? "public " : "shown ";
    String tally = passed + " of " + count(shown.size(), which + "test") + " passed.";
    return switch (r.verdict()) {
      case COMPILE_ERROR -> "Your code does not compile, so no test ran. " + r.summary();
      case POLICY_VIOLATION -> r.summary() + " No test ran.";
      case TIME_LIMIT -> "A time limit stopped the run or one of its tests: " + tally;
      case MEMORY_LIMIT -> "The run ran out of memory: " + tally;
      case OUTPUT_LIMIT -> "The run printed more than the output limit: " + tally;
      case CRASHED -> "The run ended early (did the code exit or crash the JVM?): " + tally;
      case SUPERSEDED, GRADER_ERROR, CANCELLED -> r.summary();
      case OK ->
          shown.isEmpty()
              ? "No test results can be shown yet."
              : passed == shown.size()
                  ? (shown.size() == 1
                      ? "The " + which + "test passed."
                      : "All " + shown.size() + " " + which + "tests passed.")
                  : tally;
    };
  }

  private static ShownTest toShown(TestResult t) {
    return new ShownTest(
        t.name(), t.passed(), t.points(), t.maxPoints(), t.message(), t.hidden(), t.output());
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
