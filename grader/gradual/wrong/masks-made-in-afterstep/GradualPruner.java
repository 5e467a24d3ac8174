package lab;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.prune.MagnitudePruning;
import org.pruninglab.labkit.train.AfterStepHook;

/** Known-wrong variant: keeps the masks made inside afterStep for later steps: in training each step frees the arrays it made, so the next step uses a freed mask. */
public final class GradualPruner implements AfterStepHook {

  private final double initialSparsity;
  private final double finalSparsity;
  private final long begin;
  private final long end;
  private final long frequency;
  private final Map<String, NDArray> masks = new LinkedHashMap<>();

  public GradualPruner(
      LabModel model,
      double initialSparsity,
      double finalSparsity,
      long begin,
      long end,
      long frequency) {
    if (model == null) {
      throw new IllegalArgumentException("the model is null");
    }
    if (!(initialSparsity >= 0 && initialSparsity <= finalSparsity && finalSparsity <= 1)) {
      throw new IllegalArgumentException(
          "need 0 ≤ initialSparsity ≤ finalSparsity ≤ 1, got "
              + initialSparsity
              + " and "
              + finalSparsity);
    }
    if (begin < 0 || end <= begin) {
      throw new IllegalArgumentException("need 0 ≤ begin < end, got " + begin + " and " + end);
    }
    if (frequency < 1) {
      throw new IllegalArgumentException("frequency must be at least 1, got " + frequency);
    }
    this.initialSparsity = initialSparsity;
    this.finalSparsity = finalSparsity;
    this.begin = begin;
    this.end = end;
    this.frequency = frequency;
  }

  public double sparsityAt(long t) {
    if (t < begin) {
      return initialSparsity;
    }
    if (t >= end) {
      return finalSparsity;
    }
    double left = 1 - (double) (t - begin) / (end - begin);
    return finalSparsity + (initialSparsity - finalSparsity) * left * left * left;
  }

  public boolean isPruningStep(long t) {
    return t >= begin && t <= end && ((t - begin) % frequency == 0 || t == end);
  }

  @Override
  public void afterStep(LabModel model, long step) {
    for (Map.Entry<String, NDArray> e : model.prunableWeights().entrySet()) {
      NDArray w = e.getValue();
      NDArray mask = masks.get(e.getKey());
      if (mask != null) {
        try (NDArray kept = mask.toType(w.getDataType(), false)) {
          w.muli(kept);
        }
      }
      if (isPruningStep(step)) {
        // Kept for the next steps, but made inside the training step, which frees it.
        masks.put(e.getKey(), MagnitudePruning.pruneTensor(w, sparsityAt(step)));
      }
    }
  }
}
