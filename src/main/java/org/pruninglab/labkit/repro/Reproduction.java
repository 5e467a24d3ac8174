package org.pruninglab.labkit.repro;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.data.FashionMnist;
import org.pruninglab.labkit.data.LabeledImages;
import org.pruninglab.labkit.metrics.Metrics;
import org.pruninglab.labkit.metrics.ModelStats;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.model.Models;
import org.pruninglab.labkit.prune.FilterPruning;
import org.pruninglab.labkit.prune.MagnitudePruning;
import org.pruninglab.labkit.prune.MaskedWeights;
import org.pruninglab.labkit.train.EpochResult;
import org.pruninglab.labkit.train.Evaluation;
import org.pruninglab.labkit.train.LearningRate;
import org.pruninglab.labkit.train.Optimizer;
import org.pruninglab.labkit.train.Progress;
import org.pruninglab.labkit.train.Training;

/**
 * The three pipelines of the reproduction table: seed 000 (MLP, 90 % global magnitude pruning,
 * masked fine-tune), seed 001 (CNN, 90 % per-tensor kthvalue pruning, masked fine-tune) and seed
 * 004's filter pruning (50 % of the CNN's conv2 filters by L1 norm, 1 epoch fine-tune).
 */
public final class Reproduction {

  private final ReproductionSettings settings;
  private final Consumer<String> log;
  private final FashionMnist data = FashionMnist.load();
  private final Batches test;
  private final LabeledImages train;
  private final Set<Path> trainedThisRun = new HashSet<>();

  public Reproduction(ReproductionSettings settings, Consumer<String> log) {
    this.settings = settings;
    this.log = log;
    this.train =
        settings.perClass() > 0 ? data.train().firstPerClass(settings.perClass()) : data.train();
    LabeledImages testImages =
        settings.testPerClass() > 0
            ? data.test().firstPerClass(settings.testPerClass())
            : data.test();
    this.test = Batches.inOrder(testImages, data.normalization(), 1000, Models.IMAGE);
  }

