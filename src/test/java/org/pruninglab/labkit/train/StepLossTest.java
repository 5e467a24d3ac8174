package org.pruninglab.labkit.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.data.FashionMnist;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.model.Models;

@Needs(Need.FASHION_MNIST)
class StepLossTest {

  private final FashionMnist data = FashionMnist.load();

  private Batches tenSteps() {
    return Batches.shuffled(
        data.train().firstPerClass(16), data.normalization(), 16, 1, Models.IMAGE);
  }

  private float[] trained(StepLoss loss) {
    try (LabModel mlp = Models.create(ModelKind.MLP, 9);
        Optimizer sgd = Optimizer.sgd(0.9, 0)) {
      Training.Builder b =
          Training.builder()
              .setModel(mlp)
              .setOptimizer(sgd)
              .optLearningRate(LearningRate.constant(0.05));
      if (loss != null) {
        b.optLoss(loss);
      }
      b.build().fit(tenSteps(), 1, null);
      return mlp.parameter("fc1.weight").toFloatArray();
    }
  }

  @Test
  void a_step_loss_written_with_ndarray_operations_trains_as_the_default_cross_entropy() {
    assertThat(tenSteps().count()).isEqualTo(10);
    AtomicLong images = new AtomicLong();
    StepLoss crossEntropy =
        (x, y, out) -> {
          images.addAndGet(x.getShape().get(0));
          return out.logSoftmax(1)
              .mul(y.oneHot(10).toType(out.getDataType(), false))
              .sum(new int[] {1})
              .mean()
              .neg();
        };
    float[] viaDefault = trained(null);
    float[] viaStepLoss = trained(crossEntropy);
    assertThat(images.get()).as("the images of 10 steps of 16").isEqualTo(160);
    float worst = 0;
    for (int i = 0; i < viaDefault.length; i++) {
      worst = Math.max(worst, Math.abs(viaDefault[i] - viaStepLoss[i]));
    }
    assertThat(worst).isLessThan(1e-5f);
    float[] untrained;
    try (LabModel mlp = Models.create(ModelKind.MLP, 9)) {
      untrained = mlp.parameter("fc1.weight").toFloatArray();
    }
    assertThat(viaStepLoss).isNotEqualTo(untrained);
  }

  @Test
  void a_step_loss_that_is_not_one_number_is_refused_with_its_shape() {
    assertThatThrownBy(() -> trained((x, y, out) -> out.sum(new int[] {1})))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("one number")
        .hasMessageContaining("(16)");
  }
}
