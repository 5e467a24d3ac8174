package lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ThresholdPruningPublicTest {

  @Test
  @Tag("points=1")
  @DisplayName("prune: positive weights below 0.1 become 0")
  void positive_weights() {
    float[] got = ThresholdPruning.prune(new float[] {0.5f, 0.01f, 0.2f, 0.05f}, 0.1f);
    assertArrayEquals(new float[] {0.5f, 0f, 0.2f, 0f}, got);
    assertEquals(2, Zeros.count(got));
  }
}
