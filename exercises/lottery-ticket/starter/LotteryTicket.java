package lab;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import java.util.function.Supplier;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.train.Optimizer;

/**
 * The lottery ticket with rewinding: masks from the trained weights, applied to the weights as
 * they were early in training, retrained from there. Read the statement first.
 */
public final class LotteryTicket {

  private LotteryTicket() {}

  /**
   * A copy of every parameter and running statistic of {@code model} ({@code model.state()}) as
   * it is now, by name; later training does not change it.
   */
  public static Map<String, float[]> snapshot(LabModel model) {
    throw new UnsupportedOperationException("snapshot is not written yet");
  }

  /**
   * The global magnitude masks ({@code true} = kept) of the prunable weights of {@code trained}
   * at {@code sparsity}: one threshold over all of them, as the kthvalue exercise. The model's
   * weights are not changed.
   */
  public static Map<String, NDArray> globalMasks(LabModel trained, double sparsity) {
    throw new UnsupportedOperationException("globalMasks is not written yet");
  }

  /**
   * Sets every parameter and running statistic of {@code model} to its value in {@code theta},
   * and the weights that {@code masks} prunes to 0.0.
   */
  public static void rewind(LabModel model, Map<String, float[]> theta,
      Map<String, NDArray> masks) {
    throw new UnsupportedOperationException("rewind is not written yet");
  }

  /**
   * The whole procedure on {@code model} (at θ₀ when called): one dense epoch over {@code train},
   * keeping θ_k (k = {@code rewindStep}: 0 before the first step, else right after step k); the
   * global masks of the trained weights; the rewind to θ_k; then {@code retrainEpochs} epochs with
   * a fresh optimiser and the masks re-applied after every step. Both trainings at the constant
   * {@code learningRate}, each with its own optimiser from {@code optimizers}.
   *
   * @return the masks
   * @throws IllegalArgumentException if {@code rewindStep} is negative or past the epoch's steps
   */
  public static Map<String, NDArray> find(LabModel model, Batches train, int rewindStep,
      double sparsity, Supplier<Optimizer> optimizers, double learningRate, int retrainEpochs) {
    throw new UnsupportedOperationException("find is not written yet");
  }
}
