package lab;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Attack for issue 15 item 1: no pruning algorithm at all. prune and pruneGlobally look through
 * every NDManager reachable from the weight (its own, its parents up to the system manager, and
 * through getManagedArrays everything those reach in their sub-managers) for a boolean array of
 * the weight's shape -- the expected mask the hidden test made before calling us -- and apply it.
 * Before the fix it earned the 6 points of masks_match_the_reference and
 * global_pruning_matches_the_reference; after it, it must earn neither.
 */
public final class KthvaluePruning {

  private KthvaluePruning() {}

  public static float kthSmallest(float[] values, int n, int k) {
    throw new UnsupportedOperationException("no algorithm here");
  }

  private static List<NDArray> reachable(NDArray weight) {
    List<NDArray> out = new ArrayList<>();
    for (NDManager m = weight.getManager(); m != null; m = m.getParentManager()) {
      try {
        out.addAll(m.getManagedArrays());
      } catch (RuntimeException e) {
        // a manager that refuses: skip it
      }
    }
    return out;
  }

  private static NDArray expectedMask(NDArray weight) {
    NDArray found = null;
    for (NDArray a : reachable(weight)) {
      try {
        if (a != weight && !a.isReleased() && a.getDataType() == DataType.BOOLEAN
            && a.getShape().equals(weight.getShape())) {
          found = a;
        }
      } catch (RuntimeException e) {
        // closed meanwhile
      }
    }
    return found;
  }

  public static NDArray prune(NDArray weight, double sparsity) {
    NDArray mask = expectedMask(weight);
    if (mask == null) {
      return weight.abs().gte(0f); // keep everything
    }
    weight.muli(mask.toType(weight.getDataType(), false));
    return mask.duplicate();
  }

  public static Map<String, NDArray> pruneGlobally(Map<String, NDArray> weights, double sparsity) {
    Map<String, NDArray> out = new LinkedHashMap<>();
    for (Map.Entry<String, NDArray> e : weights.entrySet()) {
      out.put(e.getKey(), prune(e.getValue(), sparsity));
    }
    return out;
  }
}
