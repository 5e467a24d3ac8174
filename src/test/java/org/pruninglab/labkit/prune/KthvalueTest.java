package org.pruninglab.labkit.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KthvalueTest {

  @Test
  void selection_agrees_with_sorting_on_random_arrays_with_and_without_ties() {
    Random random = new Random(7);
    for (int trial = 0; trial < 300; trial++) {
      int n = 1 + random.nextInt(trial < 200 ? 50 : 5_000);
      float[] values = new float[n];
      int distinct = 1 + random.nextInt(n);
      for (int i = 0; i < n; i++) {
        values[i] = random.nextInt(distinct) * (random.nextBoolean() ? 1 : -1) / 7f;
      }
      float[] sorted = values.clone();
      Arrays.sort(sorted);
      int k = 1 + random.nextInt(n);

      assertThat(Kthvalue.select(values.clone(), n, k))
          .as("n=%d k=%d", n, k)
          .isEqualTo(sorted[k - 1]);
    }
  }

  @Test
  void the_smallest_and_the_largest_are_k_1_and_k_n() {
    float[] values = {3, -1, 2, 8, 0};
    assertThat(Kthvalue.select(values.clone(), 5, 1)).isEqualTo(-1f);
    assertThat(Kthvalue.select(values.clone(), 5, 5)).isEqualTo(8f);
  }

  @Test
  void k_outside_one_to_n_is_refused() {
    assertThatThrownBy(() -> Kthvalue.select(new float[3], 3, 0))
        .hasMessageContaining("k must be in 1..3");
    assertThatThrownBy(() -> Kthvalue.select(new float[3], 3, 4))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
