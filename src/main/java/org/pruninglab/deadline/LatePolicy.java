package org.pruninglab.deadline;

import java.time.Duration;
import java.util.Locale;

/**
 * What happens to work submitted after a student's deadline.
 *
 * @param latePeriod how long after the deadline submissions still count (zero: none)
 * @param penalty how a late submission's score is reduced
 * @param percent the percentage taken off: per day started ({@link Penalty#PER_DAY}) or once
 *     ({@link Penalty#FACTOR}); 0 to 100
 * @param afterLate what happens to submissions made after the late period
 */
public record LatePolicy(
    Duration latePeriod, Penalty penalty, double percent, AfterLate afterLate) {

  private static final long DAY = Duration.ofDays(1).toSeconds();

  /** No late period: late work is graded so the student sees the result, but does not count. */
  public static LatePolicy strict() {
    return new LatePolicy(Duration.ZERO, Penalty.NONE, 0, AfterLate.PRACTICE);
  }

  /**
   * The factor a score is multiplied by when the submission came {@code late} after the deadline
   * (zero or negative: on time, factor 1). Never below 0.
   */
  public double factor(Duration late) {
    if (late.isNegative() || late.isZero() || penalty == Penalty.NONE) {
      return 1;
    }
    return switch (penalty) {
      case NONE -> 1;
      case FACTOR -> Math.max(0, 1 - percent / 100);
      case PER_DAY -> {
        long days = (late.toSeconds() + DAY - 1) / DAY;
        yield Math.max(0, 1 - days * percent / 100);
      }
    };
  }

  /** The policy in words, as the student's confirmation dialog states it. */
  public String description() {
    String after =
        afterLate == AfterLate.REFUSE
            ? "submissions are no longer accepted."
            : "submissions are kept and graded so that you can see the result, but they do not"
                + " count.";
    if (latePeriod.isZero()) {
      return "There is no late period: after the deadline "
          + after
          + " Your grade comes from your submissions before the deadline.";
    }
    String cost =
        switch (penalty) {
          case NONE -> "without a penalty";
          case FACTOR -> "with " + percent(percent) + " taken off the score";
          case PER_DAY -> "with " + percent(percent) + " taken off the score per day started";
        };
    return "Late submissions count for "
        + Durations.words(latePeriod)
        + " after the deadline, "
        + cost
        + ". After that, "
        + after;
  }

  /** A percentage as policies are written: "10 %", "12.5 %". */
  public static String percent(double p) {
    return (p == Math.rint(p) ? String.valueOf((long) p) : String.format(Locale.ROOT, "%.1f", p))
        + " %";
  }
}
