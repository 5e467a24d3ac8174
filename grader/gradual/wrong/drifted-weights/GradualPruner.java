package lab;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.prune.MagnitudePruning;
import org.pruninglab.labkit.train.AfterStepHook;

/** Known-wrong variant: recomputes the masks from the weights as the optimiser step left them, without re-applying the old masks first: pruned weights that moved can come back. */
public final class GradualPruner implements AfterStepHook {

  private final double initialSparsity;
  private final double finalSparsity;
  private final long begin;
  private final long end;
  private final long frequency;
  // One 0/1 factor per prunable weight, made here: each training step frees the arrays it made,
  // so a factor made inside afterStep would be gone by the next step.
  private final Map<String, NDArray> factors = new LinkedHashMap<>();

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
    model.prunableWeights().forEach((name, w) -> factors.put(name, w.onesLike()));
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
    for (Map.Entry<String, NDArray> e : factors.entrySet()) {
      NDArray w = model.parameter(e.getKey());
      NDArray factor = e.getValue();
      if (isPruningStep(step)) {
        // The new mask from the weights as the step left them: pruned weights have moved.
        try (NDArray mask = MagnitudePruning.pruneTensor(w, sparsityAt(step));
            NDArray kept = mask.toType(w.getDataType(), false)) {
          factor.set(kept.toFloatArray());
        }
      } else {
        w.muli(factor);
      }
    }
  }
}
