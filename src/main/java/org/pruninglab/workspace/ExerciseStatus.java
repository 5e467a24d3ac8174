package org.pruninglab.workspace;

import org.pruninglab.gradebook.StudentGrade;

/**
 * Where a student stands with an exercise, as the exercises page shows it: each status means one
 * thing, said by {@link #meaning()} (the page's legend and the badge's tooltip). None depends on a
 * score, so none says anything about a hidden test before grades are released.
 */
public enum ExerciseStatus {
  NOT_STARTED("not started", "Nothing saved, run or submitted yet."),
  DRAFT("draft", "Work saved or practice runs, but no submission that counts yet."),
  SUBMITTED(
      "submitted",
      "You have a submission that counts; your final one is graded with the hidden tests once"
          + " your submissions close."),
  GRADING("being graded", "Your final submission is being graded with the hidden tests."),
  AWAITING_RELEASE(
      "awaiting release",
      "Grading is complete; your grade and the hidden tests' results appear when the instructor"
          + " releases them."),
  GRADED("graded", "Your grade is released: it is in the Grade column."),
  NOT_SUBMITTED("not submitted", "Your submissions closed without a submission that counts.");

  private final String label;
  private final String meaning;

  ExerciseStatus(String label, String meaning) {
    this.label = label;
    this.meaning = meaning;
  }

  public String label() {
    return label;
  }

  /** The one sentence the status stands for. */
  public String meaning() {
    return meaning;
  }

  /**
   * @param submitted whether the student has a submission that counts
   * @param started whether they saved work or ran or sent anything
   */
  static ExerciseStatus of(StudentGrade grade, boolean submitted, boolean started) {
    return switch (grade.state()) {
      case GRADING -> GRADING;
      case NO_SUBMISSION -> NOT_SUBMITTED;
      case GRADED -> grade.released() ? GRADED : AWAITING_RELEASE;
      case OPEN -> submitted ? SUBMITTED : started ? DRAFT : NOT_STARTED;
    };
  }
}
