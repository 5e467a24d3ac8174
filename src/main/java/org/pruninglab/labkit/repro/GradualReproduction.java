package org.pruninglab.labkit.repro;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.metrics.Metrics;
import org.pruninglab.labkit.metrics.ModelStats;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.prune.MagnitudePruning;
import org.pruninglab.labkit.prune.MaskedWeights;
import org.pruninglab.labkit.train.AfterStepHook;
import org.pruninglab.labkit.train.EpochResult;
import org.pruninglab.labkit.train.Evaluation;
import org.pruninglab.labkit.train.LearningRate;
import org.pruninglab.labkit.train.Optimizer;
import org.pruninglab.labkit.train.Training;

/**
 * The gradual exercise's pipeline (design/semantics.md §6): seed 001's pre-trained CNN, pruned per
 * tensor to 90 % at once and trained for one epoch with the masks re-applied, against the cubic
 * schedule from 0 to 90 % during one epoch of the same training (masked SGD 0.1, momentum 0.9, wd
 * 1e-4, cosine over the epoch, batch 256 — seed 001's fine-tune), masks recomputed every {@code
 * frequency} steps and reaching 90 % at three quarters of the epoch.
 */
public final class GradualReproduction {

  /** One pruning step of the gradual arm: the schedule's target and what the model holds. */
  public record Step(long step, double target, double sparsity, double accuracy) {}

  /**
   * One arm: its accuracies, its nonzero prunable weights at the end, and its training time
   * (pruning included, the test evaluations during the epoch excluded).
   */
  public record Arm(
      String name,
      double denseAccuracy,
      double accuracyPruned,
      double finalAccuracy,
      double prunableSparsity,
      long nonzeroPrunable,
      double seconds,
      List<Step> steps) {
    public Arm {
      steps = List.copyOf(steps);
    }
  }

  static final double TARGET = 0.9;

  private final Reproduction reproduction;
  private final ReproductionSettings settings;
  private final Consumer<String> log;

  public GradualReproduction(
      Reproduction reproduction, ReproductionSettings settings, Consumer<String> log) {
    this.reproduction = reproduction;
    this.settings = settings;
    this.log = log;
  }

  /** One-shot 90 % and one epoch, then gradual 0 → 90 % during one epoch, from the same CNN. */
  public List<Arm> compare() {
    return List.of(oneShot(), gradual());
  }

  public Arm oneShot() {
    try (LabModel cnn = reproduction.pretrained(ModelKind.CNN)) {
      double dense = Evaluation.accuracy(cnn, reproduction.testBatches());
      Map<String, NDArray> masks = new LinkedHashMap<>();
      cnn.prunableWeights()
          .forEach((name, w) -> masks.put(name, MagnitudePruning.pruneTensor(w, TARGET)));
      double pruned = Evaluation.accuracy(cnn, reproduction.testBatches());
      EpochResult epoch;
      try (MaskedWeights hook = new MaskedWeights(cnn, masks)) {
        epoch = trainOneEpoch(cnn, hook);
      }
      double fineTuned = Evaluation.accuracy(cnn, reproduction.testBatches());
      log(
          String.format(
              Locale.ROOT,
              "one-shot: %.2f %% pruned, %.2f %% after the epoch",
              100 * pruned,
              100 * fineTuned));
      return arm(
          "one-shot 90 %, 1 epoch", cnn, dense, pruned, fineTuned, epoch.seconds(), List.of());
    }
  }

  public Arm gradual() {
    try (LabModel cnn = reproduction.pretrained(ModelKind.CNN)) {
      double dense = Evaluation.accuracy(cnn, reproduction.testBatches());
      int steps = reproduction.trainBatches(256).count();
      long end = Math.max(1, Math.round(0.75 * steps));
      // A smoke run has a handful of steps per epoch: prune at each of them.
      long frequency = settings.smoke() ? 1 : 10;
      CubicSchedule schedule = new CubicSchedule(cnn, 0, TARGET, 0, end, frequency);
      EpochResult epoch;
      try (schedule) {
        epoch = trainOneEpoch(cnn, schedule);
      }
      double fineTuned = Evaluation.accuracy(cnn, reproduction.testBatches());
      log(String.format(Locale.ROOT, "gradual: %.2f %% after the epoch", 100 * fineTuned));
      return arm(
          String.format(
              Locale.ROOT, "gradual 0 → 90 %% by step %d of %d, every %d", end, steps, frequency),
          cnn,
          dense,
          Double.NaN,
          fineTuned,
          epoch.seconds() - schedule.evaluationSeconds,
          schedule.steps);
    }
  }

  private EpochResult trainOneEpoch(LabModel cnn, AfterStepHook hook) {
    try (Optimizer sgd = Optimizer.sgd(0.9, 1e-4)) {
      Batches batches = reproduction.trainBatches(256);
      return Training.builder()
          .setModel(cnn)
          .setOptimizer(sgd)
          .optLearningRate(LearningRate.cosine(0.1, 1, 0))
          .addAfterStepHook(hook)
          .optSeed(settings.seed())
          .build()
          .fitEpoch(batches, 0, 1, null);
    }
  }

