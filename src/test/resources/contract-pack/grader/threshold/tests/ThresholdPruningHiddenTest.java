package lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pruninglab.grading.harness.Fixtures;
import org.pruninglab.grading.harness.PruningResults;
import org.pruninglab.grading.harness.ResultNames;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.model.Models;
import org.pruninglab.labkit.pictures.Pictures;

class ThresholdPruningHiddenTest {

  @Test
  @Tag("points=2")
  @DisplayName("prune: negative weights are pruned by their magnitude")
  void negative_weights() {
    float[] got = ThresholdPruning.prune(new float[] {-0.5f, -0.01f, 0.2f}, 0.1f);
    assertArrayEquals(new float[] {-0.5f, 0f, 0.2f}, got);
    assertEquals(1, Zeros.count(got));
  }

  @Test
  @Tag("points=1")
  @DisplayName("prune: the trained MLP's first layer at a threshold of 0.02")
  void trained_mlp() throws Exception {
    try (LabModel mlp = Models.create(ModelKind.MLP, 0)) {
      mlp.load(Fixtures.quickMlp());
      NDArray weight = mlp.prunableWeights().get("fc1.weight");
      float[] before = weight.toFloatArray();
      float[] after = ThresholdPruning.prune(before.clone(), 0.02f);
      assertEquals(before.length, after.length);
      double sparsity = Zeros.fraction(after);
      PruningResults.record(ResultNames.SPARSITY, sparsity);
      PruningResults.record(ResultNames.ACCURACY_DENSE, Fixtures.quickMlpAccuracy());
      if (PruningResults.picturesWanted()) {
        PruningResults.picture(
            ResultNames.before("fc1.weight"), Pictures.histogram("fc1.weight", weight, 40));
        try (NDArray pruned = weight.getManager().create(after, weight.getShape())) {
          PruningResults.picture(
              ResultNames.after("fc1.weight"), Pictures.histogram("fc1.weight", pruned, 40));
        }
      }
      assertTrue(sparsity > 0 && sparsity < 1, "some but not all weights pruned: " + sparsity);
    }
  }
}
