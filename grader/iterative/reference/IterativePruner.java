package lab;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.prune.Kthvalue;
import org.pruninglab.labkit.prune.MaskedWeights;
import org.pruninglab.labkit.train.AfterStepHook;

/**
 * Reference solution: global magnitude rounds that count against the survivors (a weight that is
 * exactly 0.0 is pruned), cumulative targets of the whole model, and a masked fine-tune after
 * every round (semantics.md §5).
 */
public final class IterativePruner {

  /** The fine-tune between rounds, given by the caller; {@code keepMasks} must run after each step. */
  @FunctionalInterface
  public interface FineTune {
    void fineTune(LabModel model, AfterStepHook keepMasks, int round);
  }

  private IterativePruner() {}

  public static double perRoundRate(double target, int rounds) {
    return 1 - Math.pow(1 - target, 1.0 / rounds);
  }

  public static Map<String, NDArray> pruneRound(Map<String, NDArray> weights, double rate) {
    float[] survivors = survivors(weights);
    return prune(weights, survivors, (long) Math.rint(rate * survivors.length));
  }

  public static Map<String, NDArray> pruneToTarget(Map<String, NDArray> weights, double target) {
    long all = 0;
    for (NDArray w : weights.values()) {
      all += w.size();
    }
    float[] survivors = survivors(weights);
    long zeros = all - survivors.length;
    long k = Math.max(0, (long) Math.rint(all * target) - zeros);
    return prune(weights, survivors, k);
  }

  public static List<Long> run(LabModel model, double target, int rounds, FineTune fineTune) {
    double rate = perRoundRate(target, rounds);
    List<Long> pruned = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      long before = zeros(model.prunableWeights());
      Map<String, NDArray> masks = pruneRound(model.prunableWeights(), rate);
      pruned.add(zeros(model.prunableWeights()) - before);
      fineTuneWith(model, masks, fineTune, round);
    }
    return pruned;
  }

  public static List<Long> runSchedule(LabModel model, double[] targets, FineTune fineTune) {
    List<Long> pruned = new ArrayList<>();
    for (int step = 0; step < targets.length; step++) {
      long before = zeros(model.prunableWeights());
      Map<String, NDArray> masks = pruneToTarget(model.prunableWeights(), targets[step]);
      pruned.add(zeros(model.prunableWeights()) - before);
      fineTuneWith(model, masks, fineTune, step + 1);
    }
    return pruned;
  }

  private static void fineTuneWith(
      LabModel model, Map<String, NDArray> masks, FineTune fineTune, int round) {
    try (MaskedWeights keep = new MaskedWeights(model, masks)) {
      fineTune.fineTune(model, keep, round);
    } finally {
      masks.values().forEach(NDArray::close);
    }
  }

  /** The magnitudes of every nonzero weight, all tensors together. */
  private static float[] survivors(Map<String, NDArray> weights) {
    List<float[]> tensors = new ArrayList<>();
    int n = 0;
    for (NDArray w : weights.values()) {
      float[] v = w.toFloatArray();
      tensors.add(v);
      for (float x : v) {
        n += x != 0 ? 1 : 0;
      }
    }
    float[] out = new float[n];
    int i = 0;
    for (float[] v : tensors) {
      for (float x : v) {
        if (x != 0) {
          out[i++] = Math.abs(x);
        }
      }
    }
    return out;
  }

  /** Prunes the k smallest survivors (and every survivor tied with the k-th), in place. */
  private static Map<String, NDArray> prune(
      Map<String, NDArray> weights, float[] survivors, long k) {
    float threshold = k == 0 ? 0f : Kthvalue.select(survivors, survivors.length, (int) k);
    Map<String, NDArray> masks = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : weights.entrySet()) {
      NDArray w = e.getValue();
      NDArray mask;
      try (NDArray magnitude = w.abs()) {
        mask = magnitude.gt(threshold);
      }
      try (NDArray factor = mask.toType(w.getDataType(), false)) {
        w.muli(factor);
      }
      masks.put(e.getKey(), mask);
    }
    return masks;
  }

  private static long zeros(Map<String, NDArray> weights) {
    long zeros = 0;
    for (NDArray w : weights.values()) {
      for (float x : w.toFloatArray()) {
        zeros += x == 0 ? 1 : 0;
      }
    }
    return zeros;
  }
}