  /**
   * Zhu &amp; Gupta's schedule, per tensor, as §6 grades it (the lab's own, not the student's
   * exercise): masks change only at pruning steps and are re-applied after every step. Every fifth
   * pruning step, and at {@code end}, the test accuracy is measured.
   */
  private final class CubicSchedule implements AfterStepHook, AutoCloseable {
    private final double initial;
    private final double target;
    private final long begin;
    private final long end;
    private final long frequency;
    private final Map<String, NDArray> factors = new LinkedHashMap<>();
    private final List<Step> steps = new ArrayList<>();
    // The measurements inside the epoch are not training time.
    private double evaluationSeconds;

    CubicSchedule(
        LabModel model, double initial, double target, long begin, long end, long frequency) {
      this.initial = initial;
      this.target = target;
      this.begin = begin;
      this.end = end;
      this.frequency = frequency;
      model
          .prunableWeights()
          .forEach(
              (name, w) -> {
                NDArray ones = w.onesLike();
                NDScope.unregister(ones);
                factors.put(name, ones);
              });
    }

    double sparsityAt(long t) {
      if (t < begin) {
        return initial;
      }
      if (t >= end) {
        return target;
      }
      double left = 1 - (double) (t - begin) / (end - begin);
      return target + (initial - target) * left * left * left;
    }

    boolean isPruningStep(long t) {
      return t >= begin && t <= end && ((t - begin) % frequency == 0 || t == end);
    }

    @Override
    public void afterStep(LabModel model, long step) {
      boolean pruning = isPruningStep(step);
      factors.forEach(
          (name, factor) -> {
            NDArray w = model.parameter(name);
            w.muli(factor);
            if (pruning) {
              NDArray mask = MagnitudePruning.pruneTensor(w, sparsityAt(step));
              factor.muli(mask.toType(w.getDataType(), false));
            }
          });
      if (pruning) {
        boolean measure = step == end || ((step - begin) / frequency) % 5 == 0;
        long start = System.nanoTime();
        double accuracy =
            measure ? Evaluation.accuracy(model, reproduction.testBatches()) : Double.NaN;
        evaluationSeconds += (System.nanoTime() - start) / 1e9;
        double sparsity = Metrics.stats(model).prunableSparsity();
        steps.add(new Step(step, sparsityAt(step), sparsity, accuracy));
        if (measure) {
          log(
              String.format(
                  Locale.ROOT,
                  "  step %d: target %.4f, sparsity %.4f, %.2f %%",
                  step,
                  sparsityAt(step),
                  sparsity,
                  100 * accuracy));
        }
      }
    }

    @Override
    public void close() {
      factors.values().forEach(NDArray::close);
    }
  }

  private Arm arm(
      String name,
      LabModel model,
      double dense,
      double pruned,
      double fineTuned,
      double seconds,
      List<Step> steps) {
    ModelStats stats = Metrics.stats(model);
    long prunable = 0;
    for (NDArray w : model.prunableWeights().values()) {
      prunable += w.size();
    }
    long nonzero = Math.round((1 - stats.prunableSparsity()) * prunable);
    return new Arm(
        name, dense, pruned, fineTuned, stats.prunableSparsity(), nonzero, seconds, steps);
  }

  private void log(String line) {
    log.accept(line);
  }

  /** The comparison as Markdown: one row per arm, then the gradual arm's schedule. */
  public static String markdown(List<Arm> arms) {
    StringBuilder md = new StringBuilder();
    md.append("| arm | dense | right after pruning | after the epoch | sparsity (prunable) |")
        .append(" nonzero prunable weights | epoch seconds |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (Arm arm : arms) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f %% | %s | %.2f %% | %.4f %% | %,d | %.1f |\n",
              arm.name(),
              100 * arm.denseAccuracy(),
              Double.isNaN(arm.accuracyPruned())
                  ? "—"
                  : String.format(Locale.ROOT, "%.2f %%", 100 * arm.accuracyPruned()),
              100 * arm.finalAccuracy(),
              100 * arm.prunableSparsity(),
              arm.nonzeroPrunable(),
              arm.seconds()));
    }
    for (Arm arm : arms) {
      if (arm.steps().isEmpty()) {
        continue;
      }
      md.append("\n| step | target s(t) | sparsity (prunable) | test accuracy |\n")
          .append("|---:|---:|---:|---:|\n");
      for (Step s : arm.steps()) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %d | %.4f %% | %.4f %% | %s |\n",
                s.step(),
                100 * s.target(),
                100 * s.sparsity(),
                Double.isNaN(s.accuracy())
                    ? ""
                    : String.format(Locale.ROOT, "%.2f %%", 100 * s.accuracy())));
      }
    }
    return md.toString();
  }
}
