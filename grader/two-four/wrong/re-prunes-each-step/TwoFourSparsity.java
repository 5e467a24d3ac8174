package lab;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.train.AfterStepHook;

/** 2:4 semi-structured sparsity along the input dimension (semantics.md §8). */
public final class TwoFourSparsity {

  private TwoFourSparsity() {}

  public static NDArray mask(NDArray weight) {
    Shape shape = weight.getShape();
    long out = shape.get(0);
    long in = shape.get(1);
    long inner = shape.size() / (out * in);
    boolean[] kept = new boolean[Math.toIntExact(shape.size())];
    if (in % 4 != 0) {
      java.util.Arrays.fill(kept, true);
      return weight.getManager().create(kept, shape);
    }
    float[] w = weight.toFloatArray();
    for (long o = 0; o < out; o++) {
      for (long r = 0; r < inner; r++) {
        for (long g = 0; g < in; g += 4) {
          int[] at = new int[4];
          for (int j = 0; j < 4; j++) {
            at[j] = Math.toIntExact((o * in + g + j) * inner + r);
          }
          // The two largest |w|; on a tie the lower index wins (a strict > never passes it).
          int first = 0;
          for (int j = 1; j < 4; j++) {
            if (Math.abs(w[at[j]]) > Math.abs(w[at[first]])) {
              first = j;
            }
          }
          int second = first == 0 ? 1 : 0;
          for (int j = 0; j < 4; j++) {
            if (j != first && Math.abs(w[at[j]]) > Math.abs(w[at[second]])) {
              second = j;
            }
          }
          kept[at[first]] = true;
          kept[at[second]] = true;
        }
      }
    }
    return weight.getManager().create(kept, shape);
  }

  public static Map<String, NDArray> prune(LabModel model) {
    Map<String, NDArray> masks = new LinkedHashMap<>();
    model
        .prunableWeights()
        .forEach(
            (name, weight) -> {
              NDArray mask = mask(weight);
              try (NDArray factor = mask.toType(DataType.FLOAT32, false)) {
                weight.muli(factor);
              }
              masks.put(name, mask);
            });
    return masks;
  }

  public static AfterStepHook keepPattern(LabModel model, Map<String, NDArray> masks) {
    Map<String, NDArray> factors = new LinkedHashMap<>();
    masks.forEach(
        (name, mask) -> {
          NDArray weight = model.parameter(name);
          if (!mask.getShape().equals(weight.getShape())) {
            throw new IllegalArgumentException(
                "the mask of " + name + " has shape " + mask.getShape() + ", the weight "
                    + weight.getShape());
          }
          factors.put(name, mask.toType(weight.getDataType(), false));
        });
    // Re-prunes to 2:4 after every step: always a 2:4 pattern, but not the one of the masks.
    return (m, step) ->
        factors.keySet().forEach(name -> {
          NDArray w = m.parameter(name);
          NDArray fresh = mask(w).toType(w.getDataType(), false);
          w.muli(fresh);
        });
  }
}
