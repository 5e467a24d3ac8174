package lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The public tests: run them as often as you like; the hidden tests check much more. */
class KthvaluePruningPublicTest {

  static final float[] LAB1 = {
    -0.46f, -0.40f, 0.39f, 0.19f, 0.37f,
    0.00f, 0.40f, 0.17f, -0.15f, 0.16f,
    -0.20f, -0.23f, 0.36f, 0.25f, 0.03f,
    0.24f, 0.41f, 0.07f, 0.13f, -0.15f,
    0.48f, -0.09f, -0.36f, 0.12f, 0.45f
  };

  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  @Tag("points=1")
  @DisplayName("kthSmallest: the 3rd smallest of [5, 1, 4, 2, 3] is 3")
  void kth_smallest_of_five() {
    assertEquals(3f, KthvaluePruning.kthSmallest(new float[] {5, 1, 4, 2, 3}, 5, 3),
        "kthSmallest counts from 1: k = 1 is the minimum");
  }

  @Test
  @Tag("points=1")
  @DisplayName("prune: the worked example at 75 % keeps exactly six weights")
  void worked_example_at_75_percent() {
    NDArray w = manager.create(LAB1, new Shape(5, 5));

    NDArray mask = KthvaluePruning.prune(w, 0.75);

    float[] expected = new float[25];
    for (int i : new int[] {0, 1, 6, 16, 20, 24}) {
      expected[i] = LAB1[i];
    }
    assertSameValues(expected, w.toFloatArray(),
        "k = round(25 × 0.75) = 19, threshold 0.39; only |w| > 0.39 survive (the weight is "
            + "changed in place)");
    int kept = 0;
    for (boolean b : mask.toBooleanArray()) {
      kept += b ? 1 : 0;
    }
    assertEquals(6, kept, "the mask should hold six true values");
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
}
