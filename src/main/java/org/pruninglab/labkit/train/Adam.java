package org.pruninglab.labkit.train;

import ai.djl.ndarray.NDArray;
import java.util.HashMap;
import java.util.Map;

/**
 * torch.optim.Adam: m = β1·m + (1-β1)·g; v = β2·v + (1-β2)·g²; w -= lr/(1-β1^t) · m / (√v/√(1-β2^t)
 * + eps).
 */
final class Adam implements Optimizer {

  private final double beta1;
  private final double beta2;
  private final double eps;
  private final OptimizerState state = new OptimizerState();
  private final Map<String, Integer> steps = new HashMap<>();

  Adam(double beta1, double beta2, double eps) {
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
  }

  @Override
  public void step(Map<String, NDArray> parameters, double lr) {
    parameters.forEach(
        (name, w) -> {
          if (!w.hasGradient()) {
            return;
          }
          int t = steps.merge(name, 1, Integer::sum);
          NDArray m = state.zerosLike(name + ".m", w);
          NDArray v = state.zerosLike(name + ".v", w);
          try (NDArray g = w.getGradient();
              NDArray g1 = g.mul(1 - beta1);
              NDArray g2 = g.mul(g).muli(1 - beta2)) {
            m.muli(beta1).addi(g1);
            v.muli(beta2).addi(g2);
          }
          double correction1 = 1 - Math.pow(beta1, t);
          double correction2 = 1 - Math.pow(beta2, t);
          try (NDArray denom = v.sqrt().divi(Math.sqrt(correction2)).addi(eps);
              NDArray update = m.div(denom).muli(lr / correction1)) {
            w.subi(update);
          }
        });
  }

  @Override
  public void close() {
    state.close();
  }
}
