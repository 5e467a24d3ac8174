package org.pruninglab.labkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pruninglab.labkit.metrics.Metrics;

class ModelsTest {

  @TempDir Path tmp;

  @Test
  void the_mlp_has_the_seed_layers_and_567434_parameters() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 0)) {
      assertThat(mlp.parameters().keySet())
          .containsExactly(
              "fc1.weight",
              "fc1.bias",
              "fc2.weight",
              "fc2.bias",
              "fc3.weight",
              "fc3.bias",
              "fc4.weight",
              "fc4.bias");
      assertThat(mlp.parameter("fc1.weight").getShape().getShape()).containsExactly(512, 784);
      assertThat(Metrics.stats(mlp).parameterCount()).isEqualTo(567_434);
      assertThat(Metrics.macs(mlp)).isEqualTo(566_528);
    }
  }

  @Test
  void the_cnn_has_1199882_parameters_and_the_reference_macs_per_layer() {
    try (LabModel cnn = Models.create(ModelKind.CNN, 0)) {
      assertThat(Metrics.stats(cnn).parameterCount()).isEqualTo(1_199_882);
      Map<String, Long> macs =
          cnn.layers().stream()
              .filter(l -> l.macs() > 0)
              .collect(
                  Collectors.toMap(
                      LayerInfo::name, LayerInfo::macs, (a, b) -> a, LinkedHashMap::new));
      assertThat(macs)
          .containsExactly(
              Map.entry("conv1", 194_688L),
              Map.entry("conv2", 10_616_832L),
              Map.entry("fc1", 1_179_648L),
              Map.entry("fc2", 1_280L));
      assertThat(Metrics.macs(cnn)).isEqualTo(11_992_448L);
      assertThat(cnn.outputsLogProbabilities()).isTrue();
    }
  }

  @Test
  void the_vgg_has_conv_batchnorm_pairs_each_followed_by_a_conv_or_linear_layer() {
    try (LabModel vgg = Models.create(ModelKind.VGG, 0)) {
      List<LayerKind> kinds =
          vgg.layers().stream().map(LayerInfo::kind).filter(k -> k != LayerKind.OTHER).toList();
      assertThat(kinds)
          .containsExactly(
              LayerKind.CONV2D,
              LayerKind.BATCH_NORM,
              LayerKind.CONV2D,
              LayerKind.BATCH_NORM,
              LayerKind.CONV2D,
              LayerKind.BATCH_NORM,
              LayerKind.LINEAR,
              LayerKind.LINEAR);
      assertThat(vgg.state())
          .containsKeys("bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var");
      assertThat(vgg.parameters()).doesNotContainKey("bn1.running_mean");
    }
  }

  @Test
  void the_same_seed_gives_the_same_weights_and_pytorch_init_bounds() {
    try (LabModel a = Models.create(ModelKind.CNN, 42);
        LabModel b = Models.create(ModelKind.CNN, 42);
        LabModel c = Models.create(ModelKind.CNN, 43)) {
      float[] wa = a.parameter("fc1.weight").toFloatArray();
      assertThat(wa).isEqualTo(b.parameter("fc1.weight").toFloatArray());
      assertThat(wa).isNotEqualTo(c.parameter("fc1.weight").toFloatArray());
      float bound = (float) (1 / Math.sqrt(9216));
      NDArray abs = a.parameter("fc1.weight").abs();
      assertThat(abs.max().getFloat()).isLessThanOrEqualTo(bound).isGreaterThan(bound * 0.99f);
    }
  }

  @Test
  void a_checkpoint_round_trip_is_bit_exact_including_batchnorm_statistics() throws IOException {
    Path file = tmp.resolve("checkpoints/vgg.params");
    try (LabModel saved = Models.create(ModelKind.VGG, 1);
        LabModel loaded = Models.create(ModelKind.VGG, 2)) {
      saved
          .parameter("bn2.running_mean")
          .set(
              new float[] {
                0.5f,
                -1.25f,
                Float.MIN_VALUE,
                3e-39f,
                1,
                2,
                3,
                4,
                5,
                6,
                7,
                8,
                9,
                10,
                11,
                12,
                13,
                14,
                15,
                16,
                17,
                18,
                19,
                20,
                21,
                22,
                23,
                24,
                25,
                26,
                27,
                28
              });
      saved.save(file);
      loaded.load(file);

      for (var e : saved.state().entrySet()) {
        assertThat(loaded.parameter(e.getKey()).toFloatArray())
            .as(e.getKey())
            .isEqualTo(e.getValue().toFloatArray());
      }
    }
  }

  @Test
  void a_checkpoint_of_another_architecture_is_refused() throws IOException {
    Path file = tmp.resolve("mlp.params");
    try (LabModel mlp = Models.create(ModelKind.MLP, 1);
        LabModel cnn = Models.create(ModelKind.CNN, 1)) {
      mlp.save(file);
      assertThatThrownBy(() -> cnn.load(file))
          .hasMessageContaining("holds a mlp model, not a cnn model");
    }
  }
}
