package org.pruninglab.grading;

import java.util.List;
import java.util.Map;
import org.pruninglab.compile.Diagnostic;
import org.pruninglab.compile.PolicyViolation;
import org.pruninglab.grading.harness.ResultNames;

/**
 * Everything one grading job produced: the object the app stores and the {@code grade} command
 * prints as JSON.
 *
 * @param exerciseId the exercise
 * @param hidden whether the hidden tests ran
 * @param verdict how the job ended
 * @param summary one sentence for the student, e.g. "7 of 9 tests passed"
 * @param score points earned; 0 unless the code compiled and passed the policy check
 * @param maxScore points possible in this run
 * @param diagnostics compiler messages about the student's file
 * @param violations policy violations
 * @param tests per planned test, in plan order
 * @param metrics pruning results reported by the tests, by name
 * @param pictures pictures of the model the tests recorded, in the order they came
 * @param output what was printed outside any test (class set-up, capped): staff only; what a test
 *     printed is in its {@link TestResult#output()}
 * @param timings where the time went
 */
public record GradingResult(
    String exerciseId,
    boolean hidden,
    Verdict verdict,
    String summary,
    double score,
    double maxScore,
    List<Diagnostic> diagnostics,
    List<PolicyViolation> violations,
    List<TestResult> tests,
    Map<String, Object> metrics,
    List<RecordedPicture> pictures,
    String output,
    Timings timings) {

  public GradingResult {
    diagnostics = List.copyOf(diagnostics);
    violations = List.copyOf(violations);
    tests = List.copyOf(tests);
    metrics = Map.copyOf(metrics);
    pictures = pictures == null ? List.of() : List.copyOf(pictures);
  }

  /**
   * What the grading service stores for a job it ended without running the grader (superseded,
   * cancelled, given up after its attempts, an exercise that is not available): no test ran, so the
   * summary is all there is; nothing is scored.
   */
  public static GradingResult ending(
      String exerciseId, boolean hidden, Verdict verdict, String summary, double maxScore) {
    return new GradingResult(
        exerciseId,
        hidden,
        verdict,
        summary,
        0,
        maxScore,
        List.of(),
        List.of(),
        List.of(),
        Map.of(),
        List.of(),
        "",
        new Timings(0, 0, 0, 0, 0, 0));
  }

  /** The same result with other metrics (as stored beside it). */
  public GradingResult withMetrics(Map<String, Object> newMetrics) {
    return new GradingResult(
        exerciseId,
        hidden,
        verdict,
        summary,
        score,
        maxScore,
        diagnostics,
        violations,
        tests,
        newMetrics,
        pictures,
        output,
        timings);
  }

  /**
   * The device the sandbox's tensor engine ran on, as the harness reported it ({@code cpu()},
   * {@code gpu(0)}), or null when the run ended before the engine loaded.
   */
  public String engineDevice() {
    Object device = metrics.get(ResultNames.ENGINE_DEVICE);
    return device == null ? null : device.toString();
  }
}
