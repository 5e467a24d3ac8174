package org.pruninglab.labkit.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pruninglab.labkit.LabEngine;

class MagnitudePruningTest {

  /** The worked example of the MIT 6.5940 Lab 1 notebook (semantics.md §1). */
  private static final float[] LAB1 = {
    -0.46f, -0.40f, 0.39f, 0.19f, 0.37f,
    0.00f, 0.40f, 0.17f, -0.15f, 0.16f,
    -0.20f, -0.23f, 0.36f, 0.25f, 0.03f,
    0.24f, 0.41f, 0.07f, 0.13f, -0.15f,
    0.48f, -0.09f, -0.36f, 0.12f, 0.45f
  };

  private final NDManager manager = NDManager.newBaseManager(LabEngine.device());

  @AfterEach
  void close() {
    manager.close();
  }

  private NDArray lab1() {
    return manager.create(LAB1, new Shape(5, 5));
  }

  @Test
  void at_75_percent_six_weights_survive_the_lab1_example() {
    NDArray w = lab1();

    NDArray mask = MagnitudePruning.pruneTensor(w, 0.75);

    assertThat(mask.countNonzero().getLong()).isEqualTo(6);
    assertThat(w.countNonzero().getLong()).isEqualTo(6);
    assertThat(nonzeroValues(w)).containsExactly(-0.46f, -0.40f, 0.40f, 0.41f, 0.48f, 0.45f);
  }

  @Test
  void at_60_percent_ten_survive_and_at_28_percent_ties_with_the_threshold_are_pruned_too() {
    NDArray sixty = lab1();
    MagnitudePruning.pruneTensor(sixty, 0.6);
    assertThat(sixty.countNonzero().getLong()).isEqualTo(10);

    NDArray twentyEight = lab1();
    MagnitudePruning.pruneTensor(twentyEight, 0.28);
    // k = 7; the 7th and 8th smallest |w| are both 0.15 (and 0.00 counts as pruned already).
    assertThat(25 - twentyEight.countNonzero().getLong()).isEqualTo(8);
  }

  @Test
  void k_is_rounded_half_to_even_in_double_precision_as_python_does() {
    assertThat(MagnitudePruning.prunedCount(25, 0.7)).isEqualTo(18); // 17.5 -> 18
    assertThat(MagnitudePruning.prunedCount(25, 0.5)).isEqualTo(12); // 12.5 -> 12
    assertThat(MagnitudePruning.prunedCount(25, 0.75)).isEqualTo(19); // 18.75 -> 19
    assertThat(MagnitudePruning.prunedCount(10, -3)).isZero();
    assertThat(MagnitudePruning.prunedCount(10, 7)).isEqualTo(10);
  }

  @Test
  void zero_sparsity_keeps_everything_and_full_sparsity_prunes_everything() {
    NDArray keep = lab1();
    assertThat(MagnitudePruning.pruneTensor(keep, 0).countNonzero().getLong()).isEqualTo(25);
    assertThat(keep.toFloatArray()).containsExactly(LAB1);

    NDArray none = lab1();
    assertThat(MagnitudePruning.pruneTensor(none, 1.0).countNonzero().getLong()).isZero();
    assertThat(none.countNonzero().getLong()).isZero();
  }

  @Test
  void nan_weights_are_refused_and_left_untouched() {
    float[] values = LAB1.clone();
    values[7] = Float.NaN;
    NDArray w = manager.create(values, new Shape(5, 5));

    assertThatThrownBy(() -> MagnitudePruning.pruneTensor(w, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NaN");
    float[] after = w.toFloatArray();
    assertThat(after[0]).isEqualTo(-0.46f);
    assertThat(Float.isNaN(after[7])).isTrue();
  }

  @Test
  void global_pruning_uses_one_threshold_over_all_tensors() {
    NDArray small = manager.create(new float[] {0.1f, -0.2f, 0.3f, 0.4f}, new Shape(2, 2));
    NDArray large = manager.create(new float[] {5f, -6f, 7f, 0.05f}, new Shape(2, 2));
    Map<String, NDArray> weights = new LinkedHashMap<>();
    weights.put("a.weight", small);
    weights.put("b.weight", large);

    Map<String, NDArray> masks = MagnitudePruning.pruneGlobally(weights, 0.5);

    // |w| sorted: 0.05 0.1 0.2 0.3 | 0.4 5 6 7: k = 4, threshold 0.3.
    assertThat(plain(small)).containsExactly(0f, 0f, 0f, 0.4f);
    assertThat(plain(large)).containsExactly(5f, -6f, 7f, 0f);
    assertThat(masks.get("b.weight").toBooleanArray()).containsExactly(true, true, true, false);
  }

  /** The values with -0.0 (what 0 × a negative weight gives) written as 0.0. */
  private static float[] plain(NDArray w) {
    float[] all = w.toFloatArray();
    for (int i = 0; i < all.length; i++) {
      all[i] += 0f;
    }
    return all;
  }

  private static float[] nonzeroValues(NDArray w) {
    float[] all = w.toFloatArray();
    float[] out = new float[all.length];
    int n = 0;
    for (float v : all) {
      if (v != 0f) {
        out[n++] = v;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
