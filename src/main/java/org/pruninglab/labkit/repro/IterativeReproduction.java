package org.pruninglab.labkit.repro;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
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
 * The iterative exercise's pipeline (design/semantics.md §5): a pre-trained model pruned to 90 %
 * global sparsity once and fine-tuned for three epochs, against three rounds of {@code p = 1 −
 * 0.1^(1/3)} of the survivors with one epoch of fine-tuning after each — the same fine-tune budget.
 * Seed 000's MLP is fine-tuned as seed 000 does (masked Adam 1e-4, batch 128); seed 001's CNN as
 * seed 001 does (masked SGD 0.1, momentum 0.9, wd 1e-4, cosine over the phase's epochs, batch 256),
 * a fresh optimiser per phase as seed 004's {@code fine_tune}.
 */
public final class IterativeReproduction {

  /** One round: sparsity of the prunable weights and test accuracy after pruning and after. */
  public record Round(
      int round, double sparsity, double accuracyPruned, double accuracyFineTuned) {}

  /** One arm of the comparison. */
  public record Arm(
      String name,
      double denseAccuracy,
      List<Round> rounds,
      long nonzeroPrunable,
      double prunableSparsity,
      double fineTuneSeconds) {
    public Arm {
      rounds = List.copyOf(rounds);
    }

    public double finalAccuracy() {
      return rounds.get(rounds.size() - 1).accuracyFineTuned();
    }
  }

  private static final double TARGET = 0.9;
  private static final int ROUNDS = 3;

  private final Reproduction reproduction;
  private final ReproductionSettings settings;
  private final Consumer<String> log;
  private final ModelKind kind;

  /** The pipeline on seed 000's MLP. */
  public IterativeReproduction(
      Reproduction reproduction, ReproductionSettings settings, Consumer<String> log) {
    this(reproduction, settings, log, ModelKind.MLP);
  }

  /** The pipeline on {@code kind}: {@link ModelKind#MLP} or {@link ModelKind#CNN}. */
  public IterativeReproduction(
      Reproduction reproduction,
      ReproductionSettings settings,
      Consumer<String> log,
      ModelKind kind) {
    if (kind != ModelKind.MLP && kind != ModelKind.CNN) {
      throw new IllegalArgumentException("the iterative pipeline runs on the MLP or the CNN");
    }
    this.reproduction = reproduction;
    this.settings = settings;
    this.log = log;
    this.kind = kind;
  }

  /** One-shot 90 % then 3 epochs, and 3 rounds with 1 epoch each, from the same dense model. */
  public List<Arm> compare() {
    return List.of(oneShot(), iterative());
  }

  public Arm oneShot() {
    try (LabModel mlp = reproduction.pretrained(kind)) {
      double dense = Evaluation.accuracy(mlp, reproduction.testBatches());
      Map<String, NDArray> masks = MagnitudePruning.pruneGlobally(mlp.prunableWeights(), TARGET);
      double pruned = Evaluation.accuracy(mlp, reproduction.testBatches());
      double sparsity = Metrics.stats(mlp).prunableSparsity();
      List<EpochResult> epochs = fineTune(mlp, masks, ROUNDS);
      double fineTuned = Evaluation.accuracy(mlp, reproduction.testBatches());
      log(
          String.format(
              Locale.ROOT,
              "one-shot: %.2f %% pruned, %.2f %% fine-tuned",
              100 * pruned,
              100 * fineTuned));
      return arm(
          "one-shot 90 %, 3 epochs",
          mlp, dense, List.of(new Round(1, sparsity, pruned, fineTuned)), epochs);
    }
  }

  public Arm iterative() {
    try (LabModel mlp = reproduction.pretrained(kind)) {
      double dense = Evaluation.accuracy(mlp, reproduction.testBatches());
      double rate = 1 - Math.pow(1 - TARGET, 1.0 / ROUNDS);
      List<Round> rounds = new ArrayList<>();
      List<EpochResult> epochs = new ArrayList<>();
      for (int r = 1; r <= ROUNDS; r++) {
        Map<String, NDArray> masks = pruneRound(mlp, rate);
        double pruned = Evaluation.accuracy(mlp, reproduction.testBatches());
        double sparsity = Metrics.stats(mlp).prunableSparsity();
        epochs.addAll(fineTune(mlp, masks, 1));
        double fineTuned = Evaluation.accuracy(mlp, reproduction.testBatches());
        log(
            String.format(
                Locale.ROOT,
                "iterative round %d: sparsity %.4f, %.2f %% pruned," + " %.2f %% fine-tuned",
                r,
                sparsity,
                100 * pruned,
                100 * fineTuned));
        rounds.add(new Round(r, sparsity, pruned, fineTuned));
      }
      return arm("3 rounds to 90 %, 1 epoch each", mlp, dense, rounds, epochs);
    }
  }

  /**
   * One global round against the survivors: with Z zeros and S survivors of N weights, pruning to
   * the global fraction (Z + rint(p·S)) / N prunes exactly the rint(p·S) smallest survivors (the
   * zeros are the smallest |w|).
   */
  static Map<String, NDArray> pruneRound(LabModel model, double rate) {
    ModelStats stats = Metrics.stats(model);
    long all = 0;
    for (NDArray w : model.prunableWeights().values()) {
      all += w.size();
    }
    long zeros = Math.round(stats.prunableSparsity() * all);
    long k = (long) Math.rint(rate * (all - zeros));
    return MagnitudePruning.pruneGlobally(model.prunableWeights(), (zeros + k) / (double) all);
  }

  private List<EpochResult> fineTune(LabModel model, Map<String, NDArray> masks, int epochs) {
    boolean mlp = kind == ModelKind.MLP;
    try (MaskedWeights hook = new MaskedWeights(model, masks);
        Optimizer optimizer = mlp ? Optimizer.adam() : Optimizer.sgd(0.9, 1e-4)) {
      return Training.builder()
          .setModel(model)
          .setOptimizer(optimizer)
          .optLearningRate(mlp ? LearningRate.constant(1e-4) : LearningRate.cosine(0.1, epochs, 0))
          .addAfterStepHook(hook)
          .optSeed(settings.seed())
          .build()
          .fit(reproduction.trainBatches(mlp ? 128 : 256), epochs, null);
    }
  }

  private Arm arm(
      String name, LabModel model, double dense, List<Round> rounds, List<EpochResult> epochs) {
    ModelStats stats = Metrics.stats(model);
    long prunable = 0;
    for (NDArray w : model.prunableWeights().values()) {
      prunable += w.size();
    }
    long nonzero = Math.round((1 - stats.prunableSparsity()) * prunable);
    double seconds = epochs.stream().mapToDouble(EpochResult::seconds).sum();
    return new Arm(name, dense, rounds, nonzero, stats.prunableSparsity(), seconds);
  }

  private void log(String line) {
    log.accept(line);
  }

  /** The comparison as a Markdown table, one row per round of each arm. */
  public static String markdown(List<Arm> arms) {
    StringBuilder md = new StringBuilder();
    md.append("| arm | round | sparsity (prunable) | accuracy after pruning |")
        .append(" accuracy after fine-tuning |\n|---|---:|---:|---:|---:|\n");
    for (Arm arm : arms) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | dense | 0 %% | | %.2f %% |\n",
              arm.name(),
              100 * arm.denseAccuracy()));
      for (Round r : arm.rounds()) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %.4f %% | %.2f %% | %.2f %% |\n",
                arm.name(),
                r.round(),
                100 * r.sparsity(),
                100 * r.accuracyPruned(),
                100 * r.accuracyFineTuned()));
      }
    }
    md.append("\n| arm | nonzero prunable weights | final accuracy | fine-tune seconds |\n")
        .append("|---|---:|---:|---:|\n");
    for (Arm arm : arms) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %,d | %.2f %% | %.1f |\n",
              arm.name(),
              arm.nonzeroPrunable(),
              100 * arm.finalAccuracy(),
              arm.fineTuneSeconds()));
    }
    return md.toString();
  }
}
