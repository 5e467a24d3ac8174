package org.pruninglab.base;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Unexpected errors as people see them: a plain message with a short error id, while the log keeps
 * the id with the whole exception, so that a student's "error 3f9a0c1e" leads staff to its cause
 * without the page giving away the code's insides.
 */
public final class UnexpectedErrors {

  /** What every page says about an unexpected error, before its id. */
  public static final String MESSAGE =
      "This failed because of a fault on our side, not because of anything you did. Please try"
          + " again; if it happens again, give staff the error id.";

  private static final Logger log = LoggerFactory.getLogger(UnexpectedErrors.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private UnexpectedErrors() {}

  /** Logs the error with a fresh id and returns the id (8 hex digits). */
  public static String logged(Throwable error, String where) {
    byte[] bytes = new byte[4];
    RANDOM.nextBytes(bytes);
    String id = HexFormat.of().formatHex(bytes);
    log.error("Unexpected error {} while {}", id, clean(where), error);
    return id;
  }

  /** The sentence shown with an id: "Error id: 3f9a0c1e". */
  public static String idLine(String id) {
    return "Error id: " + id;
  }

  private static String clean(String where) {
    return where == null ? "" : where.replaceAll("\\p{Cntrl}", "?");
  }
}
