package org.pruninglab.labkit.repro;

import java.nio.file.Path;

/**
 * How to run the pipelines.
 *
 * @param perClass training images per class (0 = all 6,000); smoke runs use a few hundred
 * @param testPerClass test images per class (0 = all 1,000)
 * @param epochScale 1 for the seeds' epoch counts; a smoke run caps every phase at one epoch
 * @param checkpoints folder of cached pre-trained models (reused when present, unless fresh)
 * @param fresh train the dense models again even if a checkpoint exists (for epoch timings)
 */
public record ReproductionSettings(
    int perClass, int testPerClass, boolean smoke, Path checkpoints, boolean fresh, long seed) {

  public static ReproductionSettings full(Path checkpoints, boolean fresh) {
    return new ReproductionSettings(0, 0, false, checkpoints, fresh, 0);
  }

  public static ReproductionSettings smoke(Path checkpoints) {
    return new ReproductionSettings(100, 50, true, checkpoints, true, 0);
  }

  int epochs(int seedEpochs) {
    return smoke ? 1 : seedEpochs;
  }
}
