package lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The public tests: run them as often as you like; the hidden tests prune whole networks. */
class FilterPrunerPublicTest {

  @Test
  @Tag("points=1")
  @DisplayName("filterNorms: the L1 norm of each of two 1×2×2 filters")
  void norms_of_two_filters() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.create(new float[] {1, -2, 3, -4, 0.5f, 0.5f, -0.5f, 0}, new Shape(2, 1, 2, 2));
      assertArrayEquals(new float[] {10, 1.5f}, FilterPruner.filterNorms(w), 1e-6f,
          "sum of |w| over (in, kh, kw) for each output filter");
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("keptFilters: half of [3, 1, 5, 3, 0.5, 9] keeps filters 0, 2 and 5, in order")
  void keeps_the_largest_in_original_order() {
    assertArrayEquals(new int[] {0, 2, 5},
        FilterPruner.keptFilters(new float[] {3, 1, 5, 3, 0.5f, 9}, 0.5),
        "6 − floor(6 × 0.5) = 3 filters: the largest norms 9, 5 and 3 (filter 0 wins the tie"
            + " with filter 3), listed in their original order");
  }
}
