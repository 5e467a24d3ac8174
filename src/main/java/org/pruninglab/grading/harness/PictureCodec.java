package org.pruninglab.grading.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pruninglab.labkit.pictures.Histogram;
import org.pruninglab.labkit.pictures.KernelMaps;
import org.pruninglab.labkit.pictures.LineChart;
import org.pruninglab.labkit.pictures.MaskBitmap;
import org.pruninglab.labkit.pictures.SparsityCurve;

/**
 * The one format of the lab kit's pictures in a result: the harness writes it inside the sandbox
 * and the app reads it back, both here, so the two sides cannot drift apart. It carries its own
 * small JSON reader and writer because the harness has no JSON library on its class path.
 *
 * <p>What is read came from a process that ran student code, so every size is bounded and every
 * number must be finite; a picture that fails a check is left out ({@link Optional#empty()}) rather
 * than drawn wrong.
 */
public final class PictureCodec {

  public static final String HISTOGRAM = "histogram";
  public static final String MASK = "mask";
  public static final String KERNELS = "kernels";
  public static final String CURVE = "curve";
  public static final String CHART = "chart";

  private static final int MAX_BINS = 200;
  private static final int MAX_CELLS = 128 * 128;
  private static final int MAX_KERNELS = 256;
  private static final int MAX_POINTS = 100;
  private static final int MAX_SERIES = 12;
  private static final int MAX_CHART_POINTS = 2000;
  private static final int MAX_LINES = 8;
  private static final int MAX_TITLE = 120;
  private static final int MAX_CHARS = 4 * 1024 * 1024;

  private PictureCodec() {}

  /** The kind a lab kit picture is stored as; throws for anything that is not one. */
  static String kindOf(Object picture) {
    if (picture instanceof Histogram) {
      return HISTOGRAM;
    } else if (picture instanceof MaskBitmap) {
      return MASK;
    } else if (picture instanceof KernelMaps) {
      return KERNELS;
    } else if (picture instanceof SparsityCurve) {
      return CURVE;
    } else if (picture instanceof LineChart) {
      return CHART;
    }
    throw new IllegalArgumentException("not a lab kit picture: " + picture);
  }

  /** A lab kit picture as compact JSON (the {@code data} of a picture line). */
  static String write(Object picture) {
    if (picture instanceof Histogram h) {
      return write(h);
    } else if (picture instanceof MaskBitmap m) {
      return write(m);
    } else if (picture instanceof KernelMaps k) {
      return write(k);
    } else if (picture instanceof SparsityCurve c) {
      return write(c);
    } else if (picture instanceof LineChart c) {
      return write(c);
    }
    throw new IllegalArgumentException("not a lab kit picture: " + picture);
  }

  static String write(Histogram h) {
    StringBuilder b = new StringBuilder("{\"layer\":").append(Json.string(h.layer()));
    b.append(",\"edges\":[");
    double[] edges = h.edges();
    for (int i = 0; i < edges.length; i++) {
      b.append(i == 0 ? "" : ",").append(number(edges[i]));
    }
    b.append("],\"counts\":[");
    long[] counts = h.counts();
    for (int i = 0; i < counts.length; i++) {
      b.append(i == 0 ? "" : ",").append(counts[i]);
    }
    return b.append("],\"zeros\":").append(h.zeros()).append('}').toString();
  }

