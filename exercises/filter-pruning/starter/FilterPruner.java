package lab;

import ai.djl.ndarray.NDArray;
import org.pruninglab.labkit.model.LabModel;

/** Filter (output-channel) pruning of one convolution by L1 norm. Read the statement first. */
public final class FilterPruner {

  private FilterPruner() {}

  /** The L1 norm of each output filter of a convolution weight {@code [out, in, kh, kw]}. */
  public static float[] filterNorms(NDArray convWeight) {
    throw new UnsupportedOperationException("filterNorms is not written yet");
  }

  /**
   * The indices of the filters to keep, ascending: {@code out − floor(out · ratio)} of them (at
   * least one), the largest by norm, ties to the lower index.
   */
  public static int[] keptFilters(float[] norms, double ratio) {
    throw new UnsupportedOperationException("keptFilters is not written yet");
  }

  /**
   * A new, smaller model in which convolution {@code conv} keeps only its kept filters, the
   * BatchNorm right after it (if any) only their channels, and the next convolution or linear
   * layer only the inputs that come from them. {@code model} itself does not change.
   */
  public static LabModel prune(LabModel model, String conv, double ratio) {
    throw new UnsupportedOperationException("prune is not written yet");
  }
}
