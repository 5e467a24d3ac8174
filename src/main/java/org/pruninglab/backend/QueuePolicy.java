package org.pruninglab.backend;

import java.util.List;
import org.pruninglab.submission.SubmissionKind;

/**
 * The order in which queued gradings run, as one number per job that the job library sorts by
 * (higher first, then oldest first). The kind sets the band — practice runs, then submissions, then
 * batch gradings — and inside a band a student's n-th waiting job gets n less, so every student's
 * first waiting job runs before anyone's second: round-robin across students, and one student's
 * burst cannot starve the others.
 */
final class QueuePolicy {

  /** The width of a kind's band: more waiting jobs of one student than this rank as the last. */
  static final int BAND = 10_000;

  /** The bands' names, first served first. */
  static final List<String> BANDS = List.of(bandName(3), bandName(2), bandName(1));

  private QueuePolicy() {}

  /**
   * A job's priority.
   *
   * @param kind why it runs
   * @param waitingBefore how many jobs of the same student and band wait already (queued earlier)
   */
  static int priority(SubmissionKind kind, int waitingBefore) {
    if (waitingBefore < 0) {
      throw new IllegalArgumentException("waiting jobs cannot be negative: " + waitingBefore);
    }
    return kind.priority() * BAND - Math.min(waitingBefore, BAND - 1);
  }

  /** The kind band a stored priority belongs to: 3 runs, 2 submissions, 1 batch. */
  static int band(int priority) {
    return (priority + BAND - 1) / BAND;
  }

  /** The band's name as the backend page and the metrics show it. */
  static String bandName(int band) {
    return switch (band) {
      case 3 -> "run";
      case 2 -> "submission";
      default -> "batch";
    };
  }
}
