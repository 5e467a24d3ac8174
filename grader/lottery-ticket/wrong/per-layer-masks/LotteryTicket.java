package lab;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.prune.MagnitudePruning;
import org.pruninglab.labkit.prune.MaskedWeights;
import org.pruninglab.labkit.train.LearningRate;
import org.pruninglab.labkit.train.Optimizer;
import org.pruninglab.labkit.train.Training;

/** The lottery ticket with rewinding (semantics.md §10). */
public final class LotteryTicket {

  private LotteryTicket() {}

  public static Map<String, float[]> snapshot(LabModel model) {
    Map<String, float[]> theta = new LinkedHashMap<>();
    model.state().forEach((name, value) -> theta.put(name, value.toFloatArray()));
    return theta;
  }

  public static Map<String, NDArray> globalMasks(LabModel trained, double sparsity) {
    Map<String, NDArray> copies = new LinkedHashMap<>();
    trained.prunableWeights().forEach((name, w) -> copies.put(name, w.duplicate()));
    Map<String, NDArray> masks = new LinkedHashMap<>();
    copies.forEach((name, w) -> masks.put(name, MagnitudePruning.pruneTensor(w, sparsity)));
    copies.values().forEach(NDArray::close);
    return masks;
  }

  public static void rewind(LabModel model, Map<String, float[]> theta,
      Map<String, NDArray> masks) {
    model.state().forEach((name, value) -> {
      float[] v = theta.get(name);
      if (v == null) {
        throw new IllegalArgumentException("the rewind point has no " + name);
      }
      float[] values = v.clone();
      NDArray mask = masks.get(name);
      if (mask != null) {
        boolean[] kept = mask.toBooleanArray();
        for (int i = 0; i < values.length; i++) {
          if (!kept[i]) {
            values[i] = 0f;
          }
        }
      }
      value.set(values);
    });
  }

  public static Map<String, NDArray> find(LabModel model, Batches train, int rewindStep,
      double sparsity, Supplier<Optimizer> optimizers, double learningRate, int retrainEpochs) {
    if (rewindStep < 0 || rewindStep > train.count()) {
      throw new IllegalArgumentException("the rewind step must be from 0 to " + train.count()
          + ", the steps of one epoch, not " + rewindStep);
    }
    // The rewind point θ_k: before any step for k = 0, else right after step k.
    List<Map<String, float[]>> theta = new ArrayList<>();
    if (rewindStep == 0) {
      theta.add(snapshot(model));
    }
    try (Optimizer dense = optimizers.get()) {
      Training.builder().setModel(model).setOptimizer(dense)
          .optLearningRate(LearningRate.constant(learningRate))
          .addAfterStepHook((m, step) -> {
            if (step == rewindStep) {
              theta.add(snapshot(m));
            }
          }).build().fit(train, 1, null);
    }
    Map<String, NDArray> masks = globalMasks(model, sparsity);
    rewind(model, theta.get(0), masks);
    if (retrainEpochs > 0) {
      try (Optimizer fresh = optimizers.get();
          MaskedWeights keep = new MaskedWeights(model, masks)) {
        Training.builder().setModel(model).setOptimizer(fresh)
            .optLearningRate(LearningRate.constant(learningRate)).addAfterStepHook(keep).build()
            .fit(train, retrainEpochs, null);
      }
    }
    return masks;
  }
}
