package lab;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.train.AfterStepHook;

/** A student's iterative pruner. */
public final class IterativePruner {

  @FunctionalInterface
  public interface FineTune {
    void fineTune(LabModel model, AfterStepHook keepMasks, int round);
  }

  private IterativePruner() {}

  public static double perRoundRate(double target, int rounds) {
    return 1 - Math.pow(1 - target, 1.0 / rounds);
  }

  public static Map<String, NDArray> pruneRound(Map<String, NDArray> weights, double rate) {
    float[] alive = alive(weights);
    long k = (long) Math.rint(rate * alive.length);
    // The k-th smallest |w| of the whole tensor set, pruned weights (zeros) included.
    List<Float> all = new ArrayList<>();
    for (NDArray w : weights.values()) {
      for (float x : w.toFloatArray()) {
        all.add(Math.abs(x));
      }
    }
    float[] everything = new float[all.size()];
    for (int i = 0; i < everything.length; i++) {
      everything[i] = all.get(i);
    }
    return cut(weights, everything, k);
  }

  public static Map<String, NDArray> pruneToTarget(Map<String, NDArray> weights, double target) {
    long total = 0;
    for (NDArray w : weights.values()) {
      total += w.size();
    }
    float[] alive = alive(weights);
    long already = total - alive.length;
    long k = (long) Math.rint(total * target) - already;
    return cut(weights, alive, Math.max(k, 0));
  }

  public static List<Long> run(LabModel model, double target, int rounds, FineTune fineTune) {
    double p = perRoundRate(target, rounds);
    List<Long> counts = new ArrayList<>();
    for (int r = 1; r <= rounds; r++) {
      long before = countZeros(model);
      Map<String, NDArray> masks = pruneRound(model.prunableWeights(), p);
      counts.add(countZeros(model) - before);
      fineTune.fineTune(model, hook(model, masks), r);
    }
    return counts;
  }

  public static List<Long> runSchedule(LabModel model, double[] targets, FineTune fineTune) {
    List<Long> counts = new ArrayList<>();
    for (int j = 0; j < targets.length; j++) {
      long before = countZeros(model);
      Map<String, NDArray> masks = pruneToTarget(model.prunableWeights(), targets[j]);
      counts.add(countZeros(model) - before);
      fineTune.fineTune(model, hook(model, masks), j + 1);
    }
    return counts;
  }

  /** W ← W · M after every step; the factors are made here, outside the training steps. */
  private static AfterStepHook hook(LabModel model, Map<String, NDArray> masks) {
    Map<String, NDArray> factors = new LinkedHashMap<>();
    masks.forEach((name, m) -> factors.put(name, m.toType(model.parameter(name).getDataType(), false)));
    return (m, step) -> factors.forEach((name, f) -> m.parameter(name).muli(f));
  }

  private static float[] alive(Map<String, NDArray> weights) {
    List<Float> list = new ArrayList<>();
    for (NDArray w : weights.values()) {
      for (float x : w.toFloatArray()) {
        if (x != 0) {
          list.add(Math.abs(x));
        }
      }
    }
    float[] out = new float[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  private static Map<String, NDArray> cut(Map<String, NDArray> weights, float[] alive, long k) {
    float threshold = 0;
    if (k > 0) {
      float[] sorted = alive.clone();
      Arrays.sort(sorted);
      threshold = sorted[(int) k - 1];
    }
    Map<String, NDArray> masks = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : weights.entrySet()) {
      NDArray mask = e.getValue().abs().gt(threshold);
      e.getValue().muli(mask.toType(e.getValue().getDataType(), false));
      masks.put(e.getKey(), mask);
    }
    return masks;
  }

  private static long countZeros(LabModel model) {
    long z = 0;
    for (NDArray w : model.prunableWeights().values()) {
      for (float x : w.toFloatArray()) {
        if (x == 0) {
          z++;
        }
      }
    }
    return z;
  }
}
