package org.pruninglab.gradebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GradebookCsvTest {

  private static Gradebook.Cell cell(String id, Double score, double max) {
    return new Gradebook.Cell(id, GradeState.GRADED, score, null, max, false, false, false, null);
  }

  @Test
  void quoted_utf8_with_a_byte_order_mark_and_crlf() {
    Gradebook book =
        new Gradebook(
            List.of(
                new Gradebook.Column("kthvalue", "Magnitude, \"kthvalue\"", 24),
                new Gradebook.Column("filter-pruning", "Filters", 19)),
            List.of(
                new Gradebook.Row(
                    1,
                    "zoe",
                    "Zoë Ångström-Núñez",
                    List.of(cell("kthvalue", 19.2, 24), cell("filter-pruning", null, 19))),
                new Gradebook.Row(
                    2,
                    "=cmd",
                    "@SUM(A1)",
                    List.of(cell("kthvalue", 24.0, 24), cell("filter-pruning", 0.0, 19)))));

    byte[] bytes = GradebookCsv.write(book);

    assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
    String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
    assertThat(text.split("\r\n", -1))
        .containsExactly(
            "\"username\",\"name\",\"Magnitude, \"\"kthvalue\"\" (24)\",\"Filters (19)\",\"total"
                + " (43)\"",
            "\"zoe\",\"Zoë Ångström-Núñez\",\"19.20\",\"\",\"19.20\"",
            "\"'=cmd\",\"'@SUM(A1)\",\"24\",\"0\",\"24\"",
            "");
  }

  @Test
  void negative_numbers_are_not_mistaken_for_formulas() {
    assertThat(GradebookCsv.quote("-1.5")).isEqualTo("\"-1.5\"");
    assertThat(GradebookCsv.quote("-cmd")).isEqualTo("\"'-cmd\"");
  }
}