  /**
   * The dense model of a seed, trained by that seed's recipe (or loaded from the checkpoint cache).
   * The caller closes it.
   */
  public LabModel pretrained(ModelKind kind) {
    LabModel model = Models.create(kind, settings.seed());
    try {
      pretrainBySeedRecipe(model, kind);
      return model;
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
  }

  /** Seed 000's and seed 001's pre-training recipes, written once for every pipeline. */
  private List<EpochResult> pretrainBySeedRecipe(LabModel model, ModelKind kind) {
    return switch (kind) {
      case MLP -> pretrained(model, 5, Optimizer.adam(), LearningRate.constant(1e-3), 128, false);
      case CNN ->
          pretrained(model, 5, Optimizer.adadelta(), LearningRate.step(1.0, 1, 0.7), 256, true);
      default ->
          throw new IllegalArgumentException("no seed recipe pre-trains the " + kind + " model");
    };
  }

  /** The test images of this run, in order, normalised with the training set's statistics. */
  public Batches testBatches() {
    return test;
  }

  /** Seed 000: MLP, Adam 1e-3 × 5 epochs; 90 % global pruning; masked Adam 1e-4 × 3 epochs. */
  public PipelineResult mlp() {
    try (LabModel mlp = Models.create(ModelKind.MLP, settings.seed())) {
      List<EpochResult> dense = pretrainBySeedRecipe(mlp, ModelKind.MLP);
      double denseAccuracy = Evaluation.accuracy(mlp, test);
      double inferenceDense = inference(mlp);

      Map<String, NDArray> weights = mlp.prunableWeights();
      double thresholdMillis =
          medianMillis(
              () -> {
                try (NDManager scratch = mlp.manager().newSubManager()) {
                  Map<String, NDArray> copies = new LinkedHashMap<>();
                  weights.forEach((n, w) -> copies.put(n, w.duplicate()));
                  copies.values().forEach(c -> c.attach(scratch));
                  MagnitudePruning.pruneGlobally(copies, 0.9)
                      .values()
                      .forEach(mm -> mm.attach(scratch));
                }
              });
      Map<String, NDArray> masks = MagnitudePruning.pruneGlobally(weights, 0.9);
      double prunedAccuracy = Evaluation.accuracy(mlp, test);
      List<EpochResult> fineTune;
      try (MaskedWeights hook = new MaskedWeights(mlp, masks);
          Optimizer adam = Optimizer.adam()) {
        fineTune =
            Training.builder()
                .setModel(mlp)
                .setOptimizer(adam)
                .optLearningRate(LearningRate.constant(1e-4))
                .addAfterStepHook(hook)
                .optSeed(settings.seed())
                .optProgress(this::progress, 100)
                .build()
                .fit(batches(128), settings.epochs(3), test);
      }
      log("mlp fine-tuned", fineTune);
      return masked(
          "MLP (seed 000)",
          mlp,
          denseAccuracy,
          prunedAccuracy,
          fineTune.get(fineTune.size() - 1).testAccuracy(),
          dense,
          fineTune,
          inferenceDense,
          thresholdMillis);
    }
  }

  /**
   * Seed 001: CNN, Adadelta lr 1 with StepLR(γ 0.7) × 5 epochs, best epoch kept; 90 % per-tensor
   * pruning of every rank > 1 parameter; masked SGD(0.1, momentum 0.9, wd 1e-4, cosine) × 2 epochs,
   * best epoch kept.
   */
  public PipelineResult cnn() {
    try (LabModel cnn = Models.create(ModelKind.CNN, settings.seed())) {
      List<EpochResult> dense = pretrainBySeedRecipe(cnn, ModelKind.CNN);
      double denseAccuracy = Evaluation.accuracy(cnn, test);
      double inferenceDense = inference(cnn);

      NDArray fc1 = cnn.parameter("fc1.weight");
      double thresholdMillis =
          medianMillis(
              () -> {
                try (NDManager scratch = cnn.manager().newSubManager()) {
                  NDArray copy = fc1.duplicate();
                  copy.attach(scratch);
                  long start = System.nanoTime();
                  MagnitudePruning.pruneTensor(copy, 0.9).attach(scratch);
                  return (System.nanoTime() - start) / 1e6;
                }
              },
              true);
      Map<String, NDArray> masks = new LinkedHashMap<>();
      cnn.prunableWeights()
          .forEach((name, w) -> masks.put(name, MagnitudePruning.pruneTensor(w, 0.9)));
      double prunedAccuracy = Evaluation.accuracy(cnn, test);
      List<EpochResult> fineTune;
      try (MaskedWeights hook = new MaskedWeights(cnn, masks);
          Optimizer sgd = Optimizer.sgd(0.9, 1e-4)) {
        int epochs = settings.epochs(2);
        fineTune =
            trainKeepingBest(
                cnn,
                Training.builder()
                    .setModel(cnn)
                    .setOptimizer(sgd)
                    .optLearningRate(LearningRate.cosine(0.1, epochs, 0))
                    .addAfterStepHook(hook)
                    .optSeed(settings.seed())
                    .optProgress(this::progress, 50)
                    .build(),
                batches(256),
                epochs);
      }
      log("cnn fine-tuned", fineTune);
      return masked(
          "CNN (seed 001)",
          cnn,
          denseAccuracy,
          prunedAccuracy,
          Evaluation.accuracy(cnn, test),
          dense,
          fineTune,
          inferenceDense,
          thresholdMillis);
    }
  }

  /**
   * Seed 004's structured step on the dense CNN: 50 % of conv2's filters by L1 norm, fc1 shrunk to
   * the kept channels, 1 epoch of SGD(1e-3, momentum 0.9, wd 1e-4) — recipe A.
   */
  public PipelineResult filterPruning() {
    try (LabModel cnn = Models.create(ModelKind.CNN, settings.seed())) {
      pretrainBySeedRecipe(cnn, ModelKind.CNN);
      double denseAccuracy = Evaluation.accuracy(cnn, test);
      ModelStats denseStats = Metrics.stats(cnn);
      double inferenceDense = inference(cnn);
      long macsDense = Metrics.macs(cnn);
      FilterPruning.Result result = FilterPruning.prune(cnn, "conv2", 0.5);
      try (LabModel pruned = result.model();
          Optimizer sgd = Optimizer.sgd(0.9, 1e-4)) {
        log.accept("kept conv2 filters: " + Arrays.toString(result.keptFilters()));
        double prunedAccuracy = Evaluation.accuracy(pruned, test);
        List<EpochResult> fineTune =
            Training.builder()
                .setModel(pruned)
                .setOptimizer(sgd)
                .optLearningRate(LearningRate.cosine(1e-3, 1, 0))
                .optSeed(settings.seed())
                .optProgress(this::progress, 50)
                .build()
                .fit(batches(256), 1, test);
        log("filter-pruned fine-tuned", fineTune);
        ModelStats stats = Metrics.stats(pruned);
        return new PipelineResult(
            "CNN conv2 filters −50 % (seed 004)",
            denseAccuracy,
            prunedAccuracy,
            fineTune.get(0).testAccuracy(),
            stats.prunableSparsity(),
            stats.sparsity(),
            denseStats.parameterCount(),
            stats.parameterCount(),
            stats.nonzeroCount(),
            macsDense,
            Metrics.macs(pruned),
            List.of(),
            fineTune,
            inferenceDense,
            inference(pruned),
            Double.NaN,
            pruned.device().toString());
      }
    }
  }

  /**
   * The result of a masked (unstructured) pipeline: shapes and MACs are those of the dense model.
   */
  private PipelineResult masked(
      String name,
      LabModel model,
      double denseAccuracy,
      double prunedAccuracy,
      double fineTunedAccuracy,
      List<EpochResult> dense,
      List<EpochResult> fineTune,
      double inferenceDense,
      double thresholdMillis) {
    ModelStats stats = Metrics.stats(model);
    long macs = Metrics.macs(model);
    return new PipelineResult(
        name,
        denseAccuracy,
        prunedAccuracy,
        fineTunedAccuracy,
        stats.prunableSparsity(),
        stats.sparsity(),
        stats.parameterCount(),
        stats.parameterCount(),
        stats.nonzeroCount(),
        macs,
        macs,
        dense,
        fineTune,
        inferenceDense,
        inference(model),
        thresholdMillis,
        model.device().toString());
  }

  /** Loads the cached pre-trained model or trains it (and caches it). */
  private List<EpochResult> pretrained(
      LabModel model,
      int seedEpochs,
      Optimizer optimizer,
      LearningRate lr,
      int batchSize,
      boolean keepBest) {
    int epochs = settings.epochs(seedEpochs);
    Path file =
        settings
            .checkpoints()
            .resolve(
                String.format(
                    "%s-seed%d-%dep%s.params",
                    model.name(), settings.seed(), epochs, settings.smoke() ? "-smoke" : ""));
    try (optimizer) {
      // "Fresh" retrains once per run: a later pipeline reuses what this run trained.
      if ((!settings.fresh() || trainedThisRun.contains(file)) && Files.exists(file)) {
        model.load(file);
        log.accept("loaded the pre-trained " + model.name() + " from " + file);
        return List.of();
      }
      Training training =
          Training.builder()
              .setModel(model)
              .setOptimizer(optimizer)
              .optLearningRate(lr)
              .optSeed(settings.seed())
              .optProgress(this::progress, 100)
              .build();
      List<EpochResult> epochsRun =
          keepBest
              ? trainKeepingBest(model, training, batches(batchSize), epochs)
              : training.fit(batches(batchSize), epochs, test);
      log(model.name() + " pre-trained", epochsRun);
      model.save(file);
      trainedThisRun.add(file);
      return epochsRun;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or write the checkpoint " + file, e);
    }
  }

  /** Trains epoch by epoch and restores the weights of the epoch with the best test accuracy. */
  private List<EpochResult> trainKeepingBest(
      LabModel model, Training training, Batches batches, int epochs) {
    List<EpochResult> results = new ArrayList<>();
    Map<String, float[]> best = null;
    double bestAccuracy = -1;
    for (int e = 0; e < epochs; e++) {
      EpochResult r = training.fitEpoch(batches, e, epochs, test);
      results.add(r);
      if (r.testAccuracy() > bestAccuracy) {
        bestAccuracy = r.testAccuracy();
        best = snapshot(model);
      }
    }
    restore(model, best);
    return results;
  }

  /** The run's training images in a shuffled order, for pipelines outside this class. */
  public Batches trainBatches(int batchSize) {
    return batches(batchSize);
  }

  private Batches batches(int batchSize) {
    return Batches.shuffled(train, data.normalization(), batchSize, settings.seed(), Models.IMAGE);
  }

  private double inference(LabModel model) {
    return Metrics.inference(model, test, settings.smoke() ? 1 : 5).imagesPerSecond();
  }

  private static Map<String, float[]> snapshot(LabModel model) {
    Map<String, float[]> out = new LinkedHashMap<>();
    model.state().forEach((n, a) -> out.put(n, a.toFloatArray()));
    return out;
  }

  private static void restore(LabModel model, Map<String, float[]> snapshot) {
    snapshot.forEach((n, v) -> model.parameter(n).set(v));
  }

  /** Median wall time of 20 runs (after one warm-up) of {@code action}, in milliseconds. */
  private double medianMillis(Runnable action) {
    return medianMillis(
        () -> {
          long start = System.nanoTime();
          action.run();
          return (System.nanoTime() - start) / 1e6;
        },
        true);
  }

  private double medianMillis(DoubleSupplier timedRun, boolean warmUp) {
    if (warmUp) {
      timedRun.getAsDouble();
    }
    int runs = settings.smoke() ? 3 : 20;
    double[] t = new double[runs];
    for (int i = 0; i < runs; i++) {
      t[i] = timedRun.getAsDouble();
    }
    Arrays.sort(t);
    return runs % 2 == 1 ? t[runs / 2] : (t[runs / 2 - 1] + t[runs / 2]) / 2;
  }

  private void progress(Progress p) {
    log.accept(
        String.format(
            "  epoch %d/%d batch %d/%d loss %.4f %.0f img/s",
            p.epoch(), p.epochs(), p.batch(), p.batches(), p.meanLoss(), p.imagesPerSecond()));
  }

  private void log(String what, List<EpochResult> epochs) {
    for (EpochResult r : epochs) {
      log.accept(
          String.format(
              "%s: epoch %d lr %.4g loss %.4f acc %.2f %% %.1f s",
              what,
              r.epoch(),
              r.learningRate(),
              r.meanLoss(),
              100 * r.testAccuracy(),
              r.seconds()));
    }
  }
}
