package org.pruninglab.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What tests check of an unexpected error as a page shows it. */
public final class ShownErrors {

  private static final Pattern ID = Pattern.compile("Error id: ([0-9a-f]{8})");

  private ShownErrors() {}

  /** Checks that {@code shown} has the plain message and an error id; returns the id. */
  public static String idShownIn(String shown) {
    assertThat(shown).contains("Something went wrong", UnexpectedErrors.MESSAGE);
    Matcher id = ID.matcher(shown);
    assertThat(id.find()).as("an error id in: %s", shown).isTrue();
    return id.group(1);
  }
}
