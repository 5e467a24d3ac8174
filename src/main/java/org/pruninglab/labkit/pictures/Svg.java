package org.pruninglab.labkit.pictures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Renders the pictures' data as standalone SVG documents: no scripts, no external references, so a
 * file can be opened in any browser or embedded in a statement.
 */
public final class Svg {

  private static final String BLUE = "#2b6cb0";
  private static final String[] SERIES = {"#2b6cb0", "#c53030", "#2f855a", "#b7791f", "#6b46c1"};

  private Svg() {}

  public static String histogram(Histogram h) {
    int w = 640;
    int ht = 360;
    int left = 64;
    int bottom = 40;
    int top = 40;
    int plotW = w - left - 16;
    int plotH = ht - top - bottom;
    long[] counts = h.counts();
    double[] edges = h.edges();
    long max = 1;
    for (long c : counts) {
      max = Math.max(max, c);
    }
    StringBuilder s = open(w, ht);
    title(
        s,
        w,
        h.layer()
            + ": "
            + String.format(Locale.ROOT, "%,d", h.total())
            + " weights, "
            + String.format(Locale.ROOT, "%,d", h.zeros())
            + " exactly zero");
    double barW = (double) plotW / counts.length;
    for (int i = 0; i < counts.length; i++) {
      double bh = (double) plotH * counts[i] / max;
      s.append(rect(left + i * barW, top + plotH - bh, Math.max(barW - 0.5, 0.5), bh, BLUE, 1));
    }
    double zeroX = left + plotW * (0 - edges[0]) / (edges[edges.length - 1] - edges[0]);
    if (zeroX >= left && zeroX <= left + plotW) {
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1='%.1f' y1='%d' x2='%.1f' y2='%d' stroke='#c53030' stroke-dasharray='4 3'/>%n",
              zeroX,
              top,
              zeroX,
              top + plotH));
    }
    axes(s, left, top, plotW, plotH);
    text(s, left, top + plotH + 16, fmt(edges[0]), "start");
    text(s, left + plotW, top + plotH + 16, fmt(edges[edges.length - 1]), "end");
    text(s, left + plotW / 2.0, ht - 6, "weight value", "middle", "x-axis");
    yAxis(s, top + plotH / 2.0, "weights");
    text(s, left - 6, top + 10, String.format(Locale.ROOT, "%,d", max), "end");
    text(s, left - 6, top + plotH, "0", "end");
    return close(s);
  }

  /**
   * Bars of whole-number counts: the count axis has whole-number ticks only (a step of 1, 2, 5, 10,
   * … so that there are at most six), each bar its count on top, and both axes their names.
   */
  public static String barChart(BarChart c) {
    int w = 640;
    int ht = 360;
    int left = 64;
    int top = 40;
    int plotW = w - left - 16;
    int plotH = ht - top - 64;
    long step = countStep(c.max());
    long axisTop = Math.max(step, (c.max() + step - 1) / step * step);
    StringBuilder s = open(w, ht);
    title(s, w, c.title());
    for (long v = 0; v <= axisTop; v += step) {
      double y = top + plotH - (double) plotH * v / axisTop;
      gridLine(s, left, left + plotW, y);
      text(s, left - 6, y + 4, Long.toString(v), "end", "y-tick");
    }
    List<Long> counts = c.counts();
    double slot = (double) plotW / counts.size();
    // Thin the labels out where bars are narrower than a label (about 28 px).
    int every = (int) Math.ceil(28 / slot);
    for (int i = 0; i < counts.size(); i++) {
      double bh = (double) plotH * counts.get(i) / axisTop;
      double x = left + i * slot;
      s.append(rect(x + slot * 0.1, top + plotH - bh, slot * 0.8, bh, BLUE, 1));
      if (counts.get(i) > 0) {
        text(
            s, x + slot / 2, top + plotH - bh - 4, Long.toString(counts.get(i)), "middle", "count");
      }
      if (i % every == 0) {
        text(s, x + slot / 2, top + plotH + 16, c.labels().get(i), "middle", "x-tick");
      }
    }
    axes(s, left, top, plotW, plotH);
    text(s, left + plotW / 2.0, ht - 18, c.xAxis(), "middle", "x-axis");
    yAxis(s, top + plotH / 2.0, c.yAxis());
    return close(s);
  }

  /** The smallest of 1, 2, 5, 10, 20, 50, … that needs at most five steps to reach {@code max}. */
  static long countStep(long max) {
    for (long decade = 1; ; decade *= 10) {
      for (long m : new long[] {1, 2, 5}) {
        if (max <= 5 * m * decade) {
          return m * decade;
        }
      }
    }
  }

  public static String maskBitmap(MaskBitmap m) {
    int cell = Math.max(2, Math.min(12, 512 / Math.max(m.cellRows(), m.cellColumns())));
    int w = Math.max(320, m.cellColumns() * cell + 32);
    int ht = m.cellRows() * cell + 72;
    StringBuilder s = open(w, ht);
    title(
        s,
        w,
        m.layer()
            + ": "
            + m.rows()
            + " × "
            + m.columns()
            + " weights"
            + (m.blockRows() * m.blockColumns() > 1
                ? ", one cell per " + m.blockRows() + " × " + m.blockColumns() + " block"
                : "")
            + "; dark = kept");
    s.append(rect(16, 40, m.cellColumns() * cell, m.cellRows() * cell, "#ffffff", 1));
    for (int r = 0; r < m.cellRows(); r++) {
      for (int c = 0; c < m.cellColumns(); c++) {
        float d = m.density(r, c);
        if (d > 0) {
          s.append(rect(16 + c * cell, 40 + r * cell, cell, cell, BLUE, d));
        }
      }
    }
    s.append(
        String.format(
            Locale.ROOT,
            "<rect x='16' y='40' width='%d' height='%d' fill='none' stroke='#4a5568'/>%n",
            m.cellColumns() * cell,
            m.cellRows() * cell));
    return close(s);
  }

  public static String kernelMaps(KernelMaps k) {
    List<KernelMaps.Kernel> kernels = k.kernels();
    int cols = Math.min(8, kernels.size());
    int rows = (kernels.size() + cols - 1) / cols;
    KernelMaps.Kernel first = kernels.get(0);
    int cell = 28;
    int boxW = first.columns() * cell;
    int boxH = first.rows() * cell + 18;
    int w = cols * (boxW + 12) + 12;
    int ht = rows * (boxH + 12) + 40;
    float top = Math.max(k.maxMagnitude(), Float.MIN_NORMAL);
    StringBuilder s = open(w, ht);
    title(s, w, k.layer() + ": kernels on input channel 0 (colour = |w|, text = w)");
    for (KernelMaps.Kernel kernel : kernels) {
      int x0 = 12 + (kernel.channel() % cols) * (boxW + 12);
      int y0 = 40 + (kernel.channel() / cols) * (boxH + 12);
      text(s, x0 + boxW / 2.0, y0 + 12, "Kernel " + (kernel.channel() + 1), "middle");
      for (int r = 0; r < kernel.rows(); r++) {
        for (int c = 0; c < kernel.columns(); c++) {
          float mag = kernel.magnitude(r, c) / top;
          double x = x0 + c * cell;
          double y = y0 + 18 + r * cell;
          s.append(rect(x, y, cell, cell, BLUE, 0.08 + 0.92 * mag));
          s.append(
              String.format(
                  Locale.ROOT,
                  "<text x='%.1f' y='%.1f' font-size='8' text-anchor='middle' fill='%s'>%.2f</text>%n",
                  x + cell / 2.0,
                  y + cell / 2.0 + 3,
                  mag > 0.55 ? "#ffffff" : "#1a202c",
                  kernel.value(r, c)));
        }
      }
    }
    return close(s);
  }

  public static String accuracyVsSparsity(List<SparsityCurve> curves) {
    int w = 640;
    int ht = 400;
    int left = 56;
    int top = 40;
    int plotW = w - left - 24;
    int plotH = ht - top - 72;
    StringBuilder s = open(w, ht);
    title(s, w, "Test accuracy after pruning, before fine-tuning");
    for (int i = 0; i <= 10; i += 2) {
      double y = top + plotH - plotH * i / 10.0;
      double x = left + plotW * i / 10.0;
      text(s, left - 6, y + 4, (i * 10) + " %", "end");
      text(s, x, top + plotH + 16, (i * 10) + " %", "middle");
      gridLine(s, left, left + plotW, y);
    }
    axes(s, left, top, plotW, plotH);
    text(s, left + plotW / 2.0, top + plotH + 34, "sparsity", "middle", "x-axis");
    yAxis(s, top + plotH / 2.0, "test accuracy");
    for (int i = 0; i < curves.size(); i++) {
      SparsityCurve curve = curves.get(i);
      String colour = SERIES[i % SERIES.length];
      StringBuilder points = new StringBuilder();
      for (SparsityCurve.Point p : curve.points()) {
        double x = left + plotW * p.sparsity();
        double y = top + plotH - plotH * p.accuracy();
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        s.append(
            String.format(
                Locale.ROOT,
                "<circle cx='%.1f' cy='%.1f' r='3' fill='%s'><title>%.0f %%: %.2f %%</title></circle>%n",
                x,
                y,
                colour,
                100 * p.sparsity(),
                100 * p.accuracy()));
      }
      s.append("<polyline fill='none' stroke-width='2' stroke='")
          .append(colour)
          .append("' points='")
          .append(points.toString().trim())
          .append("'/>\n");
      double ly = ht - 14;
      double lx = left + i * 200;
      s.append(rect(lx, ly - 9, 10, 10, colour, 1));
      text(s, lx + 14, ly, curve.label(), "start");
    }
    return close(s);
  }

  /**
   * A {@link LineChart}: its series as lines (with a dot and a tooltip per point when there are few
   * enough to tell apart), its reference lines dashed, a legend that wraps under the plot. A
   * fraction axis is written in percent and spans only the range the data needs (rounded out to
   * tidy steps), so a layer whose accuracy moves between 85 % and 91 % is not drawn as a flat line.
   */
  public static String lineChart(LineChart c) {
    int w = 640;
    int left = 64;
    int top = 40;
    int plotW = w - left - 24;
    int plotH = 260;
    List<double[]> legend = new ArrayList<>();
    List<String> legendText = new ArrayList<>();
    double lx = left;
    double ly = top + plotH + 56;
    List<String> labels = new ArrayList<>();
    c.series().forEach(series -> labels.add(series.label()));
    c.lines().forEach(line -> labels.add(line.label()));
    for (String label : labels) {
      double width = 22 + 6.5 * label.length();
      if (lx > left && lx + width > w - 8) {
        lx = left;
        ly += 18;
      }
      legend.add(new double[] {lx, ly});
      legendText.add(label);
      lx += width + 16;
    }
    int ht = (int) ly + 16;
    double[] xs =
        c.series().stream()
            .flatMap(series -> series.points().stream())
            .mapToDouble(LineChart.Point::x)
            .toArray();
    double[] ys =
        Stream.concat(
                c.series().stream()
                    .flatMap(series -> series.points().stream())
                    .map(LineChart.Point::y),
                c.lines().stream().map(LineChart.Reference::y))
            .mapToDouble(Double::doubleValue)
            .toArray();
    Ticks xt = Ticks.of(xs, c.x().scale());
    Ticks yt = Ticks.of(ys, c.y().scale());
    StringBuilder s = open(w, ht);
    title(s, w, c.title());
    for (double v : yt.values()) {
      double y = top + plotH - plotH * yt.at(v);
      text(s, left - 6, y + 4, yt.label(v), "end");
      gridLine(s, left, left + plotW, y);
    }
    for (double v : xt.values()) {
      text(s, left + plotW * xt.at(v), top + plotH + 16, xt.label(v), "middle");
    }
    axes(s, left, top, plotW, plotH);
    text(s, left + plotW / 2.0, top + plotH + 34, c.x().label(), "middle", "x-axis");
    yAxis(s, top + plotH / 2.0, c.y().label());
    int n = 0;
    for (LineChart.Reference line : c.lines()) {
      double y = top + plotH - plotH * yt.at(line.y());
      s.append(
          String.format(
              Locale.ROOT,
              "<line class='reference' x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#4a5568'"
                  + " stroke-dasharray='6 4'><title>%s: %s</title></line>%n",
              left,
              y,
              left + plotW,
              y,
              escape(line.label()),
              escape(yt.label(line.y()))));
      double[] at = legend.get(c.series().size() + n++);
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1='%.1f' y1='%.1f' x2='%.1f' y2='%.1f' stroke='#4a5568'"
                  + " stroke-dasharray='4 3'/>%n",
              at[0],
              at[1] - 4,
              at[0] + 14,
              at[1] - 4));
    }
    for (int i = 0; i < c.series().size(); i++) {
      LineChart.Series series = c.series().get(i);
      String colour = SERIES[i % SERIES.length];
      boolean dots = series.points().size() <= 60;
      StringBuilder points = new StringBuilder();
      s.append("<g class='series' data-points='").append(series.points().size()).append("'>\n");
      for (LineChart.Point p : series.points()) {
        double x = left + plotW * xt.at(p.x());
        double y = top + plotH - plotH * yt.at(p.y());
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        if (dots) {
          s.append(
              String.format(
                  Locale.ROOT,
                  "<circle cx='%.1f' cy='%.1f' r='3' fill='%s'><title>%s: %s, %s</title></circle>%n",
                  x,
                  y,
                  colour,
                  escape(series.label()),
                  escape(xt.label(p.x())),
                  escape(yt.label(p.y()))));
        }
      }
      s.append("<polyline fill='none' stroke-width='2' stroke='")
          .append(colour)
          .append("' points='")
          .append(points.toString().trim())
          .append("'/>\n</g>\n");
      double[] at = legend.get(i);
      s.append(rect(at[0], at[1] - 9, 14, 10, colour, 1));
    }
    for (int i = 0; i < legend.size(); i++) {
      double[] at = legend.get(i);
      text(s, at[0] + 20, at[1], legendText.get(i), "start", "legend");
    }
    return close(s);
  }

  /** Tidy tick marks for one axis: 1, 2 or 5 times a power of ten apart, covering the data. */
  private record Ticks(double from, double to, double step, LineChart.Scale scale) {

    static Ticks of(double[] data, LineChart.Scale scale) {
      double lo = Arrays.stream(data).min().orElse(0);
      double hi = Arrays.stream(data).max().orElse(1);
      if (scale == LineChart.Scale.FRACTION) {
        lo = Math.max(0, lo);
        hi = Math.min(1, hi);
      }
      if (hi - lo < 1e-9) {
        double pad = scale == LineChart.Scale.FRACTION ? 0.05 : Math.max(1, Math.abs(hi) * 0.1);
        lo -= pad;
        hi += pad;
      }
      double raw = (hi - lo) / 5;
      double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
      double step = magnitude;
      for (double m : new double[] {1, 2, 5, 10}) {
        if (m * magnitude >= raw) {
          step = m * magnitude;
          break;
        }
      }
      if (scale == LineChart.Scale.FRACTION) {
        step = Math.max(step, 0.01);
      }
      double from = Math.floor(lo / step + 1e-9) * step;
      double to = Math.ceil(hi / step - 1e-9) * step;
      if (scale == LineChart.Scale.FRACTION) {
        from = Math.max(0, from);
        to = Math.min(1, to);
      }
      return new Ticks(from, to, step, scale);
    }

    List<Double> values() {
      List<Double> out = new ArrayList<>();
      for (int i = 0; from + i * step <= to + step * 1e-6; i++) {
        out.add(from + i * step);
      }
      return out;
    }

    /** Where {@code v} lies between the first and the last tick, 0 to 1. */
    double at(double v) {
      return (v - from) / (to - from);
    }

    String label(double v) {
      if (scale == LineChart.Scale.FRACTION) {
        return step >= 0.01 - 1e-12 && Math.abs(v * 100 - Math.rint(v * 100)) < 1e-6
            ? String.format(Locale.ROOT, "%.0f %%", 100 * v)
            : String.format(Locale.ROOT, "%.2f %%", 100 * v);
      }
      return Math.abs(v - Math.rint(v)) < 1e-9 && Math.abs(v) < 1e12
          ? String.format(Locale.ROOT, "%,d", (long) Math.rint(v))
          : fmt(v);
    }
  }

  private static StringBuilder open(int w, int h) {
    StringBuilder s = new StringBuilder();
    s.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' viewBox='0 0 %d %d' "
                + "font-family='sans-serif' font-size='11'>%n",
            w,
            h,
            w,
            h));
    s.append(String.format(Locale.ROOT, "<rect width='%d' height='%d' fill='#ffffff'/>%n", w, h));
    return s;
  }

  private static String close(StringBuilder s) {
    return s.append("</svg>\n").toString();
  }

  private static void title(StringBuilder s, int w, String title) {
    s.append(
        String.format(
            Locale.ROOT,
            "<text class='title' x='%.1f' y='22' font-size='14' text-anchor='middle'>%s</text>%n",
            w / 2.0,
            escape(title)));
  }

  private static void axes(StringBuilder s, int left, int top, int plotW, int plotH) {
    s.append(
        String.format(
            Locale.ROOT,
            "<path d='M%d %d V%d H%d' fill='none' stroke='#4a5568'/>%n",
            left,
            top,
            top + plotH,
            left + plotW));
  }

  private static void gridLine(StringBuilder s, int from, int to, double y) {
    s.append(
        String.format(
            Locale.ROOT,
            "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='#e2e8f0'/>%n",
            from,
            y,
            to,
            y));
  }

  /** The vertical axis's name, turned to read upwards, centred on {@code y}. */
  private static void yAxis(StringBuilder s, double y, String name) {
    s.append(
        String.format(
            Locale.ROOT,
            "<text class='y-axis' x='16' y='%.1f' transform='rotate(-90 16 %.1f)'"
                + " text-anchor='middle'>%s</text>%n",
            y,
            y,
            escape(name)));
  }

  private static void text(StringBuilder s, double x, double y, String text, String anchor) {
    text(s, x, y, text, anchor, null);
  }

  private static void text(
      StringBuilder s, double x, double y, String text, String anchor, String cls) {
    s.append(
        String.format(
            Locale.ROOT,
            "<text%s x='%.1f' y='%.1f' text-anchor='%s'>%s</text>%n",
            cls == null ? "" : " class='" + cls + "'",
            x,
            y,
            anchor,
            escape(text)));
  }

  private static String rect(double x, double y, double w, double h, String fill, double op) {
    return String.format(
        Locale.ROOT,
        "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='%s'%s/>%n",
        x,
        y,
        w,
        h,
        fill,
        op >= 1 ? "" : String.format(Locale.ROOT, " fill-opacity='%.3f'", op));
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.3g", v);
  }

  static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("'", "&apos;")
        .replace("\"", "&quot;");
  }
}
