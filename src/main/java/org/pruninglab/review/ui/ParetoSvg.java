package org.pruninglab.review.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.pruninglab.gradebook.ExerciseAnalytics;
import org.pruninglab.gradebook.ExerciseAnalytics.Axis;
import org.pruninglab.gradebook.ExerciseAnalytics.ParetoPoint;
import org.pruninglab.grading.harness.ResultNames;
import org.pruninglab.labkit.pictures.AxisTicks;

/**
 * The class's pruning results as an SVG scatter of the exercise's two trade-off metrics (sparsity
 * against accuracy unless the pack names others), the Pareto front joined.
 */
final class ParetoSvg {

  private static final int W = 640;
  private static final int H = 380;
  private static final int LEFT = 72;
  private static final int BOTTOM = 64;
  private static final int TOP = 40;
  private static final String FRONT = "#d9480f";
  private static final String OTHER = "#1c7ed6";

  private ParetoSvg() {}

  static String draw(ExerciseAnalytics a) {
    List<ParetoPoint> points = a.points();
    int plotW = W - LEFT - 28; // room for the last tick, centred on the right edge
    int plotH = H - TOP - BOTTOM;
    AxisTicks xt = ticks(a.x(), points.stream().mapToDouble(ParetoPoint::x).toArray());
    AxisTicks yt = ticks(a.y(), points.stream().mapToDouble(ParetoPoint::y).toArray());
    StringBuilder svg =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\""
                    + " height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">",
                W,
                H,
                W,
                H));
    svg.append(
        String.format(
            Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>",
            LEFT,
            TOP,
            plotW,
            plotH));
    for (double v : xt.values()) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"x-tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
              LEFT + xt.at(v) * plotW,
              H - BOTTOM + 16,
              escape(tick(a.x(), xt, v))));
    }
    for (double v : yt.values()) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"y-tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
              LEFT - 6,
              TOP + (1 - yt.at(v)) * plotH + 4,
              escape(tick(a.y(), yt, v))));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text class=\"title\" x=\"%d\" y=\"22\" font-size=\"14\""
                + " text-anchor=\"middle\">%s</text>"
                + "<text class=\"x-axis\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>"
                + "<text class=\"y-axis\" x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\""
                + " text-anchor=\"middle\">%s</text>",
            W / 2,
            escape(title(a)),
            LEFT + plotW / 2,
            H - 30,
            escape(axisLabel(a.x(), a)),
            TOP + plotH / 2,
            TOP + plotH / 2,
            escape(axisLabel(a.y(), a))));
    // The rule in the legend where it fits beside "other students" (at most 7 px a character at
    // 12 px); else the legend names the front only, and the page's text gives the rule.
    String frontLabel = "on the Pareto front (" + frontRule(a) + ")";
    int others = LEFT + 36 + frontLabel.length() * 7;
    if (others + 12 + "other students".length() * 7 > W) {
      frontLabel = "on the Pareto front";
      others = LEFT + 36 + frontLabel.length() * 7;
    }
    legend(svg, LEFT, frontLabel, FRONT);
    legend(svg, others, "other students", OTHER);
    List<ParetoPoint> front =
        points.stream()
            .filter(ParetoPoint::front)
            .sorted(Comparator.comparingDouble(ParetoPoint::x))
            .toList();
    if (front.size() > 1) {
      svg.append("<polyline class=\"front\" fill=\"none\" stroke=\"" + FRONT + "\" points=\"");
      for (ParetoPoint p : front) {
        svg.append(
            String.format(
                Locale.ROOT,
                "%.1f,%.1f ",
                LEFT + clamp(xt.at(p.x())) * plotW,
                TOP + (1 - clamp(yt.at(p.y()))) * plotH));
      }
      svg.append("\"/>");
    }
    for (ParetoPoint p : points) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s: %s,"
                  + " %s</title></circle>",
              p.front() ? "point front" : "point",
              LEFT + clamp(xt.at(p.x())) * plotW,
              TOP + (1 - clamp(yt.at(p.y()))) * plotH,
              p.front() ? FRONT : OTHER,
              escape(p.username()),
              escape(name(a.x(), a) + " " + value(a.x(), p.x())),
              escape(name(a.y(), a) + " " + value(a.y(), p.y()))));
    }
    return svg.append("</svg>").toString();
  }

  /** A fraction axis runs over 0 to 100 % in quarters; any other spans its data. */
  private static AxisTicks ticks(Axis axis, double[] data) {
    if (axis.unit() == ResultNames.Unit.FRACTION) {
      return new AxisTicks(0, 1, 0.25, true);
    }
    return AxisTicks.of(data.length == 0 ? new double[] {0, 1} : data, false);
  }

  private static String tick(Axis axis, AxisTicks ticks, double v) {
    if (axis.unit() == ResultNames.Unit.BITS) {
      return String.format(Locale.ROOT, "%.0f", v / 8 / 1024);
    }
    return ticks.label(v);
  }

  private static String value(Axis axis, double v) {
    return switch (axis.unit()) {
      case FRACTION -> String.format(Locale.ROOT, "%.2f %%", 100 * v);
      case BITS -> String.format(Locale.ROOT, "%.1f KiB", v / 8 / 1024);
      case MILLISECONDS -> String.format(Locale.ROOT, "%.3g ms", v);
      default -> String.format(Locale.ROOT, "%,.4g", v);
    };
  }

  /**
   * What an axis's metric is called in a title: "sparsity", "test accuracy", the table's label.
   * Where both axes are accuracies (two-four: right after pruning vs after fine-tuning), each says
   * which.
   */
  static String name(Axis axis, ExerciseAnalytics a) {
    String metric = axis.metric();
    if (metric.equals(ResultNames.SPARSITY)) {
      return "sparsity";
    }
    if (!metric.startsWith("accuracy")) {
      return axis.label();
    }
    if (metric.equals(ResultNames.ACCURACY_FINETUNED)) {
      return bothAccuracies(a) ? "test accuracy after fine-tuning" : "test accuracy";
    }
    if (metric.equals(ResultNames.ACCURACY_PRUNED)) {
      return "test accuracy right after pruning";
    }
    return "test " + axis.label();
  }

  private static String axisLabel(Axis axis, ExerciseAnalytics a) {
    if (axis.metric().equals(ResultNames.SPARSITY)) {
      return "sparsity (% of weights that are zero)";
    }
    return name(axis, a)
        + switch (axis.unit()) {
          case FRACTION -> " (%)";
          case BITS -> " (KiB)";
          case MILLISECONDS -> " (ms)";
          default -> "";
        };
  }

  /** The rule of the front in words, e.g. "no one both sparser and more accurate". */
  static String frontRule(ExerciseAnalytics a) {
    if (bothAccuracies(a)) {
      return "no one more accurate both before and after fine-tuning";
    }
    return "no one both " + better(a.x()) + " and " + better(a.y());
  }

  /** The chart's title; it must fit the chart's 640 px at 14 px. */
  static String title(ExerciseAnalytics a) {
    if (bothAccuracies(a)) {
      return "Best result per student: accuracy right after pruning and after fine-tuning";
    }
    return "Best pruning result per student: " + name(a.x(), a) + " vs " + name(a.y(), a);
  }

  private static boolean bothAccuracies(ExerciseAnalytics a) {
    return a.x().metric().startsWith("accuracy") && a.y().metric().startsWith("accuracy");
  }

  private static String better(Axis axis) {
    if (axis.metric().equals(ResultNames.SPARSITY)) {
      return "sparser";
    }
    if (axis.metric().startsWith("accuracy")) {
      return "more accurate";
    }
    if (axis.metric().startsWith("size") || axis.metric().startsWith("parameters")) {
      return "smaller";
    }
    return (axis.higherIsBetter() ? "higher in " : "lower in ") + axis.label();
  }

  private static void legend(StringBuilder svg, int x, String label, String colour) {
    svg.append(
        String.format(
            Locale.ROOT,
            "<circle cx=\"%d\" cy=\"%d\" r=\"4\" fill=\"%s\"/>"
                + "<text class=\"legend\" x=\"%d\" y=\"%d\">%s</text>",
            x + 4,
            H - 10,
            colour,
            x + 12,
            H - 6,
            escape(label)));
  }

  private static double clamp(double v) {
    return Math.max(0, Math.min(1, v));
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
