package org.pruninglab.labkit.data;

/**
 * Pixel normalisation {@code (x/255 - mean) / std}, as torchvision's ToTensor + Normalize.
 *
 * @param mean mean of the training pixels scaled to [0, 1]
 * @param std population standard deviation of the same
 */
public record Normalization(double mean, double std) {

  public Normalization {
    if (!(std > 0) || Double.isNaN(mean)) {
      throw new IllegalArgumentException("std must be > 0 and mean a number");
    }
  }
}
