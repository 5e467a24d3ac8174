package org.pruninglab.labkit.repro;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.pruninglab.labkit.metrics.Metrics;
import org.pruninglab.labkit.metrics.ModelStats;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.prune.MagnitudePruning;
import org.pruninglab.labkit.prune.MaskedWeights;
import org.pruninglab.labkit.prune.TwoFour;
import org.pruninglab.labkit.train.EpochResult;
import org.pruninglab.labkit.train.Evaluation;
import org.pruninglab.labkit.train.LearningRate;
import org.pruninglab.labkit.train.Optimizer;
import org.pruninglab.labkit.train.Training;

/**
 * The two-four exercise's pipeline (design/semantics.md §8): seed 001's pre-trained CNN pruned to
 * 2:4 along the input dimension (conv1, with one input channel, stays dense), against unstructured
 * 50 % per tensor, each then fine-tuned for one epoch with its masks re-applied after every step
 * (seed 001's fine-tune: SGD 0.1, momentum 0.9, wd 1e-4, cosine over the epoch, batch 256).
 */
public final class TwoFourReproduction {

  /** One arm: accuracies, the prunable weights' sparsity and nonzero count, the epoch's time. */
  public record Arm(
      String name,
      double denseAccuracy,
      double accuracyPruned,
      double finalAccuracy,
      double prunableSparsity,
      long nonzeroPrunable,
      double seconds) {}

  private final Reproduction reproduction;
  private final ReproductionSettings settings;
  private final Consumer<String> log;

  public TwoFourReproduction(
      Reproduction reproduction, ReproductionSettings settings, Consumer<String> log) {
    this.reproduction = reproduction;
    this.settings = settings;
    this.log = log;
  }

  /** 2:4, then unstructured 50 % per tensor, from the same dense CNN. */
  public List<Arm> compare() {
    return List.of(
        arm("2:4 along the input dimension", TwoFour::prune),
        arm(
            "unstructured 50 % per tensor",
            weights -> {
              Map<String, NDArray> masks = new LinkedHashMap<>();
              weights.forEach((n, w) -> masks.put(n, MagnitudePruning.pruneTensor(w, 0.5)));
              return masks;
            }));
  }

  private Arm arm(String name, Function<Map<String, NDArray>, Map<String, NDArray>> prune) {
    try (LabModel cnn = reproduction.pretrained(ModelKind.CNN)) {
      double dense = Evaluation.accuracy(cnn, reproduction.testBatches());
      Map<String, NDArray> masks = prune.apply(cnn.prunableWeights());
      double pruned = Evaluation.accuracy(cnn, reproduction.testBatches());
      EpochResult epoch;
      try (MaskedWeights hook = new MaskedWeights(cnn, masks);
          Optimizer sgd = Optimizer.sgd(0.9, 1e-4)) {
        epoch =
            Training.builder()
                .setModel(cnn)
                .setOptimizer(sgd)
                .optLearningRate(LearningRate.cosine(0.1, 1, 0))
                .addAfterStepHook(hook)
                .optSeed(settings.seed())
                .build()
                .fitEpoch(reproduction.trainBatches(256), 0, 1, null);
      }
      double fineTuned = Evaluation.accuracy(cnn, reproduction.testBatches());
      log.accept(
          String.format(
              Locale.ROOT,
              "%s: %.2f %% pruned, %.2f %% after the epoch",
              name,
              100 * pruned,
              100 * fineTuned));
      ModelStats stats = Metrics.stats(cnn);
      long prunable = 0;
      for (NDArray w : cnn.prunableWeights().values()) {
        prunable += w.size();
      }
      return new Arm(
          name,
          dense,
          pruned,
          fineTuned,
          stats.prunableSparsity(),
          Math.round((1 - stats.prunableSparsity()) * prunable),
          epoch.seconds());
    }
  }

  /** The comparison as Markdown, one row per arm. */
  public static String markdown(List<Arm> arms) {
    StringBuilder md = new StringBuilder();
    md.append("| arm | dense | right after pruning | after the epoch | sparsity (prunable) |")
        .append(" nonzero prunable weights | epoch seconds |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (Arm arm : arms) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f %% | %.2f %% | %.2f %% | %.4f %% | %,d | %.1f |\n",
              arm.name(),
              100 * arm.denseAccuracy(),
              100 * arm.accuracyPruned(),
              100 * arm.finalAccuracy(),
              100 * arm.prunableSparsity(),
              arm.nonzeroPrunable(),
              arm.seconds()));
    }
    return md.toString();
  }
}
