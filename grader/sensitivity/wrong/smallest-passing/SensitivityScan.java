package lab;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.prune.MagnitudePruning;

/** Wrong: choose picks the smallest sparsity that keeps the accuracy. */
public final class SensitivityScan {

  private SensitivityScan() {}

  public static double[] grid() {
    return new double[] {0.4, 0.5, 0.6, 0.7, 0.8, 0.9};
  }

  public static Map<String, double[]> scan(
      LabModel model, double[] sparsities, ToDoubleFunction<LabModel> evaluator) {
    Map<String, double[]> out = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : model.prunableWeights().entrySet()) {
      NDArray weight = e.getValue();
      float[] saved = weight.toFloatArray();
      double[] accuracies = new double[sparsities.length];
      for (int j = 0; j < sparsities.length; j++) {
        MagnitudePruning.pruneTensor(weight, sparsities[j]).close();
        accuracies[j] = evaluator.applyAsDouble(model);
        weight.set(saved);
      }
      out.put(e.getKey(), accuracies);
    }
    return out;
  }

  public static Map<String, Double> choose(
      Map<String, double[]> scan, double[] sparsities, double denseAccuracy, double maxDrop) {
    double floor = denseAccuracy - maxDrop;
    Map<String, Double> chosen = new LinkedHashMap<>();
    for (Map.Entry<String, double[]> e : scan.entrySet()) {
      double best = Double.MAX_VALUE;
      double[] accuracies = e.getValue();
      for (int j = 0; j < sparsities.length; j++) {
        if (accuracies[j] >= floor) {
          best = Math.min(best, sparsities[j]);
        }
      }
      chosen.put(e.getKey(), best == Double.MAX_VALUE ? 0.0 : best);
    }
    return chosen;
  }
}
