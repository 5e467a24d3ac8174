package lab;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.train.AfterStepHook;

/** Known wrong: applies the masks once, when the hook is made, and never again */
public final class MaskedFineTune implements AfterStepHook {

  private final Map<String, NDArray> factors = new LinkedHashMap<>();

  public MaskedFineTune(LabModel model, Map<String, NDArray> masks) {
    for (Map.Entry<String, NDArray> e : masks.entrySet()) {
      NDArray weight = model.parameter(e.getKey());
      NDArray mask = e.getValue();
      if (!mask.getShape().equals(weight.getShape())) {
        throw new IllegalArgumentException("the mask of " + e.getKey() + " has shape "
            + mask.getShape() + " but the weight has shape " + weight.getShape());
      }
      // Made here, outside the training loop, so no per-step scope closes them.
      factors.put(e.getKey(), mask.toType(weight.getDataType(), false));
      weight.muli(factors.get(e.getKey()));
    }
  }

  @Override
  public void afterStep(LabModel model, long step) {
    // Nothing to do: the weights were masked when the hook was made.
  }
}
