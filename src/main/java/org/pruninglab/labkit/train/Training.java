package org.pruninglab.labkit.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.model.LabModel;

/**
 * The lab's training loop: forward, backward, optimiser step, then every {@link AfterStepHook},
 * batch after batch. Written out rather than DJL's EasyTrain so that the hooks run after the step,
 * and so that the optimisers follow PyTorch's formulas.
 */
public final class Training {

  private final LabModel model;
  private final Optimizer optimizer;
  private final LearningRate learningRate;
  private final List<AfterStepHook> hooks;
  private final Consumer<Progress> progress;
  private final int progressEvery;
  private final long seed;
  private final StepLoss loss;
  private long steps;

  private Training(Builder b) {
    this.model = b.model;
    this.optimizer = b.optimizer;
    this.learningRate = b.learningRate;
    this.hooks = List.copyOf(b.hooks);
    this.progress = b.progress;
    this.progressEvery = b.progressEvery;
    this.seed = b.seed;
    // Models that end in log-softmax are trained with NLL, the others with cross-entropy on
    // logits: the same loss in both cases, as in the seeds.
    Loss crossEntropy =
        Loss.softmaxCrossEntropyLoss("loss", 1, 1, true, !model.outputsLogProbabilities());
    this.loss =
        b.loss != null
            ? b.loss
            : (x, y, out) -> crossEntropy.evaluate(new NDList(y), new NDList(out));
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Optimiser steps taken so far. */
  public long steps() {
    return steps;
  }

  /**
   * Trains for {@code epochs} epochs over {@code train}; after each epoch, measures accuracy on
   * {@code evaluation} if it is not null.
   */
  public List<EpochResult> fit(Batches train, int epochs, Batches evaluation) {
    List<EpochResult> results = new ArrayList<>();
    for (int epoch = 0; epoch < epochs; epoch++) {
      results.add(fitEpoch(train, epoch, epochs, evaluation));
    }
    return results;
  }

  /**
   * Trains one epoch ({@code epoch} is 0-based, of {@code epochs} in all, for the learning rate and
   * the progress reports); then measures accuracy on {@code evaluation} if it is not null.
   */
  public EpochResult fitEpoch(Batches train, int epoch, int epochs, Batches evaluation) {
    Engine engine = model.manager().getEngine();
    if (steps == 0) {
      engine.setRandomSeed((int) seed); // dropout masks
    }
    Map<String, NDArray> parameters = model.parameters();
    parameters.values().forEach(p -> p.setRequiresGradient(true));
    double lr = learningRate.at(epoch);
    long start = System.nanoTime();
    double[] lossSum = {0};
    int[] batch = {0};
    int[] seen = {0};
    final int epochNumber = epoch + 1;
    train.forEach(
        epoch,
        model.manager(),
        (x, y) -> {
          // Every array made during the step (activations, gradients' wrappers, temporaries
          // of the update and of the hooks) is freed when the step ends.
          try (NDScope scope = new NDScope()) {
            try (GradientCollector collector = engine.newGradientCollector()) {
              NDArray out = model.forward(x, true);
              NDArray l = loss.loss(x, y, out);
              if (l.getShape().size() != 1) {
                throw new IllegalStateException(
                    "a training step's loss is one number, not an array " + l.getShape());
              }
              collector.backward(l);
              lossSum[0] += l.getFloat();
            }
            optimizer.step(parameters, lr);
            parameters.values().forEach(p -> JniUtils.zeroGrad((PtNDArray) p));
            steps++;
            for (AfterStepHook hook : hooks) {
              hook.afterStep(model, steps);
            }
          }
          batch[0]++;
          seen[0] += (int) x.getShape().get(0);
          if (progress != null && (batch[0] % progressEvery == 0 || batch[0] == train.count())) {
            double seconds = (System.nanoTime() - start) / 1e9;
            progress.accept(
                new Progress(
                    epochNumber,
                    epochs,
                    batch[0],
                    train.count(),
                    lossSum[0] / batch[0],
                    seen[0] / Math.max(seconds, 1e-9)));
          }
        });
    double seconds = (System.nanoTime() - start) / 1e9;
    double accuracy = evaluation == null ? Double.NaN : Evaluation.accuracy(model, evaluation);
    return new EpochResult(epochNumber, lr, lossSum[0] / batch[0], seconds, accuracy);
  }

  /** Configures a training run; {@code model} and {@code optimizer} are required. */
  public static final class Builder {
    private LabModel model;
    private Optimizer optimizer;
    private LearningRate learningRate = LearningRate.constant(1e-3);
    private final List<AfterStepHook> hooks = new ArrayList<>();
    private Consumer<Progress> progress;
    private int progressEvery = 50;
    private long seed = 0;
    private StepLoss loss;

    public Builder setModel(LabModel model) {
      this.model = model;
      return this;
    }

    public Builder setOptimizer(Optimizer optimizer) {
      this.optimizer = optimizer;
      return this;
    }

    public Builder optLearningRate(LearningRate learningRate) {
      this.learningRate = Objects.requireNonNull(learningRate);
      return this;
    }

    public Builder addAfterStepHook(AfterStepHook hook) {
      hooks.add(Objects.requireNonNull(hook));
      return this;
    }

    public Builder optProgress(Consumer<Progress> progress, int everyBatches) {
      if (everyBatches <= 0) {
        throw new IllegalArgumentException("everyBatches must be positive");
      }
      this.progress = progress;
      this.progressEvery = everyBatches;
      return this;
    }

    /** Minimise {@code loss} instead of cross-entropy on the labels (e.g. a distillation loss). */
    public Builder optLoss(StepLoss loss) {
      this.loss = Objects.requireNonNull(loss);
      return this;
    }

    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    public Training build() {
      if (model == null || optimizer == null) {
        throw new IllegalStateException("a training run needs a model and an optimizer");
      }
      return new Training(this);
    }
  }
}
