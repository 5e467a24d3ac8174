package org.pruninglab.labkit.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads an idx file of unsigned bytes (the MNIST format), gzip-compressed or plain: a magic number
 * {@code 0x000008NN} where NN is the number of dimensions, the dimensions as big-endian ints, then
 * the bytes.
 */
final class IdxFile {

  static final String PACKAGE_HINT =
      "Install Debian's package dataset-fashion-mnist (apt-get install dataset-fashion-mnist) or"
          + " point lab.data.fashion-mnist-dir at a folder with the four idx .gz files.";

  private IdxFile() {}

  /**
   * The dimensions and the bytes of an idx file whose number of dimensions must be {@code rank}.
   */
  record Content(int[] dims, byte[] data) {}

  static Content read(Path file, int rank) {
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = new BufferedInputStream(maybeGunzip(file, raw), 1 << 16);
        DataInputStream data = new DataInputStream(in)) {
      int magic = data.readInt();
      if ((magic >>> 8) != 0x08 || (magic & 0xff) != rank) {
        throw corrupt(
            file,
            String.format(
                "its magic number is 0x%08x, expected 0x%08x (unsigned bytes, %d dimensions)",
                magic, 0x800 | rank, rank));
      }
      int[] dims = new int[rank];
      long size = 1;
      for (int i = 0; i < rank; i++) {
        dims[i] = data.readInt();
        if (dims[i] <= 0) {
          throw corrupt(file, "dimension " + i + " is " + dims[i]);
        }
        size *= dims[i];
      }
      if (size > Integer.MAX_VALUE - 16) {
        throw corrupt(file, "it claims " + size + " bytes of data");
      }
      byte[] bytes = new byte[(int) size];
      int read = data.readNBytes(bytes, 0, bytes.length);
      if (read < bytes.length) {
        throw corrupt(
            file,
            "it is truncated: dimensions "
                + Arrays.toString(dims)
                + " need "
                + size
                + " bytes, found "
                + read);
      }
      return new Content(dims, bytes);
    } catch (NoSuchFileException e) {
      throw new DataSetException("The data file " + file + " is missing. " + PACKAGE_HINT, e);
    } catch (ZipException | EOFException e) {
      throw corrupt(file, "it is damaged (" + e.getMessage() + ")");
    } catch (IOException e) {
      throw new DataSetException("The data file " + file + " cannot be read: " + e, e);
    }
  }

  private static InputStream maybeGunzip(Path file, InputStream raw) throws IOException {
    return file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
  }

  private static DataSetException corrupt(Path file, String why) {
    return new DataSetException(
        "The data file " + file + " is not a valid idx file: " + why + ". " + PACKAGE_HINT);
  }
}
