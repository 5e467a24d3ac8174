package org.pruninglab.gradebook;

import java.time.Duration;
import java.time.Instant;

/**
 * A student's grade of record for one exercise.
 *
 * @param finalId the submission chosen as final (null: none was made)
 * @param gradedId the grading whose result counts (the autograde, or the latest regrade)
 * @param late how late the final submission was (zero: on time)
 * @param penaltyFactor what the result's score is multiplied by (1: no penalty)
 * @param rawScore the graded result's score before the penalty (null until graded)
 * @param overrideScore a score staff set by hand, which replaces the computed one
 */
public record GradeOfRecord(
    long accountId,
    String username,
    String exerciseId,
    Long finalId,
    Long gradedId,
    Duration late,
    double penaltyFactor,
    GradeState state,
    Double rawScore,
    double maxScore,
    Double overrideScore,
    String overrideComment,
    Instant createdAt) {

  /** The score before any override: the result times the penalty (0 with no submission). */
  public Double computedScore() {
    return switch (state) {
      case NO_SUBMISSION -> 0.0;
      case GRADED -> rawScore * penaltyFactor;
      case OPEN, GRADING -> null;
    };
  }

  /** The score that counts: the override if there is one, else the computed score. */
  public Double score() {
    return overrideScore != null ? overrideScore : computedScore();
  }

  public boolean overridden() {
    return overrideScore != null;
  }
}
