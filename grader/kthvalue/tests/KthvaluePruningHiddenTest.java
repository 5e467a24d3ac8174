package lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pruninglab.grading.harness.Fixtures;
import org.pruninglab.grading.harness.PruningResults;
import org.pruninglab.grading.harness.ResultNames;
import org.pruninglab.labkit.pictures.Pictures;
import org.pruninglab.labkit.pictures.SparsityCurve;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.metrics.Metrics;
import org.pruninglab.labkit.metrics.ModelStats;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.model.Models;
import org.pruninglab.labkit.prune.MagnitudePruning;
import org.pruninglab.labkit.train.Evaluation;

/** Hidden tests: the lab kit's MagnitudePruning is the oracle (semantics.md §1). */
class KthvaluePruningHiddenTest {

  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  static Stream<Arguments> randomTensors() {
    long[][] shapes = {{1000}, {7}, {64, 33}, {16, 8, 3, 3}, {3, 5, 7}, {1, 1}};
    double[] sparsities = {0.1, 0.25, 0.5, 0.7, 0.75, 0.9, 0.99};
    List<Arguments> cases = new ArrayList<>();
    int seed = 0;
    for (long[] shape : shapes) {
      for (int i = 0; i < 3; i++) {
        double s = sparsities[(seed * 5 + i) % sparsities.length];
        cases.add(Arguments.of(Arrays.toString(shape), shape, s, seed++));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "shape {0}, sparsity {2}")
  @MethodSource("randomTensors")
  @Tag("points=4")
  @DisplayName("prune: exactly the reference mask and weights on random tensors of rank 1 to 4")
  void masks_match_the_reference(String label, long[] shape, double sparsity, int seed) {
    float[] values = gaussian((int) new Shape(shape).size(), seed);
    NDArray w = manager.create(values, new Shape(shape));

    NDArray mask = KthvaluePruning.prune(w, sparsity);

    // Everything is read out of the student's objects before the oracle exists, and the oracle
    // runs on the Java snapshot afterwards: no expected value is ever reachable from w's managers.
    Shape maskShape = mask.getShape();
    DataType maskType = mask.getDataType();
    boolean[] got = mask.toBooleanArray();
    float[] gotW = w.toFloatArray();
    Oracle expected = Oracle.pruneTensor(values, new Shape(shape), sparsity);
    assertEquals(new Shape(shape), maskShape, "the mask must have the weight's shape");
    assertEquals(DataType.BOOLEAN, maskType, "the mask must be a boolean array");
    assertArrayEquals(expected.mask(), got, "the mask differs from the reference");
    assertSameValues(expected.weights(), gotW, "the pruned weights differ from the reference");
  }

  static Stream<Arguments> selections() {
    return Stream.of(
        Arguments.of("n = 1", 1, 1, 0),
        Arguments.of("minimum", 1000, 1, 1),
        Arguments.of("maximum", 1000, 1000, 2),
        Arguments.of("median of odd n", 999, 500, 3),
        Arguments.of("90 % of 10,000", 10_000, 9_000, 4),
        Arguments.of("many duplicates", 5_000, 2_500, -1),
        Arguments.of("all equal", 100, 37, -2),
        Arguments.of("negative values", 300, 10, 5));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("selections")
  @Tag("points=3")
  @DisplayName("kthSmallest: the k-th smallest (1-based) of values[0..n) on random, duplicate and"
      + " equal values, alone and at the start of a longer array")
  void kth_smallest_matches_sorting(String label, int n, int k, int seed) {
    float[] values = new float[n];
    Random r = new Random(seed);
    for (int i = 0; i < n; i++) {
      values[i] = seed == -1 ? r.nextInt(7) : seed == -2 ? 0.5f : (float) r.nextGaussian();
    }
    float[] sorted = values.clone();
    Arrays.sort(sorted);

    float got = KthvaluePruning.kthSmallest(values.clone(), n, k);

    assertEquals(sorted[k - 1], got, "the " + k + "-th smallest of " + n + " values");

    // The same n values at the start of a longer array: only values[0..n) are the input. What
    // follows is far below and far above every real value, so a selection over the whole array
    // gives another answer.
    float[] longer = Arrays.copyOf(values, n + 60);
    for (int i = n; i < longer.length; i++) {
      longer[i] = i % 2 == 0 ? -1e30f : 1e30f;
    }
    assertEquals(sorted[k - 1], KthvaluePruning.kthSmallest(longer, n, k),
        "kthSmallest(values, " + n + ", " + k + ") on an array of " + longer.length
            + " values: only the first " + n + " are the input");
  }

  @Test
  @Tag("points=2")
  @DisplayName("prune: the Lab 1 example at 75 %, 60 % and 28 % (a tie at the threshold)")
  void the_worked_example() {
    assertEquals(6, kept(KthvaluePruningPublicTest.LAB1, new Shape(5, 5), 0.75),
        "at 75 %: k = 19, threshold 0.39, six weights survive");
    assertEquals(10, kept(KthvaluePruningPublicTest.LAB1, new Shape(5, 5), 0.6),
        "at 60 %: k = 15, threshold 0.25, ten weights survive");
    assertEquals(17, kept(KthvaluePruningPublicTest.LAB1, new Shape(5, 5), 0.28),
        "at 28 %: k = 7; the 7th and 8th smallest |w| are both 0.15, so 8 are pruned");
  }

  @Test
  @Tag("points=2")
  @DisplayName("prune and pruneGlobally: k = round half to even of n·s, in double precision"
      + " (never in float)")
  void k_rounds_half_to_even_in_double_precision() {
    assertEquals(12, pruned(25, 0.5), "25 × 0.5 = 12.5 rounds to 12 (half to even)");
    assertEquals(18, pruned(25, 0.7), "25 × 0.7 = 17.5 in double precision rounds to 18");
    assertEquals(2, pruned(10, 0.25), "10 × 0.25 = 2.5 rounds to 2");
    assertEquals(4, pruned(14, 0.25), "14 × 0.25 = 3.5 rounds to 4");
    assertEquals(3, pruned(10, 0.3), "10 × 0.3 = 3.0000000000000004 rounds to 3");
    // Pairs where float arithmetic (a float sparsity times n, in float) rounds the other way.
    assertEquals(31, pruned(45, 0.7),
        "45 × 0.7 = 31.499999999999996 in double rounds to 31 (in float, 45 × 0.7f = 31.5 → 32)");
    assertEquals(59, pruned(85, 0.7),
        "85 × 0.7 = 59.49999999999999 in double rounds to 59 (in float, 59.5 → 60)");
    assertEquals(28, pruned(95, 0.3),
        "95 × 0.3 = 28.5 in double rounds to 28 (in float, 95 × 0.3f = 28.500002 → 29)");
    assertEquals(31, prunedGlobally(10, 35, 0.7),
        "pruneGlobally, tensors of 10 and 35 weights at 0.7: n = 45, k = 31 (in float, 32)");
  }

  @Test
  @Tag("points=1")
  @DisplayName("prune: sparsity 0 keeps everything, sparsity 1 removes everything")
  void sparsity_zero_and_one() {
    float[] v = gaussian(50, 11);
    NDArray w = manager.create(v);
    NDArray mask = KthvaluePruning.prune(w, 0);
    assertSameValues(v, w.toFloatArray(), "sparsity 0 must leave the weights unchanged");
    assertEquals(50, count(mask), "sparsity 0 must return an all-true mask");

    NDArray w1 = manager.create(v);
    NDArray mask1 = KthvaluePruning.prune(w1, 1);
    assertSameValues(new float[50], w1.toFloatArray(), "sparsity 1 must zero every weight");
    assertEquals(0, count(mask1), "sparsity 1 must return an all-false mask");
  }

  @Test
  @Tag("points=1")
  @DisplayName("prune: a sparsity outside [0, 1] is clamped")
  void sparsity_is_clamped() {
    float[] v = gaussian(40, 12);
    NDArray low = manager.create(v);
    KthvaluePruning.prune(low, -0.5);
    assertSameValues(v, low.toFloatArray(), "sparsity -0.5 acts as 0");
    NDArray high = manager.create(v);
    KthvaluePruning.prune(high, 1.5);
    assertSameValues(new float[40], high.toFloatArray(), "sparsity 1.5 acts as 1");
  }

  @Test
  @Tag("points=1")
  @DisplayName("prune: every value tied with the threshold is pruned")
  void ties_with_the_threshold_are_pruned() {
    NDArray w = manager.create(new float[] {1, 1, 1, 2});
    KthvaluePruning.prune(w, 0.5);
    assertSameValues(new float[] {0, 0, 0, 2}, w.toFloatArray(),
        "k = 2, threshold 1; all three 1s are pruned (keep only |w| > threshold)");
  }

  @Test
  @Tag("points=1")
  @DisplayName("prune: magnitudes decide, so large negative weights survive")
  void negative_weights_are_pruned_by_magnitude() {
    NDArray w = manager.create(new float[] {-3, 1, -2, 4, -0.5f, 0.25f});
    KthvaluePruning.prune(w, 0.5);
    assertSameValues(new float[] {-3, 0, -2, 4, 0, 0}, w.toFloatArray());
  }

  @Test
  @Tag("points=1")
  @DisplayName("prune: a single-element tensor, with k = 0 and k = 1")
  void single_element() {
    NDArray keep = manager.create(new float[] {5});
    assertEquals(1, count(KthvaluePruning.prune(keep, 0.4)), "1 × 0.4 rounds to k = 0");
    assertEquals(5f, keep.toFloatArray()[0]);
    NDArray drop = manager.create(new float[] {5});
    assertEquals(0, count(KthvaluePruning.prune(drop, 0.6)), "1 × 0.6 rounds to k = 1");
    assertEquals(0f, drop.toFloatArray()[0]);
  }

  @Test
  @Tag("points=1")
  @DisplayName("prune and pruneGlobally: NaN is refused and the weights stay untouched")
  void nan_is_refused_and_nothing_changes() {
    float[] v = {0.5f, -1, Float.NaN, 2, 0.1f};
    NDArray w = manager.create(v);
    assertThrows(IllegalArgumentException.class, () -> KthvaluePruning.prune(w, 0.5),
        "a tensor with NaN must be refused with IllegalArgumentException");
    assertSameValues(v, w.toFloatArray(), "the tensor must be untouched after the refusal");

    NDArray a = manager.create(new float[] {3, 1, 2});
    NDArray b = manager.create(v);
    Map<String, NDArray> both = new LinkedHashMap<>();
    both.put("a", a);
    both.put("b", b);
    assertThrows(IllegalArgumentException.class, () -> KthvaluePruning.pruneGlobally(both, 0.5));
    assertSameValues(new float[] {3, 1, 2}, a.toFloatArray(),
        "no tensor may change when another one holds NaN");
  }

  @Test
  @Tag("points=1")
  @DisplayName("prune: only the given tensor changes")
  void other_tensors_are_not_mutated() {
    float[] v = gaussian(100, 13);
    NDArray other = manager.create(v);
    NDArray w = manager.create(v);
    KthvaluePruning.prune(w, 0.5);
    assertSameValues(v, other.toFloatArray(), "another tensor changed");
  }

  @Test
  @Tag("points=2")
  @DisplayName("pruneGlobally: one threshold over all tensors, as the reference, on the MLP")
  void global_pruning_matches_the_reference() {
    try (LabModel mlp = Models.create(ModelKind.MLP, 5)) {
      // The oracle's inputs: Java copies of the weights, taken before the student's code runs
      // (a copy in a tensor could be found, and changed, through the weights' managers).
      Map<String, float[]> before = snapshot(mlp.prunableWeights());
      Map<String, Shape> shapes = shapes(mlp.prunableWeights());
      // A map of its own: the student's code may do what it likes with it.
      Map<String, NDArray> mine = new LinkedHashMap<>(mlp.prunableWeights());

      Map<String, NDArray> masks = KthvaluePruning.pruneGlobally(mine, 0.9);

      // Read out what the student returned, and the model's own weights (not the map's entries,
      // which the student may have replaced), before the oracle runs.
      List<String> names = List.copyOf(masks.keySet());
      Map<String, boolean[]> got = new LinkedHashMap<>();
      for (String name : names) {
        got.put(name, masks.get(name).toBooleanArray());
      }
      Map<String, float[]> after = snapshot(mlp.prunableWeights());
      Map<String, Oracle> expected = Oracle.pruneGlobally(before, shapes, 0.9);

      assertEquals(List.copyOf(expected.keySet()), names,
          "one mask per tensor, under the same names, in the same order");
      for (String name : expected.keySet()) {
        assertArrayEquals(expected.get(name).mask(), got.get(name),
            "the mask of " + name + " differs from the reference");
        assertSameValues(expected.get(name).weights(), after.get(name),
            name + " was not pruned in place as the reference");
      }
    }
  }

  private static final float NINE_MILLIONTH_OF_SEED_14 = 0x1.995e38p-2f; // 0.39977348

  @Test
  @Tag("points=1")
  @DisplayName("kthSmallest: 10 million values within 10 seconds (a sort takes about 1 s)")
  void ten_million_values_within_the_budget() {
    int n = 10_000_000;
    float[] values = new float[n];
    Random r = new Random(14);
    for (int i = 0; i < n; i++) {
      values[i] = r.nextFloat() - 0.5f;
    }
    float got = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> KthvaluePruning.kthSmallest(values, n, 9_000_000));
    // The 9,000,000th smallest of these values, found once by a full sort and by Kthvalue.select
    // (running the oracle here doubled this test's time in every grading).
    assertEquals(NINE_MILLIONTH_OF_SEED_14, got);
  }

  @Test
  @Tag("points=1")
  @DisplayName("prune: every weight tensor of a trained CNN at 90 % gives the reference masks")
  void the_cnn_at_90_percent() throws java.io.IOException {
    Batches test = Fixtures.quickTestImages();
    Path trained = Fixtures.quickCnn();
    try (LabModel cnn = Models.create(ModelKind.CNN, 0)) {
      cnn.load(trained);
      // Measured once by the trusted side on the same images: the same model in every grading.
      double dense = Fixtures.quickCnnAccuracy();
      // The oracle prunes Java copies of the same weights, taken before the student's code runs
      // and used only after it has returned.
      Map<String, float[]> ref = snapshot(cnn.prunableWeights());
      Map<String, Shape> shapes = shapes(cnn.prunableWeights());
      // Pictures for the student's result page: each layer before and after their pruning
      // (not for batch gradings, whose pictures nobody looks at).
      boolean pictures = PruningResults.picturesWanted();
      if (pictures) {
        for (Map.Entry<String, NDArray> e : cnn.prunableWeights().entrySet()) {
          PruningResults.picture(ResultNames.before(e.getKey()), Pictures.histogram(e.getKey(), e.getValue(), 40));
        }
        PruningResults.picture(ResultNames.KERNELS_BEFORE,
            Pictures.kernelMaps("conv1.weight", cnn.prunableWeights().get("conv1.weight")));
      }
      Map<String, NDArray> masks = new java.util.LinkedHashMap<>();
      for (Map.Entry<String, NDArray> e : cnn.prunableWeights().entrySet()) {
        masks.put(e.getKey(), KthvaluePruning.prune(e.getValue(), 0.9));
      }
      if (pictures) {
        for (Map.Entry<String, NDArray> e : cnn.prunableWeights().entrySet()) {
          PruningResults.picture(ResultNames.after(e.getKey()), Pictures.histogram(e.getKey(), e.getValue(), 40));
          PruningResults.picture(ResultNames.mask(e.getKey()), Pictures.maskBitmap(e.getKey(), e.getValue(), 64));
        }
        PruningResults.picture(ResultNames.KERNELS_AFTER,
            Pictures.kernelMaps("conv1.weight", cnn.prunableWeights().get("conv1.weight")));
      }
      double pruned = Evaluation.accuracy(cnn, test);
      if (pictures) {
        PruningResults.picture(ResultNames.ACCURACY_VS_SPARSITY, sweep(trained, test, dense, pruned));
      }
      Map<String, boolean[]> got = new LinkedHashMap<>();
      masks.forEach((name, mask) -> got.put(name, mask.toBooleanArray()));
      for (Map.Entry<String, boolean[]> e : got.entrySet()) {
        Oracle expected = Oracle.pruneTensor(ref.get(e.getKey()), shapes.get(e.getKey()), 0.9);
        assertArrayEquals(expected.mask(), e.getValue(),
            "the mask of " + e.getKey() + " differs from the reference");
      }
      ModelStats stats = Metrics.stats(cnn);
      PruningResults.record(ResultNames.ACCURACY_DENSE, dense);
      PruningResults.record(ResultNames.ACCURACY_PRUNED, pruned);
      PruningResults.record(ResultNames.SPARSITY, stats.prunableSparsity());
      PruningResults.record(ResultNames.SPARSITY_ALL, stats.sparsity());
      PruningResults.record(ResultNames.PARAMETERS, stats.parameterCount());
      PruningResults.record(ResultNames.PARAMETERS_NONZERO, stats.nonzeroCount());
      PruningResults.record(ResultNames.SIZE_BITS, stats.sizeBits(32));
      PruningResults.record(ResultNames.SIZE_NONZERO_BITS, stats.nonzeroSizeBits(32));
      PruningResults.record(ResultNames.MACS, Metrics.macs(cnn));
      PruningResults.record(ResultNames.DEVICE, cnn.device().toString());
      assertEquals(120_199, stats.nonzeroCount(), "nonzero parameters after 90 % per tensor");
      assertTrue(stats.prunableSparsity() > 0.8999);
    }
  }

  /** The student's per-tensor pruning of the trained CNN at several sparsities, without fine-tuning. */
  private static SparsityCurve sweep(Path trained, Batches test, double dense, double at90)
      throws java.io.IOException {
    java.util.List<SparsityCurve.Point> points = new java.util.ArrayList<>();
    points.add(new SparsityCurve.Point(0, dense));
    for (double s : new double[] {0.5, 0.8, 0.9, 0.95}) {
      if (s == 0.9) {
        points.add(new SparsityCurve.Point(s, at90));
        continue;
      }
      try (LabModel m = Models.create(ModelKind.CNN, 0)) {
        m.load(trained);
        for (NDArray w : m.prunableWeights().values()) {
          KthvaluePruning.prune(w, s);
        }
        points.add(new SparsityCurve.Point(s, Evaluation.accuracy(m, test)));
      }
    }
    return new SparsityCurve("per tensor", points);
  }

  /**
   * The lab kit's answer for Java snapshots, computed in a manager of its own that exists only
   * inside this call: run it only after the student's code has returned and everything it
   * returned has been read out, so that no expected value is ever reachable from student code.
   */
  private record Oracle(boolean[] mask, float[] weights) {

    static Oracle pruneTensor(float[] values, Shape shape, double sparsity) {
      try (NDManager own = NDManager.newBaseManager()) {
        NDArray w = own.create(values, shape);
        boolean[] mask = MagnitudePruning.pruneTensor(w, sparsity).toBooleanArray();
        return new Oracle(mask, w.toFloatArray());
      }
    }

    static Map<String, Oracle> pruneGlobally(Map<String, float[]> values,
        Map<String, Shape> shapes, double sparsity) {
      try (NDManager own = NDManager.newBaseManager()) {
        Map<String, NDArray> weights = new LinkedHashMap<>();
        values.forEach((name, v) -> weights.put(name, own.create(v, shapes.get(name))));
        Map<String, NDArray> masks = MagnitudePruning.pruneGlobally(weights, sparsity);
        Map<String, Oracle> out = new LinkedHashMap<>();
        masks.forEach((name, m) -> out.put(name,
            new Oracle(m.toBooleanArray(), weights.get(name).toFloatArray())));
        return out;
      }
    }
  }

  private static Map<String, float[]> snapshot(Map<String, NDArray> weights) {
    Map<String, float[]> out = new LinkedHashMap<>();
    weights.forEach((name, w) -> out.put(name, w.toFloatArray()));
    return out;
  }

  private static Map<String, Shape> shapes(Map<String, NDArray> weights) {
    Map<String, Shape> out = new LinkedHashMap<>();
    weights.forEach((name, w) -> out.put(name, w.getShape()));
    return out;
  }

  private int kept(float[] values, Shape shape, double sparsity) {
    NDArray w = manager.create(values, shape);
    return count(KthvaluePruning.prune(w, sparsity));
  }

  /** How many of n distinct magnitudes 1..n the student's prune removes at sparsity s. */
  private int pruned(int n, double s) {
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (i % 2 == 0 ? 1 : -1) * (i + 1);
    }
    NDArray w = manager.create(v);
    return n - count(KthvaluePruning.prune(w, s));
  }

  /** How many of the distinct magnitudes 1..(a + b), in two tensors, pruneGlobally removes. */
  private int prunedGlobally(int a, int b, double s) {
    Map<String, NDArray> weights = new LinkedHashMap<>();
    int next = 1;
    for (int size : new int[] {a, b}) {
      float[] v = new float[size];
      for (int i = 0; i < size; i++, next++) {
        v[i] = (next % 2 == 0 ? 1 : -1) * next;
      }
      weights.put("w" + weights.size(), manager.create(v));
    }
    int kept = 0;
    for (NDArray mask : KthvaluePruning.pruneGlobally(weights, s).values()) {
      kept += count(mask);
    }
    return a + b - kept;
  }

  private static int count(NDArray mask) {
    int c = 0;
    for (boolean b : mask.toBooleanArray()) {
      c += b ? 1 : 0;
    }
    return c;
  }

  private static float[] gaussian(int n, long seed) {
    Random r = new Random(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextGaussian();
    }
    return v;
  }

  /** Equal as numbers: -0.0 (what 0 × a negative weight gives) counts as 0.0. */
  static void assertSameValues(float[] expected, float[] actual, String message) {
    assertArrayEquals(plusZero(expected), plusZero(actual), message);
  }

  static void assertSameValues(float[] expected, float[] actual) {
    assertSameValues(expected, actual, null);
  }

  private static float[] plusZero(float[] v) {
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] + 0.0f;
    }
    return out;
  }

  // Added for mutation testing (docs/packs.md): what the reference's mutants showed untested.

  @Test
  @Tag("points=1")
  @DisplayName("kthSmallest: k below 1 or above n is refused with IllegalArgumentException")
  void kth_smallest_refuses_k_outside_1_to_n() {
    float[] v = {5, 1, 4, 2, 3};
    assertThrows(IllegalArgumentException.class, () -> KthvaluePruning.kthSmallest(v.clone(), 5, 0),
        "k = 0: k counts from 1");
    assertThrows(IllegalArgumentException.class, () -> KthvaluePruning.kthSmallest(v.clone(), 5, 6),
        "k = 6 of n = 5 values");
  }

  @Test
  @Tag("points=1")
  @DisplayName("kthSmallest: 200,000 already sorted values (ascending and descending) within"
      + " 5 seconds")
  void sorted_values_within_the_budget() {
    int n = 200_000;
    float[] up = new float[n];
    float[] down = new float[n];
    for (int i = 0; i < n; i++) {
      up[i] = i;
      down[i] = n - 1 - i;
    }
    // A pivot at a fixed place (the first, the last) partitions sorted values n times: O(n²).
    float a = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> KthvaluePruning.kthSmallest(up, n, 150_001));
    float b = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> KthvaluePruning.kthSmallest(down, n, 50_001));
    assertEquals(150_000f, a, "the 150,001st smallest of 0 … 199,999 (ascending)");
    assertEquals(50_000f, b, "the 50,001st smallest of 199,999 … 0 (descending)");
  }
}
