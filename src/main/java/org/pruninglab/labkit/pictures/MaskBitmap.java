package org.pruninglab.labkit.pictures;

import java.util.Arrays;

/**
 * Which weights of a layer survive, as a grid: rows are output units (filters), columns the
 * flattened inputs. A large layer is shown in blocks; each cell holds the fraction of its block's
 * weights that are nonzero (1.0 dense, 0.0 fully pruned), so a 128 × 9216 fc1 still fits a screen.
 *
 * @param layer parameter name
 * @param rows rows of the weight matrix (the first dimension)
 * @param columns columns of the weight matrix (all other dimensions flattened)
 * @param blockRows weight rows per cell
 * @param blockColumns weight columns per cell
 * @param density fraction of nonzero weights per cell, row-major, {@code cellRows × cellColumns}
 */
public record MaskBitmap(
    String layer, int rows, int columns, int blockRows, int blockColumns, float[] density) {

  public MaskBitmap {
    density = density.clone();
    if (density.length != ceil(rows, blockRows) * ceil(columns, blockColumns)) {
      throw new IllegalArgumentException("density has the wrong number of cells");
    }
  }

  public int cellRows() {
    return ceil(rows, blockRows);
  }

  public int cellColumns() {
    return ceil(columns, blockColumns);
  }

  public float density(int cellRow, int cellColumn) {
    return density[cellRow * cellColumns() + cellColumn];
  }

  @Override
  public float[] density() {
    return density.clone();
  }

  private static int ceil(int a, int b) {
    return (a + b - 1) / b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MaskBitmap m
        && layer.equals(m.layer)
        && rows == m.rows
        && columns == m.columns
        && blockRows == m.blockRows
        && blockColumns == m.blockColumns
        && Arrays.equals(density, m.density);
  }

  @Override
  public int hashCode() {
    return layer.hashCode() * 31 + Arrays.hashCode(density);
  }

  @Override
  public String toString() {
    return "MaskBitmap[" + layer + ", " + cellRows() + "×" + cellColumns() + " cells]";
  }
}
