package lab;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.prune.MagnitudePruning;

/** Wrong: builds the grid as 0.4 + 0.1·i. */
public final class SensitivityScan {

  private SensitivityScan() {}

  public static double[] grid() {
    double[] grid = new double[6];
    for (int i = 0; i < grid.length; i++) {
      grid[i] = 0.4 + 0.1 * i;
    }
    return grid;
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
      double best = 0.0;
      double[] accuracies = e.getValue();
      for (int j = 0; j < sparsities.length; j++) {
        if (accuracies[j] >= floor && sparsities[j] > best) {
          best = sparsities[j];
        }
      }
      chosen.put(e.getKey(), best);
    }
    return chosen;
  }
}
