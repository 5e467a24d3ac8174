package org.pruninglab.labkit.train;

/** A learning rate per epoch (0-based), as PyTorch's schedulers stepped once per epoch give. */
@FunctionalInterface
public interface LearningRate {

  double at(int epoch);

  static LearningRate constant(double lr) {
    return epoch -> lr;
  }

  /** StepLR: {@code lr · gamma^(epoch / stepSize)}. */
  static LearningRate step(double lr, int stepSize, double gamma) {
    return epoch -> lr * Math.pow(gamma, Math.floorDiv(epoch, stepSize));
  }

  /** CosineAnnealingLR: {@code etaMin + (lr - etaMin)(1 + cos(π·epoch/tMax))/2}. */
  static LearningRate cosine(double lr, int tMax, double etaMin) {
    return epoch -> etaMin + (lr - etaMin) * (1 + Math.cos(Math.PI * epoch / tMax)) / 2;
  }
}
