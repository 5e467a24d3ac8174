package org.pruninglab.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** Which passwords people may choose, and how one-time passwords are made. */
@Component
class PasswordPolicy {

  /** bcrypt reads only the first 72 bytes; longer passwords would silently lose their tail. */
  static final int MAX_BYTES = 72;

  // No 0/O, 1/l/I: one-time passwords are read off a screen and typed by hand.
  private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final int ONE_TIME_LENGTH = 16;

  private final int minLength;
  private final SecureRandom random = new SecureRandom();

  PasswordPolicy(AccountProperties properties) {
    this.minLength = properties.minPasswordLength();
  }

  /** Throws {@link AccountException} saying what is wrong with the chosen password. */
  void check(String username, String password) {
    if (password == null || password.codePointCount(0, password.length()) < minLength) {
      throw new AccountException(
          "The new password must have at least " + minLength + " characters.");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new AccountException("The new password is too long (at most " + MAX_BYTES + " bytes).");
    }
    if (password.isBlank()) {
      throw new AccountException("The new password must not be only spaces.");
    }
    if (password.strip().toLowerCase(Locale.ROOT).equals(username)) {
      throw new AccountException("The new password must differ from the username.");
    }
  }

  String oneTimePassword() {
    StringBuilder sb = new StringBuilder(ONE_TIME_LENGTH);
    for (int i = 0; i < ONE_TIME_LENGTH; i++) {
      sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return sb.toString();
  }
}
