package org.pruninglab.grading.harness;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pruninglab.labkit.data.Batches;
import org.pruninglab.labkit.data.LabeledImages;
import org.pruninglab.labkit.data.Normalization;
import org.pruninglab.labkit.model.Models;

/**
 * The fixtures {@link PrepareFixtures} made, as hidden tests read them: inside the sandbox from
 * {@code -Dlab.fixtures}, read-only.
 */
public final class Fixtures {

  private Fixtures() {}

  public static Path folder() {
    return Path.of(System.getProperty("lab.fixtures", "data/grading/sandbox/fixtures"));
  }

  /** The quick CNN's parameters ({@link PrepareFixtures#QUICK_CNN}). */
  public static Path quickCnn() {
    return folder().resolve(PrepareFixtures.QUICK_CNN);
  }

  /**
   * 20 test images per class in batches of 200: enough to show what pruning does to accuracy,
   * little enough to measure it quickly in every grading.
   */
  public static Batches quickTestImages() throws IOException {
    return quickTestImages(folder().resolve(PrepareFixtures.TEST_500));
  }

  /** The quick CNN's accuracy on {@link #quickTestImages()}, measured once with the fixtures. */
  public static double quickCnnAccuracy() throws IOException {
    return Double.parseDouble(
        Files.readString(folder().resolve(PrepareFixtures.QUICK_CNN_ACCURACY)).trim());
  }

  static Batches quickTestImages(Path file) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
      int rows = in.readInt();
      int cols = in.readInt();
      int n = in.readInt();
      Normalization norm = new Normalization(in.readDouble(), in.readDouble());
      byte[] pixels = new byte[n * rows * cols];
      byte[] labels = new byte[n];
      in.readFully(pixels);
      in.readFully(labels);
      return Batches.inOrder(
          LabeledImages.of(rows, cols, pixels, labels).firstPerClass(20), norm, 200, Models.IMAGE);
    }
  }
}
