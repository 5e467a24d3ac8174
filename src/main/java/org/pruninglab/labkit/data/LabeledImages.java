package org.pruninglab.labkit.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Grey-scale images with a class label each, as read from the data set: pixels are unsigned bytes,
 * row-major, one image after the other. Immutable; subsets copy.
 */
public final class LabeledImages {

  private final int rows;
  private final int cols;
  private final byte[] pixels;
  private final byte[] labels;

  /**
   * Images from raw bytes: {@code labels.length} images of {@code rows × cols} unsigned pixels,
   * row-major (as the idx files hold them). The arrays are copied.
   */
  public static LabeledImages of(int rows, int cols, byte[] pixels, byte[] labels) {
    return new LabeledImages(rows, cols, pixels.clone(), labels.clone());
  }

  /** The raw unsigned pixels, row-major, image after image (a copy). */
  public byte[] pixelBytes() {
    return pixels.clone();
  }

  /** The labels, one byte per image (a copy). */
  public byte[] labelBytes() {
    return labels.clone();
  }

  LabeledImages(int rows, int cols, byte[] pixels, byte[] labels) {
    if (rows <= 0 || cols <= 0) {
      throw new IllegalArgumentException("image size must be positive");
    }
    if (pixels.length != labels.length * rows * cols) {
      throw new IllegalArgumentException(
          labels.length + " labels but " + pixels.length + " pixels for " + rows + "x" + cols);
    }
    this.rows = rows;
    this.cols = cols;
    this.pixels = pixels;
    this.labels = labels;
  }

  public int size() {
    return labels.length;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  public int pixelsPerImage() {
    return rows * cols;
  }

  /** The label of image {@code i}, 0..9. */
  public int label(int i) {
    return labels[i] & 0xff;
  }

  /** Pixel {@code p} (row-major) of image {@code i}, 0..255. */
  public int pixel(int i, int p) {
    return pixels[i * rows * cols + p] & 0xff;
  }

  /** How many images carry each label 0..9 (more if the data has more classes). */
  public int[] labelHistogram() {
    int max = 0;
    for (byte b : labels) {
      max = Math.max(max, b & 0xff);
    }
    int[] counts = new int[Math.max(10, max + 1)];
    for (byte b : labels) {
      counts[b & 0xff]++;
    }
    return counts;
  }

  /** The first {@code n} images of each class, in data-set order: a small, balanced subset. */
  public LabeledImages firstPerClass(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    int[] taken = new int[labelHistogram().length];
    int[] chosen = new int[size()];
    int count = 0;
    for (int i = 0; i < size(); i++) {
      if (taken[label(i)]++ < n) {
        chosen[count++] = i;
      }
    }
    return select(Arrays.copyOf(chosen, count));
  }

  /** The first {@code n} images. */
  public LabeledImages first(int n) {
    int[] idx = new int[Math.min(n, size())];
    Arrays.setAll(idx, i -> i);
    return select(idx);
  }

  /** The images at {@code indices}, in that order. */
  public LabeledImages select(int[] indices) {
    int per = rows * cols;
    byte[] p = new byte[indices.length * per];
    byte[] l = new byte[indices.length];
    for (int j = 0; j < indices.length; j++) {
      int i = Objects.checkIndex(indices[j], size());
      System.arraycopy(pixels, i * per, p, j * per, per);
      l[j] = labels[i];
    }
    return new LabeledImages(rows, cols, p, l);
  }

  /**
   * Writes images {@code indices} into {@code out}, normalised as {@code (x/255 - mean)/std}, and
   * their labels into {@code outLabels}.
   */
  void copyNormalised(
      int[] indices, int from, int count, Normalization norm, float[] out, float[] outLabels) {
    int per = rows * cols;
    float scale = (float) (1.0 / 255.0);
    float mean = (float) norm.mean();
    float std = (float) norm.std();
    for (int j = 0; j < count; j++) {
      int i = indices[from + j];
      int src = i * per;
      int dst = j * per;
      for (int p = 0; p < per; p++) {
        out[dst + p] = ((pixels[src + p] & 0xff) * scale - mean) / std;
      }
      outLabels[j] = labels[i] & 0xff;
    }
  }

  /** Mean and population standard deviation of all pixels scaled to [0, 1]. */
  public Normalization pixelStatistics() {
    long sum = 0;
    long sumSquares = 0;
    for (byte b : pixels) {
      int v = b & 0xff;
      sum += v;
      sumSquares += (long) v * v;
    }
    double n = pixels.length;
    double mean = sum / n;
    double variance = sumSquares / n - mean * mean;
    return new Normalization(mean / 255.0, Math.sqrt(Math.max(0, variance)) / 255.0);
  }
}
