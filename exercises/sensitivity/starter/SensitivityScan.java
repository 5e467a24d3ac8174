package lab;

import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.pruninglab.labkit.model.LabModel;

/**
 * The per-layer sensitivity scan of MIT 6.5940 Lab 1 (Q4–Q5) and a chooser of per-layer
 * sparsities. Read the statement first: the scan's restore and the chooser's boundary are graded
 * exactly.
 */
public final class SensitivityScan {

  private SensitivityScan() {}

  /** The default grid of sparsities: 0.4, 0.5, 0.6, 0.7, 0.8, 0.9 (a new array each call). */
  public static double[] grid() {
    throw new UnsupportedOperationException("grid is not written yet");
  }

  /**
   * For each prunable parameter of {@code model} in order, and each sparsity in the given order:
   * prunes only that parameter (kthvalue rule), calls {@code evaluator} once, and restores the
   * parameter bit for bit.
   *
   * @return per prunable parameter name, in the model's order, the evaluator's results in the
   *     order of {@code sparsities}
   */
  public static Map<String, double[]> scan(
      LabModel model, double[] sparsities, ToDoubleFunction<LabModel> evaluator) {
    throw new UnsupportedOperationException("scan is not written yet");
  }

  /**
   * Per parameter of {@code scan}, in its order: the largest of {@code sparsities} whose accuracy
   * is at least {@code denseAccuracy - maxDrop}, or 0.0 when none is.
   */
  public static Map<String, Double> choose(
      Map<String, double[]> scan, double[] sparsities, double denseAccuracy, double maxDrop) {
    throw new UnsupportedOperationException("choose is not written yet");
  }
}
