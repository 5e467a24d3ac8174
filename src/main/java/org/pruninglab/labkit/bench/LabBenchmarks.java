package org.pruninglab.labkit.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.pruninglab.labkit.LabEngine;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.data.FashionMnist;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.model.Models;
import org.pruninglab.labkit.prune.Kthvalue;
import org.pruninglab.labkit.prune.MagnitudePruning;
import org.pruninglab.labkit.train.LearningRate;
import org.pruninglab.labkit.train.Optimizer;
import org.pruninglab.labkit.train.Training;

/** The benchmarks behind {@code docs/benchmarks.md}. */
public final class LabBenchmarks {

  private LabBenchmarks() {}

  /** One benchmark's times over {@code runs} runs, after warm-up. */
  public record Timing(
      String name, double medianMillis, double minMillis, double maxMillis, int runs) {}

  public static List<Timing> all(int reps, Random random) {
    List<Timing> out = new ArrayList<>();
    FashionMnist data = FashionMnist.load();
    out.add(trainingStep(ModelKind.MLP, 128, Optimizer.adam(), data, reps));
    out.add(trainingStep(ModelKind.CNN, 256, Optimizer.adadelta(), data, reps));
    out.add(trainingStep(ModelKind.VGG, 256, Optimizer.sgd(0.9, 1e-4), data, reps));
    out.add(kthvalue(10_000_000, random, reps));
    out.add(pruneTensor(new Shape(128, 9216), random, reps));
    return out;
  }

  /** One optimiser step (forward, backward, update) on one batch of real images. */
  static Timing trainingStep(
      ModelKind kind, int batchSize, Optimizer optimizer, FashionMnist data, int reps) {
    try (LabModel model = Models.create(kind, 0);
        optimizer) {
      Batches oneBatch =
          Batches.shuffled(
              data.train().first(batchSize), data.normalization(), batchSize, 0, Models.IMAGE);
      Training training =
          Training.builder()
              .setModel(model)
              .setOptimizer(optimizer)
              .optLearningRate(LearningRate.constant(1e-3))
              .build();
      training.fit(oneBatch, 3, null); // warm-up
      double[] t = new double[reps];
      for (int i = 0; i < reps; i++) {
        long start = System.nanoTime();
        training.fit(oneBatch, 1, null);
        t[i] = (System.nanoTime() - start) / 1e6;
      }
      return timing(
          "training step, " + kind.name().toLowerCase(Locale.ROOT) + ", batch " + batchSize, t);
    }
  }

  /** The k-th smallest of n random floats (k = 0.9·n), our quickselect on a fresh copy each run. */
  static Timing kthvalue(int n, Random random, int reps) {
    float[] values = new float[n];
    for (int i = 0; i < n; i++) {
      values[i] = (float) random.nextGaussian();
    }
    float[] work = new float[n];
    int k = (int) Math.rint(0.9 * n);
    System.arraycopy(values, 0, work, 0, n);
    Kthvalue.select(work, n, k);
    double[] t = new double[reps];
    for (int i = 0; i < reps; i++) {
      System.arraycopy(values, 0, work, 0, n); // outside the timed region
      long start = System.nanoTime();
      Kthvalue.select(work, n, k);
      t[i] = (System.nanoTime() - start) / 1e6;
    }
    return timing("kthvalue threshold, 10^7 floats (k = 0.9 n)", t);
  }

  /** Fine-grained pruning of one tensor (abs, kthvalue, mask, multiply), a fresh copy each run. */
  static Timing pruneTensor(Shape shape, Random random, int reps) {
    try (NDManager m = NDManager.newBaseManager(LabEngine.device())) {
      float[] values = new float[Math.toIntExact(shape.size())];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) random.nextGaussian() * 0.02f;
      }
      NDArray original = m.create(values, shape);
      double[] t = new double[reps + 1];
      for (int i = 0; i <= reps; i++) {
        try (NDManager run = m.newSubManager()) {
          NDArray copy = original.duplicate();
          copy.attach(run);
          long start = System.nanoTime();
          MagnitudePruning.pruneTensor(copy, 0.9).attach(run);
          t[i] = (System.nanoTime() - start) / 1e6;
        }
      }
      return timing(
          "fine-grained prune of a 128x9216 tensor at 90 %", Arrays.copyOfRange(t, 1, t.length));
    }
  }

  private static Timing timing(String name, double[] millis) {
    double[] sorted = millis.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return new Timing(name, median, sorted[0], sorted[n - 1], n);
  }
}
