package org.pruninglab.grading.harness;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.data.FashionMnist;
import org.pruninglab.labkit.data.LabeledImages;
import org.pruninglab.labkit.model.LabModel;
import org.pruninglab.labkit.model.ModelKind;
import org.pruninglab.labkit.model.Models;
import org.pruninglab.labkit.train.Evaluation;
import org.pruninglab.labkit.train.LearningRate;
import org.pruninglab.labkit.train.Optimizer;
import org.pruninglab.labkit.train.Training;

/**
 * Run once by the trusted side, outside any sandbox: writes the pre-trained models that hidden
 * tests load read-only ({@code -Dlab.fixtures} inside the sandbox). Deterministic for the seed, so
 * every node produces the same files; a few seconds, so the build can afford it.
 */
public final class PrepareFixtures {

  /** The seed CNN after one epoch of Adadelta (lr 1) on 3,000 training images, seed 0. */
  public static final String QUICK_CNN = "cnn-quick-seed0.params";

  /**
   * 50 test images per class with the training set's normalisation, for tests that must measure
   * accuracy quickly: int rows, int cols, int n, double mean, double std, n·rows·cols pixel bytes,
   * n label bytes.
   */
  public static final String TEST_500 = "fashion-mnist-test-500.bin";

  /** The quick CNN's accuracy on {@link Fixtures#quickTestImages()}, as text. */
  public static final String QUICK_CNN_ACCURACY = "cnn-quick-seed0.accuracy-200.txt";

  private PrepareFixtures() {}

  public static void main(String[] args) throws Exception {
    Path folder = Path.of(args[0]);
    Files.createDirectories(folder);
    FashionMnist data = FashionMnist.load();
    LabeledImages test = data.test().firstPerClass(50);
    Path testTmp = folder.resolve(TEST_500 + ".part");
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(testTmp)))) {
      out.writeInt(test.rows());
      out.writeInt(test.cols());
      out.writeInt(test.size());
      out.writeDouble(data.normalization().mean());
      out.writeDouble(data.normalization().std());
      out.write(test.pixelBytes());
      out.write(test.labelBytes());
    }
    try (LabModel cnn = Models.create(ModelKind.CNN, 0);
        Optimizer adadelta = Optimizer.adadelta()) {
      Batches train =
          Batches.shuffled(
              data.train().firstPerClass(300), data.normalization(), 64, 0, Models.IMAGE);
      Training.builder()
          .setModel(cnn)
          .setOptimizer(adadelta)
          .optLearningRate(LearningRate.constant(1.0))
          .optSeed(0)
          .build()
          .fit(train, 1, null);
      Path tmp = folder.resolve(QUICK_CNN + ".part");
      cnn.save(tmp);
      double accuracy = Evaluation.accuracy(cnn, Fixtures.quickTestImages(testTmp));
      Path accuracyTmp = folder.resolve(QUICK_CNN_ACCURACY + ".part");
      Files.writeString(accuracyTmp, Double.toString(accuracy) + "\n");
      Files.move(tmp, folder.resolve(QUICK_CNN), StandardCopyOption.REPLACE_EXISTING);
      Files.move(
          accuracyTmp, folder.resolve(QUICK_CNN_ACCURACY), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.move(testTmp, folder.resolve(TEST_500), StandardCopyOption.REPLACE_EXISTING);
    System.out.println("fixtures ready in " + folder);
  }
}
