package org.pruninglab.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.pruninglab.exercise.Visibility;
import org.pruninglab.grading.GradingResult;
import org.pruninglab.grading.TestResult;

/**
 * Applies test visibility to a stored result. Public tests are always shown; a hidden test is shown
 * to a student when it is {@code visible}, {@code after_due_date} once their own deadline has
 * passed, {@code after_release} once the exercise's grades are released to them, and never when
 * {@code hidden}. Until release only {@code visible} tests count in the score and the headline, so
 * neither the numbers nor "all tests passed" say anything about a hidden test before the grades are
 * out. What a test printed is shown with it, so only where it is shown; what was printed outside
 * any test (a hidden class's set-up among it) only to staff, who see everything.
 */
public final class ResultPresentation {

  private ResultPresentation() {}

  /**
   * What a student sees of their own result.
   *
   * @param deadlinePassed whether the student's own deadline has passed
   * @param released whether the exercise's grades are released to this student
   */
  public static ShownResult forStudent(
      GradingResult r,
      boolean practiceRun,
      int hiddenTestsInExercise,
      boolean deadlinePassed,
      boolean released) {
    List<ShownTest> shown = new ArrayList<>();
    int withheld = 0;
    int staffOnly = 0;
    int notCounted = 0;
    for (TestResult t : r.tests()) {
      Visibility v = t.hidden() ? t.visibility() : Visibility.VISIBLE;
      boolean show =
          switch (v) {
            case VISIBLE -> true;
            case AFTER_DUE_DATE -> deadlinePassed || released;
            case AFTER_RELEASE -> released;
            case HIDDEN -> false;
          };
      if (!show) {
        withheld++;
        staffOnly += v == Visibility.HIDDEN ? 1 : 0;
        continue;
      }
      boolean counted = released || v == Visibility.VISIBLE;
      notCounted += counted ? 0 : 1;
      shown.add(toShown(t, counted));
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
    } else {
      note = note(withheld - staffOnly, staffOnly, notCounted, deadlinePassed);
    }
    boolean everythingShown = !practiceRun && withheld == 0 && notCounted == 0 && r.hidden();
    return build(r, shown, withheld, note, everythingShown, "");
  }

  /** What is not shown or not counted, and until when; null when everything is. */
  private static String note(int waiting, int staffOnly, int notCounted, boolean deadlinePassed) {
    List<String> parts = new ArrayList<>();
    if (waiting > 0) {
      parts.add(
          deadlinePassed
              ? count(waiting, "hidden test")
                  + (waiting == 1 ? " is" : " are")
                  + " shown when grades are released."
              : count(waiting, "hidden test")
                  + " will run after the deadline; "
                  + (waiting == 1 ? "it counts" : "they count")
                  + " in your score once grades are released.");
    }
    if (notCounted > 0) {
      parts.add(
          (notCounted == 1
                  ? "1 hidden test shown here counts"
                  : notCounted + " hidden tests shown here count")
              + " in your score once grades are released.");
    }
    if (staffOnly > 0) {
      parts.add(
          staffOnly == 1
              ? "1 hidden test counts toward your grade but is not shown to students."
              : staffOnly + " hidden tests count toward your grade but are not shown to students.");
    }
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  /** What staff see: every test. */
  public static ShownResult forStaff(GradingResult r) {
    List<ShownTest> shown = r.tests().stream().map(t -> toShown(t, true)).toList();
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
    List<ShownTest> counted = shown.stream().filter(ShownTest::counted).toList();
    double score = counted.stream().mapToDouble(ShownTest::points).sum();
    double max = counted.stream().mapToDouble(ShownTest::maxPoints).sum();
    return new ShownResult(
        r.verdict(),
        headline(r, counted, counted.size() < shown.size(), everythingShown),
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

  /**
   * The verdict in words, over the tests that count ({@code shown}): with rows that do not count
   * yet beside them, a mixed tally is of the "visible" tests, never of the "shown" ones.
   */
  static String headline(
      GradingResult r, List<ShownTest> shown, boolean uncountedRows, boolean everythingShown) {
    long passed = shown.stream().filter(ShownTest::passed).count();
    boolean onlyPublic = shown.stream().noneMatch(ShownTest::hidden);
    String which =
        everythingShown ? "" : onlyPublic ? "public " : uncountedRows ? "visible " : "shown ";
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
              ? uncountedRows
                  ? "Scores are shown when grades are released."
                  : "No test results can be shown yet."
              : passed == shown.size()
                  ? (shown.size() == 1
                      ? "The " + which + "test passed."
                      : "All " + shown.size() + " " + which + "tests passed.")
                  : tally;
    };
  }

  private static ShownTest toShown(TestResult t, boolean counted) {
    return new ShownTest(
        t.name(),
        t.passed(),
        t.points(),
        t.maxPoints(),
        t.message(),
        t.hidden(),
        t.output(),
        counted);
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
