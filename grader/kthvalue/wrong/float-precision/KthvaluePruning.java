package lab;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;

/** Known wrong: the sparsity is kept in a float: 25 × 0.7f = 17.4999997 in double rounds to 17, not 18 */
public final class KthvaluePruning {

  private KthvaluePruning() {}

  public static float kthSmallest(float[] values, int n, int k) {
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("k must be between 1 and " + n + ", got " + k);
    }
    int lo = 0;
    int hi = n - 1;
    int target = k - 1;
    long state = 0x9E3779B97F4A7C15L;
    while (true) {
      if (lo == hi) {
        return values[lo];
      }
      state ^= state << 13;
      state ^= state >>> 7;
      state ^= state << 17;
      float pivot = values[lo + (int) Math.floorMod(state, (long) (hi - lo + 1))];
      int lt = lo;
      int gt = hi;
      int i = lo;
      while (i <= gt) {
        float v = values[i];
        if (v < pivot) {
          values[i++] = values[lt];
          values[lt++] = v;
        } else if (v > pivot) {
          values[i] = values[gt];
          values[gt--] = v;
        } else {
          i++;
        }
      }
      if (target < lt) {
        hi = lt - 1;
      } else if (target > gt) {
        lo = gt + 1;
      } else {
        return pivot;
      }
    }
  }

  public static NDArray prune(NDArray weight, double sparsity) {
    float[] magnitudes = magnitudes(weight.toFloatArray());
    float threshold = threshold(magnitudes, count(magnitudes.length, sparsity));
    return apply(weight, threshold);
  }

  public static Map<String, NDArray> pruneGlobally(Map<String, NDArray> weights, double sparsity) {
    long total = 0;
    for (NDArray w : weights.values()) {
      total += w.size();
    }
    float[] all = new float[Math.toIntExact(total)];
    int offset = 0;
    for (NDArray w : weights.values()) {
      float[] v = w.toFloatArray();
      System.arraycopy(v, 0, all, offset, v.length);
      offset += v.length;
    }
    float threshold = threshold(magnitudes(all), count(all.length, sparsity));
    Map<String, NDArray> masks = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : weights.entrySet()) {
      masks.put(e.getKey(), apply(e.getValue(), threshold));
    }
    return masks;
  }

  /** k = round_half_even(n · clamp(s)), in double precision, as Python's round. */
  static int count(int n, double sparsity) {
    float s = (float) Math.min(1.0, Math.max(0.0, sparsity));
    return (int) Math.rint(n * (double) s);
  }

  /** |values| in place; NaN is refused before anything is changed. */
  static float[] magnitudes(float[] values) {
    for (int i = 0; i < values.length; i++) {
      if (Float.isNaN(values[i])) {
        throw new IllegalArgumentException(
            "the weights contain NaN (at flat index " + i + "); nothing was pruned");
      }
      values[i] = Math.abs(values[i]);
    }
    return values;
  }

  /** The k-th smallest magnitude, or -1 (prune nothing) when k = 0. */
  static float threshold(float[] magnitudes, int k) {
    return k == 0 ? -1f : kthSmallest(magnitudes, magnitudes.length, k);
  }

  static NDArray apply(NDArray weight, float threshold) {
    NDArray magnitude = weight.abs();
    NDArray mask = magnitude.gt(threshold);
    magnitude.close();
    NDArray factor = mask.toType(weight.getDataType(), false);
    weight.muli(factor);
    factor.close();
    return mask;
  }
}
