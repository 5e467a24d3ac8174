package org.pruninglab.gradebook;

import java.util.List;

/** The gradebook grid: one column per exercise, one row per student. */
public record Gradebook(List<Column> columns, List<Row> rows) {

  /** The most points all exercises together give. */
  public double maxTotal() {
    return columns.stream().mapToDouble(Column::maxScore).sum();
  }

  /** An exercise column. */
  public record Column(String exerciseId, String title, double maxScore) {

    /** The grid's and the CSV's short header, e.g. {@code kthvalue (26)}; the title is long. */
    public String header() {
      return exerciseId + " (" + Scores.points(maxScore) + ")";
    }
  }

  /**
   * A student's row. {@code total} sums the grades of record only (a missing one counts 0); {@code
   * totalWithBestSoFar} also counts the best submission so far where there is no grade of record
   * yet, which is what the total would be if every open exercise closed now on the best.
   */
  public record Row(long accountId, String username, String displayName, List<Cell> cells) {

    public double total() {
      return cells.stream().mapToDouble(c -> c.score() == null ? 0 : c.score()).sum();
    }

    public double totalWithBestSoFar() {
      return cells.stream()
          .mapToDouble(
              c -> c.score() != null ? c.score() : c.provisional() != null ? c.provisional() : 0)
          .sum();
    }

    /** Whether any exercise shows a best-so-far score (in brackets) instead of a grade. */
    public boolean hasBestSoFar() {
      return cells.stream().anyMatch(Cell::bestSoFar);
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
      Long submissionId) {

    /** No grade of record yet, but a graded submission: its score is shown in brackets. */
    public boolean bestSoFar() {
      return score == null && provisional != null;
    }
  }
}
