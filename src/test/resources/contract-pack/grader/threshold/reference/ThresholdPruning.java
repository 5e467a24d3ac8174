package lab;

/** Magnitude pruning with a fixed threshold. */
public final class ThresholdPruning {

  private ThresholdPruning() {}

  /** A copy of {@code weights} with every weight of magnitude below {@code threshold} set to 0. */
  public static float[] prune(float[] weights, float threshold) {
    float[] out = weights.clone();
    for (int i = 0; i < out.length; i++) {
      if (Math.abs(out[i]) < threshold) {
        out[i] = 0f;
      }
    }
    return out;
  }
}
