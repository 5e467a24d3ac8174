package org.pruninglab.review.ui;

/** Counts with their noun in the right number: "1 student", "3 students". */
final class Plural {

  private Plural() {}

  static String of(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
