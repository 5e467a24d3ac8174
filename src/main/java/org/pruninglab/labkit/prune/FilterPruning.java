package org.pruninglab.labkit.prune;

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

/**
 * Filter (output-channel) pruning of one convolution by L1 norm, as seed 004's StructuredPruner
 * (design/semantics.md §3): keep {@code out − floor(out·ratio)} filters (at least one), the largest
 * by L1 norm, in their original order (ties: lower index first); slice the BatchNorm that follows,
 * and the next convolution's input channels or the next linear layer's input features ({@code
 * channel × h × w} after flattening).
 */
public final class FilterPruning {

  private FilterPruning() {}

  /** What pruning did: the kept filter indices and the smaller model (the caller closes it). */
  public record Result(LabModel model, int[] keptFilters) {}

  /** L1 norm of each output filter of a conv weight {@code [out, in, kh, kw]}. */
  public static float[] filterNorms(NDArray convWeight) {
    try (NDArray abs = convWeight.abs();
        NDArray sums = abs.sum(new int[] {1, 2, 3})) {
      return sums.toFloatArray();
    }
  }

  /** The indices of the filters to keep, ascending. */
  public static int[] keptFilters(float[] norms, double ratio) {
    int out = norms.length;
    double r = Math.min(1.0, Math.max(0.0, ratio));
    int keep = Math.max(1, out - (int) Math.floor(out * r));
    Integer[] order = new Integer[out];
    Arrays.setAll(order, i -> i);
    Arrays.sort(
        order, Comparator.<Integer>comparingDouble(i -> -norms[i]).thenComparingInt(i -> i));
    int[] kept = new int[keep];
    for (int i = 0; i < keep; i++) {
      kept[i] = order[i];
    }
    Arrays.sort(kept);
    return kept;
  }

  /**
   * Prunes {@code ratio} of the filters of convolution {@code conv}; {@code model} is unchanged.
   */
  public static Result prune(LabModel model, String conv, double ratio) {
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
      } else if (l.kind() == LayerKind.BATCH_NORM) {
        throw new IllegalArgumentException("a BatchNorm other than the conv's own follows " + conv);
      }
    }
    if (next == null) {
      throw new IllegalArgumentException(
          conv + " is not followed by a convolution or linear layer");
    }
    int[] kept = keptFilters(filterNorms(model.parameter(conv + ".weight")), ratio);
    Map<String, Integer> sizes = new HashMap<>();
    sizes.put(conv, kept.length);
    if (batchNorm != null) {
      sizes.put(batchNorm, kept.length);
    }
    LabModel smaller = model.resized(sizes);
    try {
      NDManager m = smaller.manager();
      NDArray keptIndex = m.create(Arrays.stream(kept).asLongStream().toArray());
      for (Map.Entry<String, NDArray> e : model.state().entrySet()) {
        String name = e.getKey();
        String layer = name.substring(0, name.indexOf('.'));
        NDArray source = e.getValue();
        NDArray value;
        if (layer.equals(conv) || layer.equals(batchNorm)) {
          value = source.get(new NDIndex("{}", keptIndex));
        } else if (layer.equals(next) && name.endsWith(".weight")) {
          value = source.get(new NDIndex(":, {}", inputIndex(layers, next, kept, m)));
        } else {
          value = source.duplicate();
        }
        smaller.parameter(name).set(value.toFloatArray());
        value.close();
      }
      keptIndex.close();
      return new Result(smaller, kept);
    } catch (RuntimeException e) {
      smaller.close();
      throw e;
    }
  }

  /** Input positions of the next layer that belong to the kept channels. */
  private static NDArray inputIndex(List<LayerInfo> layers, String next, int[] kept, NDManager m) {
    LayerInfo layer = layers.get(indexOf(layers, next));
    if (layer.kind() == LayerKind.CONV2D) {
      return m.create(Arrays.stream(kept).asLongStream().toArray());
    }
    // A linear layer after flattening: its inputs are channel-major, channel × (h·w).
    long inputs = layer.inputShape().size();
    int channels = (int) channelsBefore(layers, next);
    long perChannel = inputs / channels;
    List<Long> columns = new ArrayList<>();
    for (int c : kept) {
      for (long j = 0; j < perChannel; j++) {
        columns.add(c * perChannel + j);
      }
    }
    return m.create(columns.stream().mapToLong(Long::longValue).toArray());
  }

  /** Channels of the last layer before {@code next} whose output still has a channel axis. */
  private static long channelsBefore(List<LayerInfo> layers, String next) {
    for (int i = indexOf(layers, next) - 1; i >= 0; i--) {
      if (layers.get(i).outputShape().dimension() == 3) {
        return layers.get(i).outputShape().get(0);
      }
    }
    throw new IllegalArgumentException("no channel layout before " + next);
  }

  private static int indexOf(List<LayerInfo> layers, String name) {
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalArgumentException("no layer '" + name + "'");
  }
}
