package org.pruninglab.grading.harness;

import org.pruninglab.labkit.pictures.Histogram;
import org.pruninglab.labkit.pictures.KernelMaps;
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
   * Whether this run records pictures: false for batch gradings (after-deadline autograding,
   * regrades), whose pictures nobody looks at. Tests skip what only the pictures need.
   */
  public static boolean picturesWanted() {
    return !"false".equals(System.getProperty("lab.pictures"));
  }

  /**
   * Records a picture of the model for the student's result page: a {@link Histogram}, a {@link
   * MaskBitmap}, {@link KernelMaps} or a {@link SparsityCurve} from the lab kit's pictures.
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
