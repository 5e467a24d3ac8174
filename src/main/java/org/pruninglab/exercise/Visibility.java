package org.pruninglab.exercise;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * When a student may see a test's result, as in Gradescope's results format: {@code visible}
 * always, {@code after_due_date} once the student's own deadline has passed, {@code after_release}
 * (Gradescope's {@code after_published}) once the exercise's grades are released to them, {@code
 * hidden} never. Whatever the visibility, only {@code visible} tests count in a score a student
 * sees before release.
 */
public enum Visibility {
  VISIBLE,
  AFTER_DUE_DATE,
  AFTER_RELEASE,
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
        "visibility must be visible, after_due_date, after_release or hidden, not " + label);
  }
}
