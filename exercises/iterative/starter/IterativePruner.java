package lab;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Map;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.train.AfterStepHook;

/**
 * Iterative magnitude pruning: several global rounds, each counted against the weights that are
 * still there, with a masked fine-tune after every round. Read the statement first.
 */
public final class IterativePruner {

  /**
   * The fine-tune between rounds, written by the caller (the tests choose its budget). Keep this
   * interface as it is.
   */
  @FunctionalInterface
  public interface FineTune {
    /**
     * @param model the model, pruned by the round just done
     * @param keepMasks re-applies this round's masks; the caller's training loop runs it after
     *     every optimiser step
     * @param round 1 for the first round
     */
    void fineTune(LabModel model, AfterStepHook keepMasks, int round);
  }

  private IterativePruner() {}

  /** p = 1 − (1 − s)^(1/R): the rate per round that reaches sparsity s after R rounds. */
  public static double perRoundRate(double target, int rounds) {
    throw new UnsupportedOperationException("perRoundRate is not written yet");
  }

  /**
   * One global round: prunes rint(rate · S) of the S surviving (nonzero) weights, the smallest
   * |w| of all tensors together, in place. Returns the new masks by name (true = kept).
   */
  public static Map<String, NDArray> pruneRound(Map<String, NDArray> weights, double rate) {
    throw new UnsupportedOperationException("pruneRound is not written yet");
  }

  /**
   * One step of a cumulative schedule: afterwards rint(N · target) of all N weights are zero
   * (tie-free). Returns the new masks by name (true = kept).
   */
  public static Map<String, NDArray> pruneToTarget(Map<String, NDArray> weights, double target) {
    throw new UnsupportedOperationException("pruneToTarget is not written yet");
  }

  /**
   * R rounds at the per-round rate to reach {@code target}, each followed by {@code fineTune}.
   * Returns how many weights each round pruned.
   */
  public static List<Long> run(LabModel model, double target, int rounds, FineTune fineTune) {
    throw new UnsupportedOperationException("run is not written yet");
  }

  /**
   * One step per cumulative target (fractions of all prunable weights, e.g. 0.1, 0.2, …, 0.8),
   * each followed by {@code fineTune}. Returns how many weights each step pruned.
   */
  public static List<Long> runSchedule(LabModel model, double[] targets, FineTune fineTune) {
    throw new UnsupportedOperationException("runSchedule is not written yet");
  }
}
