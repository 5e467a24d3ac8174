package org.pruninglab.gradebook;

/** A gradebook change that cannot be made, with the reason in words; nothing was changed. */
public class GradebookException extends RuntimeException {
  public GradebookException(String message) {
    super(message);
  }
}
