package org.pruninglab.workspace;

/** A save that was refused; the stored draft is unchanged. */
public class DraftException extends RuntimeException {
  public DraftException(String message) {
    super(message);
  }
}
