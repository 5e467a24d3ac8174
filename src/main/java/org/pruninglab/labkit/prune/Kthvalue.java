package org.pruninglab.labkit.prune;

import java.util.Arrays;

/**
 * The k-th smallest value (1-based, as {@code torch.kthvalue}) of an array, by selection in
 * expected O(n): quickselect with a median-of-three pivot, falling back to sorting a small range.
 * The input is reordered.
 */
public final class Kthvalue {

  private static final int SORT_BELOW = 16;

  private Kthvalue() {}

  /** The k-th smallest of {@code values[0..n)}; reorders the array. */
  public static float select(float[] values, int n, int k) {
    if (n <= 0 || n > values.length) {
      throw new IllegalArgumentException("n must be in 1.." + values.length + ", was " + n);
    }
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("k must be in 1.." + n + ", was " + k);
    }
    int target = k - 1;
    int lo = 0;
    int hi = n - 1;
    while (hi - lo >= SORT_BELOW) {
      int mid = (lo + hi) >>> 1;
      // Median of three as pivot, moved to lo.
      if (values[mid] < values[lo]) swap(values, mid, lo);
      if (values[hi] < values[lo]) swap(values, hi, lo);
      if (values[hi] < values[mid]) swap(values, hi, mid);
      float pivot = values[mid];
      // Three-way partition (Dijkstra): [lo, lt) < pivot, [lt, gt] == pivot, (gt, hi] > pivot.
      int lt = lo;
      int gt = hi;
      int i = lo;
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
    Arrays.sort(values, lo, hi + 1);
    return values[target];
  }

  private static void swap(float[] a, int i, int j) {
    float t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
