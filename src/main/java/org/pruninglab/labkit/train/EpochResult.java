package org.pruninglab.labkit.train;

/**
 * One finished epoch.
 *
 * @param epoch 1-based
 * @param testAccuracy accuracy on the evaluation set after the epoch, or NaN if none was given
 */
public record EpochResult(
    int epoch, double learningRate, double meanLoss, double seconds, double testAccuracy) {}
