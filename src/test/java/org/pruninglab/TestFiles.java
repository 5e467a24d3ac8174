package org.pruninglab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.stream.Stream;

/** File helpers for tests: copies of the repository's exercise packs, folders of their own. */
public final class TestFiles {

  private TestFiles() {}

  /** The project's folder (Failsafe says it; Surefire runs in it). */
  public static Path projectDir() {
    return Path.of(System.getProperty("lab.test.project-dir", ".")).toAbsolutePath();
  }

  /** A file of the repository as text, such as a reference solution. */
  public static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Copies the pack {@code id} of the repository ({@code exercises/ID}, {@code grader/ID}) into
   * {@code packs} ({@code packs/exercises/AS}, {@code packs/grader/AS}), as the pack {@code as}:
   * its id in exercise.json replaced where {@code as} differs.
   */
  public static void copyPack(String id, Path packs, String as) throws IOException {
    copy(Path.of("exercises", id), packs.resolve("exercises").resolve(as));
    copy(Path.of("grader", id), packs.resolve("grader").resolve(as));
    if (!as.equals(id)) {
      Path meta = packs.resolve("exercises").resolve(as).resolve("exercise.json");
      Files.writeString(meta, Files.readString(meta).replace("\"" + id + "\"", "\"" + as + "\""));
    }
  }

  /** Copies a file, or a folder with everything under it, replacing what is there. */
  public static void copy(Path from, Path to) throws IOException {
    if (Files.isRegularFile(from)) {
      Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
      return;
    }
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  /** Deletes a file or a folder with everything under it; nothing there is fine. */
  public static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> all = Files.walk(path)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
