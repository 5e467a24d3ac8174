package org.pruninglab.grading.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.fixtures.FixtureBuilders;

/**
 * The fixtures a pack declared in its {@code exercise.json}, as its tests read them: inside the
 * sandbox from {@code -Dlab.fixtures}, read-only. Reading one the pack did not declare may find
 * nothing (it is built only for packs that declare it).
 */
public final class Fixtures {

  private Fixtures() {}

  public static Path folder() {
    return Path.of(System.getProperty("lab.fixtures", "data/grading/sandbox/fixtures"));
  }

  /** The parameters of {@code trained-cnn}: the seed CNN after one quick epoch. */
  public static Path quickCnn() {
    return folder().resolve(FixtureBuilders.QUICK_CNN);
  }

  /** {@code trained-cnn}'s accuracy on {@link #quickTestImages()}, measured when it was built. */
  public static double quickCnnAccuracy() throws IOException {
    return accuracy(FixtureBuilders.QUICK_CNN_ACCURACY);
  }

  /** The parameters of {@code trained-mlp}: the seed MLP after one quick epoch. */
  public static Path quickMlp() {
    return folder().resolve(FixtureBuilders.QUICK_MLP);
  }

  /** {@code trained-mlp}'s accuracy on {@link #quickTestImages()}, measured when it was built. */
  public static double quickMlpAccuracy() throws IOException {
    return accuracy(FixtureBuilders.QUICK_MLP_ACCURACY);
  }

  /**
   * The parameters of {@code trained-vgg}: the lab kit's VGG with BatchNorm (running statistics
   * included) after one quick epoch.
   */
  public static Path quickVgg() {
    return folder().resolve(FixtureBuilders.QUICK_VGG);
  }

  /** {@code trained-vgg}'s accuracy on {@link #quickTestImages()}, measured when it was built. */
  public static double quickVggAccuracy() throws IOException {
    return accuracy(FixtureBuilders.QUICK_VGG_ACCURACY);
  }

  /**
   * {@code test-images}: 20 test images per class in batches of 200, enough to show what pruning
   * does to accuracy, little enough to measure it quickly in every grading.
   */
  public static Batches quickTestImages() throws IOException {
    return FixtureBuilders.testImages(folder());
  }

  private static double accuracy(String file) throws IOException {
    return Double.parseDouble(Files.readString(folder().resolve(file)).trim());
  }
}
