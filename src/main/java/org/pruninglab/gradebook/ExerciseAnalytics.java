package org.pruninglab.gradebook;

import java.util.List;

/**
 * One exercise across the class.
 *
 * @param scores each student's score: the grade of record, else their best so far (no entry for a
 *     student with neither)
 * @param mostFailed tests by how many students' latest graded submission failed them, most first
 * @param submissionsPerStudent how many submissions each student made (students with none included
 *     as 0)
 * @param points each student's best pruning result (their highest-scoring submission's metrics)
 */
public record ExerciseAnalytics(
    String exerciseId,
    double maxScore,
    List<Double> scores,
    List<FailedTest> mostFailed,
    List<Integer> submissionsPerStudent,
    List<ParetoPoint> points) {

  /** A test and how many of {@code of} students failed it. */
  public record FailedTest(String name, int failed, int of) {}

  /**
   * A student's best pruning result.
   *
   * @param front whether no other student's result has both higher sparsity and higher accuracy
   */
  public record ParetoPoint(
      String username, double sparsity, double accuracy, Double macs, boolean front) {}
}
