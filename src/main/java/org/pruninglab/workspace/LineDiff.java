package org.pruninglab.workspace;

import java.util.ArrayList;
import java.util.List;

/**
 * A side-by-side line diff of two files (longest common subsequence), as review tools show it:
 * unchanged lines face each other, removed lines stand on the left with a gap on the right, and
 * added lines the other way round.
 */
public final class LineDiff {

  /** Lines beyond this are listed as removed and added without alignment (bounds the memory). */
  static final int MAX_LINES = 1_500;

  /** One row: a left line, a right line, or both; numbers from 1, 0 where the side is empty. */
  public record Row(Change change, int leftNumber, String left, int rightNumber, String right) {}

  public enum Change {
    SAME,
    REMOVED,
    ADDED,
    CHANGED
  }

  private LineDiff() {}

  public static List<Row> compare(String leftText, String rightText) {
    String[] a = lines(leftText);
    String[] b = lines(rightText);
    int n = Math.min(a.length, MAX_LINES);
    int m = Math.min(b.length, MAX_LINES);
    int[][] lcs = new int[n + 1][m + 1];
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        lcs[i][j] =
            a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
      }
    }
    List<Row> rows = new ArrayList<>();
    List<Integer> removed = new ArrayList<>();
    List<Integer> added = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < n || j < m) {
      if (i < n && j < m && a[i].equals(b[j])) {
        flush(rows, a, b, removed, added);
        rows.add(new Row(Change.SAME, i + 1, a[i], j + 1, b[j]));
        i++;
        j++;
      } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
        added.add(j++);
      } else {
        removed.add(i++);
      }
    }
    flush(rows, a, b, removed, added);
    for (int k = n; k < a.length; k++) {
      rows.add(new Row(Change.REMOVED, k + 1, a[k], 0, null));
    }
    for (int k = m; k < b.length; k++) {
      rows.add(new Row(Change.ADDED, 0, null, k + 1, b[k]));
    }
    return rows;
  }

  /** Pairs a run of removed lines with the added lines that replace them. */
  private static void flush(
      List<Row> rows, String[] a, String[] b, List<Integer> removed, List<Integer> added) {
    int pairs = Math.min(removed.size(), added.size());
    for (int k = 0; k < pairs; k++) {
      int l = removed.get(k);
      int r = added.get(k);
      rows.add(new Row(Change.CHANGED, l + 1, a[l], r + 1, b[r]));
    }
    for (int k = pairs; k < removed.size(); k++) {
      int l = removed.get(k);
      rows.add(new Row(Change.REMOVED, l + 1, a[l], 0, null));
    }
    for (int k = pairs; k < added.size(); k++) {
      int r = added.get(k);
      rows.add(new Row(Change.ADDED, 0, null, r + 1, b[r]));
    }
    removed.clear();
    added.clear();
  }

  private static String[] lines(String text) {
    if (text == null || text.isEmpty()) {
      return new String[0];
    }
    return text.split("\r?\n", -1);
  }
}
