package org.pruninglab.deadline;

import java.time.Instant;

/**
 * An exercise's schedule: when students may start, when it is due, what late work costs, which
 * submission is graded after the deadline, and when grades are released.
 *
 * @param release when students may open it (null: at once)
 * @param due the deadline for everyone without an extension
 * @param late the late policy
 * @param finalChoice which submission becomes the graded one
 * @param gradesReleaseAt when grades are released on their own (null: by hand)
 * @param gradesReleasedAt when an instructor released them by hand (null: not yet)
 * @param leaderboard whether students see the pseudonymous leaderboard
 * @param custom false while the pack's own deadline applies (no instructor has set one)
 */
public record ExerciseSchedule(
    String exerciseId,
    Instant release,
    Instant due,
    LatePolicy late,
    FinalChoice finalChoice,
    Instant gradesReleaseAt,
    Instant gradesReleasedAt,
    boolean leaderboard,
    boolean custom) {

  public boolean open(Instant now) {
    return release == null || !now.isBefore(release);
  }

  public boolean gradesReleased(Instant now) {
    return gradesReleasedAt != null || (gradesReleaseAt != null && !now.isBefore(gradesReleaseAt));
  }
}
