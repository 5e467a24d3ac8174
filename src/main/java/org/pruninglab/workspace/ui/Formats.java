package org.pruninglab.workspace.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.pruninglab.workspace.HistoryItem;

/** Times, countdowns and scores as the student's pages write them. */
public final class Formats {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("d MMM HH:mm:ss", Locale.ENGLISH);

  private Formats() {}

  public static String when(Instant t, ZoneId zone) {
    return WHEN.format(t.atZone(zone)) + " (" + zone.getId() + ")";
  }

  /** As {@link #when} without the zone, for lists whose heading names it. */
  public static String day(Instant t, ZoneId zone) {
    return WHEN.format(t.atZone(zone));
  }

  public static String clock(Instant t, ZoneId zone) {
    return CLOCK.format(t.atZone(zone));
  }

  /** "in 3 d 4 h", "in 12 min", or "passed 2 h ago". */
  public static String countdown(Instant due, Instant now) {
    Duration d = Duration.between(now, due);
    if (d.isNegative() || d.isZero()) {
      return "passed " + span(d.negated()) + " ago";
    }
    return "in " + span(d);
  }

  private static String span(Duration d) {
    long minutes = d.toMinutes();
    if (minutes < 1) {
      return "less than a minute";
    }
    if (minutes < 60) {
      return minutes + " min";
    }
    long hours = d.toHours();
    if (hours < 48) {
      return hours + " h " + (minutes % 60) + " min";
    }
    return d.toDays() + " d " + (hours % 24) + " h";
  }

  public static String points(double p) {
    return p == Math.rint(p)
        ? String.format(Locale.ROOT, "%d", (long) p)
        : String.format(Locale.ROOT, "%.1f", p);
  }

  /** "practice run", "submission", … ; whether it is late or practice its badges say. */
  public static String kind(HistoryItem h) {
    return switch (h.kind()) {
      case RUN -> "practice run";
      case SUBMISSION -> "submission";
      case AUTOGRADE -> "after-deadline grading";
      case REGRADE -> "regrade";
    };
  }

  /** The shown score of a graded run, or nothing before it is graded. */
  public static String score(HistoryItem h) {
    return h.result() == null
        ? ""
        : points(h.result().score()) + " / " + points(h.result().maxScore());
  }

  public static String score(Double score, double max) {
    return score == null ? "—" : points(score) + " / " + points(max);
  }
}