  static String write(MaskBitmap m) {
    StringBuilder b = new StringBuilder("{\"layer\":").append(Json.string(m.layer()));
    b.append(",\"rows\":").append(m.rows());
    b.append(",\"columns\":").append(m.columns());
    b.append(",\"blockRows\":").append(m.blockRows());
    b.append(",\"blockColumns\":").append(m.blockColumns());
    b.append(",\"density\":[");
    float[] d = m.density();
    for (int i = 0; i < d.length; i++) {
      // Three decimals are more than a pixel's shade can show.
      b.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT, "%.3f", d[i]));
    }
    return b.append("]}").toString();
  }

  static String write(KernelMaps k) {
    StringBuilder b = new StringBuilder("{\"layer\":").append(Json.string(k.layer()));
    b.append(",\"kernels\":[");
    boolean first = true;
    for (KernelMaps.Kernel kernel : k.kernels()) {
      b.append(first ? "" : ",");
      first = false;
      b.append("{\"channel\":").append(kernel.channel());
      b.append(",\"rows\":").append(kernel.rows());
      b.append(",\"columns\":").append(kernel.columns());
      b.append(",\"values\":[");
      float[] v = kernel.values();
      for (int i = 0; i < v.length; i++) {
        b.append(i == 0 ? "" : ",").append(number(v[i]));
      }
      b.append("]}");
    }
    return b.append("]}").toString();
  }

  static String write(SparsityCurve c) {
    StringBuilder b = new StringBuilder("{\"label\":").append(Json.string(c.label()));
    b.append(",\"points\":[");
    boolean first = true;
    for (SparsityCurve.Point p : c.points()) {
      b.append(first ? "" : ",");
      first = false;
      b.append("{\"sparsity\":").append(number(p.sparsity()));
      b.append(",\"accuracy\":").append(number(p.accuracy())).append('}');
    }
    return b.append("]}").toString();
  }

  static String write(LineChart c) {
    StringBuilder b = new StringBuilder("{\"title\":").append(Json.string(c.title()));
    b.append(",\"x\":").append(write(c.x()));
    b.append(",\"y\":").append(write(c.y()));
    b.append(",\"series\":[");
    for (int i = 0; i < c.series().size(); i++) {
      LineChart.Series series = c.series().get(i);
      b.append(i == 0 ? "" : ",").append("{\"label\":").append(Json.string(series.label()));
      b.append(",\"points\":[");
      for (int j = 0; j < series.points().size(); j++) {
        LineChart.Point p = series.points().get(j);
        b.append(j == 0 ? "" : ",").append('[').append(number(p.x())).append(',');
        b.append(number(p.y())).append(']');
      }
      b.append("]}");
    }
    b.append("],\"lines\":[");
    for (int i = 0; i < c.lines().size(); i++) {
      LineChart.Reference line = c.lines().get(i);
      b.append(i == 0 ? "" : ",").append("{\"label\":").append(Json.string(line.label()));
      b.append(",\"y\":").append(number(line.y())).append('}');
    }
    return b.append("]}").toString();
  }

  private static String write(LineChart.Axis axis) {
    return "{\"label\":"
        + Json.string(axis.label())
        + ",\"scale\":"
        + Json.string(axis.scale().name())
        + "}";
  }

  private static String number(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "null";
  }

  public static Optional<Histogram> readHistogram(String kind, String json) {
    return read(
        kind,
        json,
        HISTOGRAM,
        n -> {
          double[] edges = doubles(n.get("edges"), MAX_BINS + 1);
          long[] counts = longs(n.get("counts"), MAX_BINS);
          return new Histogram(text(n, "layer"), edges, counts, nonNegative(n, "zeros"));
        });
  }

  public static Optional<MaskBitmap> readMask(String kind, String json) {
    return read(
        kind,
        json,
        MASK,
        n -> {
          double[] d = doubles(n.get("density"), MAX_CELLS);
          float[] density = new float[d.length];
          for (int i = 0; i < d.length; i++) {
            if (d[i] < 0 || d[i] > 1) {
              throw new IllegalArgumentException("density outside [0, 1]");
            }
            density[i] = (float) d[i];
          }
          return new MaskBitmap(
              text(n, "layer"),
              positive(n, "rows"),
              positive(n, "columns"),
              positive(n, "blockRows"),
              positive(n, "blockColumns"),
              density);
        });
  }

  public static Optional<KernelMaps> readKernels(String kind, String json) {
    return read(
        kind,
        json,
        KERNELS,
        n -> {
          List<KernelMaps.Kernel> kernels = new ArrayList<>();
          List<?> list = list(n.get("kernels"), MAX_KERNELS);
          for (Object item : list) {
            Map<?, ?> k = object(item);
            int rows = positive(k, "rows");
            int columns = positive(k, "columns");
            if (rows > 16 || columns > 16) {
              throw new IllegalArgumentException("kernel too large");
            }
            double[] v = doubles(k.get("values"), rows * columns);
            float[] values = new float[v.length];
            for (int i = 0; i < v.length; i++) {
              values[i] = (float) v[i];
            }
            kernels.add(new KernelMaps.Kernel(nonNegativeInt(k, "channel"), rows, columns, values));
          }
          return new KernelMaps(text(n, "layer"), kernels);
        });
  }

  public static Optional<SparsityCurve> readCurve(String kind, String json) {
    return read(
        kind,
        json,
        CURVE,
        n -> {
          List<SparsityCurve.Point> points = new ArrayList<>();
          for (Object item : list(n.get("points"), MAX_POINTS)) {
            Map<?, ?> pt = object(item);
            points.add(new SparsityCurve.Point(unit(pt.get("sparsity")), unit(pt.get("accuracy"))));
          }
          return new SparsityCurve(text(n, "label"), points);
        });
  }

  /**
   * A chart as the sandbox sent it. Besides the sizes, every value on a {@code FRACTION} axis must
   * lie in [0, 1]: a chart that claims 140 % accuracy is left out, not drawn off its axis.
   */
  public static Optional<LineChart> readChart(String kind, String json) {
    return read(
        kind,
        json,
        CHART,
        n -> {
          LineChart.Axis x = axis(n.get("x"));
          LineChart.Axis y = axis(n.get("y"));
          List<LineChart.Series> series = new ArrayList<>();
          int total = 0;
          for (Object item : list(n.get("series"), MAX_SERIES)) {
            Map<?, ?> sn = object(item);
            List<LineChart.Point> points = new ArrayList<>();
            for (Object pair : list(sn.get("points"), MAX_CHART_POINTS)) {
              double[] xy = doubles(pair, 2);
              if (xy.length != 2) {
                throw new IllegalArgumentException("a point is a pair");
              }
              points.add(new LineChart.Point(on(x, xy[0]), on(y, xy[1])));
            }
            total += points.size();
            if (total > MAX_CHART_POINTS || points.isEmpty()) {
              throw new IllegalArgumentException("too many points, or none");
            }
            series.add(new LineChart.Series(text(sn, "label"), points));
          }
          List<LineChart.Reference> lines = new ArrayList<>();
          for (Object item : list(n.get("lines"), MAX_LINES)) {
            Map<?, ?> ln = object(item);
            if (!(ln.get("y") instanceof Double v) || !Double.isFinite(v)) {
              throw new IllegalArgumentException("a line needs a finite y");
            }
            lines.add(new LineChart.Reference(text(ln, "label"), on(y, v)));
          }
          if (series.isEmpty()) {
            throw new IllegalArgumentException("no series");
          }
          return new LineChart(text(n, "title", MAX_TITLE), x, y, series, lines);
        });
  }

  private static LineChart.Axis axis(Object v) {
    Map<?, ?> a = object(v);
    LineChart.Scale scale;
    try {
      scale = LineChart.Scale.valueOf(text(a, "scale"));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown scale");
    }
    return new LineChart.Axis(text(a, "label"), scale);
  }

  private static double on(LineChart.Axis axis, double v) {
    return axis.scale() == LineChart.Scale.FRACTION ? unit(v) : v;
  }

  private interface Parse<T> {
    T from(Map<?, ?> n);
  }

  private static <T> Optional<T> read(String kind, String json, String wanted, Parse<T> parse) {
    if (!wanted.equals(kind) || json == null || json.length() > MAX_CHARS) {
      return Optional.empty();
    }
    try {
      Object root = new Reader(json).document();
      return root instanceof Map<?, ?> n ? Optional.of(parse.from(n)) : Optional.empty();
    } catch (IllegalArgumentException malformed) {
      return Optional.empty();
    }
  }

  private static String text(Map<?, ?> n, String field) {
    return text(n, field, 64);
  }

  private static String text(Map<?, ?> n, String field, int max) {
    Object v = n.get(field);
    String s =
        v instanceof String text
            ? text
            : v instanceof Double d ? Reader.plain(d) : v instanceof Boolean b ? b.toString() : "";
    if (s.length() > max) {
      throw new IllegalArgumentException(field + " too long");
    }
    return s;
  }

  private static Map<?, ?> object(Object v) {
    if (v instanceof Map<?, ?> m) {
      return m;
    }
    throw new IllegalArgumentException("not an object");
  }

  private static List<?> list(Object v, int max) {
    if (v instanceof List<?> l && l.size() <= max) {
      return l;
    }
    throw new IllegalArgumentException("bad list");
  }

  private static double[] doubles(Object v, int max) {
    List<?> list = list(v, max);
    if (list.isEmpty()) {
      throw new IllegalArgumentException("empty list");
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      if (!(list.get(i) instanceof Double d) || !Double.isFinite(d)) {
        throw new IllegalArgumentException("not a finite number");
      }
      out[i] = d;
    }
    return out;
  }

  private static long[] longs(Object v, int max) {
    double[] d = doubles(v, max);
    long[] out = new long[d.length];
    for (int i = 0; i < d.length; i++) {
      if (d[i] < 0 || d[i] != Math.rint(d[i])) {
        throw new IllegalArgumentException("not a count");
      }
      out[i] = (long) d[i];
    }
    return out;
  }

  private static long nonNegative(Map<?, ?> n, String field) {
    if (!(n.get(field) instanceof Double d) || d < 0 || d != Math.rint(d) || d > Long.MAX_VALUE) {
      throw new IllegalArgumentException(field);
    }
    return d.longValue();
  }

  private static int nonNegativeInt(Map<?, ?> n, String field) {
    long v = nonNegative(n, field);
    if (v > 1_000_000) {
      throw new IllegalArgumentException(field);
    }
    return (int) v;
  }

  private static int positive(Map<?, ?> n, String field) {
    int v = nonNegativeInt(n, field);
    if (v == 0) {
      throw new IllegalArgumentException(field);
    }
    return v;
  }

  private static double unit(Object v) {
    if (!(v instanceof Double d) || !(d >= 0 && d <= 1)) {
      throw new IllegalArgumentException("outside [0, 1]");
    }
    return d;
  }

  /**
   * A strict reader of the JSON subset pictures use: objects, arrays, strings, numbers (as {@link
   * Double}), {@code true}, {@code false}, {@code null}; nesting is bounded. Any error throws
   * {@link IllegalArgumentException}.
   */
  private static final class Reader {

    private static final int MAX_DEPTH = 8;

    private final String s;
    private int at;

    Reader(String s) {
      this.s = s;
    }

    static String plain(double d) {
      return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    Object document() {
      Object v = value(0);
      space();
      if (at != s.length()) {
        throw new IllegalArgumentException("text after the value");
      }
      return v;
    }

    private Object value(int depth) {
      if (depth > MAX_DEPTH) {
        throw new IllegalArgumentException("nested too deep");
      }
      space();
      if (at >= s.length()) {
        throw new IllegalArgumentException("unexpected end");
      }
      char c = s.charAt(at);
      switch (c) {
        case '{' -> {
          at++;
          Map<String, Object> out = new LinkedHashMap<>();
          space();
          if (peek('}')) {
            return out;
          }
          do {
            space();
            String key = string();
            space();
            expect(':');
            out.put(key, value(depth + 1));
            space();
          } while (peek(','));
          expect('}');
          return out;
        }
        case '[' -> {
          at++;
          List<Object> out = new ArrayList<>();
          space();
          if (peek(']')) {
            return out;
          }
          do {
            out.add(value(depth + 1));
            space();
          } while (peek(','));
          expect(']');
          return out;
        }
        case '"' -> {
          return string();
        }
        default -> {
          if (word("true")) {
            return Boolean.TRUE;
          } else if (word("false")) {
            return Boolean.FALSE;
          } else if (word("null")) {
            return null;
          }
          return number();
        }
      }
    }

    private boolean word(String w) {
      if (s.startsWith(w, at)) {
        at += w.length();
        return true;
      }
      return false;
    }

    private Double number() {
      int start = at;
      while (at < s.length() && "+-0123456789.eE".indexOf(s.charAt(at)) >= 0) {
        at++;
      }
      String text = s.substring(start, at);
      if (text.isEmpty() || !text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
        throw new IllegalArgumentException("not a number at " + start);
      }
      return Double.valueOf(text);
    }

    private String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (true) {
        if (at >= s.length()) {
          throw new IllegalArgumentException("unterminated string");
        }
        char c = s.charAt(at++);
        if (c == '"') {
          return b.toString();
        } else if (c == '\\') {
          if (at >= s.length()) {
            throw new IllegalArgumentException("unterminated escape");
          }
          char e = s.charAt(at++);
          switch (e) {
            case '"', '\\', '/' -> b.append(e);
            case 'b' -> b.append('\b');
            case 'f' -> b.append('\f');
            case 'n' -> b.append('\n');
            case 'r' -> b.append('\r');
            case 't' -> b.append('\t');
            case 'u' -> {
              if (at + 4 > s.length()) {
                throw new IllegalArgumentException("short unicode escape");
              }
              try {
                b.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
              } catch (NumberFormatException bad) {
                throw new IllegalArgumentException("bad unicode escape");
              }
              at += 4;
            }
            default -> throw new IllegalArgumentException("bad escape");
          }
        } else if (c < 0x20) {
          throw new IllegalArgumentException("control character in a string");
        } else {
          b.append(c);
        }
      }
    }

    private void space() {
      while (at < s.length() && " \t\r\n".indexOf(s.charAt(at)) >= 0) {
        at++;
      }
    }

    private boolean peek(char c) {
      if (at < s.length() && s.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      if (!peek(c)) {
        throw new IllegalArgumentException("expected " + c + " at " + at);
      }
    }
  }
}
