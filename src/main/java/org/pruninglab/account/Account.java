package org.pruninglab.account;

import java.time.Instant;
import java.util.Objects;

/**
 * One person's account.
 *
 * @param hasPassword false until a password has been issued; such an account cannot sign in
 */
public record Account(
    long id,
    String username,
    String displayName,
    String email,
    Role role,
    boolean active,
    boolean hasPassword,
    boolean mustChangePassword,
    Instant createdAt) {

  public Account {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(displayName, "displayName");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** True when this account can sign in with a password. */
  public boolean canSignIn() {
    return active && hasPassword;
  }
}
