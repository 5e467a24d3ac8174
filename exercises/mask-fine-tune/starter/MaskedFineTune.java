package lab;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.train.AfterStepHook;

/**
 * Keeps pruned weights at exactly 0.0 while a pruned model is fine-tuned. The training loop calls
 * {@link #afterStep} after every optimiser step. Read the statement first.
 */
public final class MaskedFineTune implements AfterStepHook {

  /**
   * @param model the pruned model
   * @param masks boolean masks (true = kept) by parameter name, e.g. {@code fc1.weight}; the
   *     caller's masks must not change
   * @throws IllegalArgumentException if a mask's shape differs from its parameter's
   */
  public MaskedFineTune(LabModel model, Map<String, NDArray> masks) {
    // TODO: check the shapes and prepare what afterStep needs.
  }

  /** Called after every optimiser step: every pruned weight must be exactly 0.0 again. */
  @Override
  public void afterStep(LabModel model, long step) {
    throw new UnsupportedOperationException("afterStep is not written yet");
  }
}
