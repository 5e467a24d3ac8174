package org.pruninglab.labkit.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/** The lab's 2:4 rule on semantics.md §8's examples. */
class TwoFourTest {

  @Test
  void the_two_largest_magnitudes_of_each_group_of_four_inputs_are_kept_ties_to_the_lower_index() {
    assertThat(TwoFour.kept(new float[] {0.1f, -0.5f, 0.3f, 0.2f}, new long[] {1, 4}))
        .containsExactly(false, true, true, false);
    assertThat(TwoFour.kept(new float[] {0.2f, 0.2f, 0.1f, 0.2f}, new long[] {1, 4}))
        .containsExactly(true, true, false, false);
    assertThat(TwoFour.kept(new float[] {-0.9f, 0.1f, -0.8f, 0.2f}, new long[] {1, 4}))
        .containsExactly(true, false, true, false);
  }

  @Test
  void a_convolution_groups_input_channels_for_each_kernel_position() {
    // [1 out, 4 in, 1, 2]: position 0 holds 1, 2, 3, 4 across the channels, position 1 4, 3, 2, 1.
    float[] w = {1, 4, 2, 3, 3, 2, 4, 1};
    assertThat(TwoFour.kept(w, new long[] {1, 4, 1, 2}))
        .containsExactly(false, true, false, true, true, false, true, false);
  }

  @Test
  void an_input_dimension_not_a_multiple_of_four_stays_dense_and_prune_zeroes_exactly_half() {
    assertThat(TwoFour.kept(new float[] {1, 2, 3, 4, 5, 6}, new long[] {1, 6}))
        .containsOnly(true)
        .hasSize(6);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w = m.create(new float[] {1, 2, 3, 4, 8, 7, 6, 5}, new Shape(1, 8));
      TwoFour.prune(java.util.Map.of("w", w));
      assertThat(w.toFloatArray()).containsExactly(0, 0, 3, 4, 8, 7, 0, 0);
      assertThatThrownBy(() -> TwoFour.mask(m.create(new float[] {1, 2, 3, 4})))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("rank 2 or more");
    }
  }
}
