package org.pruninglab.deadline;

import java.time.Instant;
import java.util.Objects;

/**
 * An instructor released an exercise's grades by hand, or withdrew a release.
 *
 * @param released true for a release, false for a withdrawal
 */
public record GradeReleaseEvent(String exerciseId, boolean released, String by, Instant at) {

  public GradeReleaseEvent {
    Objects.requireNonNull(exerciseId, "exerciseId");
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(at, "at");
  }
}
