package org.pruninglab.labkit.pictures;

import java.util.Arrays;

/**
 * Counts of a layer's weights in equal-width bins over [min, max].
 *
 * @param layer parameter name, e.g. {@code fc1.weight}
 * @param edges bin edges, one more than there are bins
 * @param counts weights per bin; the last bin includes its right edge
 * @param zeros how many weights are exactly 0.0 (pruned weights show up here)
 */
public record Histogram(String layer, double[] edges, long[] counts, long zeros) {

  public Histogram {
    if (edges.length != counts.length + 1) {
      throw new IllegalArgumentException(
          "a histogram needs one more edge than bins, got "
              + edges.length
              + " edges for "
              + counts.length
              + " bins");
    }
    edges = edges.clone();
    counts = counts.clone();
  }

  public long total() {
    return Arrays.stream(counts).sum();
  }

  public int bins() {
    return counts.length;
  }

  @Override
  public double[] edges() {
    return edges.clone();
  }

  @Override
  public long[] counts() {
    return counts.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Histogram h
        && layer.equals(h.layer)
        && Arrays.equals(edges, h.edges)
        && Arrays.equals(counts, h.counts)
        && zeros == h.zeros;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * layer.hashCode() + Arrays.hashCode(edges)) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "Histogram[" + layer + ", " + bins() + " bins, " + total() + " weights]";
  }
}
