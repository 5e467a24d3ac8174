package org.pruninglab.labkit.train;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.data.FashionMnist;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.model.Models;
import org.pruninglab.labkit.prune.MagnitudePruning;
import org.pruninglab.labkit.prune.MaskedWeights;

@Needs(Need.FASHION_MNIST)
class MaskedTrainingTest {

  private final FashionMnist data = FashionMnist.load();

  /** 50 batches of 32: 1,600 images, five steps per class. */
  private Batches fiftySteps() {
    return Batches.shuffled(
        data.train().firstPerClass(160), data.normalization(), 32, 1, Models.IMAGE);
  }

  @Test
  void
      the_after_step_hook_keeps_pruned_weights_exactly_zero_over_50_sgd_steps_with_momentum_and_weight_decay() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 5)) {
      Map<String, NDArray> weights = mlp.prunableWeights();
      Map<String, float[]> before = copy(weights);
      Map<String, NDArray> masks = MagnitudePruning.pruneGlobally(weights, 0.9);
      float[] biasBefore = mlp.parameter("fc1.bias").toFloatArray();
      AtomicLong hookCalls = new AtomicLong();
      try (MaskedWeights hook = new MaskedWeights(mlp, masks);
          Optimizer sgd = Optimizer.sgd(0.9, 1e-4)) {
        Training training =
            Training.builder()
                .setModel(mlp)
                .setOptimizer(sgd)
                .optLearningRate(LearningRate.constant(0.05))
                .addAfterStepHook(hook)
                .addAfterStepHook((m, step) -> hookCalls.set(step))
                .build();
        training.fit(fiftySteps(), 1, null);
        assertThat(training.steps()).isEqualTo(50);
      }

      assertThat(hookCalls.get()).isEqualTo(50);
      for (var e : masks.entrySet()) {
        boolean[] kept = e.getValue().toBooleanArray();
        float[] now = mlp.parameter(e.getKey()).toFloatArray();
        float[] was = before.get(e.getKey());
        int changed = 0;
        for (int i = 0; i < kept.length; i++) {
          if (!kept[i]) {
            // == 0 on purpose: -0.0 (a negative weight times 0) is exactly zero too.
            assertThat(now[i] == 0f).as("%s[%d] = %s", e.getKey(), i, now[i]).isTrue();
          } else if (now[i] != was[i]) {
            changed++;
          }
        }
        assertThat(changed).as("unpruned weights of %s moved", e.getKey()).isPositive();
      }
      assertThat(mlp.parameter("fc1.bias").toFloatArray()).isNotEqualTo(biasBefore);
    }
  }

  @Test
  void without_the_hook_momentum_and_weight_decay_bring_pruned_weights_back() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 5);
        Optimizer sgd = Optimizer.sgd(0.9, 1e-4)) {
      MagnitudePruning.pruneGlobally(mlp.prunableWeights(), 0.9);
      long zerosAfterPruning = zeros(mlp);

      Training.builder()
          .setModel(mlp)
          .setOptimizer(sgd)
          .optLearningRate(LearningRate.constant(0.05))
          .build()
          .fit(fiftySteps(), 1, null);

      assertThat(zeros(mlp)).isLessThan(zerosAfterPruning / 2);
    }
  }

  @Test
  void one_epoch_on_a_small_subset_learns_something_and_reports_progress() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 0);
        Optimizer adam = Optimizer.adam()) {
      List<Progress> reports = new ArrayList<>();
      var results =
          Training.builder()
              .setModel(mlp)
              .setOptimizer(adam)
              .optLearningRate(LearningRate.constant(1e-3))
              .optProgress(reports::add, 10)
              .build()
              .fit(
                  Batches.shuffled(
                      data.train().firstPerClass(200), data.normalization(), 64, 0, Models.IMAGE),
                  1,
                  Batches.inOrder(
                      data.test().firstPerClass(100), data.normalization(), 500, Models.IMAGE));

      assertThat(results)
          .singleElement()
          .satisfies(r -> assertThat(r.testAccuracy()).isGreaterThan(0.6));
      assertThat(reports).isNotEmpty();
      assertThat(reports.get(reports.size() - 1).batch()).isEqualTo(32);
      assertThat(reports.get(0).imagesPerSecond()).isPositive();
    }
  }

  private static Map<String, float[]> copy(Map<String, NDArray> arrays) {
    Map<String, float[]> out = new LinkedHashMap<>();
    arrays.forEach((k, v) -> out.put(k, v.toFloatArray()));
    return out;
  }

  private static long zeros(LabModel model) {
    long zeros = 0;
    for (NDArray w : model.prunableWeights().values()) {
      zeros += w.size() - w.countNonzero().getLong();
    }
    return zeros;
  }
}
