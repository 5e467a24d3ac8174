package org.pruninglab.submission;

import java.util.Locale;

/**
 * Why a grading ran: a student's practice run of the public tests (never counts), a student's
 * submission, the after-deadline grading of a student's final submission, or a regrade that staff
 * asked for. The last two copy the source of the submission they grade and run at batch priority.
 */
public enum SubmissionKind {
  RUN(3),
  SUBMISSION(2),
  AUTOGRADE(1),
  REGRADE(1);

  private final int priority;

  SubmissionKind(int priority) {
    this.priority = priority;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Higher runs first: interactive runs, then submissions, then batch gradings. */
  public int priority() {
    return priority;
  }

  /** True for what a student made (a run or a submission), false for gradings staff started. */
  public boolean byStudent() {
    return this == RUN || this == SUBMISSION;
  }

  public static SubmissionKind ofLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
