package org.pruninglab.labkit.repro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;

/** The gradual pipeline on 100 images per class: the schedule's integer facts on the CNN. */
@Needs(Need.FASHION_MNIST)
class GradualReproductionSmokeTest {

  @TempDir Path checkpoints;

  @Test
  void gradual_and_one_shot_both_end_with_90_percent_of_each_cnn_tensor_pruned() {
    List<String> log = new ArrayList<>();
    ReproductionSettings smoke = ReproductionSettings.smoke(checkpoints);
    GradualReproduction pipeline =
        new GradualReproduction(new Reproduction(smoke, log::add), smoke, log::add);

    List<GradualReproduction.Arm> arms = pipeline.compare();

    // Per tensor, rint(0.1 · n) survive: 29 of conv1's 288, 1,843 of conv2's 18,432,
    // 117,965 of fc1's 1,179,648 and 128 of fc2's 1,280 (tie-free weights).
    long survivors = 29 + 1_843 + 117_965 + 128;
    assertThat(arms.get(0).nonzeroPrunable()).isEqualTo(survivors);
    assertThat(arms.get(1).nonzeroPrunable()).isEqualTo(survivors);
    // 1,000 images in batches of 256 are 4 steps; end = rint(0.75 · 4) = 3, a pruning step each.
    List<GradualReproduction.Step> steps = arms.get(1).steps();
    assertThat(steps).extracting(GradualReproduction.Step::step).containsExactly(1L, 2L, 3L);
    // s(t) = 0.9 + (0 − 0.9)(1 − t/3)³
    assertThat(steps.get(0).target()).isCloseTo(0.9 - 0.9 * 8 / 27.0, within(1e-12));
    assertThat(steps.get(1).target()).isCloseTo(0.9 - 0.9 / 27.0, within(1e-12));
    assertThat(steps.get(2).target()).isEqualTo(0.9);
    for (GradualReproduction.Step s : steps) {
      // Per-tensor rounding keeps the whole within a few weights of the target.
      assertThat(s.sparsity()).isCloseTo(s.target(), within(4.0 / 1_199_648));
    }
    assertThat(steps.get(2).accuracy()).isGreaterThan(0.1);
    assertThat(arms.get(1).finalAccuracy()).isGreaterThan(0.2);
    assertThat(GradualReproduction.markdown(arms)).contains("| 3 | 90.0000 % | 90.0000 % |");
  }
}
