package lab;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.train.Optimizer;
import org.pruninglab.labkit.train.StepLoss;

/**
 * Knowledge distillation: a pruned student recovers by learning from the dense teacher's softened
 * outputs as well as from the labels. Read the statement first.
 */
public final class Distillation {

  private Distillation() {}

  /**
   * Seed 004's loss, one number: {@code α · T² · KL(softmax(t/T) ‖ softmax(s/T)) + (1 − α) ·
   * CE(s, y)}, the KL summed over classes and batch and divided by the batch size ({@code
   * batchmean}), the cross-entropy the mean over the batch. Written with NDArray operations, so
   * that training can take its gradient.
   *
   * @param studentLogits {@code [n, classes]}
   * @param teacherLogits {@code [n, classes]}
   * @param labels {@code [n]}, the class indices (as floats, as the batches give them)
   */
  public static NDArray loss(NDArray studentLogits, NDArray teacherLogits, NDArray labels,
      double temperature, double alpha) {
    throw new UnsupportedOperationException("loss is not written yet");
  }

  /**
   * The loss of a training step with {@code teacher}: the teacher's outputs for the step's images,
   * in inference mode and without gradients, and {@link #loss} of the student's output.
   */
  public static StepLoss withTeacher(LabModel teacher, double temperature, double alpha) {
    throw new UnsupportedOperationException("withTeacher is not written yet");
  }

  /**
   * One epoch over {@code train} of {@code student}, minimising the distillation loss with {@code
   * teacher} at a constant learning rate; the pruned weights of {@code masks} stay exactly 0.0
   * after every step. The teacher is not changed.
   */
  public static void fineTune(LabModel student, LabModel teacher, Map<String, NDArray> masks,
      Batches train, Optimizer optimizer, double learningRate, double temperature, double alpha) {
    throw new UnsupportedOperationException("fineTune is not written yet");
  }
}
