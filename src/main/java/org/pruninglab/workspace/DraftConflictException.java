package org.pruninglab.workspace;

/** The draft was saved elsewhere (another tab or browser) since this one was loaded. */
public final class DraftConflictException extends DraftException {

  private final Draft current;

  public DraftConflictException(String message, Draft current) {
    super(message);
    this.current = current;
  }

  /** What is stored now, so that the page can show it or offer to merge. */
  public Draft current() {
    return current;
  }
}
