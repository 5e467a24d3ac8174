package org.pruninglab.workspace;

/** Where a student stands with an exercise, as the exercises page shows it. */
public enum ExerciseStatus {
  NOT_STARTED("not started"),
  DRAFT("draft"),
  SUBMITTED("submitted"),
  GRADED("graded"),
  LATE("late");

  private final String label;

  ExerciseStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
