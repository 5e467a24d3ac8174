package org.pruninglab.labkit.train;

/**
 * Where a training run is.
 *
 * @param epoch 1-based
 * @param batch 1-based, within the epoch
 * @param meanLoss mean training loss of the epoch so far
 * @param imagesPerSecond training throughput of the epoch so far
 */
public record Progress(
    int epoch, int epochs, int batch, int batches, double meanLoss, double imagesPerSecond) {}
