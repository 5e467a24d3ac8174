package org.pruninglab.account;

/** A one-time password just issued; it is shown once and never stored in clear. */
public record IssuedPassword(String username, String displayName, String password) {

  @Override
  public String toString() {
    return "IssuedPassword[username=" + username + ", password=<hidden>]";
  }
}
