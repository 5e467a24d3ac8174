package org.pruninglab.labkit.pictures;

import java.util.List;

/**
 * Test accuracy of one model pruned to increasing sparsities, without fine-tuning: the sensitivity
 * curve of seed 002.
 *
 * @param label what was pruned and how, e.g. "MLP, global magnitude"
 * @param points in increasing sparsity
 */
public record SparsityCurve(String label, List<Point> points) {

  public SparsityCurve {
    points = List.copyOf(points);
  }

  /**
   * @param sparsity fraction of prunable weights that are zero, 0 to 1
   * @param accuracy fraction of test images classified correctly, 0 to 1
   */
  public record Point(double sparsity, double accuracy) {}
}
