package lab;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.LayerInfo;
import org.pruninglab.labkit.model.LayerKind;

/** Known wrong: keeps the first columns of the next linear layer instead of those of the kept channels */
public final class FilterPruner {

  private FilterPruner() {}

  public static float[] filterNorms(NDArray convWeight) {
    NDArray abs = convWeight.abs();
    NDArray sums = abs.sum(new int[] {1, 2, 3});
    float[] norms = sums.toFloatArray();
    abs.close();
    sums.close();
    return norms;
  }

  public static int[] keptFilters(float[] norms, double ratio) {
    int out = norms.length;
    double r = Math.min(1.0, Math.max(0.0, ratio));
    int keep = Math.max(1, out - (int) Math.floor(out * r));
    Integer[] order = new Integer[out];
    for (int i = 0; i < out; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -norms[i])
        .thenComparingInt(i -> i));
    int[] kept = new int[keep];
    for (int i = 0; i < keep; i++) {
      kept[i] = order[i];
    }
    Arrays.sort(kept);
    return kept;
  }

  public static LabModel prune(LabModel model, String conv, double ratio) {
    List<LayerInfo> layers = model.layers();
    int at = indexOf(layers, conv);
    if (layers.get(at).kind() != LayerKind.CONV2D) {
      throw new IllegalArgumentException(conv + " is not a convolution");
    }
    String batchNorm = null;
    String next = null;
    for (int i = at + 1; i < layers.size() && next == null; i++) {
      LayerInfo l = layers.get(i);
      if (l.kind() == LayerKind.BATCH_NORM && i == at + 1) {
        batchNorm = l.name();
      } else if (l.kind() == LayerKind.CONV2D || l.kind() == LayerKind.LINEAR) {
        next = l.name();
      }
    }
    if (next == null) {
      throw new IllegalArgumentException(conv + " is not followed by a convolution or linear layer");
    }
    int[] kept = keptFilters(filterNorms(model.parameter(conv + ".weight")), ratio);
    Map<String, Integer> sizes = new HashMap<>();
    sizes.put(conv, kept.length);
    if (batchNorm != null) {
      sizes.put(batchNorm, kept.length);
    }
    LabModel smaller = model.resized(sizes);
    NDManager m = smaller.manager();
    NDArray keptIndex = m.create(toLongs(kept));
    NDArray nextIndex = inputIndex(layers, next, kept, m);
    for (Map.Entry<String, NDArray> e : model.state().entrySet()) {
      String name = e.getKey();
      String layer = name.substring(0, name.indexOf('.'));
      NDArray source = e.getValue();
      NDArray value;
      if (layer.equals(conv) || layer.equals(batchNorm)) {
        value = source.get(new NDIndex("{}", keptIndex));
      } else if (layer.equals(next) && name.endsWith(".weight")) {
        value = source.get(new NDIndex(":, {}", nextIndex));
      } else {
        value = source.duplicate();
      }
      smaller.parameter(name).set(value.toFloatArray());
      value.close();
    }
    keptIndex.close();
    nextIndex.close();
    return smaller;
  }

  /** The next layer's inputs that come from kept channels (channel-major after flattening). */
  private static NDArray inputIndex(List<LayerInfo> layers, String next, int[] kept,
      NDManager m) {
    LayerInfo layer = layers.get(indexOf(layers, next));
    if (layer.kind() == LayerKind.CONV2D) {
      return m.create(toLongs(kept));
    }
    long inputs = layer.inputShape().size();
    long channels = -1;
    for (int i = indexOf(layers, next) - 1; i >= 0 && channels < 0; i--) {
      if (layers.get(i).outputShape().dimension() == 3) {
        channels = layers.get(i).outputShape().get(0);
      }
    }
    long perChannel = inputs / channels;
    List<Long> columns = new ArrayList<>();
    for (int c = 0; c < kept.length; c++) {
      for (long j = 0; j < perChannel; j++) {
        columns.add(c * perChannel + j);
      }
    }
    long[] out = new long[columns.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = columns.get(i);
    }
    return m.create(out);
  }

  private static long[] toLongs(int[] values) {
    long[] out = new long[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i];
    }
    return out;
  }

  private static int indexOf(List<LayerInfo> layers, String name) {
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("there is no layer '" + name + "'");
  }
}
