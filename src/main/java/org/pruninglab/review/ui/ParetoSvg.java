package org.pruninglab.review.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.pruninglab.gradebook.ExerciseAnalytics.ParetoPoint;

/** The class's pruning results as an SVG scatter (sparsity vs accuracy), the front joined. */
final class ParetoSvg {

  private static final int W = 640;
  private static final int H = 360;
  private static final int LEFT = 64;
  private static final int BOTTOM = 44;
  private static final int TOP = 24;

  private ParetoSvg() {}

  static String draw(List<ParetoPoint> points) {
    int plotW = W - LEFT - 16;
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
              "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.0f %%</text>"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f %%</text>",
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
            "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">sparsity</text>"
                + "<text x=\"14\" y=\"%d\" transform=\"rotate(-90 14 %d)\""
                + " text-anchor=\"middle\">accuracy</text>",
            LEFT + plotW / 2,
            H - 6,
            TOP + plotH / 2,
            TOP + plotH / 2));
    List<ParetoPoint> front =
        points.stream()
            .filter(ParetoPoint::front)
            .sorted(Comparator.comparingDouble(ParetoPoint::sparsity))
            .toList();
    if (front.size() > 1) {
      svg.append("<polyline class=\"front\" fill=\"none\" stroke=\"#d9480f\" points=\"");
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
              p.front() ? "#d9480f" : "#1c7ed6",
              escape(p.username()),
              p.sparsity() * 100,
              p.accuracy() * 100));
    }
    return svg.append("</svg>").toString();
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
