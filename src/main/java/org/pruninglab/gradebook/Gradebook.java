package org.pruninglab.gradebook;

import java.util.List;

/** The gradebook grid: one column per exercise, one row per student. */
public record Gradebook(List<Column> columns, List<Row> rows) {

  /** An exercise column. */
  public record Column(String exerciseId, String title, double maxScore) {}

  /** A student's row; {@code total} sums the scores that exist. */
  public record Row(long accountId, String username, String displayName, List<Cell> cells) {

    public double total() {
      return cells.stream().mapToDouble(c -> c.score() == null ? 0 : c.score()).sum();
    }
  }

  /**
   * One student's standing in one exercise.
   *
   * @param score the grade of record's score (null while there is none)
   * @param provisional before the grade of record: the best submission so far (null: none)
   * @param submissionId the submission to open: the final one, else the latest
   */
  public record Cell(
      String exerciseId,
      GradeState state,
      Double score,
      Double provisional,
      double maxScore,
      boolean late,
      boolean extended,
      boolean overridden,
      Long submissionId) {}
}
