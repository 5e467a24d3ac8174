package org.pruninglab.gradebook;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The gradebook as RFC 4180 CSV for spreadsheets: UTF-8 with a byte-order mark (so spreadsheet
 * programs read accented names right), every field quoted, CRLF line ends. One row per student, one
 * column per exercise (the grade of record's score; empty while there is none), and the total.
 */
public final class GradebookCsv {

  private GradebookCsv() {}

  public static byte[] write(Gradebook book) {
    StringBuilder out = new StringBuilder("\uFEFF");
    List<String> header = new ArrayList<>(List.of("username", "name"));
    double max = 0;
    for (Gradebook.Column c : book.columns()) {
      header.add(c.title() + " (" + Scores.points(c.maxScore()) + ")");
      max += c.maxScore();
    }
    header.add("total (" + Scores.points(max) + ")");
    line(out, header);
    for (Gradebook.Row row : book.rows()) {
      List<String> fields = new ArrayList<>(List.of(row.username(), row.displayName()));
      for (Gradebook.Cell cell : row.cells()) {
        fields.add(Scores.points(cell.score()));
      }
      fields.add(Scores.points(row.total()));
      line(out, fields);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
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
