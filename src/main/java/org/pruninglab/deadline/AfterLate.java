package org.pruninglab.deadline;

import java.util.Locale;

/** What happens to a submission made after the late period (or after the deadline without one). */
public enum AfterLate {
  /** Not accepted; the student is told why. */
  REFUSE,
  /** Kept and graded so that the student sees the result, but it never counts. */
  PRACTICE;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static AfterLate ofLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
