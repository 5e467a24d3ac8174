package org.pruninglab.grading;

import java.util.Locale;

/**
 * What a grading job is doing, as it happens: for the live progress a student watches. Reported
 * from the grading thread; a listener must return quickly and must not throw.
 */
@FunctionalInterface
public interface GradingProgress {

  GradingProgress NONE = (phase, done, total) -> {};

  /** The phases of a job, in order; a job may end early, at {@link #DONE}. */
  enum Phase {
    QUEUED,
    COMPILING,
    CHECKING,
    RUNNING,
    DONE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * @param done tests finished so far (in {@link Phase#RUNNING})
   * @param total tests in the run
   */
  void update(Phase phase, int done, int total);
}
