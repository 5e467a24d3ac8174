package lab;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.Map;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.prune.MaskedWeights;
import org.pruninglab.labkit.train.LearningRate;
import org.pruninglab.labkit.train.Optimizer;
import org.pruninglab.labkit.train.StepLoss;
import org.pruninglab.labkit.train.Training;

/** Knowledge distillation for recovery after pruning (semantics.md §9, seed 004). */
public final class Distillation {

  private Distillation() {}

  public static NDArray loss(NDArray studentLogits, NDArray teacherLogits, NDArray labels,
      double temperature, double alpha) {
    float t = (float) temperature;
    long batch = studentLogits.getShape().get(0);
    long classes = studentLogits.getShape().get(1);
    NDArray logStudent = studentLogits.div(t).logSoftmax(1);
    NDArray logTeacher = teacherLogits.div(t).logSoftmax(1);
    NDArray teacher = logTeacher.exp();
    // KL(teacher || student), batchmean: summed over classes and batch, divided by the batch.
    NDArray kl = logStudent.exp().mul(logStudent.sub(logTeacher)).sum().div(batch);
    NDArray oneHot = labels.toType(DataType.INT64, false).oneHot((int) classes)
        .toType(studentLogits.getDataType(), false);
    NDArray ce = studentLogits.logSoftmax(1).mul(oneHot).sum().div(batch).neg();
    return kl.mul((float) (alpha * temperature * temperature)).add(ce.mul((float) (1 - alpha)));
  }

  public static StepLoss withTeacher(LabModel teacher, double temperature, double alpha) {
    return (images, labels, output) -> {
      NDArray teacherLogits = teacher.forward(images, false).stopGradient();
      return loss(output, teacherLogits, labels, temperature, alpha);
    };
  }

  public static void fineTune(LabModel student, LabModel teacher, Map<String, NDArray> masks,
      Batches train, Optimizer optimizer, double learningRate, double temperature, double alpha) {
    try (MaskedWeights keep = new MaskedWeights(student, masks)) {
      Training.builder().setModel(student).setOptimizer(optimizer)
          .optLearningRate(LearningRate.constant(learningRate))
          .optLoss(withTeacher(teacher, temperature, alpha))
          .addAfterStepHook(keep).build().fit(train, 1, null);
    }
  }
}
