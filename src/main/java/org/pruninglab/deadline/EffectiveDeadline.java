package org.pruninglab.deadline;

import java.time.Instant;

/**
 * The deadline that applies to one student for one exercise.
 *
 * @param due when it is
 * @param extended whether it comes from an extension granted to the student
 */
public record EffectiveDeadline(Instant due, boolean extended) {

  public boolean passed(Instant now) {
    return !now.isBefore(due);
  }
}
