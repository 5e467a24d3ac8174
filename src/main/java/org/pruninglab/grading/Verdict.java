package org.pruninglab.grading;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a grading job ended, as students and TAs read it. */
public enum Verdict {
  OK("ok"),
  COMPILE_ERROR("compile error"),
  POLICY_VIOLATION("policy violation"),
  TIME_LIMIT("time limit"),
  MEMORY_LIMIT("memory limit"),
  OUTPUT_LIMIT("output limit"),
  CRASHED("crashed"),
  /** A practice run that a newer run of the same student and exercise replaced while queued. */
  SUPERSEDED("superseded"),
  /** A practice run its student cancelled, queued or running. */
  CANCELLED("cancelled"),
  /** The grading service gave up on the job after its attempts (workers died while grading). */
  GRADER_ERROR("grader error");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  @JsonValue
  public String label() {
    return label;
  }

  public static Verdict ofLabel(String label) {
    for (Verdict v : values()) {
      if (v.label.equals(label)) {
        return v;
      }
    }
    throw new IllegalArgumentException("no verdict is called " + label);
  }
}
