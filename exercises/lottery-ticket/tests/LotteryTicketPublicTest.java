package lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.model.Models;

/** The public tests: a snapshot and a rewind on the seed MLP. The hidden tests also train. */
class LotteryTicketPublicTest {

  @Test
  @Tag("points=1")
  @DisplayName("snapshot: fc1.bias of the seed MLP, copied; adding 1 to the model leaves it")
  void a_snapshot_is_a_copy() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 1)) {
      float[] bias = mlp.parameter("fc1.bias").toFloatArray();
      Map<String, float[]> theta = LotteryTicket.snapshot(mlp);
      mlp.parameter("fc1.bias").addi(1f);
      assertArrayEquals(bias, theta.get("fc1.bias"), "the snapshot keeps the values it copied");
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("rewind: a changed MLP back at its snapshot, with fc4's pruned weights at 0.0")
  void a_rewind_restores_and_prunes() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 2)) {
      Map<String, float[]> theta = LotteryTicket.snapshot(mlp);
      Map<String, NDArray> masks = LotteryTicket.globalMasks(mlp, 0.5);
      mlp.parameter("fc4.bias").addi(1f);
      mlp.parameter("fc4.weight").addi(1f);
      LotteryTicket.rewind(mlp, theta, masks);
      assertArrayEquals(theta.get("fc4.bias"), mlp.parameter("fc4.bias").toFloatArray(),
          "fc4.bias back at the snapshot (biases are rewound too)");
      boolean[] kept = masks.get("fc4.weight").toBooleanArray();
      float[] w = mlp.parameter("fc4.weight").toFloatArray();
      for (int i = 0; i < w.length; i++) {
        assertEquals(kept[i] ? theta.get("fc4.weight")[i] : 0f, w[i],
            "fc4.weight[" + i + "]: " + (kept[i] ? "kept: its snapshot value" : "pruned: 0.0"));
      }
    }
  }
}
