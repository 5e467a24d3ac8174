package lab;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import java.util.Map;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.train.AfterStepHook;

/**
 * Attack in item 1's class for mask-fine-tune: the caller's masks are what the tests check the
 * zeros against, and the hook receives them. This hook turns every caller mask into all-true in
 * place and then does nothing: the zero checks that read the masks after training have nothing
 * left to check. Before the fix it scored 13 of 14 (only masks_are_unchanged caught it).
 */
public final class MaskedFineTune implements AfterStepHook {

  public MaskedFineTune(LabModel model, Map<String, NDArray> masks) {
    for (Map.Entry<String, NDArray> e : masks.entrySet()) {
      if (!e.getValue().getShape().equals(model.parameter(e.getKey()).getShape())) {
        throw new IllegalArgumentException("wrong shape for " + e.getKey());
      }
      byte[] ones = new byte[Math.toIntExact(e.getValue().size())];
      Arrays.fill(ones, (byte) 1);
      e.getValue().set(ones);
    }
  }

  @Override
  public void afterStep(LabModel model, long step) {}
}
