package lab;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** Known wrong: k = rint(n · s) with the sparsity in a float and the product in float arithmetic: 45 × 0.7f = 31.5 → 32, not 31 */
public final class KthvaluePruning {

  private KthvaluePruning() {}

  public static float kthSmallest(float[] values, int n, int k) {
    if (n < 1 || n > values.length || k < 1 || k > n) {
      throw new IllegalArgumentException("need 1 <= k <= n <= values.length");
    }
    Random random = new Random(1234);
    int lo = 0;
    int hi = n - 1;
    int target = k - 1;
    while (lo < hi) {
      float pivot = values[lo + random.nextInt(hi - lo + 1)];
      int lt = lo;
      int i = lo;
      int gt = hi;
      while (i <= gt) {
        float v = values[i];
        if (v < pivot) {
          swap(values, lt++, i++);
        } else if (v > pivot) {
          swap(values, i, gt--);
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
    return values[lo];
  }

  private static void swap(float[] a, int i, int j) {
    float t = a[i];
    a[i] = a[j];
    a[j] = t;
  }

  static int count(int n, double sparsity) {
    float s = (float) Math.max(0, Math.min(1, sparsity));
    return (int) Math.rint(n * s);
  }

  /** Magnitudes of all values, refusing NaN. */
  static float[] magnitudes(float[] values) {
    float[] out = new float[values.length];
    for (int i = 0; i < values.length; i++) {
      if (Float.isNaN(values[i])) {
        throw new IllegalArgumentException("NaN at index " + i);
      }
      out[i] = Math.abs(values[i]);
    }
    return out;
  }

  static float threshold(float[] magnitudes, int k) {
    return k == 0 ? -1f : kthSmallest(magnitudes, magnitudes.length, k);
  }

  static NDArray apply(NDArray weight, float threshold) {
    NDArray mask = weight.abs().gt(threshold);
    weight.muli(mask.toType(weight.getDataType(), false));
    return mask;
  }

  public static NDArray prune(NDArray weight, double sparsity) {
    float[] m = magnitudes(weight.toFloatArray());
    return apply(weight, threshold(m, count(m.length, sparsity)));
  }

  public static Map<String, NDArray> pruneGlobally(Map<String, NDArray> weights, double sparsity) {
    Map<String, float[]> each = new LinkedHashMap<>();
    int total = 0;
    for (Map.Entry<String, NDArray> e : weights.entrySet()) {
      float[] m = magnitudes(e.getValue().toFloatArray());
      each.put(e.getKey(), m);
      total += m.length;
    }
    float[] all = new float[total];
    int at = 0;
    for (float[] m : each.values()) {
      System.arraycopy(m, 0, all, at, m.length);
      at += m.length;
    }
    float t = threshold(all, count(total, sparsity));
    Map<String, NDArray> masks = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : weights.entrySet()) {
      masks.put(e.getKey(), apply(e.getValue(), t));
    }
    return masks;
  }
}
