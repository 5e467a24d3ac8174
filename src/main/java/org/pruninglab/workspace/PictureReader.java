package org.pruninglab.workspace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.pruninglab.grading.RecordedPicture;
import org.pruninglab.labkit.pictures.Histogram;
import org.pruninglab.labkit.pictures.KernelMaps;
import org.pruninglab.labkit.pictures.MaskBitmap;
import org.pruninglab.labkit.pictures.SparsityCurve;

/**
 * Turns the pictures a sandbox run recorded back into the lab kit's records. The data came from a
 * process that ran student code, so every size is bounded and every number must be finite; a
 * picture that fails a check is left out rather than drawn wrong.
 */
public final class PictureReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_BINS = 200;
  private static final int MAX_CELLS = 128 * 128;
  private static final int MAX_KERNELS = 256;
  private static final int MAX_POINTS = 100;

  private PictureReader() {}

  public static Optional<Histogram> histogram(RecordedPicture p) {
    return parse(
        p,
        "histogram",
        n -> {
          double[] edges = doubles(n.path("edges"), MAX_BINS + 1);
          long[] counts = longs(n.path("counts"), MAX_BINS);
          return new Histogram(text(n, "layer"), edges, counts, nonNegative(n, "zeros"));
        });
  }

  public static Optional<MaskBitmap> mask(RecordedPicture p) {
    return parse(
        p,
        "mask",
        n -> {
          double[] d = doubles(n.path("density"), MAX_CELLS);
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

  public static Optional<KernelMaps> kernels(RecordedPicture p) {
    return parse(
        p,
        "kernels",
        n -> {
          List<KernelMaps.Kernel> kernels = new ArrayList<>();
          JsonNode list = n.path("kernels");
          if (!list.isArray() || list.size() > MAX_KERNELS) {
            throw new IllegalArgumentException("kernels");
          }
          for (JsonNode k : list) {
            int rows = positive(k, "rows");
            int columns = positive(k, "columns");
            if (rows > 16 || columns > 16) {
              throw new IllegalArgumentException("kernel too large");
            }
            double[] v = doubles(k.path("values"), rows * columns);
            float[] values = new float[v.length];
            for (int i = 0; i < v.length; i++) {
              values[i] = (float) v[i];
            }
            kernels.add(new KernelMaps.Kernel(nonNegativeInt(k, "channel"), rows, columns, values));
          }
          return new KernelMaps(text(n, "layer"), kernels);
        });
  }

  public static Optional<SparsityCurve> curve(RecordedPicture p) {
    return parse(
        p,
        "curve",
        n -> {
          JsonNode list = n.path("points");
          if (!list.isArray() || list.size() > MAX_POINTS) {
            throw new IllegalArgumentException("points");
          }
          List<SparsityCurve.Point> points = new ArrayList<>();
          for (JsonNode pt : list) {
            points.add(
                new SparsityCurve.Point(unit(pt.path("sparsity")), unit(pt.path("accuracy"))));
          }
          return new SparsityCurve(text(n, "label"), points);
        });
  }

  private interface Parse<T> {
    T from(JsonNode n);
  }

  private static <T> Optional<T> parse(RecordedPicture p, String kind, Parse<T> parse) {
    try {
      return read(p, kind).map(parse::from);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<JsonNode> read(RecordedPicture p, String kind) {
    if (p == null || !kind.equals(p.kind()) || p.json() == null) {
      return Optional.empty();
    }
    try {
      JsonNode n = JSON.readTree(p.json());
      return n != null && n.isObject() ? Optional.of(n) : Optional.empty();
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  private static String text(JsonNode n, String field) {
    String s = n.path(field).asText("");
    if (s.length() > 64) {
      throw new IllegalArgumentException(field + " too long");
    }
    return s;
  }

  private static double[] doubles(JsonNode list, int max) {
    if (!list.isArray() || list.isEmpty() || list.size() > max) {
      throw new IllegalArgumentException("bad list");
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode v = list.get(i);
      if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
        throw new IllegalArgumentException("not a finite number");
      }
      out[i] = v.asDouble();
    }
    return out;
  }

  private static long[] longs(JsonNode list, int max) {
    double[] d = doubles(list, max);
    long[] out = new long[d.length];
    for (int i = 0; i < d.length; i++) {
      if (d[i] < 0 || d[i] != Math.rint(d[i])) {
        throw new IllegalArgumentException("not a count");
      }
      out[i] = (long) d[i];
    }
    return out;
  }

  private static long nonNegative(JsonNode n, String field) {
    JsonNode v = n.path(field);
    if (!v.canConvertToLong() || v.asLong() < 0) {
      throw new IllegalArgumentException(field);
    }
    return v.asLong();
  }

  private static int nonNegativeInt(JsonNode n, String field) {
    long v = nonNegative(n, field);
    if (v > 1_000_000) {
      throw new IllegalArgumentException(field);
    }
    return (int) v;
  }

  private static int positive(JsonNode n, String field) {
    int v = nonNegativeInt(n, field);
    if (v == 0) {
      throw new IllegalArgumentException(field);
    }
    return v;
  }

  private static double unit(JsonNode v) {
    if (!v.isNumber() || !(v.asDouble() >= 0 && v.asDouble() <= 1)) {
      throw new IllegalArgumentException("outside [0, 1]");
    }
    return v.asDouble();
  }
}
