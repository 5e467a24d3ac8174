package org.pruninglab.labkit.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pruninglab.Environment.Need;
import org.pruninglab.Needs;

@Needs(Need.FASHION_MNIST)
class FashionMnistTest {

  @TempDir Path tmp;

  private final FashionMnist data = FashionMnist.load(FashionMnist.DEBIAN_DIR);

  @Test
  void the_debian_files_hold_60000_training_and_10000_test_images_balanced_over_ten_classes() {
    assertThat(data.train().size()).isEqualTo(60_000);
    assertThat(data.test().size()).isEqualTo(10_000);
    assertThat(data.train().rows()).isEqualTo(28);
    assertThat(data.train().cols()).isEqualTo(28);
    assertThat(data.train().labelHistogram()).containsOnly(6_000).hasSize(10);
    assertThat(data.test().labelHistogram()).containsOnly(1_000).hasSize(10);
  }

  @Test
  void the_first_images_are_ankle_boots_with_known_pixel_sums() {
    assertThat(data.train().label(0)).isEqualTo(9);
    assertThat(pixelSum(data.train(), 0)).isEqualTo(76_247);
    assertThat(data.test().label(0)).isEqualTo(9);
    assertThat(pixelSum(data.test(), 0)).isEqualTo(33_456);
    assertThat(FashionMnist.CLASS_NAMES.get(9)).isEqualTo("Ankle boot");
  }

  @Test
  void normalisation_comes_from_the_training_pixels_as_in_the_reference_runs() {
    assertThat(data.normalization().mean()).isCloseTo(0.2860406, within(5e-8));
    assertThat(data.normalization().std()).isCloseTo(0.3530242, within(5e-8));
  }

  @Test
  void a_second_load_of_the_same_folder_is_served_from_the_cache() {
    assertThat(FashionMnist.load(FashionMnist.DEBIAN_DIR.resolve("."))).isSameAs(data);
  }

  @Test
  void first_per_class_takes_the_first_images_of_each_class_in_order() {
    LabeledImages subset = data.train().firstPerClass(3);

    assertThat(subset.size()).isEqualTo(30);
    assertThat(subset.labelHistogram()).containsOnly(3);
    assertThat(subset.label(0)).isEqualTo(9);
    assertThat(pixelSum(subset, 0)).isEqualTo(76_247);
  }

  @Test
  void files_in_the_same_format_load_whether_gzipped_or_plain() throws IOException {
    writeIdx(
        tmp.resolve("train-images-idx3-ubyte"),
        3,
        new int[] {2, 2, 2},
        new byte[] {1, 2, 3, 4, 5, 6, 7, 8},
        false);
    writeIdx(tmp.resolve("train-labels-idx1-ubyte.gz"), 1, new int[] {2}, new byte[] {7, 1}, true);
    writeIdx(
        tmp.resolve("t10k-images-idx3-ubyte.gz"),
        3,
        new int[] {1, 2, 2},
        new byte[] {0, 0, 0, (byte) 255},
        true);
    writeIdx(tmp.resolve("t10k-labels-idx1-ubyte.gz"), 1, new int[] {1}, new byte[] {3}, true);

    FashionMnist tiny = FashionMnist.load(tmp);

    assertThat(tiny.train().size()).isEqualTo(2);
    assertThat(tiny.train().label(0)).isEqualTo(7);
    assertThat(tiny.train().pixel(1, 3)).isEqualTo(8);
    assertThat(tiny.test().pixel(0, 3)).isEqualTo(255);
  }

  @Test
  void a_truncated_file_is_reported_with_its_name_and_the_package_to_install() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("broken"));
    for (String name :
        new String[] {
          "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"
        }) {
      Files.copy(FashionMnist.DEBIAN_DIR.resolve(name), dir.resolve(name));
    }
    writeIdx(
        dir.resolve("train-images-idx3-ubyte.gz"),
        3,
        new int[] {60_000, 28, 28},
        new byte[100],
        true);

    assertThatThrownBy(() -> FashionMnist.load(dir))
        .isInstanceOf(DataSetException.class)
        .hasMessageContaining(dir.resolve("train-images-idx3-ubyte.gz").toString())
        .hasMessageContaining("truncated")
        .hasMessageContaining("dataset-fashion-mnist");
  }

  @Test
  void a_file_that_is_not_idx_and_a_missing_file_are_reported_clearly() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("wrong"));
    Files.writeString(dir.resolve("train-images-idx3-ubyte"), "hello, I am not an idx file");

    assertThatThrownBy(() -> FashionMnist.load(dir))
        .isInstanceOf(DataSetException.class)
        .hasMessageContaining("train-images-idx3-ubyte")
        .hasMessageContaining("is not a valid idx file: its magic number is 0x68656c6c");

    Files.delete(dir.resolve("train-images-idx3-ubyte"));
    assertThatThrownBy(() -> FashionMnist.load(dir))
        .hasMessageContaining("train-images-idx3-ubyte.gz is missing")
        .hasMessageContaining("apt-get install dataset-fashion-mnist");
    assertThatThrownBy(() -> FashionMnist.load(tmp.resolve("nowhere")))
        .hasMessageContaining("does not exist");
  }

  private static long pixelSum(LabeledImages images, int i) {
    long sum = 0;
    for (int p = 0; p < images.pixelsPerImage(); p++) {
      sum += images.pixel(i, p);
    }
    return sum;
  }

  private static void writeIdx(Path file, int rank, int[] dims, byte[] data, boolean gzip)
      throws IOException {
    ByteBuffer header = ByteBuffer.allocate(4 + 4 * rank);
    header.putInt(0x800 | rank);
    for (int d : dims) {
      header.putInt(d);
    }
    try (OutputStream raw = Files.newOutputStream(file);
        OutputStream out = gzip ? new GZIPOutputStream(raw) : raw) {
      out.write(header.array());
      out.write(data);
    }
  }
}
