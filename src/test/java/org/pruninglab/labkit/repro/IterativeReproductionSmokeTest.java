package org.pruninglab.labkit.repro;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;

/** The iterative pipeline on 100 images per class: the integer facts of the full run. */
@Needs(Need.FASHION_MNIST)
class IterativeReproductionSmokeTest {

  @TempDir Path checkpoints;

  @Test
  void three_rounds_and_one_shot_both_end_at_90_percent_of_the_mlp() {
    List<String> log = new ArrayList<>();
    ReproductionSettings smoke = ReproductionSettings.smoke(checkpoints);
    IterativeReproduction pipeline =
        new IterativeReproduction(new Reproduction(smoke, log::add), smoke, log::add);

    List<IterativeReproduction.Arm> arms = pipeline.compare();

    IterativeReproduction.Arm oneShot = arms.get(0);
    IterativeReproduction.Arm iterative = arms.get(1);
    // rint(0.1 · 566,528) prunable weights survive either way (tie-free here).
    assertThat(oneShot.nonzeroPrunable()).isEqualTo(56_653);
    assertThat(iterative.nonzeroPrunable()).isEqualTo(56_653);
    assertThat(iterative.rounds()).hasSize(3);
    // Round 1 prunes rint(p · 566,528) = 303,569 with p = 1 − 0.1^(1/3).
    assertThat(iterative.rounds().get(0).sparsity() * 566_528).isCloseTo(303_569, within(0.5));
    assertThat(iterative.finalAccuracy()).isGreaterThan(0.2);
    assertThat(oneShot.finalAccuracy()).isGreaterThan(0.2);
    assertThat(IterativeReproduction.markdown(arms))
        .contains("| 3 rounds to 90 %, 1 epoch each | 3 |");
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
