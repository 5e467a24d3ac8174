package org.pruninglab.account;

import java.util.Locale;
import java.util.Optional;

/** What a person may do in the course. */
public enum Role {
  STUDENT("Student"),
  TA("Teaching assistant"),
  INSTRUCTOR("Instructor");

  /** Role names as Spring Security authorities carry them, for {@code @RolesAllowed}. */
  public static final String STUDENT_NAME = "STUDENT";

  public static final String TA_NAME = "TA";
  public static final String INSTRUCTOR_NAME = "INSTRUCTOR";

  private final String label;

  Role(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public String authority() {
    return "ROLE_" + name();
  }

  public boolean isStaff() {
    return this != STUDENT;
  }

  /** Parses a role as people write it in a roster file: any case, surrounding blanks ignored. */
  public static Optional<Role> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String key = text.strip().toUpperCase(Locale.ROOT);
    for (Role role : values()) {
      if (role.name().equals(key)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
