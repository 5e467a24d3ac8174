package org.pruninglab.deadline;

import java.util.Locale;

/** Which counted submission becomes the one graded after the deadline. */
public enum FinalChoice {
  /** The last one made before the student's submissions closed. */
  LAST,
  /** The one with the highest score after the late penalty (the last one among equals). */
  BEST;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static FinalChoice ofLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
