package org.pruninglab.grading.harness;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.pruninglab.grading.harness.ResultNames.Unit;

class ResultNamesTest {

  @Test
  void a_listed_metric_keeps_its_label_and_another_name_gets_a_unit_from_its_prefix() {
    assertThat(ResultNames.describe(ResultNames.MACS_BEFORE).label())
        .isEqualTo("MACs before pruning");
    assertThat(ResultNames.describe("sparsity.chosen.conv1.weight").unit())
        .isEqualTo(Unit.FRACTION);
    assertThat(ResultNames.describe("accuracy.round.2").unit()).isEqualTo(Unit.FRACTION);
    assertThat(ResultNames.describe("sparsity.chosen.conv1.weight").label())
        .isEqualTo("chosen sparsity, conv1.weight");
    assertThat(ResultNames.describe(ResultNames.round(2, ResultNames.ACCURACY_FINETUNED)))
        .isEqualTo(
            new ResultNames.Metric(
                "accuracy.finetuned.round.2", "accuracy fine-tuned, round 2", Unit.FRACTION));
    assertThat(ResultNames.describe("accuracy.round.x").label()).isEqualTo("accuracy.round.x");
    assertThat(ResultNames.describe("size.before.bits").unit()).isEqualTo(Unit.BITS);
    assertThat(ResultNames.describe("seconds.scan"))
        .isEqualTo(new ResultNames.Metric("seconds.scan", "seconds.scan", Unit.NUMBER));
  }

  @Test
  void latencies_are_milliseconds_and_fewer_is_better() {
    assertThat(ResultNames.describe(ResultNames.LATENCY_PRUNED))
        .isEqualTo(
            new ResultNames.Metric("latency.pruned", "inference time, pruned", Unit.MILLISECONDS));
    assertThat(ResultNames.higherIsBetter(ResultNames.LATENCY_DENSE)).isFalse();
    assertThat(ResultNames.higherIsBetter(ResultNames.LATENCY_UNSTRUCTURED)).isFalse();
    assertThat(ResultNames.higherIsBetter(ResultNames.ACCURACY_FINETUNED)).isTrue();
  }
}
