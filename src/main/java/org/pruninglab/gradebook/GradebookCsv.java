package org.pruninglab.gradebook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The gradebook as RFC 4180 CSV for spreadsheets: UTF-8 with a byte-order mark (so spreadsheet
 * programs read accented names right), every field quoted, CRLF line ends. One row per student; per
 * exercise the grid's score (the grade of record, else the best submission so far), its status
 * (which of the two it is) and the late, extension and adjusted marks; then the total of the grades
 * of record and the total with the best so far, as the grid's total column shows them.
 */
public final class GradebookCsv {

  private GradebookCsv() {}

  public static byte[] write(Gradebook book) {
    StringBuilder out = new StringBuilder("\uFEFF");
    List<String> header = new ArrayList<>(List.of("username", "name"));
    for (Gradebook.Column c : book.columns()) {
      header.add(c.header());
      for (String what : List.of("status", "late", "extension", "adjusted")) {
        header.add(c.exerciseId() + " " + what);
      }
    }
    String max = Scores.points(book.maxTotal());
    header.add("total (" + max + ")");
    header.add("total with best so far (" + max + ")");
    line(out, header);
    for (Gradebook.Row row : book.rows()) {
      List<String> fields = new ArrayList<>(List.of(row.username(), row.displayName()));
      for (Gradebook.Cell cell : row.cells()) {
        fields.add(Scores.points(cell.score() != null ? cell.score() : cell.provisional()));
        fields.add(status(cell));
        fields.add(cell.late() ? "late" : "");
        fields.add(cell.extended() ? "extension" : "");
        fields.add(cell.overridden() ? "adjusted" : "");
      }
      fields.add(Scores.points(row.total()));
      fields.add(Scores.points(row.totalWithBestSoFar()));
      line(out, fields);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Which score the exercise's field holds, so that a best-so-far score is never taken as final.
   */
  static String status(Gradebook.Cell cell) {
    return switch (cell.state()) {
      case GRADED -> "grade of record";
      case NO_SUBMISSION -> "no submission";
      case GRADING -> cell.bestSoFar() ? "best so far (final being graded)" : "being graded";
      case OPEN -> cell.bestSoFar() ? "best so far" : "not submitted yet";
    };
  }

  private static void line(StringBuilder out, List<String> fields) {
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quote(fields.get(i)));
    }
    out.append("\r\n");
  }

  /**
   * Quoted, with quotes doubled; a field a spreadsheet would run as a formula (=, +, -, @ first)
   * gets a leading apostrophe, so a student's name cannot become a formula in a TA's spreadsheet.
   */
  static String quote(String field) {
    String f = field == null ? "" : field;
    if (!f.isEmpty() && "=+-@\t\r".indexOf(f.charAt(0)) >= 0 && !isNumber(f)) {
      f = "'" + f;
    }
    return '"' + f.replace("\"", "\"\"") + '"';
  }

  private static boolean isNumber(String f) {
    try {
      Double.parseDouble(f);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
