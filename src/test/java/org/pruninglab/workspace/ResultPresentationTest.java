package org.pruninglab.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pruninglab.compile.Diagnostic;
import org.pruninglab.exercise.Visibility;
import org.pruninglab.grading.GradingResult;
import org.pruninglab.grading.TestResult;
import org.pruninglab.grading.TestStatus;
import org.pruninglab.grading.Timings;
import org.pruninglab.grading.Verdict;

class ResultPresentationTest {

  private static TestResult test(String name, boolean passed, Visibility v, boolean hidden) {
    return new TestResult(
        "id-" + name,
        name,
        passed ? TestStatus.PASSED : TestStatus.FAILED,
        passed ? 2 : 0,
        2,
        passed ? null : "expected 3 but was 4",
        5,
        v,
        hidden,
        "printed by " + name);
  }

  private static GradingResult result(Verdict verdict, boolean hidden, List<TestResult> tests) {
    return new GradingResult(
        "kthvalue",
        hidden,
        verdict,
        "summary",
        tests.stream().mapToDouble(TestResult::points).sum(),
        tests.stream().mapToDouble(TestResult::maxPoints).sum(),
        List.of(),
        List.of(),
        tests,
        Map.of(),
        List.of(),
        "printed by a hidden class's set-up",
        new Timings(0, 0, 0, 0, 0, 0));
  }

  private static final List<TestResult> ALL_PASS =
      List.of(
          test("public one", true, Visibility.VISIBLE, false),
          test("public two", true, Visibility.VISIBLE, false),
          test("hidden later", true, Visibility.AFTER_DUE_DATE, true),
          test("hidden shown", true, Visibility.VISIBLE, true),
          test("staff only", true, Visibility.HIDDEN, true));

  /** The default for hidden tests: public tests and hidden tests shown after release. */
  private static final List<TestResult> DEFAULTS =
      List.of(
          test("public one", true, Visibility.VISIBLE, false),
          test("public two", true, Visibility.VISIBLE, false),
          test("hidden one", true, Visibility.AFTER_RELEASE, true),
          test("hidden two", false, Visibility.AFTER_RELEASE, true));

  @Test
  void before_the_deadline_hidden_tests_are_withheld_and_never_called_all_tests() {
    ShownResult r =
        ResultPresentation.forStudent(result(Verdict.OK, true, ALL_PASS), false, 3, false, false);

    assertThat(r.tests())
        .extracting(ShownTest::name)
        .containsExactly("public one", "public two", "hidden shown");
    assertThat(r.withheld()).isEqualTo(2);
    assertThat(r.headline()).isEqualTo("All 3 shown tests passed.");
    assertThat(r.withheldNote())
        .startsWith("1 hidden test will run after the deadline")
        .contains("1 hidden test counts toward your grade but is not shown to students.");
    // Points of withheld tests are not shown, not even as a total.
    assertThat(r.score()).isEqualTo(6);
    assertThat(r.maxScore()).isEqualTo(6);
  }

  @Test
  void after_the_deadline_before_release_no_hidden_row_score_or_all_passed_is_shown() {
    ShownResult r =
        ResultPresentation.forStudent(result(Verdict.OK, true, DEFAULTS), false, 2, true, false);

    assertThat(r.tests()).extracting(ShownTest::name).containsExactly("public one", "public two");
    assertThat(r.score()).isEqualTo(4);
    assertThat(r.maxScore()).isEqualTo(4);
    assertThat(r.headline()).isEqualTo("All 2 public tests passed.");
    assertThat(r.withheldNote()).isEqualTo("2 hidden tests are shown when grades are released.");
  }

  @Test
  void after_release_every_hidden_test_is_shown_and_counted() {
    ShownResult r =
        ResultPresentation.forStudent(result(Verdict.OK, true, DEFAULTS), false, 2, true, true);

    assertThat(r.tests()).hasSize(4).allMatch(ShownTest::counted);
    assertThat(r.score()).isEqualTo(6);
    assertThat(r.maxScore()).isEqualTo(8);
    assertThat(r.headline()).isEqualTo("3 of 4 tests passed.");
    assertThat(r.withheldNote()).isNull();
  }

  @Test
  void after_due_date_rows_appear_at_the_deadline_but_count_only_after_release() {
    ShownResult before =
        ResultPresentation.forStudent(result(Verdict.OK, true, ALL_PASS), false, 3, true, false);
    assertThat(before.tests())
        .filteredOn(t -> t.name().equals("hidden later"))
        .singleElement()
        .satisfies(t -> assertThat(t.counted()).isFalse());
    assertThat(before.score()).as("public two and hidden shown (visible)").isEqualTo(6);
    assertThat(before.headline()).isEqualTo("All 3 visible tests passed.");
    assertThat(before.withheldNote())
        .contains("1 hidden test shown here counts in your score once grades are released.");

    ShownResult after =
        ResultPresentation.forStudent(result(Verdict.OK, true, ALL_PASS), false, 3, true, true);
    assertThat(after.score()).isEqualTo(8);
    assertThat(after.headline()).isEqualTo("All 4 shown tests passed.");
  }

