package org.pruninglab.gradebook;

import java.util.Locale;

/** Scores as pages and the CSV write them: whole numbers bare, else two decimals. */
public final class Scores {

  private Scores() {}

  public static String points(Double p) {
    if (p == null) {
      return "";
    }
    return p == Math.rint(p)
        ? String.format(Locale.ROOT, "%d", p.longValue())
        : String.format(Locale.ROOT, "%.2f", p);
  }

  /** A late-penalty factor, "0.80". */
  public static String factor(double f) {
    return String.format(Locale.ROOT, "%.2f", f);
  }
}
