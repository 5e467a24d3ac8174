package lab;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.LayerInfo;
import org.pruninglab.labkit.model.LayerKind;

/** Neuron pruning of linear layers by L2 row norm (semantics.md §7). */
public final class NeuronPruner {

  private NeuronPruner() {}

  public static float[] neuronNorms(NDArray linearWeight) {
    try (NDArray squares = linearWeight.square();
        NDArray sums = squares.sum(new int[] {1});
        NDArray norms = sums.sqrt()) {
      return norms.toFloatArray();
    }
  }

  public static int[] keptNeurons(float[] norms, double ratio) {
    int out = norms.length;
    double r = Math.min(1.0, Math.max(0.0, ratio));
    int keep = Math.max(1, out - (int) Math.floor(out * r));
    // Selection by rank: a neuron goes when `keep` others beat it (larger norm, or equal and
    // lower index).
    int[] kept = new int[keep];
    int n = 0;
    for (int i = 0; i < out; i++) {
      int better = 0;
      for (int j = 0; j < out; j++) {
        if (norms[j] > norms[i] || (norms[j] == norms[i] && j < i)) {
          better++;
        }
      }
      if (better < keep) {
        kept[n++] = i;
      }
    }
    return Arrays.copyOf(kept, n);
  }

  public static LabModel prune(LabModel model, String layer, double ratio) {
    List<LayerInfo> layers = model.layers();
    int at = -1;
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).name().equals(layer)) {
        at = i;
      }
    }
    if (at < 0) {
      throw new IllegalArgumentException("the model has no layer '" + layer + "'");
    }
    if (layers.get(at).kind() != LayerKind.LINEAR) {
      throw new IllegalArgumentException(layer + " is a " + layers.get(at).kind()
          + " layer, not a linear one");
    }
    String next = null;
    for (int i = at + 1; i < layers.size() && next == null; i++) {
      if (layers.get(i).kind() == LayerKind.LINEAR) {
        next = layers.get(i).name();
      }
    }
    if (next == null) {
      throw new IllegalArgumentException(layer + " is the classifier: its outputs are the"
          + " classes and are never pruned");
    }
    int[] kept = keptNeurons(neuronNorms(model.parameter(layer + ".weight")), ratio);
    long[] index = Arrays.stream(kept).asLongStream().toArray();
    LabModel smaller = model.resized(Map.of(layer, kept.length));
    try (NDArray rows = model.manager().create(index)) {
      for (Map.Entry<String, NDArray> e : model.state().entrySet()) {
        String name = e.getKey();
        NDArray value;
        if (name.startsWith(layer + ".")) {
          value = e.getValue().get(new NDIndex("{}", rows));
        } else if (name.equals(next + ".weight")) {
          value = e.getValue().get(new NDIndex(":, :" + kept.length));
        } else {
          value = e.getValue().duplicate();
        }
        smaller.parameter(name).set(value.toFloatArray());
        value.close();
      }
    }
    return smaller;
  }
}
