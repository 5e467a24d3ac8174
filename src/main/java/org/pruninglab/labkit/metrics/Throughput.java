package org.pruninglab.labkit.metrics;

/**
 * Inference speed.
 *
 * @param medianSeconds the median time of one pass over all images
 */
public record Throughput(int images, int batchSize, double medianSeconds) {

  public double imagesPerSecond() {
    return images / medianSeconds;
  }

  /** Mean latency of one batch in milliseconds. */
  public double batchLatencyMillis() {
    double batches = Math.ceil(images / (double) batchSize);
    return medianSeconds * 1000 / batches;
  }
}
