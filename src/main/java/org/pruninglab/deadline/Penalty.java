package org.pruninglab.deadline;

import java.util.Locale;

/** How a late submission's score is reduced: not at all, a percentage per day started, or once. */
public enum Penalty {
  NONE,
  PER_DAY,
  FACTOR;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Penalty ofLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
