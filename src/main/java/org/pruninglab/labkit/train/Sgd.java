package org.pruninglab.labkit.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/** torch.optim.SGD: g += wd·w; buf = g (first step) or momentum·buf + g; w -= lr·buf. */
final class Sgd implements Optimizer {

  private final double momentum;
  private final double weightDecay;
  private final OptimizerState state = new OptimizerState();

  Sgd(double momentum, double weightDecay) {
    if (momentum < 0 || weightDecay < 0) {
      throw new IllegalArgumentException("momentum and weight decay must be >= 0");
    }
    this.momentum = momentum;
    this.weightDecay = weightDecay;
  }

  @Override
  public void step(Map<String, NDArray> parameters, double lr) {
    parameters.forEach(
        (name, w) -> {
          if (!w.hasGradient()) {
            return;
          }
          try (NDArray grad = w.getGradient();
              NDArray g = weightDecay == 0 ? grad.duplicate() : grad.add(w.mul(weightDecay))) {
            if (momentum == 0) {
              w.subi(g.muli(lr));
              return;
            }
            boolean first = !state.has(name);
            NDArray buf = state.zerosLike(name, w);
            if (first) {
              buf.addi(g);
            } else {
              buf.muli(momentum).addi(g);
            }
            try (NDArray update = buf.mul(lr)) {
              w.subi(update);
            }
          }
        });
  }

  @Override
  public void close() {
    state.close();
  }
}
