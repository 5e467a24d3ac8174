package org.pruninglab.labkit.repro;

import java.util.List;
import org.pruninglab.labkit.train.EpochResult;

/**
 * What one pipeline measured. Accuracies are fractions in [0, 1]; NaN where not applicable.
 *
 * @param denseEpochs the pre-training epochs (empty when the dense model came from a checkpoint)
 * @param thresholdMillis median time of one pruning-threshold computation (kthvalue or global)
 */
public record PipelineResult(
    String name,
    double denseAccuracy,
    double prunedAccuracy,
    double fineTunedAccuracy,
    double prunableSparsity,
    double overallSparsity,
    long parametersDense,
    long parametersAfter,
    long nonzeroAfter,
    long macsDense,
    long macsAfter,
    List<EpochResult> denseEpochs,
    List<EpochResult> fineTuneEpochs,
    double inferenceDense,
    double inferenceAfter,
    double thresholdMillis,
    String device) {

  public PipelineResult {
    denseEpochs = List.copyOf(denseEpochs);
    fineTuneEpochs = List.copyOf(fineTuneEpochs);
  }

  /** Mean seconds of the pre-training epochs, NaN if none ran. */
  public double meanDenseEpochSeconds() {
    return denseEpochs.stream().mapToDouble(EpochResult::seconds).average().orElse(Double.NaN);
  }

  public double meanFineTuneEpochSeconds() {
    return fineTuneEpochs.stream().mapToDouble(EpochResult::seconds).average().orElse(Double.NaN);
  }
}
