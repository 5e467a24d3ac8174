package org.pruninglab.labkit.repro;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;

/** The two-four pipeline on 100 images per class: both arms' integer facts on the CNN. */
@Needs(Need.FASHION_MNIST)
class TwoFourReproductionSmokeTest {

  @TempDir Path checkpoints;

  @Test
  void two_four_keeps_half_of_every_eligible_cnn_tensor_and_conv1_dense() {
    List<String> log = new ArrayList<>();
    ReproductionSettings smoke = ReproductionSettings.smoke(checkpoints);
    TwoFourReproduction pipeline =
        new TwoFourReproduction(new Reproduction(smoke, log::add), smoke, log::add);

    List<TwoFourReproduction.Arm> arms = pipeline.compare();

    // conv1 [32, 1, 3, 3] has one input channel: dense, all 288 kept; conv2 (18,432), fc1
    // (1,179,648) and fc2 (1,280) keep exactly half.
    assertThat(arms.get(0).nonzeroPrunable()).isEqualTo(288 + 9_216 + 589_824 + 640);
    // Unstructured 50 % per tensor: half of conv1 too.
    assertThat(arms.get(1).nonzeroPrunable()).isEqualTo(144 + 9_216 + 589_824 + 640);
    assertThat(arms).allSatisfy(a -> assertThat(a.finalAccuracy()).isGreaterThan(0.2));
    assertThat(TwoFourReproduction.markdown(arms))
        .contains("| 2:4 along the input dimension |", "| unstructured 50 % per tensor |");
  }
}
