package org.pruninglab.labkit.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * Updates parameters from their gradients with the formulas of {@code torch.optim}, so that the
 * lab's training matches PyTorch's step for step. State (momentum, moments) is kept per parameter
 * name and lives in the parameters' manager.
 */
public interface Optimizer extends AutoCloseable {

  /**
   * One step: every parameter in {@code parameters} that has a gradient is updated in place with
   * learning rate {@code lr}. Gradients are not cleared here.
   */
  void step(Map<String, NDArray> parameters, double lr);

  /** Frees the optimiser's state. */
  @Override
  void close();

  /** {@code torch.optim.SGD(momentum, weight_decay)}, dampening 0, no Nesterov. */
  static Optimizer sgd(double momentum, double weightDecay) {
    return new Sgd(momentum, weightDecay);
  }

  /** {@code torch.optim.Adam()} with betas (0.9, 0.999), eps 1e-8, no weight decay. */
  static Optimizer adam() {
    return new Adam(0.9, 0.999, 1e-8);
  }

  /** {@code torch.optim.Adadelta()} with rho 0.9, eps 1e-6. */
  static Optimizer adadelta() {
    return new Adadelta(0.9, 1e-6);
  }
}
