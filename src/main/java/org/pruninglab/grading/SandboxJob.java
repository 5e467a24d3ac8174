package org.pruninglab.grading;

import java.nio.file.Path;
import java.util.List;

/**
 * What one sandbox JVM runs.
 *
 * @param classes the job folder's {@code classes/} (student and test classes)
 * @param tests the unique ids of the tests to run, in order
 * @param studentClasses the student's class names: a failure may point into these, nowhere else
 * @param perTestSeconds the time limit of each test and lifecycle method
 */
record SandboxJob(
    Path classes, List<String> tests, List<String> studentClasses, int perTestSeconds) {

  SandboxJob {
    tests = List.copyOf(tests);
    studentClasses = List.copyOf(studentClasses);
  }

  /** The job as the harness reads it from standard input, after the secret. */
  String describe() {
    StringBuilder b = new StringBuilder();
    b.append("seconds ").append(perTestSeconds).append('\n');
    if (!studentClasses.isEmpty()) {
      b.append("student ").append(String.join(" ", studentClasses)).append('\n');
    }
    for (String id : tests) {
      if (id.contains("\n")) {
        throw new IllegalArgumentException("a test id with a line break: " + id);
      }
      b.append("test ").append(id).append('\n');
    }
    return b.append('\n').toString();
  }
}
