package lab;

import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.train.AfterStepHook;

/**
 * Gradual magnitude pruning during training: the sparsity grows along a cubic schedule, the masks
 * are recomputed every {@code frequency} steps and re-applied after every other step. The training
 * loop calls {@link #afterStep} after each optimiser step. Read the statement first.
 */
public final class GradualPruner implements AfterStepHook {

  /**
   * @param model the model being trained; its prunable weights are {@code model.prunableWeights()}
   * @param initialSparsity s_i, the sparsity before {@code begin}
   * @param finalSparsity s_f, the sparsity from {@code end} on
   * @param begin the first pruning step
   * @param end the last pruning step
   * @param frequency steps between two pruning steps
   * @throws IllegalArgumentException unless 0 ≤ s_i ≤ s_f ≤ 1, 0 ≤ begin < end and frequency ≥ 1
   */
  public GradualPruner(
      LabModel model,
      double initialSparsity,
      double finalSparsity,
      long begin,
      long end,
      long frequency) {
    // Make here every array that must outlive one training step (see the statement).
    throw new UnsupportedOperationException("the constructor is not written yet");
  }

  /** s(t): s_i before {@code begin}, s_f from {@code end} on, the cubic schedule in between. */
  public double sparsityAt(long t) {
    throw new UnsupportedOperationException("sparsityAt is not written yet");
  }

  /** Whether the masks are recomputed at step t: begin, begin + frequency, …, and end. */
  public boolean isPruningStep(long t) {
    throw new UnsupportedOperationException("isPruningStep is not written yet");
  }

  /**
   * Runs after optimiser step {@code step} (1 after the first step): at a pruning step, new masks
   * per tensor at s(step); at any other step, the current masks re-applied.
   */
  @Override
  public void afterStep(LabModel model, long step) {
    throw new UnsupportedOperationException("afterStep is not written yet");
  }
}
