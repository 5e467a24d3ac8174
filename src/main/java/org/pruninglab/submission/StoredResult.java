package org.pruninglab.submission;

import java.time.Instant;
import java.util.Map;
import org.pruninglab.grading.GradingResult;
import org.pruninglab.grading.Verdict;

/**
 * The stored outcome of grading a submission: the grader's typed result, or the grading service's
 * own ending of a job no test ran for.
 *
 * @param grading the result; for a service ending only its verdict, summary and maximum mean
 *     anything (no tests, no metrics)
 * @param byGrader false for the service's own endings — superseded, cancelled, a grader error after
 *     the attempts, an exercise that was unavailable or a service failure — whose summary is all
 *     there is to show
 * @param finishedAt when it was stored
 * @param packVersion which version of the exercise's tests graded it (a SHA-256 of the pack's
 *     contents, hex), or null for a service ending and for results stored before versions were
 *     kept; staff only
 */
public record StoredResult(
    GradingResult grading, boolean byGrader, Instant finishedAt, String packVersion) {

  public StoredResult {
    if (grading == null || finishedAt == null) {
      throw new IllegalArgumentException("a stored result needs its result and its time");
    }
  }

  public Verdict verdict() {
    return grading.verdict();
  }

  public double score() {
    return grading.score();
  }

  public double maxScore() {
    return grading.maxScore();
  }

  public String summary() {
    return grading.summary();
  }

  /** The pruning results the tests recorded, by name. */
  public Map<String, Object> metrics() {
    return grading.metrics();
  }

  /** From the start of the job to its result, in milliseconds (0 for a service ending). */
  public long totalMillis() {
    return grading.timings().total();
  }
}
