package org.pruninglab.labkit.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.model.LabModel;

/** Accuracy of a model on a set of images, in inference mode (no dropout, BatchNorm frozen). */
public final class Evaluation {

  private Evaluation() {}

  /** The fraction of images whose highest-scoring class is their label, in [0, 1]. */
  public static double accuracy(LabModel model, Batches batches) {
    long[] correct = {0};
    batches.forEach(
        0,
        model.manager(),
        (x, y) -> {
          try (NDScope scope = new NDScope()) {
            NDArray predicted = model.forward(x, false).argMax(1).toType(y.getDataType(), false);
            correct[0] += predicted.eq(y).sum().getLong();
          }
        });
    return correct[0] / (double) batches.images();
  }
}
