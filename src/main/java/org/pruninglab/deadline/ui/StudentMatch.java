package org.pruninglab.deadline.ui;

import java.util.List;
import java.util.Locale;
import org.pruninglab.account.Account;

/** Finds the student someone typed into a search box: by username or name, whole or in part. */
final class StudentMatch {

  private StudentMatch() {}

  /** Whole matches if there are any (so "bob" is not also "bobby"), else partial ones. */
  static List<Account> matching(String typed, List<Account> students) {
    String t = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    if (t.isEmpty()) {
      return List.of();
    }
    List<Account> whole =
        students.stream()
            .filter(
                a ->
                    a.username().equals(t)
                        || a.displayName().toLowerCase(Locale.ROOT).equals(t)
                        || label(a).toLowerCase(Locale.ROOT).equals(t))
            .toList();
    if (!whole.isEmpty()) {
      return whole;
    }
    return students.stream().filter(a -> label(a).toLowerCase(Locale.ROOT).contains(t)).toList();
  }

  static String problem(String typed, List<Account> matches) {
    String t = typed == null ? "" : typed.strip();
    if (matches.isEmpty()) {
      return "No student matches '" + t + "'.";
    }
    List<String> names = matches.stream().limit(5).map(Account::username).toList();
    return "'"
        + t
        + "' matches "
        + matches.size()
        + " students ("
        + String.join(", ", names)
        + (matches.size() > 5 ? ", …" : "")
        + "): type more of the name.";
  }

  static String label(Account a) {
    return a.username() + " (" + a.displayName() + ")";
  }
}
