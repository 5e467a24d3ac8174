package org.pruninglab.labkit.train;

import org.pruninglab.labkit.model.LabModel;

/**
 * Runs after every optimiser step, with the updated weights: the place to re-apply pruning masks.
 * (DJL's TrainingListener.onTrainingBatch runs before the step and would be one step late.)
 */
@FunctionalInterface
public interface AfterStepHook {

  void afterStep(LabModel model, long step);
}
