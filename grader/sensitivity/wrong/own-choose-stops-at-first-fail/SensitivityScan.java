package lab;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.prune.MagnitudePruning;

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
        try (NDArray mask = MagnitudePruning.pruneTensor(weight, sparsities[j])) {
          results[j] = evaluator.applyAsDouble(model);
        } finally {
          weight.set(saved);
        }
      }
      out.put(e.getKey(), results);
    }
    return out;
  }

  public static Map<String, Double> choose(
      Map<String, double[]> scan, double[] sparsities, double denseAccuracy, double maxDrop) {
    double bar = denseAccuracy - maxDrop;
    Map<String, Double> out = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : scan.entrySet()) {
      double[] acc = e.getValue();
      double best = 0.0;
      for (int j = 0; j < sparsities.length; j++) {
        if (acc[j] < bar) {
          break; // the curve falls: nothing further along can pass
        }
        if (sparsities[j] > best) {
          best = sparsities[j];
        }
      }
      out.put(e.getKey(), best);
    }
    return out;
  }
}
