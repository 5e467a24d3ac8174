package lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pruninglab.grading.harness.PruningResults;
import org.pruninglab.grading.harness.ResultNames;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.data.FashionMnist;
import org.pruninglab.labkit.metrics.Metrics;
import org.pruninglab.labkit.metrics.ModelStats;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.model.Models;
import org.pruninglab.labkit.train.AfterStepHook;
import org.pruninglab.labkit.prune.MagnitudePruning;
import org.pruninglab.labkit.train.EpochResult;
import org.pruninglab.labkit.train.Evaluation;
import org.pruninglab.labkit.train.LearningRate;
import org.pruninglab.labkit.train.Optimizer;
import org.pruninglab.labkit.train.Training;

/** Hidden tests: training with the student's hook (semantics.md §2). */
class MaskedFineTuneHiddenTest {

  private static final FashionMnist DATA = FashionMnist.load();

  /** 50 steps of 32 images. */
  private static Batches fiftySteps() {
    return Batches.shuffled(DATA.train().firstPerClass(160), DATA.normalization(), 32, 1,
        Models.IMAGE);
  }

  /** {@code steps} steps of (at most) 32 images; the last batch holds the rest. */
  private static Batches steps(int steps, int perClass) {
    Batches b = Batches.shuffled(DATA.train().firstPerClass(perClass), DATA.normalization(), 32,
        1, Models.IMAGE);
    assertEquals(steps, b.count(), "the test's own batches");
    return b;
  }

