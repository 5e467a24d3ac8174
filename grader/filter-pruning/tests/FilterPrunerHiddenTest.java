package lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pruninglab.grading.harness.PruningResults;
import org.pruninglab.grading.harness.ResultNames;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.data.FashionMnist;
import org.pruninglab.labkit.metrics.Metrics;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.model.Models;
import org.pruninglab.labkit.prune.FilterPruning;
import org.pruninglab.labkit.train.Evaluation;
import org.pruninglab.labkit.train.LearningRate;
import org.pruninglab.labkit.train.Optimizer;
import org.pruninglab.labkit.train.Training;

/** Hidden tests; the lab kit's FilterPruning is the oracle (semantics.md §3). */
class FilterPrunerHiddenTest {

  @Test
  @Tag("points=1")
  @DisplayName("filterNorms: as the reference on random 64×32×3×3 weights")
  void norms_match_the_reference() {
    try (LabModel cnn = Models.create(ModelKind.CNN, 21)) {
      NDArray w = cnn.parameter("conv2.weight");
      assertArrayEquals(FilterPruning.filterNorms(w), FilterPruner.filterNorms(w), 1e-4f);
    }
  }

  static Stream<Arguments> ratios() {
    return Stream.of(0.0, 0.1, 0.25, 0.34, 0.5, 0.75, 0.9, -0.2)
        .map(r -> Arguments.of(r));
  }

