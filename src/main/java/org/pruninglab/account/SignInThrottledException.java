package org.pruninglab.account;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** Sign-in refused without checking the password, because too many tries failed recently. */
public class SignInThrottledException extends AuthenticationException {

  private final Duration retryAfter;

  public SignInThrottledException(Duration retryAfter) {
    super("Too many failed sign-in attempts");
    this.retryAfter = retryAfter;
  }

  /** Whole minutes to wait, at least one. */
  public long retryAfterMinutes() {
    return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
  }
}
