package org.pruninglab.exercise;

import java.util.List;

/**
 * A deliberately wrong solution and the tests that must catch it.
 *
 * @param name folder name under {@code grader/<id>/wrong/}
 * @param why the mistake, in one sentence
 * @param caughtBy test methods ({@code Class#method}) that must fail; every other test must pass
 */
public record KnownWrongVariant(String name, String why, String source, List<String> caughtBy) {

  public KnownWrongVariant {
    caughtBy = List.copyOf(caughtBy);
  }
}
