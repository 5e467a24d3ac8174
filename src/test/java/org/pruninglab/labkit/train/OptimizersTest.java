package org.pruninglab.labkit.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pruninglab.labkit.LabEngine;

/**
 * Each optimiser against torch.optim's formulas computed by hand in double precision, on a
 * two-element parameter whose loss is {@code c·w + ½·w²} (gradient {@code c + w}).
 */
class OptimizersTest {

  private static final double[] C = {0.5, -2.0};
  private static final double[] W0 = {1.0, 0.25};

  @Test
  void sgd_with_momentum_and_weight_decay_matches_torch() {
    double lr = 0.1, momentum = 0.9, wd = 0.01;
    double[] w = W0.clone();
    double[] buf = new double[2];
    for (int t = 0; t < 3; t++) {
      for (int i = 0; i < 2; i++) {
        double g = C[i] + w[i] + wd * w[i];
        buf[i] = t == 0 ? g : momentum * buf[i] + g;
        w[i] -= lr * buf[i];
      }
    }
    assertThat(run(Optimizer.sgd(momentum, wd), lr, 3)).containsExactly(w, within(1e-6));
  }

  @Test
  void adam_matches_torch() {
    double lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8;
    double[] w = W0.clone();
    double[] m = new double[2];
    double[] v = new double[2];
    for (int t = 1; t <= 3; t++) {
      for (int i = 0; i < 2; i++) {
        double g = C[i] + w[i];
        m[i] = b1 * m[i] + (1 - b1) * g;
        v[i] = b2 * v[i] + (1 - b2) * g * g;
        double denom = Math.sqrt(v[i]) / Math.sqrt(1 - Math.pow(b2, t)) + eps;
        w[i] -= lr / (1 - Math.pow(b1, t)) * m[i] / denom;
      }
    }
    assertThat(run(Optimizer.adam(), lr, 3)).containsExactly(w, within(1e-6));
  }

  @Test
  void adadelta_matches_torch() {
    double lr = 1.0, rho = 0.9, eps = 1e-6;
    double[] w = W0.clone();
    double[] sq = new double[2];
    double[] acc = new double[2];
    for (int t = 0; t < 3; t++) {
      for (int i = 0; i < 2; i++) {
        double g = C[i] + w[i];
        sq[i] = rho * sq[i] + (1 - rho) * g * g;
        double delta = Math.sqrt(acc[i] + eps) / Math.sqrt(sq[i] + eps) * g;
        acc[i] = rho * acc[i] + (1 - rho) * delta * delta;
        w[i] -= lr * delta;
      }
    }
    assertThat(run(Optimizer.adadelta(), lr, 3)).containsExactly(w, within(1e-6));
  }

  @Test
  void step_and_cosine_schedules_follow_torch() {
    LearningRate step = LearningRate.step(1.0, 1, 0.7);
    assertThat(step.at(2)).isCloseTo(0.49, within(1e-12));
    LearningRate cosine = LearningRate.cosine(0.1, 2, 0);
    assertThat(cosine.at(0)).isCloseTo(0.1, within(1e-12));
    assertThat(cosine.at(1)).isCloseTo(0.05, within(1e-12));
  }

  private static double[] run(Optimizer optimizer, double lr, int steps) {
    Engine engine = LabEngine.engine();
    try (NDManager m = NDManager.newBaseManager(LabEngine.device());
        optimizer) {
      NDArray w = m.create(new float[] {(float) W0[0], (float) W0[1]});
      NDArray c = m.create(new float[] {(float) C[0], (float) C[1]});
      w.setRequiresGradient(true);
      for (int t = 0; t < steps; t++) {
        try (GradientCollector collector = engine.newGradientCollector()) {
          NDArray loss = c.mul(w).add(w.mul(w).mul(0.5)).sum();
          collector.backward(loss);
        }
        optimizer.step(Map.of("w", w), lr);
        JniUtils.zeroGrad((PtNDArray) w);
      }
      float[] out = w.toFloatArray();
      return new double[] {out[0], out[1]};
    }
  }
}
