package org.pruninglab.labkit.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pruninglab.labkit.LabEngine;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.model.Models;

class MetricsTest {

  @Test
  void counts_of_a_hand_made_tensor() {
    try (NDManager m = NDManager.newBaseManager(LabEngine.device())) {
      ParameterStats w =
          Metrics.stats("w", m.create(new float[] {0, 1, -2, 0, 0, 3}, new Shape(2, 3)));
      ParameterStats b = Metrics.stats("b", m.create(new float[] {0, 4}));

      assertThat(w.count()).isEqualTo(6);
      assertThat(w.nonzero()).isEqualTo(3);
      assertThat(w.sparsity()).isEqualTo(0.5);
      assertThat(w.prunable()).isTrue();
      assertThat(w.shape()).containsExactly(2L, 3L);
      assertThat(b.prunable()).isFalse();

      ModelStats model = new ModelStats(List.of(w, b));
      assertThat(model.parameterCount()).isEqualTo(8);
      assertThat(model.nonzeroCount()).isEqualTo(4);
      assertThat(model.sparsity()).isEqualTo(0.5);
      assertThat(model.prunableSparsity()).isEqualTo(0.5);
      assertThat(model.sizeBits(ModelStats.FP32)).isEqualTo(256);
      assertThat(model.nonzeroSizeBits(8)).isEqualTo(32);
    }
  }

  @Test
  void zeroing_a_whole_layer_of_the_mlp_shows_in_every_count() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 3)) {
      mlp.parameter("fc2.weight").muli(0);

      ModelStats stats = Metrics.stats(mlp);

      assertThat(stats.parameterCount()).isEqualTo(567_434);
      assertThat(stats.nonzeroCount()).isEqualTo(567_434 - 131_072);
      assertThat(stats.prunableSparsity()).isCloseTo(131_072 / 566_528.0, within(1e-12));
      assertThat(stats.sizeBits(32)).isEqualTo(567_434L * 32);
      assertThat(stats.parameters().get(2).sparsity()).isEqualTo(1.0);
    }
  }

  @Test
  void throughput_is_images_over_the_median_pass() {
    Throughput t = new Throughput(10_000, 1_000, 2.0);
    assertThat(t.imagesPerSecond()).isEqualTo(5_000);
    assertThat(t.batchLatencyMillis()).isEqualTo(200);
  }
}
