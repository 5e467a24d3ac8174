package lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The public tests: the statement's worked example. The hidden tests also fine-tune. */
class DistillationPublicTest {

  private static double lossOf(float[] s, float[] t, float[] y, double temperature,
      double alpha) {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray student = m.create(s, new Shape(y.length, s.length / y.length));
      NDArray teacher = m.create(t, new Shape(y.length, t.length / y.length));
      return Distillation.loss(student, teacher, m.create(y), temperature, alpha).getFloat();
    }
  }

  @Test
  @Tag("points=1")
  @DisplayName("the worked example: T = 4, α = 0.5 gives L = 0.1709094")
  void the_worked_example() {
    double l = lossOf(new float[] {2, 1, 0.1f, 0.5f, 2.5f, -1},
        new float[] {1.5f, 0.5f, 0, 0, 3, -0.5f}, new float[] {0, 1}, 4, 0.5);
    assertEquals(0.1709094, l, 0.1709094 * 1e-5,
        "0.5 · T²·KL (0.0567147) + 0.5 · CE (0.2851041)");
  }

  @Test
  @Tag("points=1")
  @DisplayName("equal student and teacher logits: L = (1 − α) · CE = 0.7 · 0.2851041")
  void equal_logits_leave_the_cross_entropy() {
    float[] s = {2, 1, 0.1f, 0.5f, 2.5f, -1};
    double l = lossOf(s, s.clone(), new float[] {0, 1}, 4, 0.3);
    assertEquals(0.7 * 0.2851041, l, 1e-6, "KL of a distribution to itself is 0");
  }
}
