package lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The public tests: the statement's worked examples. The hidden tests prune whole networks. */
class NeuronPrunerPublicTest {

  @Test
  @Tag("points=1")
  @DisplayName("neuronNorms: the weight [[3, 4], [1, 0], [0, −2]] has row norms 5, 1 and 2")
  void row_norms() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.create(new float[] {3, 4, 1, 0, 0, -2}, new Shape(3, 2));
      assertArrayEquals(new float[] {5, 1, 2}, NeuronPruner.neuronNorms(w), 1e-6f,
          "the L2 norm of each row (one row per output neuron): √(3² + 4²) = 5, 1 and 2");
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("keptNeurons: half of [5, 1, 2, 5, 0.5, 7] keeps neurons 0, 3 and 5, in order")
  void keeps_the_largest_in_original_order() {
    assertArrayEquals(new int[] {0, 3, 5},
        NeuronPruner.keptNeurons(new float[] {5, 1, 2, 5, 0.5f, 7}, 0.5),
        "6 − floor(6 × 0.5) = 3 neurons: the largest norms 7, 5 and 5, listed in their original"
            + " order");
  }
}
