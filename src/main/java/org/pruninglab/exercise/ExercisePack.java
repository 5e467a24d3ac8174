package org.pruninglab.exercise;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded, checked exercise: what students see ({@code exercises/<id>/}) and what they never see
 * ({@code grader/<id>/}).
 *
 * @param statement Markdown
 * @param starter the starter source of the student's file
 * @param publicTests test sources by source path ({@code lab/FooPublicTest.java})
 * @param hiddenTests hidden test sources by source path
 * @param reference the reference solution of the student's file
 * @param plan every public and hidden test, in discovery order
 * @param compiledTests where the trusted side keeps the pack's compiled tests
 */
public record ExercisePack(
    ExerciseMetadata metadata,
    String statement,
    String starter,
    Map<String, String> publicTests,
    Map<String, String> hiddenTests,
    String reference,
    List<KnownWrongVariant> wrongVariants,
    List<PlannedTest> plan,
    Path compiledTests) {

  public String id() {
    return metadata.id();
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
}
