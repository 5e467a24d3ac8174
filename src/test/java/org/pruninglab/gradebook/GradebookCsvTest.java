package org.pruninglab.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradebookCsvTest {

  private static Gradebook.Cell cell(String id, Double score, double max) {
    return new Gradebook.Cell(id, GradeState.GRADED, score, null, max, false, false, false, null);
  }

  /** A cell with the marks named in {@code marks}: late, ext, adj. */
  private static Gradebook.Cell marked(
      String id, GradeState state, Double score, Double best, String marks) {
    return new Gradebook.Cell(
        id,
        state,
        score,
        best,
        20,
        marks.contains("late"),
        marks.contains("ext"),
        marks.contains("adj"),
        best == null ? null : 1L);
  }

  private static Gradebook.Row row(long id, String username, String name, Gradebook.Cell... cells) {
    return new Gradebook.Row(id, username, name, List.of(cells));
  }

  @Test
  void quoted_utf8_with_a_byte_order_mark_and_crlf() {
    Gradebook book =
        new Gradebook(
            List.of(
                new Gradebook.Column("kthvalue", "Magnitude, \"kthvalue\"", 24),
                new Gradebook.Column("filter-pruning", "Filters", 19)),
            List.of(
                row(
                    1,
                    "zoe",
                    "Zoë \"Z\" Ångström-Núñez",
                    cell("kthvalue", 19.2, 24),
                    cell("filter-pruning", null, 19)),
                row(
                    2,
                    "=cmd",
                    "@SUM(A1)",
                    cell("kthvalue", 24.0, 24),
                    cell("filter-pruning", 0.0, 19))));

    byte[] bytes = GradebookCsv.write(book);

    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
    assertThat(text.split("\r\n", -1))
        .containsExactly(
            "\"username\",\"name\",\"kthvalue (24)\",\"kthvalue status\",\"kthvalue late\","
                + "\"kthvalue extension\",\"kthvalue adjusted\",\"filter-pruning (19)\","
                + "\"filter-pruning status\",\"filter-pruning late\",\"filter-pruning extension\","
                + "\"filter-pruning adjusted\",\"total (43)\",\"total with best so far (43)\"",
            "\"zoe\",\"Zoë \"\"Z\"\" Ångström-Núñez\",\"19.20\",\"grade of record\",\"\",\"\",\"\",\"\","
                + "\"grade of record\",\"\",\"\",\"\",\"19.20\",\"19.20\"",
            "\"'=cmd\",\"'@SUM(A1)\",\"24\",\"grade of record\",\"\",\"\",\"\",\"0\","
                + "\"grade of record\",\"\",\"\",\"\",\"24\",\"24\"",
            "");
  }

  @Test
  void before_the_deadline_the_best_so_far_is_there_and_marked_as_such_with_the_marks() {
    Gradebook book =
        new Gradebook(
            List.of(
                new Gradebook.Column("kthvalue", "Magnitude pruning", 26),
                new Gradebook.Column("mask-fine-tune", "Fine-tuning", 15),
                new Gradebook.Column("filter-pruning", "Filters", 19)),
            List.of(
                row(
                    1,
                    "alice",
                    "Alice",
                    marked("kthvalue", GradeState.GRADED, 20.8, 26.0, "late ext"),
                    marked("mask-fine-tune", GradeState.OPEN, null, 9.5, ""),
                    marked("filter-pruning", GradeState.OPEN, null, null, "")),
                row(
                    2,
                    "bob",
                    "Bob",
                    marked("kthvalue", GradeState.GRADED, 25.0, 13.0, "adj"),
                    marked("mask-fine-tune", GradeState.GRADING, null, 3.0, ""),
                    marked("filter-pruning", GradeState.NO_SUBMISSION, 0.0, null, ""))));

    String[] lines =
        new String(GradebookCsv.write(book), StandardCharsets.UTF_8).substring(1).split("\r\n");

    assertThat(lines[0])
        .startsWith("\"username\",\"name\",\"kthvalue (26)\",\"kthvalue status\"")
        .endsWith("\"total (60)\",\"total with best so far (60)\"");
    assertThat(lines[1])
        .isEqualTo(
            "\"alice\",\"Alice\",\"20.80\",\"grade of record\",\"late\",\"extension\",\"\","
                + "\"9.50\",\"best so far\",\"\",\"\",\"\","
                + "\"\",\"not submitted yet\",\"\",\"\",\"\","
                + "\"20.80\",\"30.30\"");
    assertThat(lines[2])
        .isEqualTo(
            "\"bob\",\"Bob\",\"25\",\"grade of record\",\"\",\"\",\"adjusted\","
                + "\"3\",\"best so far (final being graded)\",\"\",\"\",\"\","
                + "\"0\",\"no submission\",\"\",\"\",\"\","
                + "\"25\",\"28\"");
  }

  @Test
  void negative_numbers_are_not_mistaken_for_formulas() {
    assertThat(GradebookCsv.quote("-1.5")).isEqualTo("\"-1.5\"");
    assertThat(GradebookCsv.quote("-cmd")).isEqualTo("\"'-cmd\"");
  }
}
