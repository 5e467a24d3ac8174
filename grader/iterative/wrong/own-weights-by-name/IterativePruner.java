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
 * Iterative magnitude pruning: several global rounds, each counted against the weights that are
 * still there, with a masked fine-tune after every round.
 */
public final class IterativePruner {

  @FunctionalInterface
  public interface FineTune {
    void fineTune(LabModel model, AfterStepHook keepMasks, int round);
  }

  private IterativePruner() {}

  public static double perRoundRate(double target, int rounds) {
    return 1.0 - Math.pow(1.0 - target, 1.0 / rounds);
  }

  public static Map<String, NDArray> pruneRound(Map<String, NDArray> weights, double rate) {
    long survivors = countSurvivors(weights);
    long k = (long) Math.rint(rate * survivors);
    return pruneSurvivors(weights, k);
  }

  public static Map<String, NDArray> pruneToTarget(Map<String, NDArray> weights, double target) {
    long n = 0;
    for (NDArray w : weights.values()) {
      n += w.size();
    }
    long zeros = n - countSurvivors(weights);
    long goal = (long) Math.rint(n * target);
    long k = Math.max(0, goal - zeros);
    return pruneSurvivors(weights, k);
  }

  public static List<Long> run(LabModel model, double target, int rounds, FineTune fineTune) {
    double p = perRoundRate(target, rounds);
    List<Long> counts = new ArrayList<>();
    for (int r = 1; r <= rounds; r++) {
      Map<String, NDArray> weights = weightsOf(model);
      long before = countSurvivors(weights);
      Map<String, NDArray> masks = pruneRound(weights, p);
      counts.add(before - countSurvivors(weights));
      fineTuneWith(model, masks, r, fineTune);
    }
    return counts;
  }

  public static List<Long> runSchedule(LabModel model, double[] targets, FineTune fineTune) {
    List<Long> counts = new ArrayList<>();
    for (int i = 0; i < targets.length; i++) {
      Map<String, NDArray> weights = weightsOf(model);
      long before = countSurvivors(weights);
      Map<String, NDArray> masks = pruneToTarget(weights, targets[i]);
      counts.add(before - countSurvivors(weights));
      fineTuneWith(model, masks, i + 1, fineTune);
    }
    return counts;
  }

  private static void fineTuneWith(
      LabModel model, Map<String, NDArray> masks, int round, FineTune fineTune) {
    try (MaskedWeights hook = new MaskedWeights(model, masks)) {
      fineTune.fineTune(model, hook, round);
    } finally {
      masks.values().forEach(NDArray::close);
    }
  }

  /** The weights to prune: every parameter called "...weight" (never the biases). */
  private static Map<String, NDArray> weightsOf(LabModel model) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    model.parameters().forEach((name, p) -> {
      if (name.endsWith("weight")) {
        out.put(name, p);
      }
    });
    return out;
  }

  private static long countSurvivors(Map<String, NDArray> weights) {
    long s = 0;
    for (NDArray w : weights.values()) {
      for (float v : w.toFloatArray()) {
        if (v != 0f) {
          s++;
        }
      }
    }
    return s;
  }

  /** Prunes the k smallest |w| among the survivors of all tensors together (ties pruned). */
  private static Map<String, NDArray> pruneSurvivors(Map<String, NDArray> weights, long k) {
    List<float[]> values = new ArrayList<>();
    int survivors = 0;
    for (NDArray w : weights.values()) {
      float[] v = w.toFloatArray();
      values.add(v);
      for (float x : v) {
        if (x != 0f) {
          survivors++;
        }
      }
    }
    float threshold = 0f;
    if (k > 0 && survivors > 0) {
      float[] mags = new float[survivors];
      int i = 0;
      for (float[] v : values) {
        for (float x : v) {
          if (x != 0f) {
            mags[i++] = Math.abs(x);
          }
        }
      }
      threshold = Kthvalue.select(mags, survivors, (int) Math.min(k, survivors));
    }
    Map<String, NDArray> masks = new LinkedHashMap<>();
    int t = 0;
    for (Map.Entry<String, NDArray> e : weights.entrySet()) {
      NDArray w = e.getValue();
      float[] v = values.get(t++);
      boolean[] keep = new boolean[v.length];
      boolean changed = false;
      for (int j = 0; j < v.length; j++) {
        keep[j] = Math.abs(v[j]) > threshold;
        if (!keep[j] && v[j] != 0f) {
          v[j] = 0f;
          changed = true;
        }
      }
      if (changed) {
        w.set(v);
      }
      masks.put(e.getKey(), w.getManager().create(keep, w.getShape()));
    }
    return masks;
  }
}
