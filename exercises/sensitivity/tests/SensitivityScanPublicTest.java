package lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.model.Models;

/** The public tests: the statement's worked examples. The hidden tests scan trained models. */
class SensitivityScanPublicTest {

  @Test
  @Tag("points=1")
  @DisplayName("scan: one call per layer and sparsity, each with only that layer pruned, and the"
      + " model as it was afterwards")
  void scan_prunes_one_layer_at_a_time_and_restores_it() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 1)) {
      List<String> layers = List.copyOf(mlp.prunableWeights().keySet());
      Map<String, float[]> before = new LinkedHashMap<>();
      mlp.prunableWeights().forEach((n, w) -> before.put(n, w.toFloatArray()));
      double[] grid = {0.5, 0.9};
      // This evaluator returns which layers hold zeros: the sum of 2^i over the prunable
      // parameters i (in the model's order) that have at least one weight of 0.0.
      Map<String, double[]> scan = SensitivityScan.scan(mlp, grid, m -> layersWithZeros(m));

      assertEquals(layers, List.copyOf(scan.keySet()), "one entry per prunable parameter");
      for (int i = 0; i < layers.size(); i++) {
        double only = Math.pow(2, i);
        assertArrayEquals(new double[] {only, only}, scan.get(layers.get(i)),
            layers.get(i) + " (layer " + i + "): at its points only it may hold zeros (2^" + i
                + " = " + only + ")");
      }
      for (Map.Entry<String, NDArray> e : mlp.prunableWeights().entrySet()) {
        assertArrayEquals(before.get(e.getKey()), e.getValue().toFloatArray(),
            e.getKey() + " must be restored after the scan");
      }
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("choose: the statement's worked example")
  void choose_the_worked_example() {
    Map<String, double[]> scan = new LinkedHashMap<>();
    scan.put("conv1.weight", new double[] {0.735, 0.73, 0.715, 0.70, 0.655, 0.56});
    scan.put("fc1.weight", new double[] {0.74, 0.74, 0.74, 0.735, 0.73, 0.725});
    scan.put("fc2.weight", new double[] {0.66, 0.64, 0.61, 0.56, 0.505, 0.395});
    Map<String, Double> chosen =
        SensitivityScan.choose(scan, SensitivityScan.grid(), 0.74, 0.03);
    assertEquals(0.6, chosen.get("conv1.weight"), "conv1.weight: 71.5 % ≥ 71 %, 70 % is not");
    assertEquals(0.9, chosen.get("fc1.weight"), "fc1.weight: every point passes");
    assertEquals(0.0, chosen.get("fc2.weight"), "fc2.weight: no point reaches 71 %");
  }

  private static double layersWithZeros(LabModel m) {
    double code = 0;
    int i = 0;
    for (NDArray w : m.prunableWeights().values()) {
      for (float v : w.toFloatArray()) {
        if (v == 0f) {
          code += Math.pow(2, i);
          break;
        }
      }
      i++;
    }
    return code;
  }
}
