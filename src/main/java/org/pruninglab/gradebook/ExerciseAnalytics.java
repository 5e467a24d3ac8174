package org.pruninglab.gradebook;

import java.util.List;
import org.pruninglab.grading.harness.ResultNames.Unit;

/**
 * One exercise across the class.
 *
 * @param scores each student's score: the grade of record, else their best so far (no entry for a
 *     student with neither)
 * @param mostFailed tests by how many students' latest graded submission failed them, most first
 * @param submissionsPerStudent how many submissions each student made (students with none included
 *     as 0)
 * @param x the first metric of the exercise's trade-off (its metadata's {@code tradeOff})
 * @param y the second metric
 * @param points each student's best pruning result (their highest-scoring submission that recorded
 *     both metrics)
 */
public record ExerciseAnalytics(
    String exerciseId,
    double maxScore,
    List<Double> scores,
    List<FailedTest> mostFailed,
    List<Integer> submissionsPerStudent,
    Axis x,
    Axis y,
    List<ParetoPoint> points) {

  /**
   * One metric of the trade-off.
   *
   * @param metric its name, e.g. {@code size.nonzero.bits}
   * @param label what the results table calls it
   * @param unit how its values read
   * @param higherIsBetter whether a larger value is the better result
   */
  public record Axis(String metric, String label, Unit unit, boolean higherIsBetter) {}

  /** A test and how many of {@code of} students failed it. */
  public record FailedTest(String name, int failed, int of) {}

  /**
   * A student's best pruning result.
   *
   * @param x its value of the first metric
   * @param y its value of the second metric
   * @param front whether no other student's result is at least as good in both and better in one
   */
  public record ParetoPoint(String username, double x, double y, boolean front) {}
}
