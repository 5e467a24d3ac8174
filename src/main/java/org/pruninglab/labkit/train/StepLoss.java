package org.pruninglab.labkit.train;

import ai.djl.ndarray.NDArray;

/**
 * The loss a training step minimises, in place of the default cross-entropy: the place for a
 * distillation loss, which needs the step's images to ask a teacher. It runs inside the step's
 * gradient recording, so the scalar it returns must be computed from {@code output} with NDArray
 * operations (an array made from Java numbers carries no gradient).
 */
@FunctionalInterface
public interface StepLoss {

  /**
   * @param images the step's batch {@code [n, 1, 28, 28]}
   * @param labels the batch's class indices {@code [n]}
   * @param output the model's forward pass of {@code images} in training mode, {@code [n, 10]}
   *     (log-probabilities for a model that ends in log-softmax, else logits)
   * @return the step's loss, one number (a scalar array)
   */
  NDArray loss(NDArray images, NDArray labels, NDArray output);
}
