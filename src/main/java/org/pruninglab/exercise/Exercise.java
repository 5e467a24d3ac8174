package org.pruninglab.exercise;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What pages and student-facing services may see of a loaded exercise: its metadata, statement,
 * starter and public tests, and the plan of every test (names, points, visibility) — never the
 * hidden tests' code or the reference solution, which only {@link GradingPack} carries.
 *
 * @param statement Markdown
 * @param starter the starter source of the student's file
 * @param publicTests test sources by source path ({@code lab/FooPublicTest.java})
 * @param plan every public and hidden test, in discovery order
 * @param contentHash SHA-256 (hex) of every file of the pack, hidden ones included: which version
 *     of the tests graded a result
 */
public record Exercise(
    ExerciseMetadata metadata,
    String statement,
    String starter,
    Map<String, String> publicTests,
    List<PlannedTest> plan,
    String contentHash) {

  public Exercise {
    publicTests = Collections.unmodifiableMap(new LinkedHashMap<>(publicTests));
    plan = List.copyOf(plan);
  }

  public String id() {
    return metadata.id();
  }

  public String title() {
    return metadata.title();
  }

  public double points() {
    return metadata.points();
  }

  public List<PlannedTest> plan(boolean includeHidden) {
    return includeHidden ? plan : plan.stream().filter(t -> !t.hidden()).toList();
  }

  /** Fully qualified names of the test classes (public first). */
  public List<String> testClasses(boolean includeHidden) {
    return plan(includeHidden).stream().map(PlannedTest::className).distinct().toList();
  }

  public double maxPoints(boolean includeHidden) {
    return plan(includeHidden).stream().mapToDouble(PlannedTest::points).sum();
  }

  /** How many hidden tests the plan has (their names are shown only after release). */
  public int hiddenTestCount() {
    return (int) plan.stream().filter(PlannedTest::hidden).count();
  }
}
