package lab;

import ai.djl.ndarray.NDArray;
import org.pruninglab.labkit.model.LabModel;

/**
 * Neuron pruning of linear layers: whole output neurons go, by the L2 norm of their weight rows,
 * and the network gets smaller. Read the statement first.
 */
public final class NeuronPruner {

  private NeuronPruner() {}

  /**
   * The L2 norm of each output neuron of a linear weight {@code [out, in]}: one value per row,
   * {@code out} values in all.
   */
  public static float[] neuronNorms(NDArray linearWeight) {
    throw new UnsupportedOperationException("neuronNorms is not written yet");
  }

  /**
   * The neurons to keep: {@code out − floor(out · ratio)} of them (at least 1, {@code ratio}
   * clamped to [0, 1]), those with the largest norms, on a tie the lower index, listed in
   * ascending (original) order.
   */
  public static int[] keptNeurons(float[] norms, double ratio) {
    throw new UnsupportedOperationException("keptNeurons is not written yet");
  }

  /**
   * A new, smaller model in which linear layer {@code layer} has only its kept neurons: their
   * weight rows and bias entries, in original order, and the next linear layer has only the input
   * columns of those neurons. Everything else is copied unchanged; {@code model} is not changed.
   *
   * @throws IllegalArgumentException if {@code layer} is not a linear layer of the model, or is
   *     its classifier (the last linear layer, whose outputs are the classes)
   */
  public static LabModel prune(LabModel model, String layer, double ratio) {
    throw new UnsupportedOperationException("prune is not written yet");
  }
}
