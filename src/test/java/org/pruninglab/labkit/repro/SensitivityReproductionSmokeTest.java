package org.pruninglab.labkit.repro;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.labkit.prune.MagnitudePruning;

/** The sensitivity pipeline end to end on small subsets for one epoch (seconds, not minutes). */
@Needs(Need.FASHION_MNIST)
class SensitivityReproductionSmokeTest {

  @TempDir Path checkpoints;

  @Test
  void the_scan_chooses_a_grid_sparsity_per_layer_and_the_model_keeps_exactly_those() {
    List<String> log = new ArrayList<>();
    SensitivityReproduction.Result r =
        new SensitivityReproduction(ReproductionSettings.smoke(checkpoints), log::add).run();

    assertThat(r.scan().keySet())
        .containsExactly("conv1.weight", "conv2.weight", "fc1.weight", "fc2.weight");
    assertThat(r.scan().values())
        .allSatisfy(a -> assertThat(a).hasSize(6).allMatch(x -> x >= 0 && x <= 1));
    long pruned = 0;
    for (String layer : r.scan().keySet()) {
      double s = r.chosen().get(layer);
      assertThat(s).isIn(0.0, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9);
      assertThat(s)
          .isEqualTo(SensitivityReproduction.choose(r.scan().get(layer), r.denseAccuracy()));
      pruned += MagnitudePruning.prunedCount(r.weights().get(layer), s);
    }
    // Ties with the threshold can prune a few more, never fewer.
    assertThat(r.nonzeroAfter()).isLessThanOrEqualTo(r.parameters() - pruned);
    assertThat(r.parameters()).isEqualTo(1_199_882);
    assertThat(r.testImages()).isEqualTo(500);
    assertThat(r.fineTuneEpochs()).hasSize(1);
    String table = SensitivityReproduction.markdown(r);
    assertThat(table)
        .contains("| `fc1.weight` | 1,179,648 |")
        .contains("nonzero size / dense size");
  }
}
