package org.pruninglab.labkit.prune;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.pruninglab.labkit.metrics.Metrics;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.model.Models;

class FilterPruningTest {

  @Test
  void the_largest_filters_by_l1_norm_are_kept_in_original_order_with_ties_to_the_lower_index() {
    float[] norms = {3, 1, 5, 3, 0.5f, 9};

    assertThat(FilterPruning.keptFilters(norms, 0.5)).containsExactly(0, 2, 5);
    assertThat(FilterPruning.keptFilters(norms, 0.34))
        .containsExactly(0, 2, 3, 5); // floor(2.04)=2 dropped
    assertThat(FilterPruning.keptFilters(norms, 1.0)).containsExactly(5);
    assertThat(FilterPruning.keptFilters(norms, 0)).containsExactly(0, 1, 2, 3, 4, 5);
  }

  @Test
  void half_of_the_cnns_conv2_filters_go_and_fc1_loses_their_columns_with_the_reference_counts() {
    try (LabModel cnn = Models.create(ModelKind.CNN, 0)) {
      FilterPruning.Result result = FilterPruning.prune(cnn, "conv2", 0.5);
      try (LabModel pruned = result.model()) {
        assertThat(pruned.parameter("conv2.weight").getShape()).isEqualTo(new Shape(32, 32, 3, 3));
        assertThat(pruned.parameter("fc1.weight").getShape()).isEqualTo(new Shape(128, 4608));
        assertThat(Metrics.stats(pruned).parameterCount()).isEqualTo(600_810);
        assertThat(Metrics.macs(pruned)).isEqualTo(6_094_208);
        assertThat(result.keptFilters()).hasSize(32).isSorted();
        assertThat(maxDifferenceAfterZeroingDropped(cnn, pruned, "fc1", result.keptFilters(), 144))
            .isLessThanOrEqualTo(1e-5f);
      }
    }
  }

  @Test
  void pruning_a_vgg_conv_slices_its_batchnorm_and_the_next_convs_input_channels_exactly() {
    try (LabModel vgg = Models.create(ModelKind.VGG, 3)) {
      // Non-trivial BatchNorm statistics, so that slicing them is really checked.
      Random random = new Random(1);
      for (String p :
          new String[] {"bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var"}) {
        float[] v = new float[16];
        for (int i = 0; i < v.length; i++) {
          v[i] = 0.5f + random.nextFloat();
        }
        vgg.parameter(p).set(v);
      }
      FilterPruning.Result result = FilterPruning.prune(vgg, "conv1", 0.25);
      try (LabModel pruned = result.model()) {
        assertThat(result.keptFilters()).hasSize(12);
        assertThat(pruned.parameter("bn1.running_var").getShape()).isEqualTo(new Shape(12));
        assertThat(pruned.parameter("conv2.weight").getShape()).isEqualTo(new Shape(32, 12, 3, 3));
        assertThat(maxDifferenceAfterZeroingDropped(vgg, pruned, "conv2", result.keptFilters(), 0))
            .isLessThanOrEqualTo(1e-5f);
      }
    }
  }

  @Test
  void ratio_zero_gives_an_identical_network() {
    try (LabModel cnn = Models.create(ModelKind.CNN, 4);
        LabModel same = FilterPruning.prune(cnn, "conv2", 0).model()) {
      for (var e : cnn.state().entrySet()) {
        assertThat(same.parameter(e.getKey()).toFloatArray())
            .isEqualTo(e.getValue().toFloatArray());
      }
    }
  }

  /**
   * Zeroes, in the original, the next layer's inputs that came from dropped filters, then compares
   * both networks' outputs on random images. {@code perChannel} 0 means the next layer is a
   * convolution (dim 1 is the channel).
   */
  private static float maxDifferenceAfterZeroingDropped(
      LabModel original, LabModel pruned, String next, int[] kept, int perChannel) {
    NDArray w = original.parameter(next + ".weight");
    long channels = perChannel == 0 ? w.getShape().get(1) : w.getShape().get(1) / perChannel;
    for (long c = 0; c < channels; c++) {
      final long channel = c;
      if (Arrays.stream(kept).noneMatch(k -> k == channel)) {
        NDIndex index =
            perChannel == 0
                ? new NDIndex(":, {}", c)
                : new NDIndex(":, {}:{}", c * perChannel, (c + 1) * perChannel);
        w.set(index, 0f);
      }
    }
    try (NDManager m = NDManager.newBaseManager(original.device())) {
      NDArray images = m.randomNormal(new Shape(8, 1, 28, 28));
      NDArray a = original.forward(images, false);
      NDArray b = pruned.forward(images, false);
      return a.sub(b).abs().max().getFloat();
    }
  }
}
