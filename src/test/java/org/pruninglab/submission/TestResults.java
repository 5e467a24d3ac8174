package org.pruninglab.submission;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pruninglab.grading.GradingResult;
import org.pruninglab.grading.Timings;
import org.pruninglab.grading.Verdict;

/** Results as a grader would have made them, for tests that store or compare results. */
public final class TestResults {

  private TestResults() {}

  /** A grader's result with no tests listed, only the numbers. */
  public static GradingResult graded(
      String exerciseId, Verdict verdict, double score, double max, Map<String, Object> metrics) {
    return new GradingResult(
        exerciseId,
        true,
        verdict,
        verdict == Verdict.OK ? "All tests passed." : "The run ended early.",
        score,
        max,
        List.of(),
        List.of(),
        List.of(),
        metrics,
        List.of(),
        "",
        new Timings(1, 1, 1, 1, 1, 1800));
  }

  public static StoredResult stored(
      String exerciseId, double score, double max, Instant at, Map<String, Object> metrics) {
    return new StoredResult(graded(exerciseId, Verdict.OK, score, max, metrics), true, at, null);
  }
}
