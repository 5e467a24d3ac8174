package lab;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * Fine-grained magnitude pruning with a kthvalue threshold. Read the statement first: the rules
 * for k, ties and NaN are graded exactly.
 */
public final class KthvaluePruning {

  private KthvaluePruning() {}

  /**
   * The k-th smallest of {@code values[0..n)}, 1-based (k = 1 is the minimum), as {@code
   * torch.kthvalue}. May reorder {@code values}.
   */
  public static float kthSmallest(float[] values, int n, int k) {
    throw new UnsupportedOperationException("kthSmallest is not written yet");
  }

  /**
   * Prunes {@code weight} in place to {@code sparsity} and returns the mask (a boolean array of
   * the same shape, true where the weight is kept).
   */
  public static NDArray prune(NDArray weight, double sparsity) {
    throw new UnsupportedOperationException("prune is not written yet");
  }

  /**
   * Global pruning: one threshold over the magnitudes of all {@code weights} together, each tensor
   * pruned in place. Returns the masks under the same names.
   */
  public static Map<String, NDArray> pruneGlobally(Map<String, NDArray> weights, double sparsity) {
    throw new UnsupportedOperationException("pruneGlobally is not written yet");
  }
}
