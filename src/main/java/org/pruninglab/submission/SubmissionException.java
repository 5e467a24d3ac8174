package org.pruninglab.submission;

/** A submission that is refused, with the reason the student reads. */
public final class SubmissionException extends RuntimeException {
  public SubmissionException(String message) {
    super(message);
  }
}
