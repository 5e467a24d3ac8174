package org.pruninglab.gradebook;

/**
 * What a student sees of their grade of record for one exercise.
 *
 * @param released whether the score may be shown; when false only the state is
 * @param score null unless released and graded
 * @param penaltyFactor 1 when on time
 * @param comment the comment of a staff override, shown to the student
 */
public record StudentGrade(
    GradeState state,
    boolean released,
    Double score,
    double maxScore,
    double penaltyFactor,
    boolean overridden,
    String comment) {

  /** The line the student's pages show. */
  public String describe() {
    return switch (state) {
      case OPEN -> "Not graded yet: your final submission is graded after the deadline.";
      case GRADING -> "Your final submission is being graded.";
      case NO_SUBMISSION, GRADED ->
          !released
              ? "Grading complete, not yet released."
              : "Grade: "
                  + Scores.points(score)
                  + " / "
                  + Scores.points(maxScore)
                  + (penaltyFactor < 1 && !overridden
                      ? " (late penalty: score × " + Scores.factor(penaltyFactor) + ")"
                      : "")
                  + (overridden ? " (adjusted by staff)" : "");
    };
  }
}
