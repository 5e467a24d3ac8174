package org.pruninglab.submission;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.pruninglab.grading.GradingResult;
import org.pruninglab.grading.Timings;
import org.pruninglab.grading.Verdict;
import org.springframework.context.ApplicationContext;

/**
 * Submissions and results written as the queue's workers would write them, for slice tests that
 * have no sandbox: the business rules above them run on the real tables.
 */
public final class StoredSubmissions {

  private final SubmissionRepository repository;

  private StoredSubmissions(SubmissionRepository repository) {
    this.repository = repository;
  }

  public static StoredSubmissions in(ApplicationContext context) {
    return new StoredSubmissions(context.getBean(SubmissionRepository.class));
  }

  /** A submission (kind 'submission') made at {@code at} and graded with this score. */
  public long graded(
      long accountId, String exerciseId, Instant at, double score, Map<String, Object> metrics) {
    long id =
        repository.insert(
            accountId,
            exerciseId,
            "KthvaluePruning.java",
            "class KthvaluePruning {}".getBytes(StandardCharsets.UTF_8),
            SubmissionKind.SUBMISSION,
            at);
    finish(id, score, at, metrics);
    return id;
  }

  /** Stores the result of a grading that waits in the queue, as a worker would. */
  public void finish(long id, double score, Instant at, Map<String, Object> metrics) {
    String exerciseId = repository.find(id).orElseThrow().exerciseId();
    GradingResult result =
        new GradingResult(
            exerciseId,
            true,
            Verdict.OK,
            "stored by the test",
            score,
            26,
            List.of(),
            List.of(),
            List.of(),
            metrics,
            List.of(),
            "",
            new Timings(0, 0, 0, 0, 1, 1));
    boolean stored =
        repository.storeResult(id, 0, "cpu()", new StoredResult(result, true, at, null));
    if (!stored) {
      throw new IllegalStateException("submission " + id + " does not wait");
    }
  }
}
