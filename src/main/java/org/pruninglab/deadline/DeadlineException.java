package org.pruninglab.deadline;

/** A change to a deadline that cannot be made, with the reason in words. */
public class DeadlineException extends RuntimeException {
  public DeadlineException(String message) {
    super(message);
  }
}
