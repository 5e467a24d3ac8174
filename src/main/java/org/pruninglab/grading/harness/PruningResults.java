package org.pruninglab.grading.harness;

import org.pruninglab.labkit.metrics.ModelStats;
import org.pruninglab.labkit.pictures.Histogram;
import org.pruninglab.labkit.pictures.KernelMaps;
import org.pruninglab.labkit.pictures.LineChart;
import org.pruninglab.labkit.pictures.MaskBitmap;
import org.pruninglab.labkit.pictures.SparsityCurve;

/**
 * What a test calls to record a pruning result ({@code accuracy.pruned}, {@code sparsity}, …)
 * against itself. Outside the harness (a test run from the IDE) the values are ignored. Student
 * code may not call this class: the policy check allows no {@code org.pruninglab.grading} type.
 */
public final class PruningResults {

  private static volatile MetricSink sink = (name, value) -> {};

  private PruningResults() {}

  public static void record(String name, double value) {
    if (name == null || name.isBlank() || name.length() > 64) {
      throw new IllegalArgumentException("a metric needs a name of 1 to 64 characters");
    }
    sink.accept(name, value);
  }

  public static void record(String name, String value) {
    sink.acceptText(name, value);
  }

  /**
   * Records the standard metrics of a model (its sparsity, of the prunable weights and of all
   * parameters; parameter counts; sizes at 32 bits, dense and of the nonzero parameters) and the
   * device it ran on.
   */
  public static void recordModel(ModelStats stats, String device) {
    record(ResultNames.SPARSITY, stats.prunableSparsity());
    record(ResultNames.SPARSITY_ALL, stats.sparsity());
    record(ResultNames.PARAMETERS, stats.parameterCount());
    record(ResultNames.PARAMETERS_NONZERO, stats.nonzeroCount());
    record(ResultNames.SIZE_BITS, stats.sizeBits(32));
    record(ResultNames.SIZE_NONZERO_BITS, stats.nonzeroSizeBits(32));
    record(ResultNames.DEVICE, device);
  }

  /**
   * Whether this run records pictures: false for batch gradings (after-deadline autograding,
   * regrades), whose pictures nobody looks at. Tests skip what only the pictures need.
   */
  public static boolean picturesWanted() {
    return !"false".equals(System.getProperty("lab.pictures"));
  }

  /**
   * Records a picture of the model for the student's result page: a {@link Histogram}, a {@link
   * MaskBitmap}, {@link KernelMaps}, a {@link SparsityCurve} or a {@link LineChart} from the lab
   * kit's pictures.
   */
  public static void picture(String name, Object picture) {
    if (name == null || name.isBlank() || name.length() > 64) {
      throw new IllegalArgumentException("a picture needs a name of 1 to 64 characters");
    }
    if (!picturesWanted()) {
      return;
    }
    String kind = PictureCodec.kindOf(picture);
    String data = PictureCodec.write(picture);
    sink.acceptPicture(name, kind, data);
  }

  static void install(MetricSink newSink) {
    sink = newSink;
  }

  /** Where the harness sends recorded values. */
  interface MetricSink {
    void accept(String name, double value);

    default void acceptText(String name, String value) {}

    default void acceptPicture(String name, String kind, String dataJson) {}
  }
}
