package lab;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.train.AfterStepHook;

/**
 * 2:4 semi-structured sparsity: in every group of 4 consecutive weights along the input dimension,
 * 2 are kept and 2 are pruned. Read the statement first.
 */
public final class TwoFourSparsity {

  private TwoFourSparsity() {}

  /**
   * The 2:4 mask of one weight, {@code true} = kept, of the weight's shape: a linear weight {@code
   * [out, in]} in groups of 4 along {@code in}; a convolution weight {@code [out, in, kh, kw]} along
   * {@code in} for each {@code (out, kh, kw)}. In each group the 2 largest |w| are kept, on a tie
   * the lower index. A weight whose {@code in} is not a multiple of 4 gets a mask of all {@code
   * true}. The weight is not changed.
   */
  public static NDArray mask(NDArray weight) {
    throw new UnsupportedOperationException("mask is not written yet");
  }

  /**
   * Prunes every prunable weight of the model ({@code model.prunableWeights()}) to its 2:4 mask,
   * in place: the pruned weights become 0.0, the kept ones keep their values, biases are not
   * touched.
   *
   * @return the masks by parameter name, one for every prunable weight
   */
  public static Map<String, NDArray> prune(LabModel model) {
    throw new UnsupportedOperationException("prune is not written yet");
  }

  /**
   * The hook a masked fine-tune runs after every optimiser step: the pruned weights are 0.0 again,
   * so the 2:4 pattern of {@code masks} holds through training. The caller's masks are not changed.
   *
   * @throws IllegalArgumentException if a mask's shape differs from its parameter's
   */
  public static AfterStepHook keepPattern(LabModel model, Map<String, NDArray> masks) {
    throw new UnsupportedOperationException("keepPattern is not written yet");
  }
}
