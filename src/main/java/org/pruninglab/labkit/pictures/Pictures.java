package org.pruninglab.labkit.pictures;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.prune.MagnitudePruning;
import org.pruninglab.labkit.train.Evaluation;

/** Computes the pictures' data from a model's tensors. */
public final class Pictures {

  private Pictures() {}

  /** Equal-width histogram of {@code weight} over its own [min, max]. */
  public static Histogram histogram(String layer, NDArray weight, int bins) {
    return histogram(layer, weight.toFloatArray(), bins);
  }

  static Histogram histogram(String layer, float[] values, int bins) {
    if (bins < 1) {
      throw new IllegalArgumentException("a histogram needs at least one bin, got " + bins);
    }
    if (values.length == 0) {
      throw new IllegalArgumentException(layer + " has no weights to count");
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    long zeros = 0;
    for (float v : values) {
      if (Float.isNaN(v)) {
        throw new IllegalArgumentException(layer + " contains NaN; it has no histogram");
      }
      min = Math.min(min, v);
      max = Math.max(max, v);
      zeros += v == 0f ? 1 : 0;
    }
    if (min == max) {
      // A constant tensor (e.g. all pruned) still gets a visible bin around its value.
      min -= 0.5;
      max += 0.5;
    }
    double[] edges = new double[bins + 1];
    for (int i = 0; i <= bins; i++) {
      edges[i] = min + (max - min) * i / bins;
    }
    long[] counts = new long[bins];
    double width = (max - min) / bins;
    for (float v : values) {
      int bin = (int) ((v - min) / width);
      counts[Math.min(bins - 1, Math.max(0, bin))]++;
    }
    return new Histogram(layer, edges, counts, zeros);
  }

  /**
   * The mask of {@code weight} (nonzero = kept) in at most {@code maxCells} cells per side; a
   * smaller layer is shown weight by weight.
   */
  public static MaskBitmap maskBitmap(String layer, NDArray weight, int maxCells) {
    long[] shape = weight.getShape().getShape();
    if (shape.length < 2) {
      throw new IllegalArgumentException(
          layer + " has rank " + shape.length + "; a mask bitmap needs a matrix or a conv weight");
    }
    int rows = Math.toIntExact(shape[0]);
    int columns = Math.toIntExact(weight.size() / rows);
    return maskBitmap(layer, weight.toFloatArray(), rows, columns, maxCells);
  }

  static MaskBitmap maskBitmap(String layer, float[] values, int rows, int columns, int maxCells) {
    if (maxCells < 1) {
      throw new IllegalArgumentException("maxCells must be at least 1, got " + maxCells);
    }
    int blockRows = (rows + maxCells - 1) / maxCells;
    int blockColumns = (columns + maxCells - 1) / maxCells;
    int cellRows = (rows + blockRows - 1) / blockRows;
    int cellColumns = (columns + blockColumns - 1) / blockColumns;
    int[] kept = new int[cellRows * cellColumns];
    int[] all = new int[cellRows * cellColumns];
    for (int r = 0; r < rows; r++) {
      int base = (r / blockRows) * cellColumns;
      for (int c = 0; c < columns; c++) {
        int cell = base + c / blockColumns;
        all[cell]++;
        kept[cell] += values[r * columns + c] != 0f ? 1 : 0;
      }
    }
    float[] density = new float[kept.length];
    for (int i = 0; i < density.length; i++) {
      density[i] = (float) kept[i] / all[i];
    }
    return new MaskBitmap(layer, rows, columns, blockRows, blockColumns, density);
  }

  /** Every output channel's kernel on input channel 0 of a conv weight [out, in, kh, kw]. */
  public static KernelMaps kernelMaps(String layer, NDArray convWeight) {
    long[] shape = convWeight.getShape().getShape();
    if (shape.length != 4) {
      throw new IllegalArgumentException(
          layer + " is not a convolution weight (shape " + convWeight.getShape() + ")");
    }
    int out = (int) shape[0];
    int in = (int) shape[1];
    int kh = (int) shape[2];
    int kw = (int) shape[3];
    float[] values = convWeight.toFloatArray();
    List<KernelMaps.Kernel> kernels = new ArrayList<>(out);
    for (int o = 0; o < out; o++) {
      float[] k = new float[kh * kw];
      System.arraycopy(values, o * in * kh * kw, k, 0, kh * kw);
      kernels.add(new KernelMaps.Kernel(o, kh, kw, k));
    }
    return new KernelMaps(layer, kernels);
  }

  /**
   * Prunes {@code model} globally by magnitude (every weight of rank > 1) to each of {@code
   * sparsities} in turn, from its own weights each time, and measures test accuracy without
   * fine-tuning. The model's weights are restored afterwards.
   */
  public static SparsityCurve accuracyVsSparsity(
      String label, LabModel model, Batches test, double... sparsities) {
    Map<String, NDArray> prunable = model.prunableWeights();
    Map<String, float[]> original = new LinkedHashMap<>();
    prunable.forEach((name, p) -> original.put(name, p.toFloatArray()));
    List<SparsityCurve.Point> points = new ArrayList<>();
    try {
      for (double s : sparsities) {
        if (!(s >= 0 && s <= 1)) {
          throw new IllegalArgumentException("sparsity must be between 0 and 1, got " + s);
        }
        MagnitudePruning.pruneGlobally(prunable, s).values().forEach(NDArray::close);
        points.add(new SparsityCurve.Point(s, Evaluation.accuracy(model, test)));
        original.forEach((name, v) -> prunable.get(name).set(v));
      }
    } finally {
      original.forEach((name, v) -> prunable.get(name).set(v));
    }
    return new SparsityCurve(label, points);
  }
}
