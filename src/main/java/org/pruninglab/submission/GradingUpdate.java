package org.pruninglab.submission;

import java.time.Instant;
import org.pruninglab.grading.GradingProgress.Phase;

/**
 * One step of a grading job, as pushed to the pages that watch it.
 *
 * @param done tests finished (while running)
 * @param total tests in the run
 * @param stored at {@link Phase#DONE}, the submission with its stored result, so a page shows it
 *     without reading it back; null before, and for a job whose result another attempt stored
 */
public record GradingUpdate(
    long submissionId,
    long accountId,
    String exerciseId,
    Phase phase,
    int done,
    int total,
    Instant at,
    Submission stored) {

  /** A step before the result. */
  public GradingUpdate(
      long submissionId,
      long accountId,
      String exerciseId,
      Phase phase,
      int done,
      int total,
      Instant at) {
    this(submissionId, accountId, exerciseId, phase, done, total, at, null);
  }

  /** The job's end, with its stored result. */
  public static GradingUpdate done(Submission stored, Instant at) {
    return new GradingUpdate(
        stored.id(), stored.accountId(), stored.exerciseId(), Phase.DONE, 0, 0, at, stored);
  }
}
