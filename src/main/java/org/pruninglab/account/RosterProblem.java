package org.pruninglab.account;

/**
 * Something wrong with a roster file.
 *
 * @param line the line of the file it is on, or 0 for the file as a whole
 */
public record RosterProblem(int line, String message) {

  public RosterProblem {
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0");
    }
  }

  @Override
  public String toString() {
    return line == 0 ? message : "line " + line + ": " + message;
  }
}
