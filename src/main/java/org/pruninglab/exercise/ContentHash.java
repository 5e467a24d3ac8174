package org.pruninglab.exercise;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SHA-256 of everything of a pack: every file under {@code exercises/<id>/} and {@code
 * grader/<id>/} (metadata, statement, starter, public and hidden tests, helpers, reference,
 * variants), each as its path relative to the packs' root, a zero byte, its length and its bytes,
 * in path order. Two loads of the same files give the same hash on every node; any change to any
 * file gives another.
 */
final class ContentHash {

  private ContentHash() {}

  static String of(String id, Path exercise, Path grader) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    try {
      add(sha, "exercises/" + id, exercise);
      add(sha, "grader/" + id, grader);
    } catch (IOException e) {
      throw new PackException(id, "cannot read the pack's files: " + e.getMessage());
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void add(MessageDigest sha, String prefix, Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(Files::isRegularFile)
              .sorted((a, b) -> relative(root, a).compareTo(relative(root, b)))
              .toList();
    }
    for (Path f : files) {
      byte[] bytes = Files.readAllBytes(f);
      sha.update((prefix + "/" + relative(root, f)).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(Long.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(bytes);
    }
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }
}
