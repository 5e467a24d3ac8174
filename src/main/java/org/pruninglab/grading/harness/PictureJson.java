package org.pruninglab.grading.harness;

import java.util.Locale;
import org.pruninglab.labkit.pictures.Histogram;
import org.pruninglab.labkit.pictures.KernelMaps;
import org.pruninglab.labkit.pictures.MaskBitmap;
import org.pruninglab.labkit.pictures.SparsityCurve;

/** The lab kit's pictures as compact JSON (the harness carries no JSON library). */
final class PictureJson {

  private PictureJson() {}

  static String histogram(Histogram h) {
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

  static String mask(MaskBitmap m) {
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

  static String kernels(KernelMaps k) {
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

  static String curve(SparsityCurve c) {
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

  private static String number(double v) {
    return Double.isFinite(v) ? Double.toString(v) : "null";
  }
}
