package org.pruninglab.account;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The part of an account that a roster file or the instructor's form sets, already normalised:
 * username lower-cased, text stripped. Construction fails with a message meant for people.
 */
public record AccountDetails(String username, String displayName, String email, Role role) {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
  // Deliberately simple: one @, no blanks, a dot in the domain. Mail servers decide the rest.
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  public AccountDetails {
    Objects.requireNonNull(role, "role");
    username = normaliseUsername(username);
    displayName = displayName == null ? "" : displayName.strip();
    email = email == null ? "" : email.strip();
    if (!USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException(
          "username '"
              + username
              + "' must be 2 to 64 characters: letters, digits, '.', '_' or '-', starting with a"
              + " letter or digit");
    }
    if (displayName.isEmpty()) {
      throw new IllegalArgumentException("display name is empty");
    }
    if (displayName.length() > 200) {
      throw new IllegalArgumentException("display name is longer than 200 characters");
    }
    if (displayName.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException("display name contains control characters");
    }
    if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
      throw new IllegalArgumentException("'" + email + "' is not an email address");
    }
  }

  /** Usernames are case-insensitive: stored and compared in lower case. */
  public static String normaliseUsername(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }
}
