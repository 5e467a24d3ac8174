package org.pruninglab.grading;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How one planned test ended, as the trusted side decided it from its own plan: it passed only if
 * it and every case under it reported success, and failed otherwise (a test that did not report,
 * ran past its limit or ended with the JVM is failed; its message says which).
 */
public enum TestStatus {
  PASSED("passed"),
  FAILED("failed");

  private final String label;

  TestStatus(String label) {
    this.label = label;
  }

  /** The word stored in results and printed by the grade command. */
  @JsonValue
  public String label() {
    return label;
  }

  @JsonCreator
  public static TestStatus ofLabel(String label) {
    for (TestStatus s : values()) {
      if (s.label.equals(label)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no test status is called " + label);
  }
}
