package org.pruninglab.deadline;

import java.time.Duration;

/** Durations in words, as deadlines pages show them ("2 days 3 hours"). */
public final class Durations {

  private Durations() {}

  public static String words(Duration d) {
    long minutes = d.toMinutes();
    long days = minutes / (24 * 60);
    long hours = minutes / 60 % 24;
    long mins = minutes % 60;
    StringBuilder out = new StringBuilder();
    append(out, days, "day");
    append(out, hours, "hour");
    append(out, mins, "minute");
    return out.isEmpty() ? "0 minutes" : out.toString();
  }

  private static void append(StringBuilder out, long n, String unit) {
    if (n == 0) {
      return;
    }
    if (!out.isEmpty()) {
      out.append(' ');
    }
    out.append(n).append(' ').append(unit).append(n == 1 ? "" : "s");
  }
}
