package org.pruninglab.labkit.pictures;

import java.util.List;

/**
 * One or more series of (x, y) points drawn as lines on shared axes, with optional horizontal
 * reference lines: a layer's accuracy against sparsity with the dense accuracy as a line, or
 * sparsity and accuracy against the training step. Drawn by {@link Svg#lineChart}; the pictures
 * panel draws every chart a test records, under its title, in the order they were recorded.
 *
 * @param title what the chart shows, written above it, e.g. {@code conv1.weight: accuracy against
 *     sparsity}
 * @param x the horizontal axis
 * @param y the vertical axis
 * @param series at least one, each with at least one point
 * @param lines horizontal reference lines (may be empty), e.g. the dense model's accuracy
 */
public record LineChart(String title, Axis x, Axis y, List<Series> series, List<Reference> lines) {

  /** How an axis's numbers are read. */
  public enum Scale {
    /** A fraction from 0 to 1, written as a percentage; the axis runs from 0 to 100 %. */
    FRACTION,
    /** Any finite number (a step, a round, a loss), written as it is. */
    NUMBER
  }

  /**
   * @param label the axis's name with its unit where it has one, e.g. {@code training step}
   */
  public record Axis(String label, Scale scale) {}

  /**
   * @param label written in the chart's legend, e.g. {@code after fine-tuning}
   * @param points in the order they are joined, usually increasing x
   */
  public record Series(String label, List<Point> points) {
    public Series {
      points = List.copyOf(points);
      if (points.isEmpty()) {
        throw new IllegalArgumentException("the series '" + label + "' has no points");
      }
    }
  }

  public record Point(double x, double y) {
    public Point {
      if (!Double.isFinite(x) || !Double.isFinite(y)) {
        throw new IllegalArgumentException(
            "a chart's points must be finite: (" + x + ", " + y + ")");
      }
    }
  }

  /** A dashed horizontal line at {@code y}, labelled, e.g. {@code dense 91.2 %}. */
  public record Reference(String label, double y) {}

  public LineChart {
    series = List.copyOf(series);
    lines = List.copyOf(lines);
    if (series.isEmpty()) {
      throw new IllegalArgumentException("the chart '" + title + "' has no series");
    }
  }

  /** A chart of one series and no reference line. */
  public static LineChart of(String title, Axis x, Axis y, Series series) {
    return new LineChart(title, x, y, List.of(series), List.of());
  }
}
