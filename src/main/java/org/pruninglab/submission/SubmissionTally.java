package org.pruninglab.submission;

import java.util.Objects;

/**
 * One student's stored submissions (kind 'submission') of one exercise, in brief.
 *
 * @param bestScore the highest score among them (null while none is graded)
 * @param latestId the newest one
 */
public record SubmissionTally(long accountId, String exerciseId, Double bestScore, long latestId) {

  public SubmissionTally {
    Objects.requireNonNull(exerciseId, "exerciseId");
  }
}
