package org.pruninglab.account;

/**
 * What importing one line of a roster file does.
 *
 * @param line the line of the file
 * @param description for updates, what changes ("role STUDENT → TA"); otherwise empty
 */
public record RosterChange(int line, AccountDetails details, Kind kind, String description) {

  /** Whether the line creates an account, changes one, or matches it already. */
  public enum Kind {
    CREATE,
    UPDATE,
    UNCHANGED
  }
}
