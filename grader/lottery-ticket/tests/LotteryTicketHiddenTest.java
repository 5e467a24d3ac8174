package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.pruninglab.grading.harness.Fixtures;
import org.pruninglab.grading.harness.PruningResults;
import org.pruninglab.grading.harness.ResultNames;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.data.FashionMnist;
import org.pruninglab.labkit.metrics.Metrics;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.model.Models;
import org.pruninglab.labkit.pictures.LineChart;
import org.pruninglab.labkit.prune.MagnitudePruning;
import org.pruninglab.labkit.prune.MaskedWeights;
import org.pruninglab.labkit.train.Evaluation;
import org.pruninglab.labkit.train.LearningRate;
import org.pruninglab.labkit.train.Optimizer;
import org.pruninglab.labkit.train.Training;

/**
 * Hidden tests (semantics.md §10). What a step of the procedure should leave is computed by the
 * test's own run of the statement's recipe on a second model of the same seed, compared bit for
 * bit where the statement says exactly.
 */
// One instance for all tests of the class: the graded run is made once for the records.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LotteryTicketHiddenTest {

  private static final double LR = 0.05;

  private static Map<String, float[]> state(LabModel m) {
    Map<String, float[]> out = new LinkedHashMap<>();
    m.state().forEach((n, a) -> out.put(n, a.toFloatArray()));
    return out;
  }

  private static Map<String, boolean[]> kept(Map<String, NDArray> masks) {
    Map<String, boolean[]> out = new LinkedHashMap<>();
    masks.forEach((n, mask) -> out.put(n, mask.toType(ai.djl.ndarray.types.DataType.BOOLEAN,
        false).toBooleanArray()));
    return out;
  }

  /** The test's own global masks of the model's prunable weights (the model is not changed). */
  private static Map<String, boolean[]> ownMasks(LabModel m, double sparsity) {
    Map<String, NDArray> copies = new LinkedHashMap<>();
    m.prunableWeights().forEach((n, w) -> copies.put(n, w.duplicate()));
    return kept(MagnitudePruning.pruneGlobally(copies, sparsity));
  }

  private static Batches batches(int perClass, int batch) {
    FashionMnist data = FashionMnist.load();
    return Batches.shuffled(data.train().firstPerClass(perClass), data.normalization(), batch,
        1, Models.IMAGE);
  }

  /** The statement's dense epoch: returns θ_k (k = 0: before any step). */
  private static Map<String, float[]> denseEpoch(LabModel m, Batches train, int k) {
    List<Map<String, float[]>> theta = new ArrayList<>();
    if (k == 0) {
      theta.add(state(m));
    }
    try (Optimizer sgd = Optimizer.sgd(0.9, 0)) {
      Training.builder().setModel(m).setOptimizer(sgd)
          .optLearningRate(LearningRate.constant(LR))
          .addAfterStepHook((model, step) -> {
            if (step == k) {
              theta.add(state(model));
            }
          }).build().fit(train, 1, null);
    }
    return theta.get(0);
  }

  /** Every value of {@code m} equals θ, 0.0 where the masks prune. */
  private static void assertRewound(LabModel m, Map<String, float[]> theta,
      Map<String, boolean[]> masks, String what) {
    m.state().forEach((name, a) -> {
      float[] now = a.toFloatArray();
      float[] want = theta.get(name);
      boolean[] keep = masks.get(name);
      for (int i = 0; i < now.length; i++) {
        float expected = keep != null && !keep[i] ? 0f : want[i];
        if (Float.floatToIntBits(now[i]) != Float.floatToIntBits(expected)
            && !(expected == 0f && now[i] == 0f)) {
          throw new AssertionError(String.format("%s: %s[%d] is %s but should be %s (%s)", what,
              name, i, now[i], expected, keep != null && !keep[i] ? "pruned: 0.0"
                  : "its value at the rewind point"));
        }
      }
    });
  }

  // ---------------------------------------------------------------- snapshot, masks, rewind

  @Test
  @Tag("points=1")
  @DisplayName("snapshot: every parameter and running statistic of the VGG (BatchNorm), by name,"
      + " a copy that later changes do not reach")
  void snapshot_copies_everything() {
    try (LabModel vgg = Models.create(ModelKind.VGG, 31)) {
      Map<String, float[]> want = state(vgg);
      Map<String, float[]> got = LotteryTicket.snapshot(vgg);
      assertEquals(want.keySet(), got.keySet(), "one entry per name of model.state(), running"
          + " statistics included");
      vgg.state().values().forEach(a -> a.addi(1f));
      want.forEach((n, v) -> assertTrue(Arrays.equals(v, got.get(n)), n + " of the snapshot"
          + " changed with the model: copy the values"));
    }
  }

  @Test
  @Tag("points=2")
  @DisplayName("globalMasks: one threshold over all prunable weights of the trained MLP, at 50 %"
      + " and 80 %; the weights unchanged")
  void global_masks() throws IOException {
    try (LabModel mlp = Models.create(ModelKind.MLP, 0)) {
      mlp.load(Fixtures.quickMlp());
      Map<String, float[]> before = state(mlp);
      for (double s : new double[] {0.5, 0.8}) {
        Map<String, boolean[]> want = ownMasks(mlp, s);
        Map<String, boolean[]> got = kept(LotteryTicket.globalMasks(mlp, s));
        assertEquals(want.keySet(), got.keySet(), "one mask per prunable weight");
        want.forEach((n, w) -> {
          long wantKept = count(w);
          long gotKept = count(got.get(n));
          assertTrue(Arrays.equals(w, got.get(n)), String.format("sparsity %s: the mask of %s"
              + " keeps %d weights, the global rule %d (one threshold over all layers, not one"
              + " per layer)", s, n, gotKept, wantKept));
        });
      }
      before.forEach((n, v) -> assertTrue(Arrays.equals(v, mlp.state().get(n).toFloatArray()),
          "globalMasks changed " + n + "; it only reads the weights"));
    }
  }

  private static long count(boolean[] b) {
    long n = 0;
    for (boolean v : b) {
      n += v ? 1 : 0;
    }
    return n;
  }

  @Test
  @Tag("points=2")
  @DisplayName("rewind: on a VGG changed everywhere, every weight, bias and BatchNorm statistic"
      + " back to θ bit for bit, the pruned weights 0.0")
  void rewind_resets_everything() {
    try (LabModel vgg = Models.create(ModelKind.VGG, 32)) {
      Map<String, float[]> theta = state(vgg);
      Map<String, float[]> copy = state(vgg);
      vgg.state().values().forEach(a -> a.addi(0.25f));
      Map<String, NDArray> masks = LotteryTicket.globalMasks(vgg, 0.7);
      Map<String, boolean[]> keep = kept(masks);
      LotteryTicket.rewind(vgg, copy, masks);
      assertRewound(vgg, theta, keep, "after rewind");
    }
  }

  // ---------------------------------------------------------------- find

  @Test
  @Tag("points=2")
  @DisplayName("find with k = 0 and no retraining: the masks of the trained weights, every value"
      + " back at θ₀, the pruned weights 0.0")
  void find_rewinds_to_theta_zero() {
    Batches train = batches(20, 20);
    try (LabModel mlp = Models.create(ModelKind.MLP, 33);
        LabModel own = Models.create(ModelKind.MLP, 33)) {
      Map<String, float[]> theta = denseEpoch(own, train, 0);
      Map<String, boolean[]> masks = ownMasks(own, 0.8);
      Map<String, boolean[]> got = kept(LotteryTicket.find(mlp, train, 0, 0.8,
          () -> Optimizer.sgd(0.9, 0), LR, 0));
      masks.forEach((n, m) -> assertTrue(Arrays.equals(m, got.get(n)), "the mask of " + n
          + " is not the global 80 % mask of the trained weights (after the dense epoch)"));
      assertRewound(mlp, theta, masks, "after find(k = 0)");
    }
  }

  @Test
  @Tag("points=2")
  @DisplayName("find with k = 4: every value back at θ₄, the weights right after the 4th step,"
      + " not θ₀ or θ₃")
  void find_rewinds_to_theta_k() {
    Batches train = batches(20, 20);
    try (LabModel mlp = Models.create(ModelKind.MLP, 34);
        LabModel own = Models.create(ModelKind.MLP, 34)) {
      Map<String, float[]> theta = denseEpoch(own, train, 4);
      Map<String, boolean[]> masks = ownMasks(own, 0.8);
      LotteryTicket.find(mlp, train, 4, 0.8, () -> Optimizer.sgd(0.9, 0), LR, 0);
      assertRewound(mlp, theta, masks, "after find(k = 4)");
    }
  }

  @Test
  @Tag("points=2")
  @DisplayName("find with k = 3 and one retraining epoch: as the statement's recipe with a fresh"
      + " SGD (no momentum carried over), the pruned weights 0.0 (≤ 1e-5)")
  void find_retrains_with_a_fresh_optimizer() {
    Batches train = batches(20, 20);
    try (LabModel mlp = Models.create(ModelKind.MLP, 35);
        LabModel own = Models.create(ModelKind.MLP, 35)) {
      Map<String, float[]> theta = denseEpoch(own, train, 3);
      Map<String, NDArray> ownMasks = new LinkedHashMap<>();
      Map<String, NDArray> copies = new LinkedHashMap<>();
      own.prunableWeights().forEach((n, w) -> copies.put(n, w.duplicate()));
      ownMasks.putAll(MagnitudePruning.pruneGlobally(copies, 0.8));
      own.state().forEach((n, a) -> a.set(theta.get(n)));
      own.prunableWeights().forEach((n, w) -> w.muli(ownMasks.get(n).toType(w.getDataType(),
          false)));
      try (Optimizer fresh = Optimizer.sgd(0.9, 0);
          MaskedWeights keep = new MaskedWeights(own, ownMasks)) {
        Training.builder().setModel(own).setOptimizer(fresh)
            .optLearningRate(LearningRate.constant(LR)).addAfterStepHook(keep).build()
            .fit(train, 1, null);
      }
      LotteryTicket.find(mlp, train, 3, 0.8, () -> Optimizer.sgd(0.9, 0), LR, 1);
      Map<String, boolean[]> masks = kept(ownMasks);
      Map<String, float[]> want = state(own);
      mlp.state().forEach((name, a) -> {
        float[] now = a.toFloatArray();
        float[] expected = want.get(name);
        boolean[] k = masks.get(name);
        for (int i = 0; i < now.length; i++) {
          if (k != null && !k[i] && now[i] != 0f) {
            throw new AssertionError(name + "[" + i + "] is pruned but " + now[i] + " after"
                + " the retraining: re-apply the masks after every step");
          }
          if (Math.abs(now[i] - expected[i]) > 1e-5) {
            throw new AssertionError(String.format("after one retraining epoch %s[%d] is %s,"
                + " the recipe gives %s: the retraining starts at θ₃ with a fresh optimiser"
                + " (momentum from the dense epoch must not carry over)", name, i, now[i],
                expected[i]));
          }
        }
      });
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("find refuses a rewind step below 0 or past the epoch's steps with"
      + " IllegalArgumentException, and takes the epoch's last step")
  void find_refuses_a_rewind_step_outside_the_epoch() {
    Batches train = batches(4, 20);
    try (LabModel mlp = Models.create(ModelKind.MLP, 36)) {
      for (int k : new int[] {-1, train.count() + 1}) {
        assertThrows(IllegalArgumentException.class, () -> LotteryTicket.find(mlp, train, k,
            0.5, () -> Optimizer.sgd(0.9, 0), LR, 0), "rewind step " + k + " of an epoch of "
            + train.count() + " steps");
      }
      LotteryTicket.find(mlp, train, train.count(), 0.5, () -> Optimizer.sgd(0.9, 0), LR, 0);
    }
  }

  // ---------------------------------------------------------------- the graded run (records)

  private record Run(double dense, double ticket, double control) {}

  private Run run;

  private static final double SPARSITY = 0.8;
  private static final int K = 5;
  private static final int EVALUATE_EVERY = 10;

  /**
   * The student's ticket (find without retraining) and a random re-initialisation with the same
   * masks, each retrained by the test's recipe, test accuracy drawn every 10 steps.
   */
  private synchronized Run run() throws IOException {
    if (run != null) {
      return run;
    }
    Batches test = Fixtures.quickTestImages();
    Batches train = batches(300, 50);
    List<LineChart.Point> ticketCurve = new ArrayList<>();
    List<LineChart.Point> controlCurve = new ArrayList<>();
    double dense;
    double ticket;
    double control;
    try (LabModel mlp = Models.create(ModelKind.MLP, 0);
        LabModel trained = Models.create(ModelKind.MLP, 0)) {
      denseEpoch(trained, train, K);
      dense = Evaluation.accuracy(trained, test);
      Map<String, NDArray> masks = LotteryTicket.find(mlp, train, K, SPARSITY,
          () -> Optimizer.sgd(0.9, 0), LR, 0);
      ticket = retrain(mlp, masks, train, test, ticketCurve);
      PruningResults.recordModel(Metrics.stats(mlp), mlp.device().toString());
      try (LabModel random = Models.create(ModelKind.MLP, 1)) {
        random.prunableWeights().forEach((n, w) -> w.muli(masks.get(n).toType(w.getDataType(),
            false)));
        control = retrain(random, masks, train, test, controlCurve);
      }
    }
    PruningResults.record(ResultNames.ACCURACY_DENSE, dense);
    PruningResults.record(ResultNames.ACCURACY_FINETUNED, ticket);
    PruningResults.record(ResultNames.ACCURACY_RANDOM_REINIT, control);
    if (PruningResults.picturesWanted()) {
      PruningResults.picture(ResultNames.TICKET_RETRAINING, new LineChart(
          "The ticket and a random re-initialisation, 80 % sparse, retrained",
          new LineChart.Axis("retraining step", LineChart.Scale.NUMBER),
          new LineChart.Axis("test accuracy", LineChart.Scale.FRACTION),
          List.of(new LineChart.Series("ticket (rewound to step 5)", ticketCurve),
              new LineChart.Series("random re-initialisation", controlCurve)),
          List.of(new LineChart.Reference("dense after one epoch", dense))));
    }
    run = new Run(dense, ticket, control);
    return run;
  }

  private static double retrain(LabModel m, Map<String, NDArray> masks, Batches train,
      Batches test, List<LineChart.Point> curve) {
    curve.add(new LineChart.Point(0, Evaluation.accuracy(m, test)));
    try (Optimizer sgd = Optimizer.sgd(0.9, 0);
        MaskedWeights keep = new MaskedWeights(m, masks)) {
      Training.builder().setModel(m).setOptimizer(sgd).optLearningRate(LearningRate.constant(LR))
          .addAfterStepHook(keep).addAfterStepHook((model, step) -> {
            if (step % EVALUATE_EVERY == 0) {
              curve.add(new LineChart.Point(step, Evaluation.accuracy(model, test)));
            }
          }).build().fit(train, 1, null);
    }
    return curve.get(curve.size() - 1).y();
  }

  @Test
  @Tag("points=1")
  @Tag("training") // not run by the mutation profile: it kills no mutant the others miss
  @DisplayName("the graded run: the ticket of the seed MLP, 80 % sparse, rewound to step 5 and"
      + " retrained for one epoch: at least 60 % test accuracy (the reference reaches 75.0 %)")
  void accuracy_band() throws IOException {
    Run r = run();
    assertTrue(r.ticket() >= BAND / 100.0, String.format("the ticket retrained: %.1f %% test"
        + " accuracy (the dense MLP after its epoch %.1f %%, a random re-initialisation with the"
        + " same masks %.1f %%); at least %.0f %% was expected", 100 * r.ticket(),
        100 * r.dense(), 100 * r.control(), BAND));
  }

  private static final double BAND = 60;
}
