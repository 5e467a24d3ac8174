package org.pruninglab.labkit.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.nio.FloatBuffer;
import java.util.Random;

/**
 * Normalised mini-batches of a set of images, reshuffled every epoch in an order that depends only
 * on the seed and the epoch, so that a run with the same seed sees the same batches.
 */
public final class Batches {

  /**
   * What one batch gives its consumer: images {@code [n, ...imageShape]} and labels {@code [n]}.
   */
  @FunctionalInterface
  public interface Consumer {
    void accept(NDArray images, NDArray labels);
  }

  private final LabeledImages images;
  private final Normalization normalization;
  private final int batchSize;
  private final Long seed;
  private final Shape imageShape;

  private Batches(
      LabeledImages images, Normalization normalization, int batchSize, Long seed, Shape shape) {
    if (batchSize <= 0) {
      throw new IllegalArgumentException("batch size must be positive, was " + batchSize);
    }
    if (shape.size() != images.pixelsPerImage()) {
      throw new IllegalArgumentException(
          "image shape " + shape + " does not hold " + images.pixelsPerImage() + " pixels");
    }
    this.images = images;
    this.normalization = normalization;
    this.batchSize = batchSize;
    this.seed = seed;
    this.imageShape = shape;
  }

  /** Batches in a fresh random order each epoch, determined by {@code seed}. */
  public static Batches shuffled(
      LabeledImages images, Normalization norm, int batchSize, long seed, Shape imageShape) {
    return new Batches(images, norm, batchSize, seed, imageShape);
  }

  /** Batches in data-set order (evaluation). */
  public static Batches inOrder(
      LabeledImages images, Normalization norm, int batchSize, Shape imageShape) {
    return new Batches(images, norm, batchSize, null, imageShape);
  }

  public int count() {
    return (images.size() + batchSize - 1) / batchSize;
  }

  public int images() {
    return images.size();
  }

  public int batchSize() {
    return batchSize;
  }

  /** The image order of an epoch: a Fisher-Yates shuffle seeded by (seed, epoch). */
  public int[] order(int epoch) {
    int[] order = new int[images.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    if (seed != null) {
      Random random = new Random(seed * 1_000_003L + epoch);
      for (int i = order.length - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    return order;
  }

  /**
   * Hands every batch of {@code epoch} to {@code consumer}. Each batch's arrays live in a
   * sub-manager of {@code manager} that is closed when the consumer returns.
   */
  public void forEach(int epoch, NDManager manager, Consumer consumer) {
    int[] order = order(epoch);
    int per = images.pixelsPerImage();
    float[] pixels = new float[batchSize * per];
    float[] labels = new float[batchSize];
    for (int from = 0; from < order.length; from += batchSize) {
      int n = Math.min(batchSize, order.length - from);
      images.copyNormalised(order, from, n, normalization, pixels, labels);
      try (NDManager batch = manager.newSubManager()) {
        long[] dims = new long[imageShape.dimension() + 1];
        dims[0] = n;
        System.arraycopy(imageShape.getShape(), 0, dims, 1, imageShape.dimension());
        NDArray x = batch.create(FloatBuffer.wrap(pixels, 0, n * per), new Shape(dims));
        NDArray y = batch.create(FloatBuffer.wrap(labels, 0, n), new Shape(n));
        consumer.accept(x, y);
      }
    }
  }
}
