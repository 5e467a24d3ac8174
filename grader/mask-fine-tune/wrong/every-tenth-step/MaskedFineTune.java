package lab;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.train.AfterStepHook;

/**
 * Known wrong: applies the masks when the hook is made and then re-applies them only every 10th
 * step, so pruned weights are nonzero after the other nine.
 */
public final class MaskedFineTune implements AfterStepHook {

  private final Map<String, NDArray> factors = new LinkedHashMap<>();

  public MaskedFineTune(LabModel model, Map<String, NDArray> masks) {
    for (Map.Entry<String, NDArray> e : masks.entrySet()) {
      NDArray weight = model.parameter(e.getKey());
      NDArray mask = e.getValue();
      if (!mask.getShape().equals(weight.getShape())) {
        throw new IllegalArgumentException("the mask of " + e.getKey() + " has shape "
            + mask.getShape() + ", its weight " + weight.getShape());
      }
      factors.put(e.getKey(), mask.toType(weight.getDataType(), false));
    }
    apply(model);
  }

  @Override
  public void afterStep(LabModel model, long step) {
    if (step % 10 == 0) { // masking after every step looked wasteful
      apply(model);
    }
  }

  private void apply(LabModel model) {
    factors.forEach((name, factor) -> model.parameter(name).muli(factor));
  }
}
