package org.pruninglab.grading;

import org.pruninglab.exercise.Visibility;

/**
 * One graded test.
 *
 * @param id the test's JUnit unique id
 * @param name what students read (the test's display name)
 * @param status whether it passed
 * @param points points earned: all of {@code maxPoints} when passed, else 0
 * @param message why it failed, or null
 * @param millis time the test took inside the sandbox
 * @param hidden whether the test belongs to the hidden set
 * @param output what the test and the student's code printed while it ran (capped), or null; shown
 *     only where the test's result may be shown
 */
public record TestResult(
    String id,
    String name,
    TestStatus status,
    double points,
    double maxPoints,
    String message,
    long millis,
    Visibility visibility,
    boolean hidden,
    String output) {

  public boolean passed() {
    return status == TestStatus.PASSED;
  }
}
