package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.data.FashionMnist;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.model.Models;
import org.pruninglab.labkit.train.LearningRate;
import org.pruninglab.labkit.train.Optimizer;
import org.pruninglab.labkit.train.Training;

/** The public tests: the statement's worked examples. The hidden tests also train. */
class GradualPrunerPublicTest {

  @Test
  @Tag("points=2")
  @DisplayName("s(t) of the example: s_i = 0, s_f = 0.8, begin 0, end 1000")
  void the_schedule_of_the_example() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 1)) {
      GradualPruner pruner = new GradualPruner(mlp, 0, 0.8, 0, 1000, 100);
      long[] t = {0, 100, 500, 900, 1000, 1500};
      double[] expected = {0, 0.2168, 0.7, 0.7992, 0.8, 0.8};
      for (int i = 0; i < t.length; i++) {
        assertEquals(expected[i], pruner.sparsityAt(t[i]), 1e-12, "s(" + t[i] + ") = s_f + (s_i"
            + " − s_f) · (1 − (t − begin)/(end − begin))³");
      }
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("pruning steps of begin 2, end 12, frequency 4: 2, 6, 10 and 12 (the end)")
  void the_pruning_steps_of_the_example() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 1)) {
      GradualPruner pruner = new GradualPruner(mlp, 0, 0.5, 2, 12, 4);
      List<Long> steps = new ArrayList<>();
      for (long t = 0; t <= 20; t++) {
        if (pruner.isPruningStep(t)) {
          steps.add(t);
        }
      }
      assertEquals(List.of(2L, 6L, 10L, 12L), steps, "pruning steps are begin, begin + frequency,"
          + " … up to end, and end itself");
    }
  }

  @Test
  @Tag("points=2")
  @DisplayName("afterStep(model, 100) prunes each tensor to rint(n · 0.2168); at step 150 a"
      + " weight that grew back is 0 again")
  void one_pruning_step_and_one_step_between() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 1)) {
      Map<String, NDArray> weights = mlp.prunableWeights();
      Random random = new Random(2);
      for (NDArray w : weights.values()) {
        w.set(distinct((int) w.size(), random.nextLong()));
      }
      GradualPruner pruner = new GradualPruner(mlp, 0, 0.8, 0, 1000, 100);
      pruner.afterStep(mlp, 100);
      for (Map.Entry<String, NDArray> e : weights.entrySet()) {
        long n = e.getValue().size();
        assertEquals((long) Math.rint(n * 0.2168), zeros(e.getValue()), e.getKey() + ": at step 100,"
            + " rint(" + n + " · s(100)) of its own " + n + " weights are pruned (per tensor)");
      }
      NDArray fc1 = weights.get("fc1.weight");
      float[] values = fc1.toFloatArray();
      int pruned = 0;
      while (values[pruned] != 0) {
        pruned++;
      }
      long before = zeros(fc1);
      values[pruned] = 0.5f; // as an optimiser step would move it
      fc1.set(values);
      pruner.afterStep(mlp, 150);
      assertEquals(0f, fc1.toFloatArray()[pruned], "step 150 is no pruning step: the masks of"
          + " step 100 are re-applied, so the weight that moved is 0.0 again");
      assertEquals(before, zeros(fc1), "between pruning steps no new weight is pruned");
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("in a training loop: 6 steps with s_f = 0.5, begin 0, end 4, frequency 2 end with"
      + " every tensor at 50 %")
  void in_a_training_loop() throws IOException {
    FashionMnist data = FashionMnist.load();
    Batches images = Batches.shuffled(data.train().firstPerClass(30), data.normalization(), 50, 3,
        Models.IMAGE);
    try (LabModel mlp = Models.create(ModelKind.MLP, 1);
        Optimizer sgd = Optimizer.sgd(0.9, 1e-4)) {
      GradualPruner pruner = new GradualPruner(mlp, 0, 0.5, 0, 4, 2);
      Training.builder().setModel(mlp).setOptimizer(sgd)
          .optLearningRate(LearningRate.constant(0.05)).addAfterStepHook(pruner).build()
          .fit(images, 1, null);
      for (Map.Entry<String, NDArray> e : mlp.prunableWeights().entrySet()) {
        long n = e.getValue().size();
        assertEquals((long) Math.rint(n * 0.5), zeros(e.getValue()), e.getKey() + " after 6"
            + " training steps (pruning steps 2 and 4; an array made inside afterStep is freed"
            + " when the training step ends, so keep the masks from the constructor on)");
      }
    }
  }

  /** n weights whose magnitudes are 1/n, 2/n, …, 1 (no two equal), shuffled, random signs. */
  static float[] distinct(int n, long seed) {
    Random r = new Random(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (i + 1) / (float) n * (r.nextBoolean() ? 1 : -1);
    }
    for (int i = n - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      float t = v[i];
      v[i] = v[j];
      v[j] = t;
    }
    return v;
  }

  static long zeros(NDArray w) {
    long z = 0;
    for (float x : w.toFloatArray()) {
      z += x == 0 ? 1 : 0;
    }
    return z;
  }
}
