package org.pruninglab.labkit.pictures;

import java.util.Arrays;
import java.util.List;

/**
 * The kernels of a convolution layer as seed 001's {@code visualize_weights} shows them: for every
 * output channel, its kernel on input channel 0, colour from the magnitude and the signed value
 * written in the cell.
 *
 * @param layer parameter name, e.g. {@code conv1.weight}
 * @param kernels one per output channel, in channel order
 */
public record KernelMaps(String layer, List<Kernel> kernels) {

  public KernelMaps {
    kernels = List.copyOf(kernels);
  }

  /** The largest magnitude over all kernels, the top of a shared colour scale. */
  public float maxMagnitude() {
    float max = 0;
    for (Kernel k : kernels) {
      for (float v : k.values) {
        max = Math.max(max, Math.abs(v));
      }
    }
    return max;
  }

  /**
   * One kernel: {@code rows × columns} signed weights, row-major.
   *
   * @param channel output channel index, from 0
   */
  public record Kernel(int channel, int rows, int columns, float[] values) {

    public Kernel {
      if (values.length != rows * columns) {
        throw new IllegalArgumentException("a kernel needs rows × columns values");
      }
      values = values.clone();
    }

    public float value(int row, int column) {
      return values[row * columns + column];
    }

    public float magnitude(int row, int column) {
      return Math.abs(value(row, column));
    }

    @Override
    public float[] values() {
      return values.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Kernel k
          && channel == k.channel
          && rows == k.rows
          && columns == k.columns
          && Arrays.equals(values, k.values);
    }

    @Override
    public int hashCode() {
      return channel * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
      return "Kernel[" + channel + ", " + rows + "×" + columns + "]";
    }
  }
}
