package lab;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.pruninglab.labkit.model.LabModel;
import java.util.Arrays;

/**
 * The per-layer sensitivity scan of MIT 6.5940 Lab 1 (Q4–Q5) and a chooser of per-layer
 * sparsities.
 */
public final class SensitivityScan {

  private SensitivityScan() {}

  /** The default grid of sparsities: 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 (a new array each call). */
  public static double[] grid() {
    return new double[] {0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
  }

  public static Map<String, double[]> scan(
      LabModel model, double[] sparsities, ToDoubleFunction<LabModel> evaluator) {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : model.prunableWeights().entrySet()) {
      NDArray weight = e.getValue();
      float[] saved = weight.toFloatArray();
      double[] results = new double[sparsities.length];
      for (int j = 0; j < sparsities.length; j++) {
        try {
          pruneByMagnitude(weight, saved, sparsities[j]);
          results[j] = evaluator.applyAsDouble(model);
        } finally {
          weight.set(saved);
        }
      }
      out.put(e.getKey(), results);
    }
    return out;
  }

  /** kthvalue rule: k = round(n * s), threshold = k-th smallest |w|, keep |w| > threshold. */
  private static void pruneByMagnitude(NDArray weight, float[] original, double s) {
    int n = original.length;
    long k = Math.round(n * s);
    if (k <= 0) {
      return;
    }
    float[] mags = new float[n];
    for (int i = 0; i < n; i++) {
      mags[i] = Math.abs(original[i]);
    }
    Arrays.sort(mags);
    float threshold = mags[(int) Math.min(k, n) - 1];
    float[] pruned = new float[n];
    for (int i = 0; i < n; i++) {
      pruned[i] = Math.abs(original[i]) > threshold ? original[i] : 0f;
    }
    weight.set(pruned);
  }

  public static Map<String, Double> choose(
      Map<String, double[]> scan, double[] sparsities, double denseAccuracy, double maxDrop) {
    double bar = denseAccuracy - maxDrop;
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : scan.entrySet()) {
      double[] acc = e.getValue();
      double best = 0.0;
      for (int j = 0; j < sparsities.length; j++) {
        if (acc[j] >= bar && sparsities[j] > best) {
          best = sparsities[j];
        }
      }
      out.put(e.getKey(), best);
    }
    return out;
  }
}
