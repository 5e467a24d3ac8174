package org.pruninglab.submission;

import java.util.Objects;

/**
 * Where a grading stands, for the gradebook: its status, and its result's score once stored.
 *
 * @param score the result's score (null while there is no result)
 * @param maxScore the result's maximum (null while there is no result)
 */
public record GradingOutcome(
    long submissionId, long accountId, SubmissionStatus status, Double score, Double maxScore) {

  public GradingOutcome {
    Objects.requireNonNull(status, "status");
  }

  /** Graded: done, with a result. */
  public boolean graded() {
    return status == SubmissionStatus.DONE && score != null;
  }
}
