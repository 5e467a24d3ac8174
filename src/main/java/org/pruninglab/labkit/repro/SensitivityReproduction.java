package org.pruninglab.labkit.repro;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.Collections;
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
import org.pruninglab.labkit.train.EpochResult;
import org.pruninglab.labkit.train.Evaluation;
import org.pruninglab.labkit.train.LearningRate;
import org.pruninglab.labkit.train.Optimizer;
import org.pruninglab.labkit.train.Training;

/**
 * The sensitivity exercise's pipeline (semantics.md §4; MIT 6.5940 Lab 1, Q4–Q5) on seed 001's CNN:
 * a per-layer sensitivity scan on the run's test images, the largest grid sparsity per layer within
 * {@link #MAX_DROP} of the dense accuracy, those sparsities applied, and seed 001's masked
 * fine-tune.
 */
public final class SensitivityReproduction {

  /** The grid, as literals (0.4 + 0.1·i is not exactly these in double precision). */
  public static final List<Double> GRID = List.of(0.4, 0.5, 0.6, 0.7, 0.8, 0.9);

  /** The accuracy a layer's pruning may cost in the scan: 2 percentage points. */
  public static final double MAX_DROP = 0.02;

  /**
   * What the pipeline measured. Accuracies are fractions.
   *
   * @param scan per prunable parameter, the accuracy with only it pruned at each {@link #GRID}
   *     sparsity
   * @param weights per prunable parameter, its number of weights
   * @param chosen per prunable parameter, the chosen sparsity (0 when none of the grid passed)
   * @param scanSeconds wall time of the scan ({@code L × S} evaluations)
   */
  public record Result(
      Map<String, List<Double>> scan,
      Map<String, Long> weights,
      Map<String, Double> chosen,
      double denseAccuracy,
      double prunedAccuracy,
      double fineTunedAccuracy,
      long parameters,
      long nonzeroAfter,
      long sizeBits,
      long nonzeroSizeBits,
      int testImages,
      double scanSeconds,
      List<EpochResult> fineTuneEpochs,
      String device) {

    public Result {
      scan = ordered(scan);
      weights = ordered(weights);
      chosen = ordered(chosen);
      fineTuneEpochs = List.copyOf(fineTuneEpochs);
    }

    /** Nonzero size after pruning and fine-tuning as a fraction of the dense size. */
    public double sizeFraction() {
      return nonzeroSizeBits / (double) sizeBits;
    }
  }

  private final Reproduction reproduction;
  private final ReproductionSettings settings;
  private final Consumer<String> log;

  public SensitivityReproduction(ReproductionSettings settings, Consumer<String> log) {
    this.settings = settings;
    this.log = log;
    this.reproduction = new Reproduction(settings, log);
  }

