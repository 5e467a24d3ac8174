package org.pruninglab.review.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.pruninglab.gradebook.ExerciseAnalytics.ParetoPoint;

/** The class's pruning results as an SVG scatter (sparsity vs accuracy), the front joined. */
final class ParetoSvg {

  private static final int W = 640;
  private static final int H = 380;
  private static final int LEFT = 64;
  private static final int BOTTOM = 64;
  private static final int TOP = 40;
  private static final String FRONT = "#d9480f";
  private static final String OTHER = "#1c7ed6";

  private ParetoSvg() {}

  static String draw(List<ParetoPoint> points) {
    int plotW = W - LEFT - 28; // room for the last tick, "100 %", centred on the right edge
    int plotH = H - TOP - BOTTOM;
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
    for (int i = 0; i <= 4; i++) {
      double v = i / 4.0;
      svg.append(
          String.format(
              Locale.ROOT,
              "<text class=\"x-tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.0f %%</text>"
                  + "<text class=\"y-tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f"
                  + " %%</text>",
              LEFT + v * plotW,
              H - BOTTOM + 16,
              v * 100,
              LEFT - 6,
              TOP + (1 - v) * plotH + 4,
              v * 100));
    }
    svg.append(
        String.format(
            Locale.ROOT,
            "<text class=\"title\" x=\"%d\" y=\"22\" font-size=\"14\""
                + " text-anchor=\"middle\">%s</text>"
                + "<text class=\"x-axis\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">"
                + "sparsity (%% of weights that are zero)</text>"
                + "<text class=\"y-axis\" x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\""
                + " text-anchor=\"middle\">test accuracy (%%)</text>",
            W / 2,
            escape("Best pruning result per student: sparsity vs test accuracy"),
            LEFT + plotW / 2,
            H - 30,
            TOP + plotH / 2,
            TOP + plotH / 2));
    legend(svg, LEFT, "on the Pareto front (no one both sparser and more accurate)", FRONT);
    legend(svg, LEFT + 400, "other students", OTHER);
    List<ParetoPoint> front =
        points.stream()
            .filter(ParetoPoint::front)
            .sorted(Comparator.comparingDouble(ParetoPoint::sparsity))
            .toList();
    if (front.size() > 1) {
      svg.append("<polyline class=\"front\" fill=\"none\" stroke=\"" + FRONT + "\" points=\"");
      for (ParetoPoint p : front) {
        svg.append(
            String.format(
                Locale.ROOT, "%.1f,%.1f ", x(p.sparsity(), plotW), y(p.accuracy(), plotH)));
      }
      svg.append("\"/>");
    }
    for (ParetoPoint p : points) {
      svg.append(
          String.format(
              Locale.ROOT,
              "<circle class=\"%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"><title>%s: %.1f %%"
                  + " sparse, %.2f %% accurate</title></circle>",
              p.front() ? "point front" : "point",
              x(p.sparsity(), plotW),
              y(p.accuracy(), plotH),
              p.front() ? FRONT : OTHER,
              escape(p.username()),
              p.sparsity() * 100,
              p.accuracy() * 100));
    }
    return svg.append("</svg>").toString();
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

  private static double x(double sparsity, int plotW) {
    return LEFT + clamp(sparsity) * plotW;
  }

  private static double y(double accuracy, int plotH) {
    return TOP + (1 - clamp(accuracy)) * plotH;
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