  @Test
  void what_a_test_printed_is_shown_only_with_that_test_and_nothing_printed_outside_to_students() {
    ShownResult student =
        ResultPresentation.forStudent(result(Verdict.OK, true, ALL_PASS), false, 3, false, false);
    ShownResult staff = ResultPresentation.forStaff(result(Verdict.OK, true, ALL_PASS));

    assertThat(student.tests())
        .extracting(ShownTest::output)
        .containsExactly(
            "printed by public one", "printed by public two", "printed by hidden shown");
    assertThat(student.output()).isEmpty();
    assertThat(staff.tests()).extracting(ShownTest::output).contains("printed by staff only");
    assertThat(staff.output()).isEqualTo("printed by a hidden class's set-up");
  }

  @Test
  void after_the_deadline_after_due_date_tests_appear_but_hidden_ones_stay_with_staff() {
    ShownResult r =
        ResultPresentation.forStudent(result(Verdict.OK, true, ALL_PASS), false, 3, true, false);

    assertThat(r.tests()).extracting(ShownTest::name).contains("hidden later");
    assertThat(r.tests()).extracting(ShownTest::name).doesNotContain("staff only");
    assertThat(r.withheldNote())
        .endsWith("1 hidden test counts toward your grade but is not shown to students.");
  }

  @Test
  void all_tests_passed_only_when_every_test_ran_and_is_shown() {
    List<TestResult> visible =
        List.of(
            test("public one", true, Visibility.VISIBLE, false),
            test("hidden shown", true, Visibility.VISIBLE, true));
    assertThat(
            ResultPresentation.forStudent(result(Verdict.OK, true, visible), false, 1, false, false)
                .headline())
        .isEqualTo("All 2 tests passed.");
  }

  @Test
  void a_practice_run_says_what_it_is_and_that_it_does_not_count() {
    List<TestResult> publicOnly =
        List.of(
            test("public one", true, Visibility.VISIBLE, false),
            test("public two", false, Visibility.VISIBLE, false));
    ShownResult r =
        ResultPresentation.forStudent(
            result(Verdict.OK, false, publicOnly), true, 14, false, false);

    assertThat(r.headline()).isEqualTo("1 of 2 public tests passed.");
    assertThat(r.withheldNote())
        .contains("does not count toward your grade", "14 more hidden tests");
    assertThat(r.tests().get(1).message()).isEqualTo("expected 3 but was 4");
  }

  @Test
  void a_compile_error_says_no_test_ran_and_keeps_the_diagnostics() {
    GradingResult compile =
        new GradingResult(
            "kthvalue",
            false,
            Verdict.COMPILE_ERROR,
            "Your file does not compile (1 error).",
            0,
            2,
            List.of(new Diagnostic(22, 14, "error", "illegal start of expression")),
            List.of(),
            List.of(test("public one", false, Visibility.VISIBLE, false)),
            Map.of(),
            null,
            "",
            new Timings(0, 0, 0, 0, 0, 0));
    ShownResult r = ResultPresentation.forStudent(compile, true, 0, false, false);

    assertThat(r.headline())
        .isEqualTo(
            "Your code does not compile, so no test ran. Your file does not compile (1 error).");
    assertThat(r.diagnostics()).singleElement().extracting(Diagnostic::line).isEqualTo(22L);
    assertThat(r.pictures()).isEmpty();
  }

  @Test
  void a_run_stopped_by_a_limit_says_so_and_counts_what_passed() {
    List<TestResult> publicOnly =
        List.of(
            test("public one", true, Visibility.VISIBLE, false),
            test("public two", false, Visibility.VISIBLE, false));
    assertThat(
            ResultPresentation.forStudent(
                    result(Verdict.MEMORY_LIMIT, false, publicOnly), true, 0, false, false)
                .headline())
        .isEqualTo("The run ran out of memory: 1 of 2 public tests passed.");
    assertThat(
            ResultPresentation.forStudent(
                    result(Verdict.TIME_LIMIT, false, publicOnly), true, 0, false, false)
                .headline())
        .isEqualTo("A time limit stopped the run or one of its tests: 1 of 2 public tests passed.");
  }

  @Test
  void staff_see_every_test() {
    ShownResult r = ResultPresentation.forStaff(result(Verdict.OK, true, ALL_PASS));
    assertThat(r.tests()).hasSize(5);
    assertThat(r.headline()).isEqualTo("All 5 tests passed.");
    assertThat(r.score()).isEqualTo(10);
  }
}
