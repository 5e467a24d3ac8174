package org.pruninglab.labkit.metrics;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.LayerInfo;

/** Measures a model: counts, sparsity, MACs and inference speed. */
public final class Metrics {

  private Metrics() {}

  public static ModelStats stats(LabModel model) {
    List<ParameterStats> out = new ArrayList<>();
    for (Map.Entry<String, NDArray> e : model.parameters().entrySet()) {
      out.add(stats(e.getKey(), e.getValue()));
    }
    return new ModelStats(out);
  }

  public static ParameterStats stats(String name, NDArray array) {
    long nonzero;
    try (NDArray n = array.countNonzero()) {
      nonzero = n.getLong();
    }
    List<Long> shape = Arrays.stream(array.getShape().getShape()).boxed().toList();
    return new ParameterStats(name, shape, array.size(), nonzero, shape.size() > 1);
  }

  /** MACs of one image: the sum over convolutions and linear layers. */
  public static long macs(LabModel model) {
    return model.layers().stream().mapToLong(LayerInfo::macs).sum();
  }

  /**
   * Inference throughput over {@code batches}, in inference mode: one warm-up pass, then the median
   * of {@code reps} timed passes.
   */
  public static Throughput inference(LabModel model, Batches batches, int reps) {
    if (reps < 1) {
      throw new IllegalArgumentException("reps must be >= 1");
    }
    pass(model, batches);
    double[] seconds = new double[reps];
    for (int r = 0; r < reps; r++) {
      seconds[r] = pass(model, batches);
    }
    Arrays.sort(seconds);
    double median =
        reps % 2 == 1 ? seconds[reps / 2] : (seconds[reps / 2 - 1] + seconds[reps / 2]) / 2;
    return new Throughput(batches.images(), batches.batchSize(), median);
  }

  private static double pass(LabModel model, Batches batches) {
    long start = System.nanoTime();
    batches.forEach(
        0,
        model.manager(),
        (x, y) -> {
          try (NDScope scope = new NDScope()) {
            // Read one value back so the work is really done before the clock stops.
            model.forward(x, false).get(0, 0).getFloat();
          }
        });
    return (System.nanoTime() - start) / 1e9;
  }
}
