package org.pruninglab.deadline;

import java.time.Duration;
import java.time.Instant;

/**
 * The deadline that applies to one student for one exercise.
 *
 * @param due when it is
 * @param extended whether it comes from an extension granted to the student
 * @param latePeriod how long after {@code due} submissions still count, with the late penalty
 */
public record EffectiveDeadline(Instant due, boolean extended, Duration latePeriod) {

  public EffectiveDeadline(Instant due, boolean extended) {
    this(due, extended, Duration.ZERO);
  }

  public boolean passed(Instant now) {
    return !now.isBefore(due);
  }

  /** When submissions stop counting: the deadline plus the late period. */
  public Instant closes() {
    return due.equals(Instant.MAX) ? due : due.plus(latePeriod);
  }

  public boolean closed(Instant now) {
    return !now.isBefore(closes());
  }
}