  public Result run() {
    Batches test = reproduction.testBatches();
    Map<String, List<Double>> scan = new LinkedHashMap<>();
    Map<String, Long> weights = new LinkedHashMap<>();
    Map<String, Double> chosen = new LinkedHashMap<>();
    try (LabModel cnn = reproduction.pretrained(ModelKind.CNN);
        Optimizer sgd = Optimizer.sgd(0.9, 1e-4)) {
      double dense = Evaluation.accuracy(cnn, test);
      log.accept(String.format(Locale.ROOT, "dense accuracy %.2f %%", 100 * dense));
      long start = System.nanoTime();
      for (Map.Entry<String, NDArray> e : cnn.prunableWeights().entrySet()) {
        NDArray weight = e.getValue();
        float[] saved = weight.toFloatArray();
        List<Double> accuracies = new ArrayList<>();
        for (double s : GRID) {
          MagnitudePruning.pruneTensor(weight, s).close();
          accuracies.add(Evaluation.accuracy(cnn, test));
          weight.set(saved);
        }
        scan.put(e.getKey(), accuracies);
        weights.put(e.getKey(), weight.size());
        chosen.put(e.getKey(), choose(accuracies, dense));
        log.accept(e.getKey() + ": " + accuracies + " -> " + chosen.get(e.getKey()));
      }
      double scanSeconds = (System.nanoTime() - start) / 1e9;
      ModelStats denseStats = Metrics.stats(cnn);
      Map<String, NDArray> masks = new LinkedHashMap<>();
      cnn.prunableWeights()
          .forEach((name, w) -> masks.put(name, MagnitudePruning.pruneTensor(w, chosen.get(name))));
      double pruned = Evaluation.accuracy(cnn, test);
      List<EpochResult> fineTune;
      int epochs = settings.epochs(2);
      try (MaskedWeights hook = new MaskedWeights(cnn, masks)) {
        // Seed 001's fine-tune: SGD 0.1, momentum 0.9, weight decay 1e-4, cosine, 2 epochs.
        fineTune =
            Training.builder()
                .setModel(cnn)
                .setOptimizer(sgd)
                .optLearningRate(LearningRate.cosine(0.1, epochs, 0))
                .addAfterStepHook(hook)
                .optSeed(settings.seed())
                .build()
                .fit(reproduction.trainBatches(256), epochs, test);
      }
      double fineTuned = Evaluation.accuracy(cnn, test);
      ModelStats stats = Metrics.stats(cnn);
      return new Result(
          scan,
          weights,
          chosen,
          dense,
          pruned,
          fineTuned,
          stats.parameterCount(),
          stats.nonzeroCount(),
          denseStats.sizeBits(32),
          stats.nonzeroSizeBits(32),
          test.images(),
          scanSeconds,
          fineTune,
          cnn.device().toString());
    }
  }

  /** The largest grid sparsity whose accuracy is at least dense − {@link #MAX_DROP}, else 0. */
  static double choose(List<Double> accuracies, double dense) {
    double best = 0.0;
    for (int j = 0; j < GRID.size(); j++) {
      if (accuracies.get(j) >= dense - MAX_DROP && GRID.get(j) > best) {
        best = GRID.get(j);
      }
    }
    return best;
  }

  /** The table of docs/reproduction.md's sensitivity section. */
  public static String markdown(Result r) {
    StringBuilder md = new StringBuilder();
    md.append("| parameter | weights |");
    GRID.forEach(s -> md.append(String.format(Locale.ROOT, " %.0f %% |", 100 * s)));
    md.append(" chosen |\n|---|---:|");
    GRID.forEach(s -> md.append("---:|"));
    md.append("---:|\n");
    for (Map.Entry<String, List<Double>> e : r.scan().entrySet()) {
      md.append("| `").append(e.getKey()).append("` | ");
      md.append(String.format(Locale.ROOT, "%,d |", r.weights().get(e.getKey())));
      e.getValue().forEach(a -> md.append(String.format(Locale.ROOT, " %.2f %% |", 100 * a)));
      md.append(String.format(Locale.ROOT, " %.1f |%n", r.chosen().get(e.getKey())));
    }
    md.append('\n');
    md.append("| measure | value |\n|---|---:|\n");
    row(md, "test images", String.format(Locale.ROOT, "%,d", r.testImages()));
    row(md, "dense accuracy", percent(r.denseAccuracy()));
    row(md, "accuracy after pruning to the chosen sparsities", percent(r.prunedAccuracy()));
    row(md, "accuracy after the masked fine-tune", percent(r.fineTunedAccuracy()));
    row(
        md,
        "nonzero parameters (of all)",
        String.format(Locale.ROOT, "%,d of %,d", r.nonzeroAfter(), r.parameters()));
    row(md, "nonzero size / dense size", percent(r.sizeFraction()));
    row(md, "scan time (L × S evaluations)", String.format(Locale.ROOT, "%.1f s", r.scanSeconds()));
    row(md, "device", r.device());
    return md.toString();
  }

  private static void row(StringBuilder md, String what, String value) {
    md.append("| ").append(what).append(" | ").append(value).append(" |\n");
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.2f %%", 100 * fraction);
  }

  /** An unmodifiable copy that keeps the parameters' order. */
  private static <V> Map<String, V> ordered(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
