package org.pruninglab.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pruninglab.workspace.LineDiff.Change;
import org.pruninglab.workspace.LineDiff.Row;

class LineDiffTest {

  @Test
  void unchanged_lines_face_each_other_and_a_replaced_line_is_paired() {
    List<Row> rows = LineDiff.compare("a\nb\nc\n", "a\nB\nc\n");

    assertThat(rows)
        .extracting(Row::change)
        .containsExactly(Change.SAME, Change.CHANGED, Change.SAME, Change.SAME);
    assertThat(rows.get(1)).isEqualTo(new Row(Change.CHANGED, 2, "b", 2, "B"));
  }

  @Test
  void added_and_removed_lines_leave_a_gap_on_the_other_side() {
    List<Row> rows = LineDiff.compare("a\nb\nc", "a\nc\nd");

    assertThat(rows)
        .containsExactly(
            new Row(Change.SAME, 1, "a", 1, "a"),
            new Row(Change.REMOVED, 2, "b", 0, null),
            new Row(Change.SAME, 3, "c", 2, "c"),
            new Row(Change.ADDED, 0, null, 3, "d"));
  }

  @Test
  void identical_and_empty_files() {
    assertThat(LineDiff.compare("x\ny", "x\ny")).allMatch(r -> r.change() == Change.SAME);
    assertThat(LineDiff.compare("", "")).isEmpty();
    assertThat(LineDiff.compare(null, "one"))
        .containsExactly(new Row(Change.ADDED, 0, null, 1, "one"));
  }

  @Test
  void windows_line_ends_compare_equal_to_unix_ones() {
    assertThat(LineDiff.compare("a\r\nb", "a\nb")).allMatch(r -> r.change() == Change.SAME);
  }

  @Test
  void very_long_files_are_bounded_and_lose_no_line() {
    String left = "x\n".repeat(LineDiff.MAX_LINES + 10);
    String right = "x\n".repeat(LineDiff.MAX_LINES + 5);
    List<Row> rows = LineDiff.compare(left, right);
    long leftLines = rows.stream().filter(r -> r.leftNumber() > 0).count();
    long rightLines = rows.stream().filter(r -> r.rightNumber() > 0).count();
    assertThat(leftLines).isEqualTo(LineDiff.MAX_LINES + 11);
    assertThat(rightLines).isEqualTo(LineDiff.MAX_LINES + 6);
  }
}
