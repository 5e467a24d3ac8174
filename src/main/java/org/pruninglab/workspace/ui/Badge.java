package org.pruninglab.workspace.ui;

import com.vaadin.flow.component.dependency.JsModule;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import org.pruninglab.submission.SubmissionKind;
import org.pruninglab.workspace.ExerciseStatus;
import org.pruninglab.workspace.HistoryItem;

/**
 * The one badge of the lab's pages: a small Lumo badge whose tooltip says what it means. The words
 * late, extended, adjusted and practice look the same on every page that uses them. Lumo's badge
 * styles are not loaded by default, so this class loads them for the whole document.
 */
@JsModule("@vaadin/vaadin-lumo-styles/badge-global.js")
public final class Badge extends Span {

  private Badge(String text, String tone, String meaning) {
    super(text);
    getElement().getThemeList().add("badge");
    getElement().getThemeList().add("small");
    if (!tone.isEmpty()) {
      getElement().getThemeList().add(tone);
    }
    getElement().setAttribute("data-badge", text);
    setTitle(meaning);
    addClassName("lab-badge");
    getStyle()
        .set("margin-left", "var(--lumo-space-xs)")
        .set("white-space", "nowrap")
        .set("vertical-align", "middle");
  }

  /** A submission that counts and arrived after the deadline; {@code meaning} says whose. */
  public static Badge late(String meaning) {
    return new Badge("late", "error", meaning);
  }

  public static Badge late() {
    return late("Sent after the deadline, in the late period: the late penalty applies.");
  }

  /** A grade of record whose final submission was late (staff pages). */
  public static Badge lateFinal() {
    return late("The final submission arrived after the deadline: the late penalty applies.");
  }

  public static Badge extended(String meaning) {
    return new Badge("extended", "", meaning);
  }

  /** On the student's own pages. */
  public static Badge extendedForYou() {
    return extended("Your deadline was extended for you.");
  }

  public static Badge extended() {
    return extended("The deadline was extended for this student.");
  }

  public static Badge adjusted(String meaning) {
    return new Badge("adjusted", "contrast", meaning);
  }

  public static Badge adjusted() {
    return adjusted("Staff set this score by hand, with a comment the student sees.");
  }

  public static Badge practice(String meaning) {
    return new Badge("practice", "contrast", meaning);
  }

  public static Badge practice() {
    return practice("Never counts: a practice run, or a submission sent after submissions closed.");
  }

  /**
   * A run's or submission's badges: late for a late one that counts, practice for one that never
   * does.
   */
  public static List<Badge> of(HistoryItem h) {
    List<Badge> out = new ArrayList<>();
    if (h.late()) {
      out.add(late());
    }
    if (h.practice()) {
      out.add(
          practice(
              h.kind() == SubmissionKind.RUN
                  ? "A practice run of the public tests: never counts."
                  : "Sent after submissions closed: accepted as practice, never counts."));
    }
    return out;
  }

  /** An exercise's status, its meaning as the tooltip. */
  public static Badge status(ExerciseStatus status) {
    String tone =
        switch (status) {
          case GRADED -> "success";
          case SUBMITTED, GRADING, AWAITING_RELEASE -> "";
          case NOT_SUBMITTED -> "error";
          case DRAFT, NOT_STARTED -> "contrast";
        };
    Badge b = new Badge(status.label(), tone, status.meaning());
    b.getStyle().remove("margin-left");
    b.getElement().setAttribute("data-status", status.name());
    return b;
  }
}
