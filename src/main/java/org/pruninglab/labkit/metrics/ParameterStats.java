package org.pruninglab.labkit.metrics;

import java.util.List;

/**
 * One parameter tensor's counts.
 *
 * @param shape the tensor's dimensions
 * @param prunable rank > 1 (conv and linear weights); biases and BatchNorm are never pruned
 */
public record ParameterStats(
    String name, List<Long> shape, long count, long nonzero, boolean prunable) {

  public ParameterStats {
    shape = List.copyOf(shape);
    if (nonzero < 0 || nonzero > count) {
      throw new IllegalArgumentException("nonzero must be in 0.." + count);
    }
  }

  /** Fraction of zeros, in [0, 1]. */
  public double sparsity() {
    return count == 0 ? 0 : 1.0 - (double) nonzero / count;
  }
}
