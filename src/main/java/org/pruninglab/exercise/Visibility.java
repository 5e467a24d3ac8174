package org.pruninglab.exercise;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** When a student may see a test's result, as in Gradescope's results format. */
public enum Visibility {
  VISIBLE,
  AFTER_DUE_DATE,
  HIDDEN;

  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Visibility ofLabel(String label) {
    for (Visibility v : values()) {
      if (v.label().equals(label)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "visibility must be visible, after_due_date or hidden, not " + label);
  }
}
