package org.pruninglab.labkit.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;

/**
 * torch.optim.Adadelta: s = ρ·s + (1-ρ)·g²; δ = √(a+eps)/√(s+eps) · g; a = ρ·a + (1-ρ)·δ²; w -=
 * lr·δ.
 */
final class Adadelta implements Optimizer {

  private final double rho;
  private final double eps;
  private final OptimizerState state = new OptimizerState();

  Adadelta(double rho, double eps) {
    this.rho = rho;
    this.eps = eps;
  }

  @Override
  public void step(Map<String, NDArray> parameters, double lr) {
    parameters.forEach(
        (name, w) -> {
          if (!w.hasGradient()) {
            return;
          }
          NDArray squares = state.zerosLike(name + ".square_avg", w);
          NDArray deltas = state.zerosLike(name + ".acc_delta", w);
          try (NDArray g = w.getGradient();
              NDArray g2 = g.mul(g).muli(1 - rho)) {
            squares.muli(rho).addi(g2);
            try (NDArray std = squares.add(eps).sqrt();
                NDArray delta = deltas.add(eps).sqrt().divi(std).muli(g);
                NDArray d2 = delta.mul(delta).muli(1 - rho);
                NDArray update = delta.mul(lr)) {
              deltas.muli(rho).addi(d2);
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
