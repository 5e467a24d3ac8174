package lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The public tests: the statement's worked examples. The hidden tests also fine-tune. */
class TwoFourSparsityPublicTest {

  private static boolean[] maskOf(NDManager m, float[] values, Shape shape) {
    NDArray w = m.create(values, shape);
    return TwoFourSparsity.mask(w).toBooleanArray();
  }

  @Test
  @Tag("points=1")
  @DisplayName("the examples: [0.1, −0.5, 0.3, 0.2] keeps −0.5 and 0.3; [0.2, 0.2, 0.1, 0.2]"
      + " keeps indices 0 and 1")
  void the_examples() {
    try (NDManager m = NDManager.newBaseManager()) {
      assertArrayEquals(new boolean[] {false, true, true, false},
          maskOf(m, new float[] {0.1f, -0.5f, 0.3f, 0.2f}, new Shape(1, 4)),
          "the 2 largest |w| of [0.1, −0.5, 0.3, 0.2] are −0.5 and 0.3");
      assertArrayEquals(new boolean[] {true, true, false, false},
          maskOf(m, new float[] {0.2f, 0.2f, 0.1f, 0.2f}, new Shape(1, 4)),
          "[0.2, 0.2, 0.1, 0.2]: three weights tie at 0.2, the lower indices 0 and 1 win");
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("a weight [2, 8] has two groups per row; a weight [1, 6] is left dense")
  void two_groups_and_an_ineligible_weight() {
    try (NDManager m = NDManager.newBaseManager()) {
      float[] w = {
        1, 2, 3, 4, 8, 7, 6, 5,
        -9, 0, 0, 9, 0.5f, -0.5f, 0.25f, 0
      };
      assertArrayEquals(new boolean[] {
          false, false, true, true, true, true, false, false,
          true, false, false, true, true, true, false, false},
          maskOf(m, w, new Shape(2, 8)),
          "groups of 4 along the input dimension (the second index), in each row");
      assertArrayEquals(new boolean[] {true, true, true, true, true, true},
          maskOf(m, new float[] {1, 2, 3, 4, 5, 6}, new Shape(1, 6)),
          "6 inputs are not a multiple of 4: the weight stays dense, its mask all true");
    }
  }
}
