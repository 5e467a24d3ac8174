package lab;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.LayerInfo;
import org.pruninglab.labkit.model.LayerKind;

/**
 * Attack in item 1's class for filter-pruning: the next layer keeps the random weights of the
 * resized model (as wrong/random-next-layer), and then the ORIGINAL model is rewritten so that
 * its next-layer weights for the kept channels are those random ones. Tests that computed the
 * oracle from the original after this call (kept filters copied, functional equivalence on the
 * CNN and the VGG, ratio 0) then agreed with it; before the fix it scored 18 of 19 (only
 * the_original_is_unchanged caught it).
 */
public final class FilterPruner {

  private FilterPruner() {}

  public static float[] filterNorms(NDArray convWeight) {
    int out = (int) convWeight.getShape().get(0);
    float[] v = convWeight.toFloatArray();
    int per = v.length / out;
    float[] norms = new float[out];
    for (int f = 0; f < out; f++) {
      double sum = 0;
      for (int i = 0; i < per; i++) {
        sum += Math.abs(v[f * per + i]);
      }
      norms[f] = (float) sum;
    }
    return norms;
  }

  public static int[] keptFilters(float[] norms, double ratio) {
    double r = Math.max(0, Math.min(1, ratio));
    int out = norms.length;
    int keep = Math.max(1, out - (int) Math.floor(out * r));
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < out; i++) {
      order.add(i);
    }
    order.sort((a, b) -> norms[a] != norms[b] ? Float.compare(norms[b], norms[a]) : a - b);
    int[] kept = new int[keep];
    for (int i = 0; i < keep; i++) {
      kept[i] = order.get(i);
    }
    Arrays.sort(kept);
    return kept;
  }

  public static LabModel prune(LabModel model, String conv, double ratio) {
    List<LayerInfo> layers = model.layers();
    int at = -1;
    for (int i = 0; i < layers.size(); i++) {
      if (layers.get(i).name().equals(conv)) {
        at = i;
      }
    }
    if (at < 0 || layers.get(at).kind() != LayerKind.CONV2D) {
      throw new IllegalArgumentException(conv + " is not a convolution of this model");
    }
    String bn = at + 1 < layers.size() && layers.get(at + 1).kind() == LayerKind.BATCH_NORM
        ? layers.get(at + 1).name() : null;
    LayerInfo next = null;
    for (int i = at + 1; i < layers.size() && next == null; i++) {
      LayerKind k = layers.get(i).kind();
      if (k == LayerKind.CONV2D || k == LayerKind.LINEAR) {
        next = layers.get(i);
      }
    }
    if (next == null) {
      throw new IllegalArgumentException("no convolution or linear layer follows " + conv);
    }
    NDArray weight = model.parameter(conv + ".weight");
    int out = (int) weight.getShape().get(0);
    int[] kept = keptFilters(filterNorms(weight), ratio);
    Map<String, Integer> sizes = new HashMap<>();
    sizes.put(conv, kept.length);
    if (bn != null) {
      sizes.put(bn, kept.length);
    }
    LabModel smaller = model.resized(sizes);
    String nextWeight = next.name() + ".weight";
    for (Map.Entry<String, NDArray> e : model.state().entrySet()) {
      String name = e.getKey();
      float[] v = e.getValue().toFloatArray();
      if (name.startsWith(conv + ".") || (bn != null && name.startsWith(bn + "."))) {
        v = rows(v, out, kept);
      } else if (name.equals(nextWeight)) {
        // Keep the fresh (random) weights, and make the original agree with them.
        NDArray fresh = smaller.parameter(name);
        e.getValue().set(scatter(v, fresh.toFloatArray(), e.getValue().getShape().get(0), out,
            kept));
        continue;
      }
      smaller.parameter(name).set(v);
    }
    return smaller;
  }

  /** Blocks f of the first axis (out blocks in all). */
  static float[] rows(float[] v, int out, int[] kept) {
    int per = v.length / out;
    float[] r = new float[kept.length * per];
    for (int i = 0; i < kept.length; i++) {
      System.arraycopy(v, kept[i] * per, r, i * per, per);
    }
    return r;
  }

  /** The inverse of inputs: the original's weights with the kept channels' blocks replaced. */
  static float[] scatter(float[] original, float[] small, long rows, int channels, int[] kept) {
    float[] r = original.clone();
    int perRow = (int) (r.length / rows);
    int perChannel = perRow / channels;
    int at = 0;
    for (int o = 0; o < rows; o++) {
      for (int c : kept) {
        System.arraycopy(small, at, r, o * perRow + c * perChannel, perChannel);
        at += perChannel;
      }
    }
    return r;
  }

  /** For each output row: the input blocks of the kept channels (a conv's or a flattened linear's). */
  static float[] inputs(float[] v, long rows, int channels, int[] kept) {
    int perRow = (int) (v.length / rows);
    int perChannel = perRow / channels;
    float[] r = new float[(int) rows * kept.length * perChannel];
    int at = 0;
    for (int o = 0; o < rows; o++) {
      for (int c : kept) {
        System.arraycopy(v, o * perRow + c * perChannel, r, at, perChannel);
        at += perChannel;
      }
    }
    return r;
  }
}