  @Test
  @Tag("points=3")
  @DisplayName("37 SGD steps with momentum 0.9 and weight decay 1e-4: every pruned weight is 0.0"
      + " after every step")
  void exact_zeros_after_sgd_with_momentum_and_weight_decay() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 5);
        Optimizer sgd = Optimizer.sgd(0.9, 1e-4)) {
      Map<String, NDArray> masks = pruneAndWarmUp(mlp);
      Map<String, boolean[]> kept = snapshot(masks);
      trainCheckingEveryStep(mlp, sgd, LearningRate.constant(0.05), masks, kept, steps(37, 116),
          1);
      assertPrunedAreZero(mlp, kept);
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("23 Adam steps: every pruned weight is 0.0 after every step")
  void exact_zeros_after_adam() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 6);
        Optimizer adam = Optimizer.adam()) {
      Map<String, NDArray> masks = pruneAndWarmUp(mlp);
      Map<String, boolean[]> kept = snapshot(masks);
      trainCheckingEveryStep(mlp, adam, LearningRate.constant(1e-3), masks, kept, steps(23, 71),
          1);
      assertPrunedAreZero(mlp, kept);
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("the weights that were kept still learn")
  void unpruned_weights_change() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 7);
        Optimizer sgd = Optimizer.sgd(0.9, 1e-4)) {
      Map<String, NDArray> masks = MagnitudePruning.pruneGlobally(mlp.prunableWeights(), 0.9);
      Map<String, float[]> before = copy(mlp.prunableWeights());
      // Which weights were kept, in Java arrays the student's code cannot reach or change.
      Map<String, boolean[]> keptMasks = snapshot(masks);
      train(mlp, sgd, LearningRate.constant(0.05), masks, fiftySteps());
      for (String name : keptMasks.keySet()) {
        boolean[] kept = keptMasks.get(name);
        float[] now = mlp.parameter(name).toFloatArray();
        int changed = 0;
        int keptCount = 0;
        for (int i = 0; i < kept.length; i++) {
          if (kept[i]) {
            keptCount++;
            changed += now[i] != before.get(name)[i] ? 1 : 0;
          }
        }
        assertTrue(changed > keptCount / 2, "only " + changed + " of the " + keptCount
            + " kept weights of " + name + " changed during training");
      }
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("biases and parameters without a mask are left alone")
  void biases_are_not_masked() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 8)) {
      NDArray bias = mlp.parameter("fc1.bias");
      bias.set(new float[512]);
      bias.addi(0.25f);
      NDArray fc2 = mlp.parameter("fc2.weight");
      float[] fc2Before = fc2.toFloatArray();
      Map<String, NDArray> masks = new LinkedHashMap<>();
      masks.put("fc1.weight", mlp.parameter("fc1.weight").abs().gt(0.02f));

      MaskedFineTune hook = new MaskedFineTune(mlp, masks);
      hook.afterStep(mlp, 1);
      hook.afterStep(mlp, 2);

      float[] b = bias.toFloatArray();
      for (float v : b) {
        assertEquals(0.25f, v, "fc1.bias has no mask and must not change");
      }
      assertArrayEquals(fc2Before, fc2.toFloatArray(), "fc2.weight has no mask here");
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("the caller's masks are not changed")
  void masks_are_unchanged() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 9);
        Optimizer sgd = Optimizer.sgd(0.9, 1e-4)) {
      Map<String, NDArray> masks = MagnitudePruning.pruneGlobally(mlp.prunableWeights(), 0.8);
      Map<String, NDArray> same = new LinkedHashMap<>(masks);
      Map<String, boolean[]> values = new LinkedHashMap<>();
      masks.forEach((n, m) -> values.put(n, m.toBooleanArray()));
      train(mlp, sgd, LearningRate.constant(0.05), masks, fiftySteps());
      assertEquals(same.keySet(), masks.keySet(), "the map of masks changed");
      for (String n : same.keySet()) {
        assertTrue(same.get(n) == masks.get(n), "the mask of " + n + " was replaced");
        assertArrayEquals(values.get(n), masks.get(n).toBooleanArray(),
            "the mask of " + n + " changed");
      }
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("a mask whose shape differs from its weight is refused, naming the parameter")
  void wrong_shape_is_refused() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 10)) {
      Map<String, NDArray> masks = new LinkedHashMap<>();
      masks.put("fc2.weight", mlp.parameter("fc1.weight").gt(0));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new MaskedFineTune(mlp, masks));
      assertTrue(e.getMessage() != null && e.getMessage().contains("fc2.weight"),
          "the message should name fc2.weight, it was: " + e.getMessage());
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("the hook works on a convolution network and over several epochs (2 × 7 steps,"
      + " zeros after every step)")
  void cnn_over_two_epochs() {
    try (LabModel cnn = Models.create(ModelKind.CNN, 11);
        Optimizer sgd = Optimizer.sgd(0.9, 1e-4)) {
      Map<String, NDArray> masks = new LinkedHashMap<>();
      cnn.prunableWeights().forEach((n, w) -> masks.put(n, MagnitudePruning.pruneTensor(w, 0.9)));
      Map<String, boolean[]> kept = snapshot(masks);
      // The same 160 images as before, in 7 batches (6 of 23, one of 22) per epoch.
      Batches small = Batches.shuffled(DATA.train().firstPerClass(16), DATA.normalization(),
          23, 2, Models.IMAGE);
      assertEquals(7, small.count(), "the test's own batches");
      List<EpochResult> epochs = trainCheckingEveryStep(cnn, sgd,
          LearningRate.cosine(0.05, 2, 0), masks, kept, small, 2);
      assertEquals(2, epochs.size());
      assertPrunedAreZero(cnn, kept);
    }
  }

  @Test
  @Tag("points=4")
  @DisplayName("a 90 %-sparse CNN recovers: at least 70 % test accuracy after a short fine-tune")
  @Tag("training") // not run by the mutation profile: it kills no mutant the others miss
  void the_sparse_cnn_recovers_its_accuracy() {
    Batches train = Batches.shuffled(DATA.train().firstPerClass(300), DATA.normalization(), 64,
        3, Models.IMAGE);
    Batches test = Batches.inOrder(DATA.test().firstPerClass(100), DATA.normalization(), 500,
        Models.IMAGE);
    try (LabModel cnn = Models.create(ModelKind.CNN, 12);
        Optimizer adadelta = Optimizer.adadelta();
        Optimizer sgd = Optimizer.sgd(0.9, 1e-4)) {
      Training.builder().setModel(cnn).setOptimizer(adadelta)
          .optLearningRate(LearningRate.constant(1.0)).optSeed(3).build().fit(train, 1, null);
      double dense = Evaluation.accuracy(cnn, test);
      Map<String, NDArray> masks = new LinkedHashMap<>();
      cnn.prunableWeights().forEach((n, w) -> masks.put(n, MagnitudePruning.pruneTensor(w, 0.9)));
      double pruned = Evaluation.accuracy(cnn, test);
      Map<String, boolean[]> kept = snapshot(masks);

      train(cnn, sgd, LearningRate.cosine(0.05, 1, 0), masks, train, 1);

      double fineTuned = Evaluation.accuracy(cnn, test);
      ModelStats stats = Metrics.stats(cnn);
      PruningResults.record(ResultNames.ACCURACY_DENSE, dense);
      PruningResults.record(ResultNames.ACCURACY_PRUNED, pruned);
      PruningResults.record(ResultNames.ACCURACY_FINETUNED, fineTuned);
      PruningResults.record(ResultNames.SPARSITY, stats.prunableSparsity());
      PruningResults.record(ResultNames.PARAMETERS_NONZERO, stats.nonzeroCount());
      PruningResults.record(ResultNames.DEVICE, cnn.device().toString());
      assertPrunedAreZero(cnn, kept);
      assertTrue(fineTuned >= 0.70, String.format(
          "after fine-tuning the accuracy is %.1f %% (dense %.1f %%, right after pruning %.1f %%);"
              + " at least 70 %% was expected", 100 * fineTuned, 100 * dense, 100 * pruned));
    }
  }

  private static Map<String, NDArray> pruneAndWarmUp(LabModel mlp) {
    return MagnitudePruning.pruneGlobally(mlp.prunableWeights(), 0.9);
  }

  private static List<EpochResult> train(LabModel model, Optimizer optimizer, LearningRate lr,
      Map<String, NDArray> masks, Batches batches) {
    return train(model, optimizer, lr, masks, batches, 1);
  }

  private static List<EpochResult> train(LabModel model, Optimizer optimizer, LearningRate lr,
      Map<String, NDArray> masks, Batches batches, int epochs) {
    MaskedFineTune hook = new MaskedFineTune(model, masks);
    return Training.builder().setModel(model).setOptimizer(optimizer).optLearningRate(lr)
        .addAfterStepHook(hook).optSeed(1).build().fit(batches, epochs, null);
  }

  /**
   * Trains with the student's hook and, after it, a hook of the test's own that checks after
   * every step that every pruned weight is exactly 0.0 (a hook that masks only now and then is
   * caught at the first step it skips, whatever the number of steps).
   */
  private static List<EpochResult> trainCheckingEveryStep(LabModel model, Optimizer optimizer,
      LearningRate lr, Map<String, NDArray> masks, Map<String, boolean[]> kept, Batches batches,
      int epochs) {
    MaskedFineTune hook = new MaskedFineTune(model, masks);
    long[] checked = {0};
    AfterStepHook zeros = (m, step) -> {
      checked[0]++;
      assertPrunedAreZero(m, kept, "after step " + step + " of " + batches.count() * epochs);
    };
    List<EpochResult> out = Training.builder().setModel(model).setOptimizer(optimizer)
        .optLearningRate(lr).addAfterStepHook(hook).addAfterStepHook(zeros).optSeed(1).build()
        .fit(batches, epochs, null);
    assertEquals(batches.count() * epochs, checked[0], "steps checked");
    return out;
  }

  /** The masks as Java arrays, taken before the student's code sees them. */
  private static Map<String, boolean[]> snapshot(Map<String, NDArray> masks) {
    Map<String, boolean[]> out = new LinkedHashMap<>();
    masks.forEach((n, m) -> out.put(n, m.toBooleanArray()));
    return out;
  }

  private static void assertPrunedAreZero(LabModel model, Map<String, boolean[]> masks) {
    assertPrunedAreZero(model, masks, "after training");
  }

  private static void assertPrunedAreZero(LabModel model, Map<String, boolean[]> masks,
      String when) {
    for (Map.Entry<String, boolean[]> e : masks.entrySet()) {
      boolean[] kept = e.getValue();
      float[] now = model.parameter(e.getKey()).toFloatArray();
      for (int i = 0; i < kept.length; i++) {
        if (!kept[i] && now[i] != 0f) {
          throw new AssertionError(e.getKey() + "[" + i + "] was pruned but is " + now[i]
              + " " + when + ": re-apply the mask after every optimiser step");
        }
      }
    }
  }

  private static Map<String, float[]> copy(Map<String, NDArray> weights) {
    Map<String, float[]> out = new LinkedHashMap<>();
    weights.forEach((n, w) -> out.put(n, w.toFloatArray()));
    return out;
  }

  // Added for mutation testing (docs/packs.md): what the reference's mutants showed untested.

  @Test
  @Tag("points=1")
  @DisplayName("the refusal of a mask of the wrong shape names both shapes")
  void wrong_shape_names_both_shapes() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 13)) {
      Map<String, NDArray> masks = new LinkedHashMap<>();
      NDArray mask = mlp.parameter("fc3.weight").gt(0);
      masks.put("fc4.weight", mask);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> new MaskedFineTune(mlp, masks));
      String message = String.valueOf(e.getMessage());
      for (Object shape : new Object[] {mask.getShape(), mlp.parameter("fc4.weight").getShape()}) {
        assertTrue(message.contains(shape.toString()),
            "the message should name the shape " + shape + ", it was: " + message);
      }
    }
  }
}
