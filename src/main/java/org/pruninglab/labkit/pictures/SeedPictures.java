package org.pruninglab.labkit.pictures;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.prune.MagnitudePruning;
import org.pruninglab.labkit.repro.Reproduction;

/** The pictures of the seeds' pre-trained MLP and CNN, as SVG documents by file name. */
public final class SeedPictures {

  private static final double[] SPARSITIES = {
    0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98
  };

  private SeedPictures() {}

  /**
   * Per model: a histogram of every weight, the first conv layer's kernels (CNN), the mask of every
   * weight after 90 % global pruning; then both models' accuracy-vs-sparsity curves.
   */
  public static Map<String, String> render(Reproduction reproduction) {
    Map<String, String> files = new LinkedHashMap<>();
    List<SparsityCurve> curves = new ArrayList<>();
    for (ModelKind kind : List.of(ModelKind.MLP, ModelKind.CNN)) {
      try (LabModel model = reproduction.pretrained(kind)) {
        String m = model.name();
        Map<String, NDArray> weights = model.prunableWeights();
        weights.forEach(
            (name, w) ->
                files.put(
                    m + "-" + name + "-histogram.svg",
                    Svg.histogram(Pictures.histogram(name, w, 100))));
        if (kind == ModelKind.CNN) {
          files.put(
              m + "-conv1-kernels.svg",
              Svg.kernelMaps(Pictures.kernelMaps("conv1.weight", model.parameter("conv1.weight"))));
        }
        curves.add(
            Pictures.accuracyVsSparsity(
                kind + ", global magnitude", model, reproduction.testBatches(), SPARSITIES));
        MagnitudePruning.pruneGlobally(weights, 0.9).values().forEach(NDArray::close);
        weights.forEach(
            (name, w) ->
                files.put(
                    m + "-" + name + "-mask-90.svg",
                    Svg.maskBitmap(Pictures.maskBitmap(name + " at 90 % global", w, 128))));
      }
    }
    files.put("accuracy-vs-sparsity.svg", Svg.accuracyVsSparsity(curves));
    return files;
  }
}
