package lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.pruninglab.labkit.metrics.ModelStats;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.model.Models;
import org.pruninglab.labkit.pictures.LineChart;
import org.pruninglab.labkit.train.AfterStepHook;
import org.pruninglab.labkit.train.Evaluation;
import org.pruninglab.labkit.train.LearningRate;
import org.pruninglab.labkit.train.Optimizer;
import org.pruninglab.labkit.train.Training;

/**
 * Hidden tests (semantics.md §5). The expected masks come from the test's own rule on Java copies
 * of the weights, taken before the student's code runs each round.
 */
// One instance for all tests of the class: the run on the MLP is made once and shared by the
// tests that check it (a static cache would outlive the class's run, e.g. in mutation testing).
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IterativePrunerHiddenTest {

  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  // ---------------------------------------------------------------- rates and single rounds

  @Test
  @Tag("points=1")
  @DisplayName("perRoundRate: 1 − (1 − s)^(1/R) for several targets and round counts (to 1e-12)")
  void per_round_rates() {
    double[][] cases = {{0.8, 3}, {0.9, 3}, {0.5, 2}, {0.7, 1}, {0.0, 4}, {0.99, 10}, {0.6, 5}};
    for (double[] c : cases) {
      double expected = 1 - Math.pow(1 - c[0], 1.0 / c[1]);
      assertEquals(expected, IterativePruner.perRoundRate(c[0], (int) c[1]), 1e-12,
          "perRoundRate(" + c[0] + ", " + (int) c[1] + "): after R rounds at p the survivors"
              + " are (1 − p)^R = 1 − s, so p = 1 − (1 − s)^(1/R) (s/R would undershoot)");
    }
  }

  @Test
  @Tag("points=2")
  @DisplayName("pruneRound: k = rint(rate · S) of the S surviving weights, one threshold over all"
      + " tensors; weights already 0 stay pruned")
  void a_round_counts_against_the_survivors() {
    Map<String, float[]> values = split(IterativePrunerPublicTest.distinct(600 + 500 + 189, 21),
        600, 500, 189);
    // A round before this one: 30 % of the weights are already 0 (spread over the tensors).
    Random r = new Random(22);
    for (float[] v : values.values()) {
      for (int i = 0; i < v.length; i++) {
        if (r.nextDouble() < 0.3) {
          v[i] = 0;
        }
      }
    }
    Map<String, NDArray> weights = tensors(values, new Shape(30, 20), new Shape(50, 10),
        new Shape(7, 3, 3, 3));
    long survivors = 1289 - zeros(values);

    Map<String, NDArray> masks = IterativePruner.pruneRound(weights, 0.25);

    Map<String, boolean[]> got = read(masks);
    Map<String, float[]> after = snapshot(weights);
    long k = (long) Math.rint(0.25 * survivors);
    Map<String, boolean[]> expected = Rule.prune(values, k);
    assertEquals(zeros(values) + k, zeros(after), "of the " + survivors + " surviving weights"
        + " rint(0.25 · " + survivors + ") = " + k + " must be pruned (not 25 % of all 1289)");
    assertSameMasks(expected, got, "the returned mask");
    assertSameMasks(expected, nonzero(after), "the weights left nonzero");
  }

  @Test
  @Tag("points=2")
  @DisplayName("pruneRound is global: a tensor of small weights loses more than one of large ones")
  void one_threshold_for_all_tensors() {
    // Magnitudes of "small" are 1/1000 … 500/1000, of "large" 501/1000 … 1: at rate 0.5 the
    // global threshold removes every small weight and no large one.
    float[] all = IterativePrunerPublicTest.distinct(1000, 23);
    float[] small = new float[500];
    float[] large = new float[500];
    int s = 0;
    int l = 0;
    for (float v : all) {
      if (Math.abs(v) <= 0.5f) {
        small[s++] = v;
      } else {
        large[l++] = v;
      }
    }
    Map<String, float[]> values = new LinkedHashMap<>();
    values.put("large", large);
    values.put("small", small);
    Map<String, NDArray> weights = tensors(values, new Shape(20, 25), new Shape(500));

    IterativePruner.pruneRound(weights, 0.5);

    Map<String, float[]> after = snapshot(weights);
    assertEquals(0, zeros(Map.of("large", after.get("large"))),
        "one threshold over all weights together: none of the large tensor's weights is among"
            + " the 500 smallest (pruning each tensor by the rate is per tensor, not global)");
    assertEquals(500, zeros(Map.of("small", after.get("small"))),
        "every weight of the small tensor is among the 500 smallest of all 1000");
  }

  // ---------------------------------------------------------------- cumulative targets

  private static final double[] TARGETS = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8};

  @Test
  @Tag("points=2")
  @DisplayName("pruneToTarget: after each target 0.1 … 0.8, exactly rint(N · t) of all N weights"
      + " are zero")
  void cumulative_targets_of_the_whole_model() {
    Map<String, float[]> values = split(IterativePrunerPublicTest.distinct(1289, 24), 600, 500,
        189);
    Map<String, NDArray> weights = tensors(values, new Shape(600), new Shape(20, 25),
        new Shape(7, 27));
    for (double t : TARGETS) {
      Map<String, float[]> before = snapshot(weights);
      Map<String, NDArray> masks = IterativePruner.pruneToTarget(weights, t);
      Map<String, boolean[]> got = read(masks);
      Map<String, float[]> after = snapshot(weights);
      long target = (long) Math.rint(1289 * t);
      assertEquals(target, zeros(after), "target " + t + ": rint(1289 · " + t + ") = " + target
          + " of all weights must be zero, counting the " + zeros(before) + " already pruned");
      Map<String, boolean[]> expected = Rule.prune(before, target - zeros(before));
      assertSameMasks(expected, got, "the mask returned for target " + t);
      assertSameMasks(expected, nonzero(after), "the weights left nonzero at target " + t);
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("pruneToTarget: a target at or below the current sparsity prunes nothing")
  void a_lower_target_prunes_nothing() {
    Map<String, float[]> values = split(IterativePrunerPublicTest.distinct(700, 25), 300, 400);
    Map<String, NDArray> weights = tensors(values, new Shape(300), new Shape(20, 20));
    IterativePruner.pruneToTarget(weights, 0.6);
    Map<String, float[]> at60 = snapshot(weights);
    Map<String, boolean[]> masks = read(IterativePruner.pruneToTarget(weights, 0.4));
    Map<String, float[]> after = snapshot(weights);
    for (String name : at60.keySet()) {
      assertArrayEquals(at60.get(name), after.get(name),
          name + " changed: at 60 % sparsity a target of 40 % has nothing left to prune");
    }
    assertSameMasks(nonzero(at60), masks, "the mask after a target of 40 % at 60 %");
  }

  @Test
  @Tag("points=1")
  @DisplayName("run on a VGG with BatchNorm: only model.prunableWeights() are counted and pruned;"
      + " BatchNorm's weights and every bias stay as they were")
  void only_the_prunable_weights_of_a_batchnorm_model_are_pruned() {
    try (LabModel vgg = Models.create(ModelKind.VGG, 6)) {
      long n = distinctWeights(vgg, 27);
      // BatchNorm's γ ("bn1.weight", rank 1) made smaller than every prunable weight: pruning
      // parameters by their name would remove them first.
      Random random = new Random(28);
      for (String bn : List.of("bn1.weight", "bn2.weight", "bn3.weight")) {
        NDArray gamma = vgg.parameter(bn);
        float[] v = new float[Math.toIntExact(gamma.size())];
        for (int i = 0; i < v.length; i++) {
          v[i] = (float) (1e-9 * (1 + random.nextDouble()));
        }
        gamma.set(v);
      }
      Map<String, float[]> others = new LinkedHashMap<>();
      vgg.state().forEach((name, p) -> {
        if (!vgg.prunableWeights().containsKey(name)) {
          others.put(name, p.toFloatArray());
        }
      });
      double rate = 1 - Math.pow(1 - 0.5, 1.0 / 2);
      List<Long> pruned = IterativePruner.run(vgg, 0.5, 2, (m, keep, round) -> { });
      long first = (long) Math.rint(rate * n);
      long second = (long) Math.rint(rate * (n - first));
      assertEquals(List.of(first, second), pruned, "rint(p · S) per round, with S counted over"
          + " model.prunableWeights() only (" + n + " weights: the conv and linear weights)");
      assertEquals(first + second, zeros(snapshot(vgg.prunableWeights())),
          "zeros among the prunable weights after 2 rounds");
      others.forEach((name, was) -> assertArrayEquals(was, vgg.state().get(name).toFloatArray(),
          name + " is not a prunable weight (rank 1 or a running statistic): never pruned"));
    }
  }

  @Test
  @Tag("points=2")
  @DisplayName("runSchedule 10 %, 20 %, …, 80 % of the whole model ends at exactly 80 %"
      + " (seed 003's increments against the survivors end at 56.95 %)")
  void the_cumulative_schedule_reaches_80_percent() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 3)) {
      long n = distinctWeights(mlp, 26);
      List<Long> zerosAfter = new ArrayList<>();
      List<Integer> steps = new ArrayList<>();
      List<Long> pruned = IterativePruner.runSchedule(mlp, TARGETS.clone(), (m, keep, step) -> {
        assertNotNull(keep, "the fine-tune needs the hook that keeps the masks");
        steps.add(step);
        zerosAfter.add(zeros(snapshot(m.prunableWeights())));
      });
      assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), steps,
          "the fine-tune runs once after each of the 8 steps, numbered from 1");
      long before = 0;
      for (int j = 0; j < TARGETS.length; j++) {
        long target = (long) Math.rint(n * TARGETS[j]);
        assertEquals(target, zerosAfter.get(j), String.format("after step %d (target %.0f %%)"
            + " %d of the %d weights must be zero, %.2f %% are (targets are fractions of the"
            + " whole model: 10 %% more of all weights each step, not 10 %% of the survivors,"
            + " which ends at 1 − 0.9⁸ = 56.95 %%)", j + 1, 100 * TARGETS[j], target, n,
            100.0 * zerosAfter.get(j) / n));
        assertEquals(target - before, pruned.get(j),
            "runSchedule returns how many weights step " + (j + 1) + " pruned");
        before = target;
      }
      assertEquals(0.8, (double) zeros(snapshot(mlp.prunableWeights())) / n, 1e-5,
          "the schedule must end at 80 % of the whole model");
    }
  }

  // ---------------------------------------------------------------- run with fine-tunes

  private static final double TARGET = 0.9;
  private static final int ROUNDS = 3;

  /** What one run of the student's {@code run} on the quick MLP showed, shared by the tests. */
  private record Observed(
      List<Long> returned,
      List<Integer> rounds,
      List<Long> expectedPruned,
      List<Long> pruned,
      List<String> wrongMasks,
      List<String> notNested,
      List<String> grewBack,
      long finalZeros,
      long expectedFinalZeros,
      long n,
      double dense,
      List<Double> sparsity,
      List<Double> accuracyPruned,
      List<Double> accuracyFineTuned,
      ModelStats stats,
      String device) {}

  private Observed observed;
  private RuntimeException failed;

  /** The student's run on the quick MLP, 3 rounds to 90 %, each followed by 24 SGD steps. */
  private synchronized Observed observed() throws IOException {
    if (failed != null) {
      throw failed;
    }
    if (observed == null) {
      try {
        observed = observe();
      } catch (RuntimeException | Error e) {
        failed = new IllegalStateException("run(model, 0.9, 3, fineTune) failed: " + e, e);
        throw failed;
      }
    }
    return observed;
  }

  @SuppressWarnings("unchecked")
  private static Observed observe() throws IOException {
    FashionMnist data = FashionMnist.load();
    Batches test = Fixtures.quickTestImages();
    try (LabModel mlp = Models.create(ModelKind.MLP, 0);
        Optimizer sgd = Optimizer.sgd(0.9, 1e-4)) {
      mlp.load(Fixtures.quickMlp());
      double dense = Fixtures.quickMlpAccuracy();
      long n = 0;
      for (NDArray w : mlp.prunableWeights().values()) {
        n += w.size();
      }
      double p = 1 - Math.pow(1 - TARGET, 1.0 / ROUNDS);
      List<Integer> rounds = new ArrayList<>();
      List<Long> expectedPruned = new ArrayList<>();
      List<Long> pruned = new ArrayList<>();
      List<String> wrongMasks = new ArrayList<>();
      List<String> notNested = new ArrayList<>();
      List<String> grewBack = new ArrayList<>();
      List<Double> sparsity = new ArrayList<>();
      List<Double> accuracyPruned = new ArrayList<>();
      List<Double> accuracyFineTuned = new ArrayList<>();
      // The weights before the next round: what the rule prunes from.
      Map<String, float[]>[] before = new Map[] {snapshot(mlp.prunableWeights())};
      // The survivors right after the previous round's pruning: the next masks lie inside them.
      Map<String, boolean[]>[] lastKept = new Map[] {nonzero(before[0])};
      long[] expectedZeros = {zeros(before[0])};
      final long all = n;
      IterativePruner.FineTune fineTune = (m, keep, round) -> {
        rounds.add(round);
        Map<String, float[]> now = snapshot(m.prunableWeights());
        long survivors = all - zeros(before[0]);
        long k = (long) Math.rint(p * survivors);
        Map<String, boolean[]> expected = Rule.prune(before[0], k);
        long prunedNow = zeros(now) - zeros(before[0]);
        pruned.add(prunedNow);
        expectedPruned.add(countFalse(expected) - zeros(before[0]));
        expectedZeros[0] = countFalse(expected);
        if (!sameMasks(expected, nonzero(now))) {
          wrongMasks.add("round " + round);
        }
        if (!nested(lastKept[0], nonzero(now))) {
          notNested.add("round " + round);
        }
        sparsity.add((double) zeros(now) / all);
        accuracyPruned.add(Evaluation.accuracy(m, test));
        Map<String, boolean[]> kept = nonzero(now);
        lastKept[0] = kept;
        long[] badSteps = {0};
        // 1 where a weight was pruned, made once per round outside the training steps: after
        // each step the check is one sum per tensor, on the model's device.
        Map<String, NDArray> pruned0 = new LinkedHashMap<>();
        m.prunableWeights().forEach((name, w) -> {
          try (NDArray zero = w.eq(0)) {
            pruned0.put(name, zero.toType(w.getDataType(), false));
          }
        });
        AfterStepHook check = (model, step) -> {
          for (Map.Entry<String, NDArray> e : pruned0.entrySet()) {
            if (model.parameter(e.getKey()).mul(e.getValue()).abs().sum().getFloat() != 0f) {
              badSteps[0]++;
              return;
            }
          }
        };
        Batches train = Batches.shuffled(data.train().firstPerClass(120), data.normalization(),
            50, round, Models.IMAGE);
        Training.builder().setModel(m).setOptimizer(sgd).optLearningRate(
            LearningRate.constant(0.05)).addAfterStepHook(keep).addAfterStepHook(check)
            .optSeed(round).build().fit(train, 1, null);
        pruned0.values().forEach(NDArray::close);
        if (badSteps[0] > 0) {
          grewBack.add("round " + round + " (after " + badSteps[0] + " of " + train.count()
              + " steps)");
        }
        accuracyFineTuned.add(Evaluation.accuracy(m, test));
        // What the next round prunes from: the fine-tuned weights, with every weight pruned so
        // far at 0 (as a masked fine-tune leaves them; a fine-tune that lets them grow back is
        // caught above, and then its next round counts against the wrong survivors).
        before[0] = masked(snapshot(m.prunableWeights()), kept);
      };
      List<Long> returned = IterativePruner.run(mlp, TARGET, ROUNDS, fineTune);
      long finalZeros = zeros(snapshot(mlp.prunableWeights()));
      return new Observed(returned == null ? List.of() : List.copyOf(returned), rounds,
          expectedPruned, pruned, wrongMasks, notNested, grewBack, finalZeros,
          expectedZeros[0], n, dense, sparsity, accuracyPruned, accuracyFineTuned,
          Metrics.stats(mlp), mlp.device().toString());
    }
  }

  @Test
  @Tag("points=2")
  @DisplayName("run, 90 % in 3 rounds on the MLP: each round prunes rint(p · S) of the survivors,"
      + " the smallest of all, and returns the counts")
  void each_round_prunes_the_rule_s_count() throws IOException {
    Observed o = observed();
    assertEquals(List.of(1, 2, 3), o.rounds(), "the fine-tune runs once after each round,"
        + " numbered from 1");
    assertEquals(o.expectedPruned(), o.pruned(), "weights pruned per round: with p = "
        + "1 − 0.1^(1/3), round r prunes rint(p · S) of its S surviving weights");
    assertTrue(o.wrongMasks().isEmpty(), "not the smallest surviving weights of all tensors"
        + " together in " + o.wrongMasks());
    assertEquals(o.pruned(), o.returned(), "run returns how many weights each round pruned");
  }

  @Test
  @Tag("points=1")
  @DisplayName("run: the masks are nested, no weight pruned in one round is back in the next")
  void masks_are_nested() throws IOException {
    Observed o = observed();
    assertTrue(o.notNested().isEmpty(), "weights pruned by an earlier round were nonzero again"
        + " after " + o.notNested());
  }

  @Test
  @Tag("points=2")
  @DisplayName("run: every pruned weight is 0.0 after every step of every fine-tune")
  void pruned_weights_stay_zero_during_the_fine_tunes() throws IOException {
    Observed o = observed();
    assertTrue(o.grewBack().isEmpty(), "pruned weights were nonzero during the fine-tune of "
        + o.grewBack() + ": hand the fine-tune a hook that re-applies the round's masks");
  }

  @Test
  @Tag("points=1")
  @DisplayName("run: the model ends at 90 % sparsity, after the last fine-tune")
  void the_run_ends_at_the_target() throws IOException {
    Observed o = observed();
    double sparsity = (double) o.finalZeros() / o.n();
    assertEquals(TARGET, sparsity, 1e-4, String.format("after the last fine-tune %.3f %% of the"
        + " prunable weights are zero", 100 * sparsity));
    assertEquals(o.expectedFinalZeros(), o.finalZeros(), "zero weights after the last round");
  }

  @Test
  @Tag("points=1")
  @DisplayName("run: at least 60 % test accuracy after the last round (the reference reaches 78 %)")
  void accuracy_band_low() throws IOException {
    band(0.60);
  }

  @Test
  @Tag("points=1")
  @DisplayName("run: at least 70 % test accuracy after the last round")
  void accuracy_band_middle() throws IOException {
    band(0.70);
  }

  @Test
  @Tag("points=1")
  @DisplayName("run: at least 74 % test accuracy after the last round")
  void accuracy_band_high() throws IOException {
    band(0.74);
  }

  private void band(double least) throws IOException {
    Observed o = observed();
    record(o);
    double last = o.accuracyFineTuned().get(o.accuracyFineTuned().size() - 1);
    assertTrue(last >= least, String.format("after the last round's fine-tune the accuracy is"
        + " %.1f %% (dense %.1f %%; per round after pruning %s, after fine-tuning %s); at least"
        + " %.0f %% was expected", 100 * last, 100 * o.dense(), percent(o.accuracyPruned()),
        percent(o.accuracyFineTuned()), 100 * least));
  }

  private boolean recorded;

  /** The per-round curve and the standard metrics, once per grading. */
  private synchronized void record(Observed o) {
    if (recorded) {
      return;
    }
    recorded = true;
    int rounds = o.sparsity().size();
    for (int r = 0; r < rounds; r++) {
      PruningResults.record(ResultNames.round(r + 1, ResultNames.SPARSITY), o.sparsity().get(r));
      PruningResults.record(ResultNames.round(r + 1, ResultNames.ACCURACY_PRUNED),
          o.accuracyPruned().get(r));
      PruningResults.record(ResultNames.round(r + 1, ResultNames.ACCURACY_FINETUNED),
          o.accuracyFineTuned().get(r));
    }
    ModelStats stats = o.stats();
    PruningResults.record(ResultNames.ACCURACY_DENSE, o.dense());
    if (rounds > 0) {
      PruningResults.record(ResultNames.ACCURACY_PRUNED, o.accuracyPruned().get(rounds - 1));
      PruningResults.record(ResultNames.ACCURACY_FINETUNED, o.accuracyFineTuned().get(rounds - 1));
    }
    PruningResults.record(ResultNames.SPARSITY, stats.prunableSparsity());
    PruningResults.record(ResultNames.SPARSITY_ALL, stats.sparsity());
    PruningResults.record(ResultNames.PARAMETERS, stats.parameterCount());
    PruningResults.record(ResultNames.PARAMETERS_NONZERO, stats.nonzeroCount());
    PruningResults.record(ResultNames.SIZE_BITS, stats.sizeBits(32));
    PruningResults.record(ResultNames.SIZE_NONZERO_BITS, stats.nonzeroSizeBits(32));
    PruningResults.record(ResultNames.DEVICE, o.device());
    if (PruningResults.picturesWanted() && rounds > 0) {
      List<LineChart.Point> sparsity = new ArrayList<>();
      List<LineChart.Point> pruned = new ArrayList<>();
      List<LineChart.Point> fineTuned = new ArrayList<>();
      sparsity.add(new LineChart.Point(0, 0));
      pruned.add(new LineChart.Point(0, o.dense()));
      fineTuned.add(new LineChart.Point(0, o.dense()));
      for (int r = 0; r < rounds; r++) {
        sparsity.add(new LineChart.Point(r + 1, o.sparsity().get(r)));
        pruned.add(new LineChart.Point(r + 1, o.accuracyPruned().get(r)));
        fineTuned.add(new LineChart.Point(r + 1, o.accuracyFineTuned().get(r)));
      }
      PruningResults.picture(ResultNames.ITERATIVE_ROUNDS, new LineChart(
          "MLP, 90 % in 3 rounds: sparsity and test accuracy per round",
          new LineChart.Axis("round (0 = dense)", LineChart.Scale.NUMBER),
          new LineChart.Axis("fraction", LineChart.Scale.FRACTION),
          List.of(new LineChart.Series("sparsity", sparsity),
              new LineChart.Series("accuracy after pruning", pruned),
              new LineChart.Series("accuracy after fine-tuning", fineTuned)),
          List.of(new LineChart.Reference(String.format("dense %.1f %%", 100 * o.dense()),
              o.dense()))));
    }
  }

  // ---------------------------------------------------------------- the rule and helpers

  /** The graded rule on Java copies: prune the k smallest |w| among the nonzero weights. */
  private static final class Rule {
    static Map<String, boolean[]> prune(Map<String, float[]> values, long k) {
      int survivors = 0;
      for (float[] v : values.values()) {
        for (float x : v) {
          survivors += x != 0 ? 1 : 0;
        }
      }
      float[] magnitudes = new float[survivors];
      int i = 0;
      for (float[] v : values.values()) {
        for (float x : v) {
          if (x != 0) {
            magnitudes[i++] = Math.abs(x);
          }
        }
      }
      Arrays.sort(magnitudes);
      float threshold = k <= 0 ? 0f : magnitudes[(int) Math.min(k, survivors) - 1];
      Map<String, boolean[]> out = new LinkedHashMap<>();
      values.forEach((name, v) -> {
        boolean[] keep = new boolean[v.length];
        for (int j = 0; j < v.length; j++) {
          keep[j] = Math.abs(v[j]) > threshold;
        }
        out.put(name, keep);
      });
      return out;
    }
  }

  /** Replaces every prunable weight by distinct magnitudes 1/N … 1 (tie-free); returns N. */
  private static long distinctWeights(LabModel model, long seed) {
    int n = 0;
    for (NDArray w : model.prunableWeights().values()) {
      n += (int) w.size();
    }
    float[] all = IterativePrunerPublicTest.distinct(n, seed);
    int from = 0;
    for (NDArray w : model.prunableWeights().values()) {
      int size = (int) w.size();
      w.set(Arrays.copyOfRange(all, from, from + size));
      from += size;
    }
    return n;
  }

  /** {@code values} with every weight whose {@code kept} entry is false set to 0. */
  private static Map<String, float[]> masked(Map<String, float[]> values,
      Map<String, boolean[]> kept) {
    Map<String, float[]> out = new LinkedHashMap<>();
    values.forEach((name, v) -> {
      float[] m = v.clone();
      boolean[] k = kept.get(name);
      for (int i = 0; i < m.length; i++) {
        m[i] = k[i] ? m[i] : 0f;
      }
      out.put(name, m);
    });
    return out;
  }

  private static Map<String, float[]> split(float[] all, int... sizes) {
    Map<String, float[]> out = new LinkedHashMap<>();
    int from = 0;
    for (int size : sizes) {
      out.put("w" + out.size() + ".weight", Arrays.copyOfRange(all, from, from + size));
      from += size;
    }
    return out;
  }

  private Map<String, NDArray> tensors(Map<String, float[]> values, Shape... shapes) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<String, float[]> e : values.entrySet()) {
      out.put(e.getKey(), manager.create(e.getValue(), shapes[i++]));
    }
    return out;
  }

  private static Map<String, float[]> snapshot(Map<String, NDArray> weights) {
    Map<String, float[]> out = new LinkedHashMap<>();
    weights.forEach((name, w) -> out.put(name, w.toFloatArray()));
    return out;
  }

  private static Map<String, boolean[]> read(Map<String, NDArray> masks) {
    Map<String, boolean[]> out = new LinkedHashMap<>();
    masks.forEach((name, m) -> out.put(name, m.toBooleanArray()));
    return out;
  }

  private static Map<String, boolean[]> nonzero(Map<String, float[]> values) {
    Map<String, boolean[]> out = new LinkedHashMap<>();
    values.forEach((name, v) -> {
      boolean[] b = new boolean[v.length];
      for (int i = 0; i < v.length; i++) {
        b[i] = v[i] != 0;
      }
      out.put(name, b);
    });
    return out;
  }

  private static long zeros(Map<String, float[]> values) {
    long z = 0;
    for (float[] v : values.values()) {
      for (float x : v) {
        z += x == 0 ? 1 : 0;
      }
    }
    return z;
  }

  private static long countFalse(Map<String, boolean[]> masks) {
    long c = 0;
    for (boolean[] m : masks.values()) {
      for (boolean b : m) {
        c += b ? 0 : 1;
      }
    }
    return c;
  }

  private static boolean sameMasks(Map<String, boolean[]> a, Map<String, boolean[]> b) {
    if (!a.keySet().equals(b.keySet())) {
      return false;
    }
    for (String name : a.keySet()) {
      if (!Arrays.equals(a.get(name), b.get(name))) {
        return false;
      }
    }
    return true;
  }

  /** Whether every weight that was zero in {@code earlier} is still zero in {@code later}. */
  private static boolean nested(Map<String, boolean[]> earlier, Map<String, boolean[]> later) {
    for (String name : earlier.keySet()) {
      boolean[] e = earlier.get(name);
      boolean[] l = later.get(name);
      for (int i = 0; i < e.length; i++) {
        if (!e[i] && l[i]) {
          return false;
        }
      }
    }
    return true;
  }

  private static void assertSameMasks(Map<String, boolean[]> expected, Map<String, boolean[]> got,
      String what) {
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(got.keySet()),
        what + ": one mask per tensor, under the same names, in the same order");
    for (String name : expected.keySet()) {
      assertArrayEquals(expected.get(name), got.get(name), what + " of " + name
          + " differs from the rule (the k smallest |w| among the surviving weights of all"
          + " tensors are pruned)");
    }
  }

  private static String percent(List<Double> values) {
    StringBuilder b = new StringBuilder("[");
    for (double v : values) {
      b.append(b.length() > 1 ? ", " : "").append(String.format("%.1f %%", 100 * v));
    }
    return b.append("]").toString();
  }
}
