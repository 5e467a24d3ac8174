package org.pruninglab.grading.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.data.LabeledImages;
import org.pruninglab.labkit.data.Normalization;
import org.pruninglab.labkit.metrics.Metrics;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.model.Models;
import org.pruninglab.labkit.prune.Kthvalue;
import org.pruninglab.labkit.prune.MagnitudePruning;
import org.pruninglab.labkit.train.Evaluation;

/**
 * Not a test of anything: the trusted side runs the harness on this class once per build to learn
 * which classes a grading loads (the JDK's, JUnit's, DJL's), and archives them for every sandbox
 * JVM ({@code SandboxArchive}). It uses what exercises' tests typically use.
 */
public final class ArchiveWarmUp {

  @Test
  @Tag("points=1")
  @DisplayName("selection")
  void selection() {
    float[] values = {5, 1, 4, 2, 3};
    assertEquals(3f, Kthvalue.select(values, values.length, 3));
    assertArrayEquals(new float[] {5, 1, 4, 2, 3}, values);
    assertThrows(NumberFormatException.class, () -> Integer.parseInt("x"));
  }

  @Test
  @Tag("points=1")
  void models() {
    byte[] pixels = new byte[10 * 28 * 28];
    byte[] labels = new byte[10];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = (byte) i;
      pixels[i * 28 * 28 + i] = (byte) 200;
    }
    Batches images =
        Batches.inOrder(
            LabeledImages.of(28, 28, pixels, labels), new Normalization(0.3, 0.3), 5, Models.IMAGE);
    try (LabModel cnn = Models.create(ModelKind.CNN, 0);
        LabModel mlp = Models.create(ModelKind.MLP, 0)) {
      MagnitudePruning.pruneGlobally(mlp.prunableWeights(), 0.5);
      MagnitudePruning.pruneGlobally(cnn.prunableWeights(), 0.9);
      assertTrue(Metrics.stats(cnn).prunableSparsity() > 0.8);
      assertTrue(Metrics.macs(mlp) > 0);
      assertTrue(Evaluation.accuracy(cnn, images) >= 0);
    }
  }

  @Test
  void within_a_time_limit() {
    assertEquals(3, assertTimeoutPreemptively(Duration.ofSeconds(10), () -> 1 + 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parameterized(String label, long[] shape, double sparsity) {
    assertEquals(label, label);
    assertTrue(shape.length > 0 && sparsity >= 0);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void values(int n) {
    assertTrue(n > 0);
  }

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("a", new long[] {2, 3}, 0.5), Arguments.of("b", new long[] {4}, 0));
  }
}
