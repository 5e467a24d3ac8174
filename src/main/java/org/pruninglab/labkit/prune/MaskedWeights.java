package org.pruninglab.labkit.prune;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.train.AfterStepHook;

/**
 * Keeps pruned weights at exactly 0.0 while training continues: after every optimiser step, {@code
 * W ← W · M} for each masked parameter (seeds 000, 001, 004). Masks are fixed.
 */
public final class MaskedWeights implements AfterStepHook, AutoCloseable {

  private final Map<String, NDArray> factors = new LinkedHashMap<>();

  /**
   * @param masks boolean masks (true = kept) by parameter name
   */
  public MaskedWeights(LabModel model, Map<String, NDArray> masks) {
    masks.forEach(
        (name, mask) -> {
          NDArray weight = model.parameter(name);
          if (!mask.getShape().equals(weight.getShape())) {
            throw new IllegalArgumentException(
                "mask of "
                    + name
                    + " has shape "
                    + mask.getShape()
                    + ", the weight "
                    + weight.getShape());
          }
          NDArray factor = mask.toType(weight.getDataType(), false);
          factor.attach(model.manager());
          ai.djl.ndarray.NDScope.unregister(factor);
          factors.put(name, factor);
        });
  }

  @Override
  public void afterStep(LabModel model, long step) {
    factors.forEach((name, factor) -> model.parameter(name).muli(factor));
  }

  @Override
  public void close() {
    factors.values().forEach(NDArray::close);
  }
}
