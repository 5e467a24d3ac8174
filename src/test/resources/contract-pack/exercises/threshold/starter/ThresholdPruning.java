package lab;

/** Magnitude pruning with a fixed threshold. */
public final class ThresholdPruning {

  private ThresholdPruning() {}

  /** A copy of {@code weights} with every weight of magnitude below {@code threshold} set to 0. */
  public static float[] prune(float[] weights, float threshold) {
    throw new UnsupportedOperationException("not written yet");
  }
}
