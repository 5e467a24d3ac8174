package org.pruninglab.submission;

import java.util.Locale;

/** A practice run of the public tests, which never counts, or a submission, which does. */
public enum SubmissionKind {
  RUN,
  SUBMISSION;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static SubmissionKind ofLabel(String label) {
    return valueOf(label.toUpperCase(Locale.ROOT));
  }
}
