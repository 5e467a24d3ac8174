package org.pruninglab.labkit.pictures;

import java.util.List;

/**
 * Whole-number counts in named categories, e.g. students per score band: one bar per category,
 * drawn by {@link Svg#barChart} with whole-number ticks on the count axis.
 *
 * @param title what the chart shows, written above it
 * @param xAxis the categories' axis: name and unit, e.g. {@code score (points out of 26)}
 * @param yAxis what is counted, e.g. {@code students}
 * @param labels one per bar, written under it
 * @param counts one per bar, none negative
 */
public record BarChart(
    String title, String xAxis, String yAxis, List<String> labels, List<Long> counts) {

  public BarChart {
    labels = List.copyOf(labels);
    counts = List.copyOf(counts);
    if (labels.isEmpty() || labels.size() != counts.size()) {
      throw new IllegalArgumentException(
          "a bar chart needs as many labels as bars (labels: "
              + labels.size()
              + ", bars: "
              + counts.size()
              + ")");
    }
    if (counts.stream().anyMatch(c -> c < 0)) {
      throw new IllegalArgumentException("a bar chart counts things: no count may be negative");
    }
  }

  /** The tallest bar. */
  public long max() {
    return counts.stream().mapToLong(Long::longValue).max().orElse(0);
  }
}