  @ParameterizedTest(name = "ratio {0}")
  @MethodSource("ratios")
  @Tag("points=2")
  @DisplayName("keptFilters: how many and which, for many ratios, as the reference")
  void kept_filters_match_the_reference(double ratio) {
    Random r = new Random(Double.hashCode(ratio));
    for (int out : new int[] {6, 7, 16, 64}) {
      float[] norms = new float[out];
      for (int i = 0; i < out; i++) {
        norms[i] = r.nextInt(5) + r.nextFloat();
      }
      assertArrayEquals(FilterPruning.keptFilters(norms, ratio),
          FilterPruner.keptFilters(norms, ratio),
          out + " filters at ratio " + ratio + ": keep out − floor(out · ratio), ascending");
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("keptFilters: at least one filter survives, even at ratio 1 and above")
  void at_least_one_filter_is_kept() {
    float[] norms = {1, 4, 2};
    assertArrayEquals(new int[] {1}, FilterPruner.keptFilters(norms, 1.0));
    assertArrayEquals(new int[] {1}, FilterPruner.keptFilters(norms, 1.5));
  }

  @Test
  @Tag("points=1")
  @DisplayName("keptFilters: equal norms go to the lower index")
  void ties_go_to_the_lower_index() {
    assertArrayEquals(new int[] {1, 2}, FilterPruner.keptFilters(new float[] {1, 2, 2, 2}, 0.5));
    assertArrayEquals(new int[] {0, 3}, FilterPruner.keptFilters(new float[] {5, 1, 1, 5}, 0.5));
  }

  @Test
  @Tag("points=1")
  @DisplayName("prune: half of the CNN's conv2 filters — the shapes of conv2 and fc1")
  void shapes_after_pruning_the_cnn() {
    try (LabModel cnn = Models.create(ModelKind.CNN, 22);
        LabModel pruned = FilterPruner.prune(cnn, "conv2", 0.5)) {
      assertEquals(new Shape(32, 32, 3, 3), pruned.parameter("conv2.weight").getShape());
      assertEquals(new Shape(32), pruned.parameter("conv2.bias").getShape());
      assertEquals(new Shape(128, 4608), pruned.parameter("fc1.weight").getShape(),
          "fc1 keeps 32 channels × 12 × 12 inputs");
      assertEquals(new Shape(32, 1, 3, 3), pruned.parameter("conv1.weight").getShape());
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("prune: the kept filters and their biases are copied in their original order")
  void kept_filters_are_copied_in_order() {
    try (LabModel cnn = Models.create(ModelKind.CNN, 23)) {
      Map<String, float[]> original = snapshot(cnn);
      try (LabModel pruned = FilterPruner.prune(cnn, "conv2", 0.5);
          // The oracle prunes its own copy, made after the student's code returned.
          LabModel copy = rebuilt(ModelKind.CNN, original);
          LabModel expected = FilterPruning.prune(copy, "conv2", 0.5).model()) {
        for (String p : new String[] {"conv2.weight", "conv2.bias", "fc1.weight", "fc1.bias",
            "conv1.weight", "fc2.weight"}) {
          assertArrayEquals(expected.parameter(p).toFloatArray(),
              pruned.parameter(p).toFloatArray(), p + " differs from the reference");
        }
      }
    }
  }

  @Test
  @Tag("points=2")
  @DisplayName("prune: the smaller CNN computes what the original computes without the dropped"
      + " channels (max difference ≤ 1e-5)")
  void the_cnn_is_functionally_equivalent() {
    try (LabModel cnn = Models.create(ModelKind.CNN, 24)) {
      Map<String, float[]> original = snapshot(cnn);
      try (LabModel pruned = FilterPruner.prune(cnn, "conv2", 0.5);
          // Compared with a copy of the original made after the student's code returned.
          LabModel copy = rebuilt(ModelKind.CNN, original)) {
        int[] kept = FilterPruning.keptFilters(FilterPruning.filterNorms(
            copy.parameter("conv2.weight")), 0.5);
        float diff = maxDifferenceWithoutDropped(copy, pruned, "fc1", kept, 144);
        assertTrue(diff <= 1e-5f, "the outputs differ by up to " + diff);
      }
    }
  }

  @Test
  @Tag("points=2")
  @DisplayName("prune: a VGG conv with BatchNorm — the BatchNorm and the next conv are sliced"
      + " (max difference ≤ 1e-5)")
  void the_vgg_with_batchnorm_is_functionally_equivalent() {
    try (LabModel vgg = Models.create(ModelKind.VGG, 25)) {
      Random random = new Random(25);
      for (String p : new String[] {"bn1.weight", "bn1.bias", "bn1.running_mean",
          "bn1.running_var"}) {
        float[] v = new float[16];
        for (int i = 0; i < v.length; i++) {
          v[i] = 0.5f + random.nextFloat();
        }
        vgg.parameter(p).set(v);
      }
      Map<String, float[]> original = snapshot(vgg);
      try (LabModel pruned = FilterPruner.prune(vgg, "conv1", 0.25);
          LabModel copy = rebuilt(ModelKind.VGG, original)) {
        assertEquals(new Shape(12), pruned.parameter("bn1.running_var").getShape());
        assertEquals(new Shape(32, 12, 3, 3), pruned.parameter("conv2.weight").getShape());
        int[] kept = FilterPruning.keptFilters(FilterPruning.filterNorms(
            copy.parameter("conv1.weight")), 0.25);
        float diff = maxDifferenceWithoutDropped(copy, pruned, "conv2", kept, 0);
        assertTrue(diff <= 1e-5f, "the outputs differ by up to " + diff);
      }
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("prune: ratio 0 gives an identical network")
  void ratio_zero_is_identical() {
    try (LabModel cnn = Models.create(ModelKind.CNN, 26)) {
      Map<String, float[]> original = snapshot(cnn);
      try (LabModel same = FilterPruner.prune(cnn, "conv2", 0)) {
        for (var e : original.entrySet()) {
          assertArrayEquals(e.getValue(), same.parameter(e.getKey()).toFloatArray(),
              e.getKey() + " changed");
        }
      }
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("prune: 600,810 parameters and 6,094,208 MACs per image after halving conv2")
  void parameters_and_macs() {
    try (LabModel cnn = Models.create(ModelKind.CNN, 27);
        LabModel pruned = FilterPruner.prune(cnn, "conv2", 0.5)) {
      assertEquals(600_810, Metrics.stats(pruned).parameterCount());
      assertEquals(6_094_208, Metrics.macs(pruned));
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("prune: the original model does not change")
  void the_original_is_unchanged() {
    try (LabModel cnn = Models.create(ModelKind.CNN, 28)) {
      var before = new java.util.LinkedHashMap<String, float[]>();
      cnn.state().forEach((n, a) -> before.put(n, a.toFloatArray()));
      FilterPruner.prune(cnn, "conv2", 0.5).close();
      before.forEach((n, v) -> assertArrayEquals(v, cnn.parameter(n).toFloatArray(), n));
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("prune: a layer that is not a convolution, or has no layer after it, is refused")
  void bad_layers_are_refused() {
    try (LabModel cnn = Models.create(ModelKind.CNN, 29)) {
      assertThrows(IllegalArgumentException.class, () -> FilterPruner.prune(cnn, "fc1", 0.5),
          "fc1 is not a convolution");
      assertThrows(IllegalArgumentException.class, () -> FilterPruner.prune(cnn, "nope", 0.5),
          "there is no layer 'nope'");
    }
  }

  @Test
  @Tag("points=2")
  @DisplayName("a trained CNN with half of conv2 pruned keeps at least 70 % accuracy after one"
      + " short fine-tune")
  @Tag("training") // not run by the mutation profile: it kills no mutant the others miss
  void accuracy_after_a_short_fine_tune() {
    FashionMnist data = FashionMnist.load();
    Batches train = Batches.shuffled(data.train().firstPerClass(300), data.normalization(), 64,
        4, Models.IMAGE);
    Batches test = Batches.inOrder(data.test().firstPerClass(100), data.normalization(), 500,
        Models.IMAGE);
    try (LabModel cnn = Models.create(ModelKind.CNN, 30);
        Optimizer adadelta = Optimizer.adadelta();
        Optimizer sgd = Optimizer.sgd(0.9, 1e-4)) {
      Training.builder().setModel(cnn).setOptimizer(adadelta)
          .optLearningRate(LearningRate.constant(1.0)).optSeed(4).build().fit(train, 1, null);
      double dense = Evaluation.accuracy(cnn, test);
      Map<String, float[]> trained = snapshot(cnn);
      try (LabModel pruned = FilterPruner.prune(cnn, "conv2", 0.5)) {
        double afterPruning = Evaluation.accuracy(pruned, test);
        // The reference's pruned network, from a copy of the trained one made after the
        // student's code returned: right after pruning, before any fine-tune, the student's
        // network must do as well (a next layer that lost the original's weights starts near
        // chance and the fine-tune hides it).
        double referenceAfterPruning;
        try (LabModel copy = rebuilt(ModelKind.CNN, trained);
            LabModel reference = FilterPruning.prune(copy, "conv2", 0.5).model()) {
          referenceAfterPruning = Evaluation.accuracy(reference, test);
        }
        Training.builder().setModel(pruned).setOptimizer(sgd)
            .optLearningRate(LearningRate.cosine(0.01, 1, 0)).optSeed(4).build()
            .fit(train, 1, null);
        double fineTuned = Evaluation.accuracy(pruned, test);
        PruningResults.record(ResultNames.ACCURACY_DENSE, dense);
        PruningResults.record(ResultNames.ACCURACY_PRUNED, afterPruning);
        PruningResults.record(ResultNames.ACCURACY_FINETUNED, fineTuned);
        PruningResults.record(ResultNames.PARAMETERS_BEFORE, Metrics.stats(cnn).parameterCount());
        PruningResults.record(ResultNames.PARAMETERS, Metrics.stats(pruned).parameterCount());
        PruningResults.record(ResultNames.MACS_BEFORE, Metrics.macs(cnn));
        PruningResults.record(ResultNames.MACS, Metrics.macs(pruned));
        PruningResults.record(ResultNames.DEVICE, pruned.device().toString());
        assertTrue(Math.abs(afterPruning - referenceAfterPruning) <= 0.01, String.format(
            "right after pruning (before the fine-tune) the accuracy is %.1f %%; the reference's"
                + " pruned network reaches %.1f %% (dense %.1f %%): copy the kept filters, their"
                + " BatchNorm channels and the next layer's weights for them from the original",
            100 * afterPruning, 100 * referenceAfterPruning, 100 * dense));
        assertTrue(fineTuned >= 0.70, String.format("after fine-tuning the accuracy is %.1f %%"
            + " (dense %.1f %%, right after pruning %.1f %%); at least 70 %% was expected",
            100 * fineTuned, 100 * dense, 100 * afterPruning));
      }
    }
  }

  /** The model's parameters and running statistics as Java arrays. */
  private static Map<String, float[]> snapshot(LabModel model) {
    Map<String, float[]> out = new LinkedHashMap<>();
    model.state().forEach((n, a) -> out.put(n, a.toFloatArray()));
    return out;
  }

  /**
   * A new model of {@code kind} holding {@code state}: the oracle's own copy of an original,
   * made only after the student's code has returned, so that nothing the student's code did to
   * the original (or could reach through its managers) changes what the answer is compared with.
   */
  private static LabModel rebuilt(ModelKind kind, Map<String, float[]> state) {
    LabModel model = Models.create(kind, 0);
    state.forEach((n, v) -> model.parameter(n).set(v));
    return model;
  }

  /**
   * Zeroes, in the original, the next layer's inputs that came from dropped filters, then compares
   * both networks' outputs on random images. {@code perChannel} 0: the next layer is a conv.
   */
  private static float maxDifferenceWithoutDropped(LabModel original, LabModel pruned,
      String next, int[] kept, int perChannel) {
    NDArray w = original.parameter(next + ".weight");
    long channels = perChannel == 0 ? w.getShape().get(1) : w.getShape().get(1) / perChannel;
    for (long c = 0; c < channels; c++) {
      final long channel = c;
      if (Arrays.stream(kept).noneMatch(k -> k == channel)) {
        NDIndex index = perChannel == 0 ? new NDIndex(":, {}", c)
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
