package org.pruninglab.labkit.repro;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;

/**
 * The three pipelines end to end on small subsets for one epoch each (seconds, not minutes): the
 * integer facts must already be exactly those of the full run.
 */
@Needs(Need.FASHION_MNIST)
class ReproductionSmokeTest {

  @TempDir Path checkpoints;

  @Test
  void the_three_pipelines_run_and_prune_exactly_as_much_as_the_reference() {
    List<String> log = new ArrayList<>();
    Reproduction reproduction = new Reproduction(ReproductionSettings.smoke(checkpoints), log::add);

    PipelineResult mlp = reproduction.mlp();
    PipelineResult cnn = reproduction.cnn();
    PipelineResult filter = reproduction.filterPruning();

    // Global 90 %: rint(0.9 · 566,528) weights pruned; 906 biases kept.
    assertThat(mlp.nonzeroAfter()).isEqualTo(57_559);
    // Per tensor 90 %: conv1 29 + conv2 1,843 + fc1 117,965 + fc2 128 weights, 234 biases.
    assertThat(cnn.nonzeroAfter()).isEqualTo(120_199);
    assertThat(cnn.prunableSparsity()).isBetween(0.8999, 0.9001);
    assertThat(filter.parametersAfter()).isEqualTo(600_810);
    assertThat(filter.macsAfter()).isEqualTo(6_094_208);
    assertThat(filter.macsDense()).isEqualTo(11_992_448);
    for (PipelineResult r : List.of(mlp, cnn, filter)) {
      assertThat(r.denseAccuracy()).as(r.name()).isGreaterThan(0.3);
      assertThat(r.fineTunedAccuracy()).as(r.name()).isGreaterThan(0.2);
      assertThat(r.fineTuneEpochs()).as(r.name()).hasSize(1);
    }
    // The filter pipeline reuses the CNN that the CNN pipeline trained in this run.
    assertThat(log).anyMatch(line -> line.startsWith("loaded the pre-trained cnn"));
    assertThat(checkpoints.toFile().list())
        .containsExactlyInAnyOrder(
            Set.of("mlp-seed0-1ep-smoke.params", "cnn-seed0-1ep-smoke.params")
                .toArray(String[]::new));

    String table = ReproductionReport.markdown(List.of(mlp, cnn, filter));
    assertThat(table).contains("| nonzero parameters after | 57,559 | 57,559 |");
    assertThat(table).contains("| MACs per image after |");
  }
}
