package org.pruninglab.labkit.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fine-grained magnitude pruning as the lab grades it (design/semantics.md §1): clamp the sparsity
 * to [0, 1]; {@code k = rint(n·s)} in double precision; the threshold is the k-th smallest |w|;
 * keep {@code |w| > threshold} (ties with the threshold are pruned); multiply the weights by the
 * mask in place and return the mask.
 */
public final class MagnitudePruning {

  private MagnitudePruning() {}

  /** {@code k = round_half_even(n · clamp(s))}, as Python's {@code round}. */
  public static long prunedCount(long n, double sparsity) {
    double s = Math.min(1.0, Math.max(0.0, sparsity));
    return (long) Math.rint(n * s);
  }

  /**
   * Prunes one tensor in place. Returns the boolean mask (true = kept), in {@code weight}'s
   * manager.
   *
   * @throws IllegalArgumentException if the tensor holds NaN; the tensor is then untouched
   */
  public static NDArray pruneTensor(NDArray weight, double sparsity) {
    float[] values = weight.toFloatArray();
    float threshold = threshold(values, prunedCount(values.length, sparsity));
    return applyThreshold(weight, threshold);
  }

  /**
   * Global pruning: one threshold over the concatenated |w| of all {@code weights}, each pruned in
   * place. Returns the masks by name.
   */
  public static Map<String, NDArray> pruneGlobally(Map<String, NDArray> weights, double sparsity) {
    long total = weights.values().stream().mapToLong(NDArray::size).sum();
    float[] all = new float[Math.toIntExact(total)];
    int offset = 0;
    for (NDArray w : weights.values()) {
      float[] v = w.toFloatArray();
      System.arraycopy(v, 0, all, offset, v.length);
      offset += v.length;
    }
    float threshold = threshold(all, prunedCount(total, sparsity));
    Map<String, NDArray> masks = new LinkedHashMap<>();
    weights.forEach((name, w) -> masks.put(name, applyThreshold(w, threshold)));
    return masks;
  }

  /**
   * The k-th smallest |value|, or -1 (prune nothing) for k = 0. Consumes {@code values}.
   *
   * @throws IllegalArgumentException for NaN
   */
  static float threshold(float[] values, long k) {
    for (int i = 0; i < values.length; i++) {
      float v = values[i];
      if (Float.isNaN(v)) {
        throw new IllegalArgumentException(
            "the weights contain NaN (at flat index " + i + "); nothing was pruned");
      }
      values[i] = Math.abs(v);
    }
    if (k == 0) {
      return -1f;
    }
    return Kthvalue.select(values, values.length, Math.toIntExact(k));
  }

  private static NDArray applyThreshold(NDArray weight, float threshold) {
    NDManager manager = weight.getManager();
    NDArray mask;
    try (NDArray magnitude = weight.abs()) {
      mask = magnitude.gt(threshold);
    }
    mask.attach(manager);
    try (NDArray factor = mask.toType(weight.getDataType(), false)) {
      weight.muli(factor);
    }
    return mask;
  }
}
