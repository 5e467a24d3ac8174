package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.model.Models;

/** The public tests: run them as often as you like; the hidden tests train with your hook. */
class MaskedFineTunePublicTest {

  @Test
  @Tag("points=1")
  @DisplayName("afterStep zeroes exactly the weights whose mask is false")
  void after_step_applies_the_mask() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 1)) {
      NDArray w = mlp.parameter("fc4.weight");
      NDArray mask = w.abs().gt(0.05f);
      Map<String, NDArray> masks = new LinkedHashMap<>();
      masks.put("fc4.weight", mask);
      float[] before = w.toFloatArray();

      new MaskedFineTune(mlp, masks).afterStep(mlp, 1);

      float[] after = w.toFloatArray();
      boolean[] kept = mask.toBooleanArray();
      for (int i = 0; i < after.length; i++) {
        if (kept[i]) {
          assertEquals(before[i], after[i], "a kept weight (fc4.weight[" + i + "]) changed");
        } else {
          assertTrue(after[i] == 0f, "fc4.weight[" + i + "] should be 0.0 but is " + after[i]);
        }
      }
    }
  }
}
