package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The public tests: the statement's worked example. The hidden tests fine-tune between rounds. */
class IterativePrunerPublicTest {

  private final NDManager manager = NDManager.newBaseManager();

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  @Tag("points=1")
  @DisplayName("perRoundRate(0.8, 3) = 1 − 0.2^(1/3) = 0.415196…")
  void the_per_round_rate_of_the_example() {
    assertEquals(0.41519645, IterativePruner.perRoundRate(0.8, 3), 1e-8,
        "p = 1 − (1 − s)^(1/R) with s = 0.8, R = 3");
  }

  @Test
  @Tag("points=2")
  @DisplayName("1,000 distinct weights, 80 % in 3 rounds: the rounds prune 415, 243 and 142")
  void the_worked_example() {
    Map<String, NDArray> weights = new LinkedHashMap<>();
    weights.put("w", manager.create(distinct(1000, 1), new Shape(40, 25)));
    double p = IterativePruner.perRoundRate(0.8, 3);
    long[] expected = {415, 243, 142};
    long[] survivorsBefore = {1000, 585, 342};
    long zeros = 0;
    for (int round = 0; round < 3; round++) {
      IterativePruner.pruneRound(weights, p);
      long now = zeros(weights.get("w"));
      assertEquals(expected[round], now - zeros, "round " + (round + 1) + ": k = rint(p · S) with S = "
          + survivorsBefore[round] + " surviving weights");
      zeros = now;
    }
    assertEquals(800, zeros, "after 3 rounds 200 weights remain: sparsity exactly 0.8");
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
