package org.pruninglab.labkit.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fashion-MNIST (or MNIST: same files, same format) from a folder of the four idx files, as
 * Debian's {@code dataset-fashion-mnist} installs them. Decoded once per folder and cached: a
 * second {@link #load} of the same folder costs nothing.
 */
public final class FashionMnist {

  /** Where Debian's package puts the files. */
  public static final Path DEBIAN_DIR = Path.of("/usr/share/datasets/fashion-mnist");

  public static final List<String> CLASS_NAMES =
      List.of(
          "T-shirt/top",
          "Trouser",
          "Pullover",
          "Dress",
          "Coat",
          "Sandal",
          "Shirt",
          "Sneaker",
          "Bag",
          "Ankle boot");

  private static final Map<Path, FashionMnist> CACHE = new ConcurrentHashMap<>();

  private final LabeledImages train;
  private final LabeledImages test;
  private final Normalization normalization;

  private FashionMnist(LabeledImages train, LabeledImages test) {
    this.train = train;
    this.test = test;
    this.normalization = train.pixelStatistics();
  }

  /** Loads from {@code lab.data.fashion-mnist-dir} if set, else from Debian's folder. */
  public static FashionMnist load() {
    String configured = System.getProperty("lab.data.fashion-mnist-dir");
    return load(configured == null || configured.isBlank() ? DEBIAN_DIR : Path.of(configured));
  }

  public static FashionMnist load(Path dir) {
    Path key = dir.toAbsolutePath().normalize();
    return CACHE.computeIfAbsent(key, FashionMnist::read);
  }

  private static FashionMnist read(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new DataSetException(
          "The Fashion-MNIST folder " + dir + " does not exist. " + IdxFile.PACKAGE_HINT);
    }
    return new FashionMnist(
        images(dir, "train-images-idx3-ubyte", "train-labels-idx1-ubyte"),
        images(dir, "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"));
  }

  private static LabeledImages images(Path dir, String imageName, String labelName) {
    Path imageFile = existing(dir, imageName);
    Path labelFile = existing(dir, labelName);
    IdxFile.Content images = IdxFile.read(imageFile, 3);
    IdxFile.Content labels = IdxFile.read(labelFile, 1);
    if (images.dims()[0] != labels.dims()[0]) {
      throw new DataSetException(
          "The data files "
              + imageFile
              + " and "
              + labelFile
              + " do not match: "
              + images.dims()[0]
              + " images but "
              + labels.dims()[0]
              + " labels. "
              + IdxFile.PACKAGE_HINT);
    }
    return new LabeledImages(images.dims()[1], images.dims()[2], images.data(), labels.data());
  }

  /** Prefers the .gz file Debian ships; a plain one of the same name also works. */
  private static Path existing(Path dir, String name) {
    Path gz = dir.resolve(name + ".gz");
    Path plain = dir.resolve(name);
    return Files.exists(gz) || !Files.exists(plain) ? gz : plain;
  }

  /** The 60,000 training images. */
  public LabeledImages train() {
    return train;
  }

  /** The 10,000 test images. */
  public LabeledImages test() {
    return test;
  }

  /** Mean and standard deviation of the training pixels; apply to train and test alike. */
  public Normalization normalization() {
    return normalization;
  }
}
