package org.pruninglab.account;

import java.util.ArrayList;
import java.util.List;
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
    List<String> problems = problems(username, displayName, email);
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.get(0));
    }
  }

  /**
   * Everything wrong with these values, in column order (empty when they make valid details): a
   * roster file's line gets all of them at once, not one per upload.
   */
  public static List<String> problems(String username, String displayName, String email) {
    String user = normaliseUsername(username);
    String name = displayName == null ? "" : displayName.strip();
    String mail = email == null ? "" : email.strip();
    List<String> problems = new ArrayList<>();
    if (!USERNAME.matcher(user).matches()) {
      problems.add(
          "username '"
              + user
              + "' must be 2 to 64 characters: letters, digits, '.', '_' or '-', starting with a"
              + " letter or digit");
    }
    if (name.isEmpty()) {
      problems.add("display name is empty");
    } else if (name.length() > 200) {
      problems.add("display name is longer than 200 characters");
    } else if (name.chars().anyMatch(Character::isISOControl)) {
      problems.add("display name contains control characters");
    }
    if (mail.length() > 254 || !EMAIL.matcher(mail).matches()) {
      problems.add("'" + mail + "' is not an email address");
    }
    return problems;
  }

  /** Usernames are case-insensitive: stored and compared in lower case. */
  public static String normaliseUsername(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }
}
